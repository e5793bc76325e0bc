CREATE TYPE job_state AS ENUM ('queued', 'running', 'done');
CREATE TABLE jobs (id serial PRIMARY KEY, state job_state NOT NULL DEFAULT 'queued', run_at timestamptz);
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE state = 'queued';
INSERT INTO jobs (state) VALUES ('done'), ('queued');
