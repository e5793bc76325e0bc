SELECT k = 'y' FROM things WHERE id = 2;
