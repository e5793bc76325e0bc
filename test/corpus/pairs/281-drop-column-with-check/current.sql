CREATE TABLE users (id integer PRIMARY KEY, score integer NOT NULL DEFAULT 0 CHECK (score >= 0),
  nick text, CONSTRAINT nick_short CHECK (length(nick) < 20 AND score < 1000));
INSERT INTO users VALUES (1, 5, 'a');
