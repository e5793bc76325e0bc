CREATE TABLE preferences (user_id integer PRIMARY KEY, data jsonb NOT NULL DEFAULT '{"theme": "light", "tz": null}'::jsonb, newsletter boolean NOT NULL DEFAULT false);
