CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text
);

INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', NULL), ('cy@example.com', 'Cy');
