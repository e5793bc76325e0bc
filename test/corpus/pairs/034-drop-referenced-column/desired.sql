CREATE TABLE countries (id integer PRIMARY KEY, name text NOT NULL);
CREATE TABLE cities (id integer PRIMARY KEY, name text NOT NULL, country_code char(2), country_id integer REFERENCES countries (id));
