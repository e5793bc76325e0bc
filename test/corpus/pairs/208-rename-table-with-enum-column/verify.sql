SELECT kind = 'dog' FROM animals WHERE name = 'Rex';
