CREATE TABLE users (id integer PRIMARY KEY, login text COLLATE "C" NOT NULL UNIQUE, nick text COLLATE "und-x-icu");
CREATE INDEX users_nick_idx ON users (nick) WHERE nick IS NOT NULL;
CREATE INDEX users_lower_login_idx ON users (lower(login));
