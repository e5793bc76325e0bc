-- Shared set-up of the pg_regress suites (sql/*.sql), included with \i:
-- every suite runs in the same database, after the others.
-- start from an empty database, whatever ran before in it
SET client_min_messages = warning;
DO $$
DECLARE s name;
BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('information_schema', 'viborm') AND nspname !~ '^pg_' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', s);
  END LOOP;
END $$;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
TRUNCATE viborm.snapshot, viborm.history RESTART IDENTITY;
RESET client_min_messages;
