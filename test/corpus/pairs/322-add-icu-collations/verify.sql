SELECT de = 'Ä' FROM names;
