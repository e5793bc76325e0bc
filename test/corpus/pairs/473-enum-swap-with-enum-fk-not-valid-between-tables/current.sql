CREATE TYPE status AS ENUM ('x', 'y', 'w');
CREATE TABLE kinds (k status PRIMARY KEY);
CREATE TABLE things (id integer PRIMARY KEY, k status);
INSERT INTO kinds VALUES ('x');
INSERT INTO things VALUES (1, 'x'), (2, 'y');
ALTER TABLE things ADD CONSTRAINT things_k_fkey FOREIGN KEY (k) REFERENCES kinds NOT VALID;
