SELECT square = 49 FROM squares;
