CREATE TABLE jobs (
    id serial PRIMARY KEY,
    queue text NOT NULL DEFAULT 'main',
    attempts int NOT NULL DEFAULT 0,
    max_attempts int NOT NULL DEFAULT 3,
    run_at timestamptz NOT NULL,
    payload jsonb DEFAULT '{}',
    unique_key uuid
);
INSERT INTO jobs (run_at, payload) VALUES (now(), '{"a": 1}'), (now() + interval '1 hour', NULL);
