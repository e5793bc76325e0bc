SELECT size = 'small' FROM shirts WHERE id = 1;
SELECT size = 'm' FROM shirts WHERE id = 2;
SELECT count(*) = 2 FROM shirts WHERE size = 'large';
