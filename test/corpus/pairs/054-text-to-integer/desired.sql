CREATE TABLE imports (id integer PRIMARY KEY, quantity integer, year smallint NOT NULL);
