CREATE TYPE mood AS ENUM ('happy', 'unhappy');
CREATE TABLE people (id integer PRIMARY KEY, mood mood NOT NULL DEFAULT 'unhappy');
