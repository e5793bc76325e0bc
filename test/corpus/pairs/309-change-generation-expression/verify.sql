SELECT full_name = 'Lovelace, Ada' FROM people;
