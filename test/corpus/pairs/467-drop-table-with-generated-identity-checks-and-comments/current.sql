CREATE TABLE gone (id integer GENERATED ALWAYS AS IDENTITY (START 7) PRIMARY KEY, a integer CHECK (a > 0),
  b integer GENERATED ALWAYS AS (a * 2) STORED, c text COLLATE "C");
COMMENT ON TABLE gone IS 'gone';
CREATE INDEX gone_c_idx ON gone (c text_pattern_ops DESC) INCLUDE (b);
CREATE TABLE stays (id integer PRIMARY KEY);
INSERT INTO gone (a, c) VALUES (1, 'x');
