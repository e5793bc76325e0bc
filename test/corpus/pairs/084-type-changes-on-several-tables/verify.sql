SELECT capacity = 10.50 AND label = 'A1' FROM bins WHERE id = 1;
