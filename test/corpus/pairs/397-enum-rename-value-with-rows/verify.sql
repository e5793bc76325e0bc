SELECT mood = 'unhappy' FROM people WHERE id = 2;
