CREATE TABLE projects (id integer PRIMARY KEY, name text, owner text NOT NULL);
CREATE TABLE issues (id integer PRIMARY KEY, project_id integer NOT NULL REFERENCES projects, title text, closed_at timestamptz NOT NULL DEFAULT now());
INSERT INTO projects VALUES (1, 'viborm', 'lead');
INSERT INTO issues VALUES (1, 1, 'bug', '2024-01-01 00:00+00');
