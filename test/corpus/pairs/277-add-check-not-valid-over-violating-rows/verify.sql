SELECT celsius = -300 FROM readings WHERE id = 2;
