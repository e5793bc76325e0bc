SELECT mood IS NULL FROM people WHERE id = 2;
SELECT mood = 'happy' FROM people WHERE id = 1;
