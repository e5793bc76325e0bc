-- Default operator classes written out in the document are the defaults.
CREATE TABLE kv (k text PRIMARY KEY, v jsonb, n int, tags text[]);
CREATE INDEX ON kv USING GIN (v);
CREATE INDEX ON kv (n);
CREATE INDEX ON kv (k COLLATE "C");
CREATE INDEX ON kv USING gin (tags);
INSERT INTO kv VALUES ('a', '{"x": 1}', 1, '{t}');
