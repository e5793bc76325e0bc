CREATE TABLE prefs (
    user_id integer NOT NULL PRIMARY KEY,
    theme text NOT NULL DEFAULT 'light'::text,
    font_size int2 NOT NULL DEFAULT (14),
    beta boolean NOT NULL DEFAULT TRUE,
    emails boolean DEFAULT 'f',
    ratio numeric(4,2) DEFAULT 1.50,
    since timestamp with time zone NOT NULL DEFAULT now(),
    tags text[] NOT NULL DEFAULT ARRAY[]::text[],
    extra jsonb NOT NULL DEFAULT '{}'::jsonb,
    code character varying(8) DEFAULT 'x'::character varying,
    neg int DEFAULT '-1'
);
INSERT INTO prefs (user_id) VALUES (1), (2);
