CREATE TABLE parents (id integer PRIMARY KEY, name text);
CREATE TABLE kids (id integer PRIMARY KEY, par_id integer, name text);
ALTER TABLE kids ADD FOREIGN KEY (par_id) REFERENCES parents NOT VALID;
