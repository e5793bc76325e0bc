CREATE TABLE counters (id integer PRIMARY KEY, n bigint NOT NULL CHECK (n >= 0), label text CHECK (label <> ''));
