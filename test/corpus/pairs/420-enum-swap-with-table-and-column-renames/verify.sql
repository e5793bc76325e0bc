SELECT state = 'c' FROM things WHERE id = 2;
