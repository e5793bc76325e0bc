CREATE TABLE imports (id integer PRIMARY KEY, quantity text, year text NOT NULL);
INSERT INTO imports VALUES (1, '12', '2023'), (2, NULL, '2024'), (3, '-7', '1999');
