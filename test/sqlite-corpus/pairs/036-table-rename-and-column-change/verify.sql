SELECT name = 'a' FROM persons;
