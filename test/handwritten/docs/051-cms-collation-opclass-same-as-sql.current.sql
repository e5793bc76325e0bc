CREATE TABLE pages (
    id serial4 NOT NULL,
    path text COLLATE "C" NOT NULL,
    title varchar(300) NOT NULL,
    lang bpchar(2) NOT NULL DEFAULT 'en'::bpchar,
    body text,
    updated_at timestamptz(0) NOT NULL DEFAULT NOW(),
    PRIMARY KEY (id),
    UNIQUE (path, lang)
);
CREATE INDEX ON pages (title varchar_pattern_ops);
CREATE INDEX ON pages (lang) INCLUDE (title);
CREATE INDEX ON pages (updated_at DESC NULLS LAST);
INSERT INTO pages (path, title, body) VALUES ('/', 'Home', 'Welcome'), ('/about', 'About', NULL);
INSERT INTO pages (path, title, lang) VALUES ('/', 'Accueil', 'fr');
