CREATE TABLE parents (id integer PRIMARY KEY);
CREATE TABLE children (id integer PRIMARY KEY, parent_id integer);
INSERT INTO parents VALUES (1);
INSERT INTO children VALUES (1, 1), (2, 77);
ALTER TABLE children ADD CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents NOT VALID;
