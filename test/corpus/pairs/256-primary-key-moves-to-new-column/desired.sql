CREATE TABLE sessions (id bigserial PRIMARY KEY, token text NOT NULL UNIQUE, user_id integer NOT NULL);
