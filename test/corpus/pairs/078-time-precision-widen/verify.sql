SELECT duration = interval '8 hours' FROM shifts;
