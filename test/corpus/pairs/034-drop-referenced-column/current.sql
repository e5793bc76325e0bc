CREATE TABLE countries (id integer PRIMARY KEY, iso_code char(2) NOT NULL UNIQUE, name text NOT NULL);
CREATE TABLE cities (id integer PRIMARY KEY, name text NOT NULL, country_code char(2) REFERENCES countries (iso_code), country_id integer REFERENCES countries (id));
INSERT INTO countries VALUES (1, 'FR', 'France'), (2, 'JP', 'Japan');
INSERT INTO cities VALUES (1, 'Paris', 'FR', 1), (2, 'Osaka', 'JP', 2);
