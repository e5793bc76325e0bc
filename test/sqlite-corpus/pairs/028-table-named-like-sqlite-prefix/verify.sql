SELECT v = 'x' FROM sqlitefoo;
