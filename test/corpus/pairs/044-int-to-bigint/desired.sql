CREATE TABLE page_hits (id integer PRIMARY KEY, hits bigint NOT NULL DEFAULT 0);
