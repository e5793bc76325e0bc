SELECT value = 'b' FROM settings WHERE key = 'a';
