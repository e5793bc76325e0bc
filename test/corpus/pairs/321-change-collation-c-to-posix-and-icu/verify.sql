SELECT a = 'a' AND b = 'b' AND c = 'c' FROM words;
