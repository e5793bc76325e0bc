CREATE TABLE a (id integer PRIMARY KEY, body text) WITH (fillfactor = 80);
CREATE TABLE b (id integer PRIMARY KEY, body text);
CREATE TABLE c (id integer PRIMARY KEY, body text) WITH (autovacuum_vacuum_scale_factor = 0.02,
  toast.autovacuum_vacuum_threshold = 500, toast_tuple_target = 4080, vacuum_index_cleanup = auto);
