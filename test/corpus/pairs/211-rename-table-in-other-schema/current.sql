CREATE SCHEMA ops;
CREATE TABLE ops.deploy (id bigserial PRIMARY KEY, version text NOT NULL, at timestamptz DEFAULT now());
INSERT INTO ops.deploy (version) VALUES ('1.0'), ('1.1');
