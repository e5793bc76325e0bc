SELECT mood = 'glad' FROM people WHERE id = 1;
SELECT mood = 'sad' FROM people WHERE id = 2;
