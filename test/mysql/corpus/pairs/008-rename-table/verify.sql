SELECT COUNT(*) = 2 FROM people;
SELECT name = 'Ada' FROM people WHERE id = 1;
