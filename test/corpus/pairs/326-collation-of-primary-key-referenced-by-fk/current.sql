CREATE TABLE countries (code text PRIMARY KEY);
CREATE TABLE cities (id integer PRIMARY KEY, country text REFERENCES countries);
INSERT INTO countries VALUES ('DE'), ('fr');
INSERT INTO cities VALUES (1, 'DE'), (2, 'fr');
