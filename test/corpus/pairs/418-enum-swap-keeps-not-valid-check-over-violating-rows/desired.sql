CREATE TYPE status AS ENUM ('ok', 'bad');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL);
ALTER TABLE t ADD CONSTRAINT t_never_bad CHECK (status <> 'bad') NOT VALID;
