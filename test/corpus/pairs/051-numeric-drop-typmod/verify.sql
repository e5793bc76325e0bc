SELECT value = 12345678.91 FROM readings WHERE id = 1;
