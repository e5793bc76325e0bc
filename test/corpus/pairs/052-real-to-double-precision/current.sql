CREATE TABLE sensors (id integer PRIMARY KEY, temperature real, humidity real NOT NULL DEFAULT 0);
INSERT INTO sensors VALUES (1, 21.5, 40), (2, NULL, 55.25);
