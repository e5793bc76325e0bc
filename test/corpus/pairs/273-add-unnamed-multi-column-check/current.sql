CREATE TABLE bookings (id integer PRIMARY KEY, starts date NOT NULL, ends date NOT NULL);
INSERT INTO bookings VALUES (1, '2024-01-01', '2024-01-05');
