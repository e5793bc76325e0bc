CREATE TABLE a (id integer PRIMARY KEY, extra text);
COMMENT ON COLUMN a.extra IS 'added later';
CREATE TABLE b (id integer PRIMARY KEY, v integer);
COMMENT ON TABLE b IS 'brand new';
COMMENT ON COLUMN b.v IS 'value';
