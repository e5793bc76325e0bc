CREATE TYPE job_state AS ENUM ('queued', 'running', 'failed', 'done');
CREATE TABLE jobs (id serial PRIMARY KEY, state job_state NOT NULL DEFAULT 'queued', run_at timestamptz);
CREATE INDEX jobs_pending_idx ON jobs (run_at) WHERE state = 'queued';
CREATE INDEX jobs_failed_idx ON jobs (id) WHERE state = 'failed';
