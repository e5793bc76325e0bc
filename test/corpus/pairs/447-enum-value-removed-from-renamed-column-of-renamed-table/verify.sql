SELECT state = 'a' AND other = 'b' FROM items;
