CREATE TABLE users (id integer PRIMARY KEY, score integer NOT NULL DEFAULT 0 CHECK (score >= 0),
  email text CONSTRAINT email_has_at CHECK (email LIKE '%@%'));
