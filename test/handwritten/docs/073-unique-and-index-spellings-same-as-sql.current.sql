CREATE TABLE handles (
    id int NOT NULL,
    site text NOT NULL,
    handle text,
    verified_at timestamptz,
    CONSTRAINT handles_pkey PRIMARY KEY (id),
    CONSTRAINT handles_site_handle_key UNIQUE NULLS NOT DISTINCT (site, handle)
);
CREATE INDEX handles_site_verified_at_idx ON handles USING btree (site, verified_at DESC);
CREATE UNIQUE INDEX ON handles (handle) WHERE verified_at IS NOT NULL;
CREATE INDEX ON handles USING hash ((lower(handle)));
INSERT INTO handles VALUES (1, 'gh', 'ann', now()), (2, 'gh', NULL, NULL), (3, 'x', 'ann', NULL);
