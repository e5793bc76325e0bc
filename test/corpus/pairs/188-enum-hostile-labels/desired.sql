CREATE TYPE "weird label" AS ENUM ('a', 'it''s', 'with space', 'semi;colon', '"quoted"', 'UPPER', 'émoji 🎉', 'back\slash', 'x'');DROP TABLE t;--');
CREATE TABLE t (id integer PRIMARY KEY, v "weird label" DEFAULT 'it''s');
