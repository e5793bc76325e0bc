SELECT length(body) = 280 AND summary = 'none' FROM notes WHERE id = 2;
