CREATE TABLE tokens (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, value text NOT NULL);
INSERT INTO tokens (value) VALUES ('a'), ('b');
