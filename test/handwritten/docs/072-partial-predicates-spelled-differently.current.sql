CREATE TABLE tickets (id serial PRIMARY KEY, status text NOT NULL, assignee int, deleted_at timestamptz, urgent boolean NOT NULL DEFAULT false);
CREATE INDEX tickets_assignee_idx ON tickets USING btree (assignee) WHERE (status = ANY (ARRAY['open'::text, 'pending'::text]));
CREATE INDEX tickets_status_idx ON tickets (status) WHERE ((deleted_at IS NULL));
CREATE INDEX tickets_id_idx ON tickets (id) WHERE urgent = true;
CREATE INDEX tickets_assignee_status_idx ON tickets (assignee ASC NULLS LAST, status) WHERE (assignee IS NOT NULL) AND (deleted_at IS NULL);
INSERT INTO tickets (status, assignee, urgent) VALUES ('open', 1, true), ('closed', NULL, false);
