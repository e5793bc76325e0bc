SELECT seats = 1 AND currency = 'USD' FROM plans;
