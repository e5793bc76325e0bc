CREATE TABLE jobs (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
INSERT INTO jobs (name) VALUES ('backup'), ('report');
