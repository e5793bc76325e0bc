CREATE TABLE teams (id integer PRIMARY KEY, name text);
CREATE TABLE members (id integer PRIMARY KEY, name text NOT NULL, team_id integer REFERENCES teams ON DELETE SET NULL, mentor_id integer REFERENCES members);
CREATE INDEX members_team_id_idx ON members (team_id);
INSERT INTO teams VALUES (1, 'core');
INSERT INTO members VALUES (1, 'Ann', 1, NULL), (2, 'Bo', 1, 1);
