CREATE TABLE events (id integer PRIMARY KEY, payload jsonb NOT NULL, tags text[] NOT NULL DEFAULT '{}');
INSERT INTO events VALUES (1, '{"kind": "click", "n": 3}', '{a,b}');
