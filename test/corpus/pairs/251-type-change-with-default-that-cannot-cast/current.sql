CREATE TABLE counters (id integer PRIMARY KEY, code text DEFAULT '0', flag text DEFAULT 'true', at text DEFAULT '2024-01-01');
INSERT INTO counters VALUES (1, '42', 'false', '2023-05-05'), (2, DEFAULT, DEFAULT, DEFAULT);
