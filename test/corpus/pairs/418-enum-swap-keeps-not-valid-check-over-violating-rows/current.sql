CREATE TYPE status AS ENUM ('ok', 'bad', 'gone');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL);
INSERT INTO t VALUES (1, 'ok'), (2, 'bad'), (3, 'gone');
ALTER TABLE t ADD CONSTRAINT t_never_bad CHECK (status <> 'bad') NOT VALID;
