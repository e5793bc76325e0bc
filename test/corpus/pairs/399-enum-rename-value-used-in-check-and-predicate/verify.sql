SELECT mood = 'blue' FROM people;
