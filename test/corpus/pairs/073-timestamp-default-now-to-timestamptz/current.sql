CREATE TABLE comments (id serial PRIMARY KEY, body text, created_at timestamp NOT NULL DEFAULT now(), edited_at timestamp DEFAULT CURRENT_TIMESTAMP);
INSERT INTO comments (body, created_at) VALUES ('hi', '2024-06-01 12:00'), ('yo', '2024-06-02 12:00');
