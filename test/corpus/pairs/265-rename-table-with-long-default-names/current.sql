CREATE TABLE t (id serial PRIMARY KEY, external_reconciliation_reference_code text UNIQUE);
INSERT INTO t (external_reconciliation_reference_code) VALUES ('r1'), ('r2');
