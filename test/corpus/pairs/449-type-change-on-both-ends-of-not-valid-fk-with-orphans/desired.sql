CREATE TABLE parents (id bigint PRIMARY KEY);
CREATE TABLE children (id integer PRIMARY KEY, parent_id bigint);
ALTER TABLE children ADD CONSTRAINT children_parent_fk FOREIGN KEY (parent_id) REFERENCES parents NOT VALID;
