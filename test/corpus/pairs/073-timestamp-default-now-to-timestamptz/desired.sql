CREATE TABLE comments (id serial PRIMARY KEY, body text, created_at timestamptz NOT NULL DEFAULT now(), edited_at timestamptz DEFAULT CURRENT_TIMESTAMP);
