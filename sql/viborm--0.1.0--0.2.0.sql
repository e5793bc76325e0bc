-- viborm 0.1.0 -> 0.2.0: versioned migrations (CONTRACT §5).
-- The build appends this file to the 0.1.0 install script to make the
-- 0.2.0 one, so a fresh install and an upgrade end with the same objects.
\echo Use "ALTER EXTENSION viborm UPDATE TO '0.2.0'" to load this file. \quit

-- One row per applied migration. Written only by the extension (as its
-- owner); readable by everyone who may use the schema; kept by pg_dump.
CREATE TABLE viborm.migrations (
    version     text PRIMARY KEY,
    name        text NOT NULL,
    checksum    text NOT NULL,
    up_sql      text NOT NULL,
    down_sql    text,
    snapshot    jsonb,
    applied_at  timestamptz NOT NULL DEFAULT pg_catalog.now(),
    applied_by  text NOT NULL,
    duration_ms double precision NOT NULL,
    baseline    boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE viborm.migrations IS 'every applied migration: version, name, checksum (SHA-256 of the up file), up and down SQL, snapshot, who, when, how long; baseline: recorded without running';

SELECT pg_catalog.pg_extension_config_dump('viborm.migrations', '');
REVOKE ALL ON viborm.migrations FROM PUBLIC;
GRANT SELECT ON viborm.migrations TO PUBLIC;

-- The files' statements run with the caller's settings (search_path
-- included), as psql would run them: no SET clause on apply and down.
CREATE FUNCTION viborm.migrate_apply(migrations jsonb, options jsonb DEFAULT '{}')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_migrate_apply'
LANGUAGE C VOLATILE SECURITY INVOKER;
COMMENT ON FUNCTION viborm.migrate_apply(jsonb, jsonb) IS 'apply the pending migrations in order, in the current transaction, and record them in viborm.migrations';

CREATE FUNCTION viborm.migrate_status(migrations jsonb, options jsonb DEFAULT '{}')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_migrate_status'
LANGUAGE C VOLATILE SECURITY INVOKER
SET search_path = pg_catalog, pg_temp;
COMMENT ON FUNCTION viborm.migrate_status(jsonb, jsonb) IS 'each migration applied, pending, edited, missing; drift from the last applied snapshot; changes nothing';

CREATE FUNCTION viborm.migrate_down(options jsonb DEFAULT '{}')
RETURNS jsonb
AS 'MODULE_PATHNAME', 'viborm_migrate_down'
LANGUAGE C VOLATILE SECURITY INVOKER;
COMMENT ON FUNCTION viborm.migrate_down(jsonb) IS 'run the recorded down SQL of the last applied migrations, newest first, in the current transaction';

REVOKE EXECUTE ON FUNCTION viborm.migrate_apply(jsonb, jsonb), viborm.migrate_down(jsonb) FROM PUBLIC;
