CREATE TABLE par (id integer PRIMARY KEY, name text);
CREATE TABLE kid (id integer PRIMARY KEY, par_id integer, name text);
INSERT INTO kid VALUES (1, 5, 'x');
ALTER TABLE kid ADD FOREIGN KEY (par_id) REFERENCES par NOT VALID;
