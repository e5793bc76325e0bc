CREATE TYPE status AS ENUM ('active', 'paused');
CREATE TABLE subs (id integer PRIMARY KEY, user_id integer NOT NULL, status status NOT NULL);
CREATE UNIQUE INDEX subs_one_active ON subs (user_id) WHERE status = 'active';
CREATE INDEX subs_not_paused ON subs (id) WHERE status <> 'paused';
