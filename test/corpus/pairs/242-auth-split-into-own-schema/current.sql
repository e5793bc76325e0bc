CREATE TABLE users (id uuid PRIMARY KEY, email text NOT NULL UNIQUE, name text);
CREATE TABLE documents (id serial PRIMARY KEY, owner_id uuid REFERENCES users, title text);
INSERT INTO users VALUES ('ffffffff-0000-4000-8000-000000000001', 'a@x.test', 'A');
INSERT INTO documents (owner_id, title) VALUES ('ffffffff-0000-4000-8000-000000000001', 'memo');
