SELECT mood = 'sad' FROM people WHERE id = 2;
