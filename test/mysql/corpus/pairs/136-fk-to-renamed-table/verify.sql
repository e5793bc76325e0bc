SELECT pid = 7 FROM kid;
