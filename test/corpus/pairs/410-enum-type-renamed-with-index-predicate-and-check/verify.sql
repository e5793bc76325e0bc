SELECT st = 'off' FROM switches WHERE id = 2;
