CREATE TABLE tenants (id serial PRIMARY KEY, name text NOT NULL);
CREATE TABLE projects (id serial PRIMARY KEY, tenant_id integer NOT NULL REFERENCES tenants, name text NOT NULL);
CREATE TABLE tasks (id serial PRIMARY KEY, project_id integer NOT NULL REFERENCES projects, title text NOT NULL, done boolean NOT NULL DEFAULT false);
INSERT INTO tenants (name) VALUES ('acme'), ('globex');
INSERT INTO projects (tenant_id, name) VALUES (1, 'site'), (1, 'app');
INSERT INTO tasks (project_id, title) VALUES (1, 'design'), (1, 'build'), (2, 'ship');
