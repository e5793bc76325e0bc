CREATE TABLE docs (id integer PRIMARY KEY, body jsonb NOT NULL);
INSERT INTO docs VALUES (1, '{"meta": {"a": 1}}');
