CREATE TABLE sessions (id integer PRIMARY KEY, user_id integer NOT NULL, expires_at timestamptz, token text NOT NULL);
INSERT INTO sessions VALUES (1, 1, NULL, 'abc');
