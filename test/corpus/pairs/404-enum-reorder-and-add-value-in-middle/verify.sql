SELECT stage = 'done' FROM cards WHERE id = 1;
