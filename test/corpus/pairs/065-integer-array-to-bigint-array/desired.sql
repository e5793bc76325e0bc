CREATE TABLE routes (id integer PRIMARY KEY, stop_ids bigint[] NOT NULL DEFAULT '{}');
