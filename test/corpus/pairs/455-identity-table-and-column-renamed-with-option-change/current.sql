CREATE TABLE tmp (no bigint GENERATED ALWAYS AS IDENTITY (CACHE 5) PRIMARY KEY, v text);
INSERT INTO tmp (v) VALUES ('a'), ('b'), ('c');
