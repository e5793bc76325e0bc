CREATE TABLE t (id integer PRIMARY KEY, v text, tags text[], at timestamp, g point);
CREATE INDEX t_v_idx ON t (v) WITH (fillfactor = 90, deduplicate_items = off);
CREATE INDEX t_tags_idx ON t USING gin (tags) WITH (gin_pending_list_limit = 256);
CREATE INDEX t_g_idx ON t USING gist (g) WITH (buffering = on, fillfactor = 80);
CREATE INDEX t_at_idx ON t USING brin (at);
