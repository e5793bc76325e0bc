CREATE TABLE messages (uid uuid PRIMARY KEY, body text NOT NULL);
INSERT INTO messages VALUES ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'hi'), ('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12', 'there');
