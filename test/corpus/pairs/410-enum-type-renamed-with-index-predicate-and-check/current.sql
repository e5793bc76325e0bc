CREATE TYPE st AS ENUM ('on', 'off');
CREATE TABLE switches (id integer PRIMARY KEY, st st NOT NULL, CONSTRAINT off_needs_id CHECK (st <> 'off' OR id > 0));
CREATE INDEX switches_on_idx ON switches (id) WHERE st = 'on';
INSERT INTO switches VALUES (1, 'on'), (2, 'off');
