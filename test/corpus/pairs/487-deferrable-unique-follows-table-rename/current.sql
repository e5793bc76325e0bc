CREATE TABLE slot (id integer PRIMARY KEY, pos integer, CONSTRAINT slot_pos_key UNIQUE (pos) DEFERRABLE);
INSERT INTO slot VALUES (1, 1), (2, 2);
