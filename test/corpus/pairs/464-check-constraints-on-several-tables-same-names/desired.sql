CREATE TABLE a (id integer PRIMARY KEY, v integer);
CREATE TABLE b (id integer PRIMARY KEY, v integer, CONSTRAINT v_positive CHECK (v > 0));
