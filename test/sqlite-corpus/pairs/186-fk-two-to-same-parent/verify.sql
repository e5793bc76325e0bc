SELECT sender = 1 AND receiver = 2 FROM msg;
