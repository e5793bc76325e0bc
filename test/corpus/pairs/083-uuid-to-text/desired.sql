CREATE TABLE correlation (id integer PRIMARY KEY, trace_id text NOT NULL);
