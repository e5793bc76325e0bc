CREATE TYPE switch_state AS ENUM ('on', 'off');
CREATE TABLE switches (id integer PRIMARY KEY, st switch_state NOT NULL, CONSTRAINT off_needs_id CHECK (st <> 'off' OR id > 0));
CREATE INDEX switches_on_idx ON switches (id) WHERE st = 'on';
