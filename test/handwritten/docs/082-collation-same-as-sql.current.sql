CREATE TABLE tags (
    id smallint PRIMARY KEY,
    slug character varying(40) COLLATE "C" NOT NULL UNIQUE,
    label text COLLATE pg_catalog."POSIX",
    note text
);
INSERT INTO tags VALUES (1, 'a-b', 'A b', NULL);
