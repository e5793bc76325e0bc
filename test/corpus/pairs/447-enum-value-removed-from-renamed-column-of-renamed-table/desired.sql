CREATE TYPE status AS ENUM ('a', 'b');
CREATE TABLE items (id integer PRIMARY KEY, state status NOT NULL, other status);
