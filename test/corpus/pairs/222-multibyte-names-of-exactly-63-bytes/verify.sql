SELECT body = 'x' FROM notes;
