CREATE TABLE sessions (token text PRIMARY KEY, user_id integer NOT NULL);
INSERT INTO sessions VALUES ('t1', 1), ('t2', 2);
