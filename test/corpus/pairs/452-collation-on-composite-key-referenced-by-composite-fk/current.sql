CREATE TABLE regions (country text, code text, PRIMARY KEY (country, code));
CREATE TABLE shops (id integer PRIMARY KEY, country text, region text, FOREIGN KEY (country, region) REFERENCES regions);
INSERT INTO regions VALUES ('DE', 'BY');
INSERT INTO shops VALUES (1, 'DE', 'BY');
