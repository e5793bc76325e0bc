SELECT rate = 0.33 FROM rates WHERE id = 2;
