CREATE TYPE team_kind AS ENUM ('core', 'guest');
CREATE TABLE teams (id integer PRIMARY KEY, name text NOT NULL, kind team_kind NOT NULL DEFAULT 'core', captain_id integer);
CREATE TABLE players (id integer PRIMARY KEY, name text NOT NULL, team_id integer REFERENCES teams (id));
ALTER TABLE teams ADD CONSTRAINT teams_captain_fk FOREIGN KEY (captain_id) REFERENCES players (id) DEFERRABLE INITIALLY DEFERRED;
BEGIN;
INSERT INTO teams VALUES (1, 'Red', 'core', 10), (2, 'Blue', 'guest', NULL);
INSERT INTO players VALUES (10, 'Ann', 1), (11, 'Ben', 1), (12, 'Cat', 2);
COMMIT;
