-- Catalog fingerprint of the managed schemas, read from pg_catalog only (no
-- viborm, no information_schema). test/corpus/run.sh runs it on both
-- databases of a pair and compares the output as text.
--
-- psql variable: schemas -- a JSON array of schema names, e.g. '["public","app"]'.
--
-- One line per object, sorted in C order. Column order is left out on purpose
-- (the contract promises equal catalogs "column order aside"); so is anything
-- that only data determines (sequence positions, enum sort-order floats).
-- Schemas themselves are not listed: push creates missing schemas but never
-- drops one.
SET search_path = pg_catalog;
SET DateStyle = 'ISO, YMD';
SET IntervalStyle = 'postgres';
SET TimeZone = 'UTC';
SET extra_float_digits = 1;

WITH managed AS (
	SELECT n.oid, n.nspname
	FROM pg_namespace n
	WHERE n.nspname IN (SELECT jsonb_array_elements_text(:'schemas'::jsonb))
),
rels AS (
	SELECT c.oid, c.relname, c.relkind, c.relpersistence, m.nspname
	FROM pg_class c
	JOIN managed m ON m.oid = c.relnamespace
),
tables AS (
	SELECT * FROM rels WHERE relkind IN ('r', 'p')
),
lines AS (
	-- enum types, labels in their declared order
	SELECT format('enum %I.%I (%s)', m.nspname, t.typname,
			(SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder)
			 FROM pg_enum e WHERE e.enumtypid = t.oid)) AS line
	FROM pg_type t
	JOIN managed m ON m.oid = t.typnamespace
	WHERE t.typtype = 'e'

	UNION ALL
	-- other user-defined types (domains, standalone composites, ranges): none
	-- are expected, but a leftover must not go unnoticed
	SELECT format('type %I.%I typtype=%s', m.nspname, t.typname, t.typtype)
	FROM pg_type t
	JOIN managed m ON m.oid = t.typnamespace
	WHERE t.typtype IN ('d', 'r', 'm')
	   OR (t.typtype = 'c' AND NOT EXISTS (
			SELECT 1 FROM pg_class c WHERE c.oid = t.typrelid AND c.relkind <> 'c'))

	UNION ALL
	-- relations other than indexes and sequences (listed below), with their
	-- storage parameters and those of their TOAST table, in any order
	SELECT format('relation %I.%I relkind=%s persistence=%s options=%s toast_options=%s',
			r.nspname, r.relname, r.relkind, r.relpersistence,
			(SELECT array_agg(o ORDER BY o COLLATE "C") FROM unnest(c.reloptions) o),
			(SELECT array_agg(o ORDER BY o COLLATE "C") FROM unnest(tc.reloptions) o))
	FROM rels r
	JOIN pg_class c ON c.oid = r.oid
	LEFT JOIN pg_class tc ON tc.oid = c.reltoastrelid
	WHERE r.relkind NOT IN ('i', 'I', 'S', 't')

	UNION ALL
	-- columns, by name
	SELECT format('column %I.%I.%I type=%s notnull=%s default=%s identity=%s generated=%s collation=%s',
			t.nspname, t.relname, a.attname,
			format_type(a.atttypid, a.atttypmod),
			a.attnotnull,
			coalesce(pg_get_expr(d.adbin, d.adrelid), '(none)'),
			CASE a.attidentity WHEN 'a' THEN 'always' WHEN 'd' THEN 'byDefault' ELSE 'no' END,
			CASE a.attgenerated WHEN 's' THEN 'stored' ELSE 'no' END,
			CASE WHEN a.attcollation = ty.typcollation THEN 'default'
			     ELSE (SELECT quote_ident(co.collname) FROM pg_collation co WHERE co.oid = a.attcollation) END)
	FROM tables t
	JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
	JOIN pg_type ty ON ty.oid = a.atttypid
	LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum

	UNION ALL
	-- comments on tables (objsubid 0) and on their columns (objsubid = attnum)
	SELECT CASE WHEN ds.objsubid = 0
			THEN format('comment table %I.%I %L', t.nspname, t.relname, ds.description)
			ELSE format('comment column %I.%I.%I %L', t.nspname, t.relname,
				(SELECT a.attname FROM pg_attribute a
				 WHERE a.attrelid = t.oid AND a.attnum = ds.objsubid), ds.description) END
	FROM tables t
	JOIN pg_description ds ON ds.classoid = 'pg_class'::regclass AND ds.objoid = t.oid

	UNION ALL
	-- table constraints (PK, unique, FK, check, exclusion); pg_get_constraintdef
	-- ends with NOT VALID for a constraint not validated yet, and shows
	-- DEFERRABLE, MATCH FULL and NO INHERIT; and their comments
	SELECT format('constraint %I.%I %I contype=%s %s comment=%L', t.nspname, t.relname, co.conname,
			co.contype, pg_get_constraintdef(co.oid),
			coalesce(obj_description(co.oid, 'pg_constraint'), '(none)'))
	FROM tables t
	JOIN pg_constraint co ON co.conrelid = t.oid

	UNION ALL
	-- indexes, including those behind PK and unique constraints; the storage
	-- parameters apart (pg_get_indexdef prints them in the order stored,
	-- which is not part of the definition), and the index's comment
	SELECT format('index %I.%I %I valid=%s %s options=%s comment=%L', t.nspname, t.relname, ic.relname,
			i.indisvalid, regexp_replace(pg_get_indexdef(i.indexrelid), ' WITH \([^)]*\)', ''),
			(SELECT array_agg(o ORDER BY o COLLATE "C") FROM unnest(ic.reloptions) o),
			coalesce(obj_description(ic.oid, 'pg_class'), '(none)'))
	FROM tables t
	JOIN pg_index i ON i.indrelid = t.oid
	JOIN pg_class ic ON ic.oid = i.indexrelid

	UNION ALL
	-- sequences: definition and the column owning them (serial: deptype a,
	-- identity: deptype i); not their current value
	SELECT format('sequence %I.%I type=%s start=%s increment=%s min=%s max=%s cache=%s cycle=%s owned_by=%s',
			r.nspname, r.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement,
			s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
			coalesce((SELECT format('%I.%I.%I deptype=%s', on_.nspname, oc.relname, oa.attname, dep.deptype)
				FROM pg_depend dep
				JOIN pg_class oc ON oc.oid = dep.refobjid
				JOIN pg_namespace on_ ON on_.oid = oc.relnamespace
				JOIN pg_attribute oa ON oa.attrelid = dep.refobjid AND oa.attnum = dep.refobjsubid
				WHERE dep.classid = 'pg_class'::regclass AND dep.objid = r.oid
				  AND dep.refclassid = 'pg_class'::regclass AND dep.refobjsubid > 0
				  AND dep.deptype IN ('a', 'i')
				ORDER BY 1 LIMIT 1), '(none)'))
	FROM rels r
	JOIN pg_sequence s ON s.seqrelid = r.oid
	WHERE r.relkind = 'S'
)
SELECT line FROM lines ORDER BY line COLLATE "C";
