SELECT first_name = 'Alan' FROM people WHERE id = 2;
