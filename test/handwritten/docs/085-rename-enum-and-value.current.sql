CREATE TYPE state AS ENUM ('new', 'wip', 'done');
CREATE TABLE tickets (id serial PRIMARY KEY, state state NOT NULL DEFAULT 'new');
INSERT INTO tickets (state) VALUES ('new'), ('wip'), ('done');
