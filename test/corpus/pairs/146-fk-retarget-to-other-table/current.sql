CREATE TABLE people (id integer PRIMARY KEY, name text);
CREATE TABLE companies (id integer PRIMARY KEY, name text);
CREATE TABLE contracts (id integer PRIMARY KEY, party_id integer REFERENCES people (id));
INSERT INTO people VALUES (1, 'Ann');
INSERT INTO companies VALUES (1, 'Acme'), (2, 'Globex');
INSERT INTO contracts VALUES (1, 1);
