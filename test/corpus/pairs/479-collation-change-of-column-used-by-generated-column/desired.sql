CREATE TABLE t (id integer PRIMARY KEY, name text COLLATE "C" NOT NULL, shout text GENERATED ALWAYS AS (upper(name)) STORED);
