CREATE TABLE tenants (id serial PRIMARY KEY, name text NOT NULL, UNIQUE (name));
CREATE TABLE projects (
    id serial,
    tenant_id integer NOT NULL REFERENCES tenants ON DELETE CASCADE,
    name text NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, name)
);
CREATE TABLE tasks (
    id serial PRIMARY KEY,
    tenant_id integer NOT NULL DEFAULT 1,
    project_id integer NOT NULL,
    title text NOT NULL,
    done boolean NOT NULL DEFAULT false,
    FOREIGN KEY (tenant_id, project_id) REFERENCES projects (tenant_id, id) ON DELETE CASCADE
);
