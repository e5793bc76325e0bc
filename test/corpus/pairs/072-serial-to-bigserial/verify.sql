SELECT max(id) = 2 FROM events;
