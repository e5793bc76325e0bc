CREATE TYPE severity AS ENUM ('low', 'high');
CREATE TABLE services (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE incidents (id integer PRIMARY KEY, service_id integer NOT NULL REFERENCES services, severity severity NOT NULL DEFAULT 'low');
