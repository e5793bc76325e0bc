CREATE TYPE status AS ENUM ('a', 'b', 'vip');
CREATE TABLE t (id integer PRIMARY KEY, status status NOT NULL, is_vip boolean GENERATED ALWAYS AS (status = 'vip') STORED);
