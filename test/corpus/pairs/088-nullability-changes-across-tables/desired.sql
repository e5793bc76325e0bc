CREATE TABLE projects (id integer PRIMARY KEY, name text NOT NULL, owner text);
CREATE TABLE issues (id integer PRIMARY KEY, project_id integer REFERENCES projects, title text NOT NULL, closed_at timestamptz);
