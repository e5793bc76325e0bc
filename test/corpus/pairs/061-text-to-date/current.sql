CREATE TABLE holidays (id integer PRIMARY KEY, day text NOT NULL, name text);
INSERT INTO holidays VALUES (1, '2024-12-25', 'Christmas'), (2, '2024-07-14', 'Bastille Day');
