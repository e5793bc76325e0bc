CREATE TABLE tickets (id integer PRIMARY KEY, priority text);
INSERT INTO tickets VALUES (1, 'low'), (2, 'high'), (3, NULL);
