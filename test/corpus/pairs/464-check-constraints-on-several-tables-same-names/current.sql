CREATE TABLE a (id integer PRIMARY KEY, v integer, CONSTRAINT v_positive CHECK (v > 0));
CREATE TABLE b (id integer PRIMARY KEY, v integer);
INSERT INTO a VALUES (1, 1); INSERT INTO b VALUES (1, 2);
