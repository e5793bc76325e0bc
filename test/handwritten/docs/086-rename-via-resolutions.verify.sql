SELECT given_name = 'Ada' FROM people;
