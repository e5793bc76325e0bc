--
-- Upgrading the extension from 0.1.0 (ALTER EXTENSION viborm UPDATE) keeps
-- every history row and ends with exactly the objects, rights and
-- comments of a fresh 0.2.0 install; the suites after this one run on
-- the upgraded extension.
--
\i test/regress/reset.sql
-- every member of the extension with its rights and comment
CREATE FUNCTION pg_temp.members() RETURNS TABLE (object text, acl text, comment text)
LANGUAGE sql AS $$
  SELECT pg_describe_object(d.classid, d.objid, d.objsubid),
         COALESCE((SELECT relacl::text FROM pg_class WHERE d.classid = 'pg_class'::regclass AND oid = d.objid),
                  (SELECT proacl::text FROM pg_proc WHERE d.classid = 'pg_proc'::regclass AND oid = d.objid)),
         obj_description(d.objid, (SELECT relname FROM pg_class WHERE oid = d.classid))
  FROM pg_depend d
  WHERE d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
    AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'viborm')
$$;
CREATE TEMP TABLE fresh AS SELECT * FROM pg_temp.members();
SELECT extversion FROM pg_extension WHERE extname = 'viborm';
SELECT count(*) AS members FROM fresh;

DROP EXTENSION viborm;
CREATE EXTENSION viborm VERSION '0.1.0';
SELECT extversion FROM pg_extension WHERE extname = 'viborm';
SELECT to_regclass('viborm.migrations') AS migrations, to_regprocedure('viborm.migrate_apply(jsonb, jsonb)') AS apply;
SELECT viborm.push('{"tables": [{"name": "kept", "columns": [{"name": "id", "type": "integer"}]}]}')->'applied' AS applied;
SELECT viborm.push('{"tables": [{"name": "kept", "columns": [{"name": "id", "type": "integer"}, {"name": "b", "type": "text"}]}]}')->'applied' AS applied;
CREATE TEMP TABLE before AS
  SELECT h.*, s.document FROM viborm.history h JOIN viborm.snapshot s ON s.history_id = h.id;
SELECT count(*) AS pushes FROM before;

ALTER EXTENSION viborm UPDATE;
SELECT extversion FROM pg_extension WHERE extname = 'viborm';
-- every history row as it was
SELECT count(*) AS kept_rows FROM before b
  JOIN viborm.history h USING (id) JOIN viborm.snapshot s ON s.history_id = h.id
WHERE (h.applied_at, h.applied_by, h.operations, h.sql, h.checksum, h.duration_ms, s.document)
      = (b.applied_at, b.applied_by, b.operations, b.sql, b.checksum, b.duration_ms, b.document);
-- the same objects, rights and comments as a fresh install
SELECT 'missing after upgrade' AS problem, * FROM (SELECT * FROM fresh EXCEPT SELECT * FROM pg_temp.members()) m
UNION ALL
SELECT 'extra after upgrade', * FROM (SELECT * FROM pg_temp.members() EXCEPT SELECT * FROM fresh) e;
-- the next push numbers on from the history; migrations work
SELECT (viborm.push('{"tables": [{"name": "kept", "columns": [{"name": "id", "type": "integer"}]}]}', '{"force": true}')->>'historyId')::int
       > (SELECT max(id) FROM before) AS numbered_on;
SELECT viborm.migrate_apply('[{"version": "0001", "name": "after-upgrade", "sql": "CREATE TABLE upgraded (a int)"}]')->'pending' AS pending;
SELECT version, name FROM viborm.migrations;
