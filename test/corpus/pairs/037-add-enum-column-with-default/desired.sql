CREATE TYPE account_state AS ENUM ('active', 'suspended', 'closed');

CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text,
    state account_state NOT NULL DEFAULT 'active'
);
