CREATE TABLE documents (id integer PRIMARY KEY, doc json NOT NULL DEFAULT '{}', meta json);
INSERT INTO documents VALUES (1, '{"title": "a", "tags": ["x"]}', '{}'), (2, DEFAULT, NULL);
