CREATE TABLE t (id integer PRIMARY KEY, code text COLLATE "C" NOT NULL CHECK (code > 'A'));
