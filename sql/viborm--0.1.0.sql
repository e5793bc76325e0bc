-- viborm: declarative schema migrations inside PostgreSQL.
-- The install script of version 0.1.0, as released; 0.2.0 is built from it
-- and the upgrade script viborm--0.1.0--0.2.0.sql (see the Makefile).
\echo Use "CREATE EXTENSION viborm" to load this file. \quit

-- One row per applied push. Written only by the extension (as its owner);
-- readable by everyone who may use the schema.
CREATE TABLE viborm.history (
    id          bigserial PRIMARY KEY,
    applied_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    applied_by  text NOT NULL,
    operations  jsonb NOT NULL,
    sql         text[] NOT NULL,
    checksum    text NOT NULL,
    duration_ms double precision NOT NULL
);
COMMENT ON TABLE viborm.history IS 'every applied viborm.push: who, when, operations, SQL, checksum, duration';

-- The schema as introspected right after each applied push.
CREATE TABLE viborm.snapshot (
    history_id  bigint PRIMARY KEY REFERENCES viborm.history (id),
    document    jsonb NOT NULL
);
COMMENT ON TABLE viborm.snapshot IS 'the snapshot-form document of the managed schemas after each push';

-- Concurrent pushes queue on a lock on this table, which holds no rows.
-- The extension takes it for the caller (SHARE UPDATE EXCLUSIVE, until the
-- transaction ends); PUBLIC has no right on it, so no other role can hold a
-- lock that would stall pushes (unlike an advisory lock, which anyone can).
CREATE TABLE viborm.push_lock ();
COMMENT ON TABLE viborm.push_lock IS 'locked by every viborm.push until its transaction ends; holds no rows';

SELECT pg_catalog.pg_extension_config_dump('viborm.history', '');
SELECT pg_catalog.pg_extension_config_dump('viborm.history_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('viborm.snapshot', '');

REVOKE ALL ON viborm.history, viborm.snapshot, viborm.history_id_seq, viborm.push_lock FROM PUBLIC;
GRANT SELECT ON viborm.history, viborm.snapshot TO PUBLIC;
GRANT USAGE ON SCHEMA viborm TO PUBLIC;

CREATE FUNCTION viborm.introspect(schemas text[] DEFAULT ARRAY['public'])
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_introspect'
LANGUAGE C STRICT VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION viborm.introspect(text[]) IS 'the live schema of the given schemas, as a snapshot-form document';

CREATE FUNCTION viborm.diff(desired jsonb, options jsonb DEFAULT '{}')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_diff'
LANGUAGE C VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION viborm.diff(jsonb, jsonb) IS 'the plan that would bring the database to the document; changes nothing';

CREATE FUNCTION viborm.push(desired jsonb, options jsonb DEFAULT '{}')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_push'
LANGUAGE C VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION viborm.push(jsonb, jsonb) IS 'apply the plan atomically in the current transaction and record it';

REVOKE EXECUTE ON FUNCTION viborm.push(jsonb, jsonb) FROM PUBLIC;
