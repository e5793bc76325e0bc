CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text,
    public_id uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE
);
