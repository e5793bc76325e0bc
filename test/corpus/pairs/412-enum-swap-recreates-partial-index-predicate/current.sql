CREATE TYPE status AS ENUM ('active', 'paused', 'gone');
CREATE TABLE subs (id integer PRIMARY KEY, user_id integer NOT NULL, status status NOT NULL);
CREATE UNIQUE INDEX subs_one_active ON subs (user_id) WHERE status = 'active';
CREATE INDEX subs_not_gone ON subs (id) WHERE status <> 'gone' AND status IS NOT NULL;
INSERT INTO subs VALUES (1, 1, 'active'), (2, 1, 'paused'), (3, 2, 'gone');
