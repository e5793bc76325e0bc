SELECT mood = 'sad' FROM people WHERE id = 2;
SELECT mood = 'happy' FROM people WHERE id = 1;
