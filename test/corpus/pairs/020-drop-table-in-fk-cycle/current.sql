CREATE TABLE nodes (id integer PRIMARY KEY, label text, first_edge_id integer);
CREATE TABLE edges (id integer PRIMARY KEY, from_id integer NOT NULL REFERENCES nodes (id), to_id integer NOT NULL REFERENCES nodes (id));
ALTER TABLE nodes ADD FOREIGN KEY (first_edge_id) REFERENCES edges (id);
INSERT INTO nodes VALUES (1, 'a', NULL), (2, 'b', NULL);
INSERT INTO edges VALUES (100, 1, 2), (101, 2, 1);
UPDATE nodes SET first_edge_id = 100 WHERE id = 1;
