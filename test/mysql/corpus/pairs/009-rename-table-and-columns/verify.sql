SELECT COUNT(*) = 2 FROM people;
SELECT name = 'Ada' AND age = 36 FROM people WHERE id = 1;
