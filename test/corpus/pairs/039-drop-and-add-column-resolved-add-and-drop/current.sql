CREATE TABLE users (
    id serial PRIMARY KEY,
    email varchar(255) NOT NULL UNIQUE,
    display_name text
);

ALTER TABLE users ADD COLUMN phone varchar(20);

INSERT INTO users (email, display_name) VALUES ('ada@example.com', 'Ada'), ('bob@example.com', NULL), ('cy@example.com', 'Cy');

UPDATE users SET phone = '555-0100' WHERE id = 1;
