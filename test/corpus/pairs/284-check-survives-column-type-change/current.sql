CREATE TABLE counters (id integer PRIMARY KEY, n integer NOT NULL CHECK (n >= 0), label varchar(10) CHECK (label <> ''));
INSERT INTO counters VALUES (1, 42, 'x');
