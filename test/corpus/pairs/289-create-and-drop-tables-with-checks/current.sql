CREATE TABLE old_rules (id integer PRIMARY KEY, v integer CHECK (v > 0), CONSTRAINT v_small CHECK (v < 10));
INSERT INTO old_rules VALUES (1, 5);
