CREATE SCHEMA ops;
CREATE TABLE ops.deployments (id bigserial PRIMARY KEY, version text NOT NULL, at timestamptz DEFAULT now());
