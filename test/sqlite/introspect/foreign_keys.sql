-- Foreign keys: written on the column or the table, composite, to the
-- parent's primary key without naming it, to itself, with every action,
-- DEFERRABLE in its forms, MATCH (parsed, ignored by SQLite), names.
CREATE TABLE parent (id INTEGER PRIMARY KEY, code TEXT UNIQUE, x INT, y INT, UNIQUE (x, y));
CREATE TABLE pair (a INT, b INT, PRIMARY KEY (a, b));
CREATE TABLE child (
  id INTEGER PRIMARY KEY,
  p1 INT REFERENCES parent,
  p2 INT REFERENCES parent (id) ON DELETE CASCADE ON UPDATE RESTRICT,
  p3 TEXT CONSTRAINT child_code REFERENCES "PARENT" ("CODE") ON DELETE SET NULL,
  p4 INT REFERENCES parent ON DELETE SET DEFAULT ON UPDATE NO ACTION MATCH FULL,
  x INT, y INT, a INT, b INT,
  up INT REFERENCES child DEFERRABLE INITIALLY DEFERRED,
  p5 INT,
  FOREIGN KEY (x, y) REFERENCES parent (x, y) ON UPDATE CASCADE DEFERRABLE,
  CONSTRAINT child_pair FOREIGN KEY (a, b) REFERENCES pair NOT DEFERRABLE INITIALLY DEFERRED,
  FOREIGN KEY (p5) REFERENCES parent (id) DEFERRABLE INITIALLY IMMEDIATE
);
CREATE TABLE to_missing (a INT REFERENCES nowhere (id), b INT REFERENCES child (id) ON INSERT CASCADE);
CREATE TABLE twice (p INT, q INT, FOREIGN KEY (p) REFERENCES parent, FOREIGN KEY (q) REFERENCES parent);
