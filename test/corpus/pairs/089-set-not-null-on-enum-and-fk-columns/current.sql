CREATE TYPE severity AS ENUM ('low', 'high');
CREATE TABLE services (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE incidents (id integer PRIMARY KEY, service_id integer REFERENCES services, severity severity);
INSERT INTO services VALUES (1, 'api');
INSERT INTO incidents VALUES (1, 1, 'high'), (2, 1, 'low');
