SELECT priority = 'high' FROM tickets WHERE id = 2;
