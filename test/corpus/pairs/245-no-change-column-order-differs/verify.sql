SELECT born = '1815-12-10' FROM people;
