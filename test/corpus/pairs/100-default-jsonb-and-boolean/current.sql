CREATE TABLE preferences (user_id integer PRIMARY KEY, data jsonb NOT NULL DEFAULT '{}', newsletter boolean NOT NULL DEFAULT true);
INSERT INTO preferences VALUES (1, '{"tz": "UTC"}', false), (2, DEFAULT, DEFAULT);
