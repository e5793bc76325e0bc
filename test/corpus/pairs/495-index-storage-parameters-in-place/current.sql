CREATE TABLE t (id integer PRIMARY KEY, v text, tags text[], at timestamp, g point);
CREATE INDEX t_v_idx ON t (v) WITH (fillfactor = 70);
CREATE INDEX t_tags_idx ON t USING gin (tags) WITH (fastupdate = off);
CREATE INDEX t_g_idx ON t USING gist (g);
CREATE INDEX t_at_idx ON t USING brin (at) WITH (autosummarize = on);
INSERT INTO t SELECT i, 'v' || i, ARRAY['a', 'b'], '2024-01-01'::timestamp + i * interval '1 hour', point(i, i)
FROM generate_series(1, 50) i;
