CREATE TYPE status AS ENUM ('y', 'x');
CREATE TABLE kinds (k status PRIMARY KEY);
CREATE TABLE things (id integer PRIMARY KEY, k status);
ALTER TABLE things ADD CONSTRAINT things_k_fkey FOREIGN KEY (k) REFERENCES kinds NOT VALID;
