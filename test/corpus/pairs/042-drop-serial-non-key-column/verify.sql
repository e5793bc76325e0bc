SELECT count(*) = 2 FROM tickets;
