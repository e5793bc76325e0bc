CREATE TABLE tickets (no serial PRIMARY KEY, subject text);
INSERT INTO tickets (subject) VALUES ('a'), ('b');
