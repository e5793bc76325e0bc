CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text,
    roles text[] NOT NULL DEFAULT '{}',
    scores integer[],
    matrix double precision[][],
    recovery_codes varchar(12)[] DEFAULT ARRAY['none']::varchar(12)[]
);
