CREATE TABLE people (id integer PRIMARY KEY, name text);
CREATE TABLE companies (id integer PRIMARY KEY, name text);
CREATE TABLE contracts (id integer PRIMARY KEY, party_id integer REFERENCES companies (id));
