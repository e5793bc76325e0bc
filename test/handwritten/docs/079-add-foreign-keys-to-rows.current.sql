CREATE TABLE countries (iso char(2) PRIMARY KEY, name text NOT NULL);
CREATE TABLE regions (country char(2), code varchar(3), name text, PRIMARY KEY (country, code));
CREATE TABLE addresses (id serial PRIMARY KEY, country char(2) NOT NULL, region varchar(3), line1 text NOT NULL);
INSERT INTO countries VALUES ('FR', 'France'), ('DE', 'Germany');
INSERT INTO regions VALUES ('FR', 'IDF', 'Île-de-France'), ('DE', 'BY', 'Bayern');
INSERT INTO addresses (country, region, line1) VALUES ('FR', 'IDF', '1 rue X'), ('DE', NULL, 'Hauptstr. 2'), ('DE', 'BY', 'Marienplatz');
