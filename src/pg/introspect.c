/*-------------------------------------------------------------------------
 *
 * introspect.c
 *	  Read the live schema of the managed namespaces straight from
 *	  pg_catalog into the core's model.
 *
 * Eight set-based queries read everything, whatever the number of tables
 * (never information_schema, never a query per table). Objects that belong
 * to an extension and viborm's own schema are skipped; what the model
 * cannot express is listed as unmanaged and left alone, and the names such
 * objects hold are listed too (the differ refuses to need them).
 *
 * Types and expressions are printed by the catalog's own functions
 * (format_type, pg_get_expr) under the settings pinned by viborm.c, which
 * makes them the canonical text the differ compares.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/reloptions.h"
#include "catalog/index.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_opclass.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "miscadmin.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "storage/proc.h"
#include "utils/hsearch.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "vb_pg.h"

/*
 * The managed tables: ordinary tables of the managed schemas, not
 * partitions, not owned by an extension. Every later query is restricted
 * to their OIDs ($2), so this filter is evaluated once.
 */
static const char *const tables_query =
"SELECT c.oid, n.nspname, c.relname, td.description, c.reloptions, tc.reloptions "
"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
"LEFT JOIN pg_catalog.pg_description td ON td.objoid = c.oid AND td.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
"     AND td.objsubid = 0 "
"LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid "
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"AND c.relkind = 'r' AND NOT c.relispartition "
"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass "
"                AND e.objid = c.oid AND e.deptype = 'e') "
"ORDER BY n.nspname, c.relname";

static const char *const schemas_query =
"SELECT n.nspname FROM pg_catalog.pg_namespace n "
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' ORDER BY 1";

/*
 * Columns. Defaults are printed with relid 0: they cannot reference
 * columns, and naming the relation would make pg_get_expr open it for
 * every row. A serial column is an owned sequence (deptype 'a') whose
 * nextval is the default; an identity column's sequence is internal ('i').
 */
static const char *const columns_query =
"SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull, "
"       d.expr, a.attidentity::pg_catalog.text, g.expr, "
"       CASE WHEN a.attcollation <> t.typcollation THEN "
"            (SELECT CASE WHEN cn.nspname = 'pg_catalog' THEN co.collname::pg_catalog.text "
"                    ELSE cn.nspname || '.' || co.collname END "
"             FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace "
"             WHERE co.oid = a.attcollation) END, "
"       CASE WHEN sq.deptype = 'a' AND a.attidentity = '' "
"             AND d.expr = 'nextval(' || pg_catalog.quote_literal(sq.oid::pg_catalog.regclass::pg_catalog.text) || '::regclass)' "
"            THEN sq.relname END, "
"       CASE WHEN sq.deptype = 'i' THEN sq.relname END, a.attnum, "
"       ds.description, ps.seqstart, ps.seqincrement, ps.seqmin, ps.seqmax, ps.seqcache, "
"       ps.seqcycle, a.atttypid, a.attcollation, sq.relname "
"FROM pg_catalog.pg_attribute a "
"JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
"LEFT JOIN LATERAL (SELECT pg_catalog.pg_get_expr(ad.adbin, 0) AS expr FROM pg_catalog.pg_attrdef ad "
"                   WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
"                   AND a.attgenerated = '') d ON true "
"LEFT JOIN LATERAL (SELECT pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS expr FROM pg_catalog.pg_attrdef ad "
"                   WHERE ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
"                   AND a.attgenerated = 's') g ON true "
"LEFT JOIN pg_catalog.pg_description ds ON ds.objoid = a.attrelid AND ds.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass "
"     AND ds.objsubid = a.attnum "
"LEFT JOIN (SELECT sd.refobjid, sd.refobjsubid, sd.deptype, s.oid, s.relname "
"           FROM pg_catalog.pg_depend sd JOIN pg_catalog.pg_class s ON s.oid = sd.objid AND s.relkind = 'S' "
"           WHERE sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass "
"             AND sd.deptype IN ('a', 'i')) sq "
"       ON sq.refobjid = a.attrelid AND sq.refobjsubid = a.attnum "
"LEFT JOIN pg_catalog.pg_sequence ps ON ps.seqrelid = sq.oid AND sq.deptype = 'i' "
"WHERE a.attrelid = ANY($2) AND a.attnum > 0 AND NOT a.attisdropped "
"ORDER BY a.attrelid, a.attnum";

/* column names of a key, in key order */
#define KEY_NAMES(rel, keys) \
	"ARRAY(SELECT att.attname::pg_catalog.text FROM pg_catalog.unnest(" keys ") WITH ORDINALITY k(num, ord) " \
	"JOIN pg_catalog.pg_attribute att ON att.attrelid = " rel " AND att.attnum = k.num ORDER BY k.ord)"

/* Storage parameters of the tables and of their TOAST tables (for
 * scratch tables: introspect reads them with the tables). */
static const char *const table_options_query =
"SELECT c.oid, c.reloptions, tc.reloptions "
"FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid "
"WHERE c.oid = ANY($2) AND (c.reloptions IS NOT NULL OR tc.reloptions IS NOT NULL)";

/*
 * Constraints. Column 12 says the model cannot express this one (an
 * INCLUDE key, an FK that is MATCH PARTIAL or SET NULL (cols), an
 * inherited check, an exclusion): those are listed as unmanaged.
 */
static const char *const constraints_query =
"SELECT con.conrelid, con.conname, con.contype::pg_catalog.text, con.condeferrable, con.condeferred, "
"       con.conkey, rn.nspname, rc.relname, "
"       CASE WHEN con.confrelid = ANY($2) THEN NULL "
"            ELSE " KEY_NAMES("con.confrelid", "con.confkey") " END, "
"       con.confupdtype::pg_catalog.text, con.confdeltype::pg_catalog.text, "
"       con.contype = 'x' "
"       OR (con.contype = 'c' AND NOT con.conislocal) "
"       OR (con.contype IN ('p', 'u') AND i.indnkeyatts <> i.indnatts) "
"       OR (con.contype = 'f' AND (con.confmatchtype = 'p' "
"           OR con.confdelsetcols IS NOT NULL)), "
"       con.confrelid, con.confkey, NOT con.convalidated, "
"       CASE WHEN con.contype = 'c' THEN pg_catalog.pg_get_expr(con.conbin, con.conrelid) END, "
"       coalesce(i.indnullsnotdistinct, false), con.confmatchtype = 'f', con.connoinherit, "
"       cd.description, ic.relname "
"FROM pg_catalog.pg_constraint con "
"LEFT JOIN pg_catalog.pg_class rc ON rc.oid = con.confrelid "
"LEFT JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace "
"LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u', 'x') "
"LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
"LEFT JOIN pg_catalog.pg_description cd ON cd.objoid = con.oid "
"     AND cd.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cd.objsubid = 0 "
"WHERE con.conrelid = ANY($2) AND con.contype IN ('p', 'u', 'f', 'c', 'x') "
"ORDER BY con.conrelid, con.conname";

/*
 * Indexes that back no constraint, with what their elements need: key
 * attnums, options, operator classes, collations, the expressions (as a
 * node tree, for their types, and as text). Elements are decoded in
 * read_index_elements.
 */
static const char *const indexes_query =
"SELECT i.indrelid, ic.relname, i.indisunique, am.amname::pg_catalog.text, i.indnullsnotdistinct, "
"       i.indkey::pg_catalog.int2[], "
"       pg_catalog.pg_get_expr(i.indpred, i.indrelid), i.indnkeyatts, i.indoption::pg_catalog.int2[], "
"       i.indclass::pg_catalog.oid[], i.indcollation::pg_catalog.oid[], i.indexprs::pg_catalog.text, am.oid, "
"       ARRAY(SELECT CASE WHEN i.indkey[k - 1] = 0 "
"                         THEN pg_catalog.pg_get_indexdef(i.indexrelid, k, true) END "
"             FROM pg_catalog.generate_series(1, i.indnkeyatts) k ORDER BY k), "
"       ic.reloptions, d.description "
"FROM pg_catalog.pg_index i "
"JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid "
"JOIN pg_catalog.pg_am am ON am.oid = ic.relam "
"LEFT JOIN pg_catalog.pg_description d ON d.objoid = i.indexrelid "
"     AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0 "
"WHERE i.indrelid = ANY($2) "
"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conindid = i.indexrelid "
"                AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) "
"ORDER BY i.indrelid, ic.relname";

static const char *const enums_query =
"SELECT n.nspname, t.typname, "
"       coalesce(pg_catalog.array_agg(e.enumlabel::pg_catalog.text ORDER BY e.enumsortorder) "
"                FILTER (WHERE e.enumlabel IS NOT NULL), '{}') "
"FROM pg_catalog.pg_type t "
"JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
"LEFT JOIN pg_catalog.pg_enum e ON e.enumtypid = t.oid "
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' AND t.typtype = 'e' "
"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass "
"                AND x.objid = t.oid AND x.deptype = 'e') "
"GROUP BY n.nspname, t.typname ORDER BY 1, 2";

/* Not extension-owned, in a managed schema. */
#define OWN_RELATION \
	"n.nspname = ANY($1) AND n.nspname <> 'viborm' " \
	"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog.pg_class'::pg_catalog.regclass " \
	"AND e.objid = c.oid AND e.deptype = 'e') "

/*
 * The other objects of the managed schemas that the model does not
 * express (constraints, indexes and columns of managed tables that it
 * cannot express are flagged by the queries above).
 */
static const char *const unmanaged_query =
"SELECT kind, object FROM ("
" SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materializedView' "
"        WHEN 'f' THEN 'foreignTable' WHEN 'p' THEN 'partitionedTable' "
"        WHEN 'S' THEN 'sequence' ELSE 'partition' END AS kind, "
"        n.nspname || '.' || c.relname AS object "
" FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
" WHERE " OWN_RELATION
"   AND (c.relkind IN ('v', 'm', 'f', 'p') OR (c.relkind = 'r' AND c.relispartition) "
"        OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d "
"            WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = c.oid "
"            AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.deptype IN ('a', 'i')))) "
" UNION ALL "
" SELECT 'trigger', n.nspname || '.' || c.relname || '.' || tg.tgname "
" FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid "
" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
" WHERE tg.tgrelid = ANY($2) AND NOT tg.tgisinternal "
" UNION ALL "
" SELECT 'policy', n.nspname || '.' || c.relname || '.' || p.polname "
" FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid "
" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE p.polrelid = ANY($2) "
" UNION ALL "
" SELECT 'rule', n.nspname || '.' || c.relname || '.' || r.rulename "
" FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class "
" JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE r.ev_class = ANY($2) "

" UNION ALL "
" SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'rangeType' "
"        WHEN 'm' THEN 'multirangeType' ELSE 'compositeType' END, "
"        n.nspname || '.' || t.typname "
" FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
" WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"   AND (t.typtype IN ('d', 'r', 'm') OR (t.typtype = 'c' AND EXISTS "
"        (SELECT 1 FROM pg_catalog.pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))) "
"   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_type'::pg_catalog.regclass "
"                   AND x.objid = t.oid AND x.deptype = 'e') "
" UNION ALL "
" SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' "
"        ELSE 'function' END, "
"        n.nspname || '.' || p.proname || '(' || pg_catalog.pg_get_function_identity_arguments(p.oid) || ')' "
" FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
" WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend x WHERE x.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass "
"                   AND x.objid = p.oid AND x.deptype = 'e') "
") u";

/* the extension that owns an object, if one does (x.extname) */
#define OWNING_EXTENSION(classid, objid) \
	"LEFT JOIN pg_catalog.pg_depend e ON e.classid = " classid " AND e.objid = " objid " " \
	"AND e.deptype = 'e' LEFT JOIN pg_catalog.pg_extension x ON x.oid = e.refobjid "

/*
 * The names of the managed schemas' relation and type namespaces held by
 * what the other queries do not read: every relation but the managed
 * tables and their indexes and owned sequences (a view, an extension's
 * table, the index of a partitioned table, a free sequence, ...), every
 * type but the row types of relations (a relation's own name says it) and
 * array types (PostgreSQL moves an array type out of the way of a new
 * type), and the constraint triggers of the managed tables. Columns:
 * space, schema, table (for a constraint), name, relkind or typtype or
 * contype, owning extension. read_name_holders keeps those that viborm
 * does not manage (the enums it reads); the unmanaged constraints of the
 * managed tables and their indexes come from read_constraints, the owned
 * sequences no column uses from read_columns.
 */
static const char *const names_query =
"SELECT 'r', n.nspname, NULL::pg_catalog.name, c.relname, c.relkind::pg_catalog.text, x.extname "
"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
OWNING_EXTENSION("'pg_catalog.pg_class'::pg_catalog.regclass", "c.oid")
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"AND c.relkind NOT IN ('t', 'i', 'I', 'S') AND c.oid NOT IN (SELECT pg_catalog.unnest($2)) "
"UNION ALL "
"SELECT 'r', n.nspname, NULL, c.relname, c.relkind::pg_catalog.text, x.extname "
"FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid "
"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
OWNING_EXTENSION("'pg_catalog.pg_class'::pg_catalog.regclass", "c.oid")
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' AND i.indrelid NOT IN (SELECT pg_catalog.unnest($2)) "
"UNION ALL "
"SELECT 'r', n.nspname, NULL, c.relname, c.relkind::pg_catalog.text, x.extname "
"FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
"LEFT JOIN pg_catalog.pg_depend sd ON sd.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.objid = c.oid "
"     AND sd.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass AND sd.deptype IN ('a', 'i') "
OWNING_EXTENSION("'pg_catalog.pg_class'::pg_catalog.regclass", "c.oid")
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' AND c.relkind = 'S' "
"AND coalesce(sd.refobjid, 0) NOT IN (SELECT pg_catalog.unnest($2)) "
"UNION ALL "
"SELECT 't', n.nspname, NULL, t.typname, t.typtype::pg_catalog.text, x.extname "
"FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace "
OWNING_EXTENSION("'pg_catalog.pg_type'::pg_catalog.regclass", "t.oid")
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' AND t.typrelid = 0 "
"AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type a WHERE a.typarray = t.oid) "
"UNION ALL "
"SELECT 'c', n.nspname, c.relname, con.conname, con.contype::pg_catalog.text, NULL "
"FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid "
"JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
"WHERE con.conrelid = ANY($2) AND con.contype = 't'";

static Datum schemas_param;
static Datum tables_param;

static void
run_query(const char *sql)
{
	Oid			argtypes[2] = {TEXTARRAYOID, OIDARRAYOID};
	Datum		values[2];
	int			rc;

	values[0] = schemas_param;
	values[1] = tables_param;
	/* not read-only: a fresh snapshot sees what this push just did */
	rc = SPI_execute_with_args(sql, 2, argtypes, values, NULL, false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "viborm: catalog query failed: %s", SPI_result_code_string(rc));
}

static char *
get_text(vb_arena *arena, HeapTuple tup, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);

	return isnull ? NULL : vb_strdup(arena, TextDatumGetCString(d));
}

static char *
get_name(vb_arena *arena, HeapTuple tup, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);

	return isnull ? NULL : vb_strdup(arena, NameStr(*DatumGetName(d)));
}

static bool
get_bool(HeapTuple tup, int col)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);

	return !isnull && DatumGetBool(d);
}

static Oid
get_oid(HeapTuple tup, int col)
{
	bool		isnull;

	return DatumGetObjectId(SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull));
}

static int
get_int16(HeapTuple tup, int col)
{
	bool		isnull;

	return DatumGetInt16(SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull));
}

static void
get_names(vb_arena *arena, HeapTuple tup, int col, vb_list *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);
	ListCell   *lc;

	if (isnull)
		return;
	foreach(lc, vb_pg_text_array_to_list(DatumGetArrayTypeP(d)))
		vb_list_push(arena, out, vb_strdup(arena, lfirst(lc)));
}

static vb_fk_action
fk_action(const char *code)
{
	switch (code[0])
	{
		case 'r':
			return VB_FK_RESTRICT;
		case 'c':
			return VB_FK_CASCADE;
		case 'n':
			return VB_FK_SET_NULL;
		case 'd':
			return VB_FK_SET_DEFAULT;
		default:
			return VB_FK_NO_ACTION;
	}
}

/* oid -> vb_table, for the per-object queries */
static vb_table *
table_by_oid(vb_map *tables, vb_arena *arena, Oid oid)
{
	return vb_map_get(tables, vb_printf(arena, "%u", oid));
}

/* Add an unmanaged entry: its kind and qualified name. */
static void
add_unmanaged(vb_arena *arena, vb_schema *s, const char *kind, char *object)
{
	vb_unmanaged *u = vb_alloc(arena, sizeof(vb_unmanaged));

	u->kind = vb_strdup(arena, kind);
	u->object = object;
	vb_list_push(arena, &s->unmanaged, u);
}

/* schema.table.name, the object of an unmanaged part of a table */
static char *
table_part(vb_arena *arena, const vb_table *t, const char *name)
{
	return vb_printf(arena, "%s.%s.%s", t->schema, t->name, name);
}

static int
compare_unmanaged(const void *x, const void *y)
{
	const vb_unmanaged *a = *(vb_unmanaged *const *) x;
	const vb_unmanaged *b = *(vb_unmanaged *const *) y;
	int			c = strcmp(a->object, b->object);

	return c ? c : strcmp(a->kind, b->kind);
}

static Datum
text_array(const vb_list *items)
{
	Datum	   *elems = palloc(sizeof(Datum) * (items->count + 1));
	int			j;

	for (j = 0; j < items->count; j++)
	{
		CHECK_FOR_INTERRUPTS();
		elems[j] = CStringGetTextDatum(items->items[j]);
	}
	return PointerGetDatum(construct_array(elems, items->count, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

/* "relid:attnum" -> column name, for key columns */
static char *
attnum_key(vb_arena *arena, Oid relid, int attnum)
{
	return vb_printf(arena, "%u:%d", relid, attnum);
}

/* int2[] of attnums -> column names through the map; false if unknown */
static bool
get_key_columns(vb_arena *arena, vb_map *attnames, HeapTuple tup, int col, Oid relid,
				vb_list *out)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);
	Datum	   *elems;
	int			n;
	int			k;

	if (isnull)
		return false;
	deconstruct_array(DatumGetArrayTypeP(d), INT2OID, 2, true, TYPALIGN_SHORT,
					  &elems, NULL, &n);
	for (k = 0; k < n; k++)
	{
		char	   *name = vb_map_get(attnames, attnum_key(arena, relid,
														   DatumGetInt16(elems[k])));

		if (name == NULL)
			return false;		/* an expression column (attnum 0) */
		vb_list_push(arena, out, name);
	}
	return true;
}

typedef struct col_info
{
	Oid			typid;
	Oid			collid;
} col_info;

static long long
get_int64(HeapTuple tup, int col)
{
	bool		isnull;

	return (long long) DatumGetInt64(SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull));
}

/* Identity options: only those that differ from PostgreSQL's defaults. */
static void
read_seq_options(HeapTuple tup, vb_column *c)
{
	vb_seq_options got;
	vb_seq_options dflt;

	memset(&got, 0, sizeof(got));
	got.start = get_int64(tup, 13);
	got.increment = get_int64(tup, 14);
	got.min = get_int64(tup, 15);
	got.max = get_int64(tup, 16);
	got.cache = get_int64(tup, 17);
	got.cycle = get_bool(tup, 18);
	memset(&dflt, 0, sizeof(dflt));
	dflt.increment = got.increment;
	dflt.given = got.increment != 1 ? VB_SEQ_INCREMENT : 0;
	dflt = vb_seq_effective(c->type, &dflt);
	c->seq = got;
	/* START defaults to the sequence's own MINVALUE (MAXVALUE descending) */
	c->seq.given = (got.increment != 1 ? VB_SEQ_INCREMENT : 0) |
		(got.start != (got.increment > 0 ? got.min : got.max) ? VB_SEQ_START : 0) |
		(got.min != dflt.min ? VB_SEQ_MIN : 0) |
		(got.max != dflt.max ? VB_SEQ_MAX : 0) |
		(got.cache != dflt.cache ? VB_SEQ_CACHE : 0);
}

/* A name held by an object viborm leaves alone (see vb_name_holder). */
static void
add_holder(vb_arena *arena, vb_schema *s, char space, const char *schema, const char *table,
		   const char *name, char *what)
{
	vb_name_holder *h = vb_alloc(arena, sizeof(vb_name_holder));

	h->space = space;
	h->schema = vb_strdup(arena, schema);
	h->table = table ? vb_strdup(arena, table) : NULL;
	h->name = vb_strdup(arena, name);
	h->what = what;
	vb_list_push(arena, &s->name_holders, h);
}

static void
read_columns(vb_arena *arena, vb_schema *s, vb_map *tables, vb_map *attnames, vb_map *attinfo)
{
	uint64		i;

	run_query(columns_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(tables, arena, get_oid(tup, 1));
		vb_column  *c;
		char	   *identity;
		col_info   *info;
		char	   *key = attnum_key(arena, get_oid(tup, 1), get_int16(tup, 11));
		char	   *owned = get_name(arena, tup, 21);
		char	   *used = get_name(arena, tup, 9) ? get_name(arena, tup, 9) : get_name(arena, tup, 10);

		CHECK_FOR_INTERRUPTS();
		if (vb_map_get(attnames, key))
			continue;			/* a second owned sequence: seen already */
		c = vb_alloc(arena, sizeof(vb_column));
		identity = get_text(arena, tup, 6);
		info = palloc(sizeof(col_info));
		c->name = get_name(arena, tup, 2);
		/* a sequence the column owns but does not use (not its serial
		 * default, not its identity) is not managed, and holds its name */
		if (owned && (used == NULL || strcmp(owned, used) != 0))
			add_holder(arena, s, 'r', t->schema, t->name, owned,
					   vb_printf(arena, "sequence %s.%s (owned by column %s of %s.%s)", t->schema,
								 owned, c->name, t->schema, t->name));
		info->typid = get_oid(tup, 19);
		info->collid = get_oid(tup, 20);
		vb_map_put(attnames, key, c->name);
		vb_map_put(attinfo, key, info);
		c->type = get_text(arena, tup, 3);
		c->nullable = !get_bool(tup, 4);
		c->default_expr = get_text(arena, tup, 5);
		c->generated = get_text(arena, tup, 7);
		c->collation = get_text(arena, tup, 8);
		c->comment = get_text(arena, tup, 12);
		c->sequence_name = get_name(arena, tup, 9);
		if (c->sequence_name)
		{
			c->auto_increment = true;
			c->default_expr = NULL;
		}
		if (identity && identity[0] != '\0')
		{
			c->sequence_name = get_name(arena, tup, 10);
			c->identity = identity[0] == 'a' ? VB_IDENTITY_ALWAYS : VB_IDENTITY_BY_DEFAULT;
			read_seq_options(tup, c);
		}
		vb_list_push(arena, &t->columns, c);
	}
}

/*
 * Does ALTER ... SET/RESET of this storage parameter take ACCESS
 * EXCLUSIVE? The server's own table of parameters says (only the name
 * counts there; "toast.x" is x).
 */
static bool
option_needs_exclusive_lock(const char *name)
{
	const char *dot = strchr(name, '.');

	return AlterTableGetRelOptionsLockLevel(list_make1(makeDefElem(pstrdup(dot ? dot + 1 : name),
																   NULL, -1))) >= AccessExclusiveLock;
}

void
vb_pg_mark_option_locks(const vb_list *options)
{
	int			i;

	for (i = 0; i < options->count; i++)
	{
		vb_option  *o = options->items[i];

		o->exclusive_lock = option_needs_exclusive_lock(o->name);
	}
}

/* reloptions ("name=value" text[]) into options, names prefixed ("toast.") */
static void
get_options(vb_arena *arena, HeapTuple tup, int col, const char *prefix, vb_list *out)
{
	vb_list		texts;
	int			i;

	memset(&texts, 0, sizeof(texts));
	get_names(arena, tup, col, &texts);
	for (i = 0; i < texts.count; i++)
	{
		char	   *text = texts.items[i];
		char	   *eq = strchr(text, '=');
		vb_option  *o = vb_alloc(arena, sizeof(vb_option));

		if (eq == NULL)
			elog(ERROR, "viborm: storage parameter \"%s\" has no value", text);
		o->name = vb_printf(arena, "%s%.*s", prefix, (int) (eq - text), text);
		o->value = vb_strdup(arena, eq + 1);
		o->exclusive_lock = option_needs_exclusive_lock(o->name);
		vb_list_push(arena, out, o);
	}
}

static void
read_table_options(vb_arena *arena, vb_map *tables)
{
	uint64		i;

	run_query(table_options_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(tables, arena, get_oid(tup, 1));

		get_options(arena, tup, 2, "", &t->with);
		get_options(arena, tup, 3, "toast.", &t->with);
	}
}

static void
read_constraints(vb_arena *arena, vb_schema *s, vb_map *tables, vb_map *attnames)
{
	uint64		i;

	run_query(constraints_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(tables, arena, get_oid(tup, 1));
		char	   *name = get_name(arena, tup, 2);
		char	   *type = get_text(arena, tup, 3);

		CHECK_FOR_INTERRUPTS();
		if (get_bool(tup, 12))
		{
			char	   *index = get_name(arena, tup, 21);
			char	   *what = vb_printf(arena, "%s %s on %s.%s",
										 type[0] == 'c' ? "check" : type[0] == 'x' ?
										 "exclusion constraint" : type[0] == 'f' ? "foreign key" :
										 type[0] == 'p' ? "primary key" : "unique constraint",
										 name, t->schema, t->name);

			add_unmanaged(arena, s, type[0] == 'c' ? "check" : type[0] == 'x' ?
						  "exclusion" : "constraint", table_part(arena, t, name));
			/* it holds its name on the table, and its index's in the schema */
			add_holder(arena, s, 'c', t->schema, t->name, name, what);
			if (index)
				add_holder(arena, s, 'r', t->schema, t->name, index,
						   vb_printf(arena, "index %s.%s (of %s)", t->schema, index, what));
			continue;
		}
		if (type[0] == 'p' || type[0] == 'u')
		{
			vb_key	   *k = vb_alloc(arena, sizeof(vb_key));

			k->name = name;
			get_key_columns(arena, attnames, tup, 6, get_oid(tup, 1), &k->columns);
			k->nulls_not_distinct = get_bool(tup, 17);
			k->deferrable = get_bool(tup, 4);
			k->initially_deferred = get_bool(tup, 5);
			k->comment = get_text(arena, tup, 20);
			if (type[0] == 'p')
				t->primary_key = k;
			else
				vb_list_push(arena, &t->uniques, k);
		}
		else if (type[0] == 'f')
		{
			vb_foreign_key *fk = vb_alloc(arena, sizeof(vb_foreign_key));

			fk->name = name;
			get_key_columns(arena, attnames, tup, 6, get_oid(tup, 1), &fk->columns);
			fk->ref_schema = get_name(arena, tup, 7);
			fk->ref_table = get_name(arena, tup, 8);
			/* names of a referenced table outside the managed ones come
			 * from the query; the others from the columns read above */
			if (!get_key_columns(arena, attnames, tup, 14, get_oid(tup, 13), &fk->ref_columns))
				get_names(arena, tup, 9, &fk->ref_columns);
			fk->on_update = fk_action(get_text(arena, tup, 10));
			fk->on_delete = fk_action(get_text(arena, tup, 11));
			fk->deferrable = get_bool(tup, 4);
			fk->initially_deferred = get_bool(tup, 5);
			fk->not_valid = get_bool(tup, 15);
			fk->match_full = get_bool(tup, 18);
			fk->comment = get_text(arena, tup, 20);
			vb_list_push(arena, &t->foreign_keys, fk);
		}
		else if (type[0] == 'c')
		{
			vb_check   *ck = vb_alloc(arena, sizeof(vb_check));

			ck->name = name;
			ck->expression = get_text(arena, tup, 16);
			ck->not_valid = get_bool(tup, 15);
			ck->no_inherit = get_bool(tup, 19);
			ck->comment = get_text(arena, tup, 20);
			vb_list_push(arena, &t->checks, ck);
		}
	}
}

/*
 * GetDefaultOpClass scans pg_opclass on every call, and the indexes of a
 * thousand tables ask it the same few questions: the answers are kept for
 * the rest of the transaction (viborm never creates operator classes).
 */
Oid
vb_pg_default_opclass(Oid type, Oid am)
{
	static HTAB *cache = NULL;
	static LocalTransactionId cached_in = InvalidLocalTransactionId;
	struct
	{
		Oid			type;
		Oid			am;
	}			key;
	struct
	{
		Oid			type;
		Oid			am;
		Oid			opclass;
	}		   *entry;
	bool		found;

	if (cache == NULL || cached_in != MyProc->lxid)
	{
		HASHCTL		ctl;

		/* a former transaction's table went with its memory context */
		memset(&ctl, 0, sizeof(ctl));
		ctl.keysize = sizeof(key);
		ctl.entrysize = sizeof(*entry);
		ctl.hcxt = TopTransactionContext;
		cache = hash_create("viborm default opclasses", 64, &ctl,
							HASH_ELEM | HASH_BLOBS | HASH_CONTEXT);
		cached_in = MyProc->lxid;
	}
	memset(&key, 0, sizeof(key));
	key.type = type;
	key.am = am;
	entry = hash_search(cache, &key, HASH_ENTER, &found);
	if (!found)
		entry->opclass = GetDefaultOpClass(type, am);
	return entry->opclass;
}

/* "name", or "schema.name" outside pg_catalog */
static char *
catalog_name(vb_arena *arena, Oid nspid, const char *name)
{
	if (nspid == PG_CATALOG_NAMESPACE)
		return vb_strdup(arena, name);
	return vb_printf(arena, "%s.%s", get_namespace_name(nspid), name);
}

char *
vb_pg_opclass_name(vb_arena *arena, Oid opclass)
{
	HeapTuple	tup = SearchSysCache1(CLAOID, ObjectIdGetDatum(opclass));
	Form_pg_opclass form;
	char	   *name;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "viborm: operator class %u not found", opclass);
	form = (Form_pg_opclass) GETSTRUCT(tup);
	name = catalog_name(arena, form->opcnamespace, NameStr(form->opcname));
	ReleaseSysCache(tup);
	return name;
}

char *
vb_pg_collation_name(vb_arena *arena, Oid collid)
{
	HeapTuple	tup = SearchSysCache1(COLLOID, ObjectIdGetDatum(collid));
	Form_pg_collation form;
	char	   *name;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "viborm: collation %u not found", collid);
	form = (Form_pg_collation) GETSTRUCT(tup);
	name = catalog_name(arena, form->collnamespace, NameStr(form->collname));
	ReleaseSysCache(tup);
	return name;
}

static Datum *
get_array(HeapTuple tup, int col, Oid elemtype, int *n)
{
	bool		isnull;
	Datum		d = SPI_getbinval(tup, SPI_tuptable->tupdesc, col, &isnull);
	Datum	   *elems;
	bool	   *nulls;
	int16		len;
	bool		byval;
	char		align;

	*n = 0;
	if (isnull)
		return NULL;
	get_typlenbyvalalign(elemtype, &len, &byval, &align);
	/* NULL elements (the texts of plain columns) come back as 0 */
	deconstruct_array(DatumGetArrayTypeP(d), elemtype, len, byval, align, &elems, &nulls, n);
	return elems;
}

/*
 * The elements of one index as ruleutils prints them: an operator class
 * only when it is not the default for the element's type, a collation only
 * when it is not the element's own, NULLS only when not the default for
 * the direction.
 */
static void
read_index_elements(vb_arena *arena, HeapTuple tup, Oid relid, vb_map *attnames,
					vb_map *attinfo, vb_index *ix)
{
	int			nkey = get_int16(tup, 8);
	int			n;
	int			nopt;
	int			nclass;
	int			ncoll;
	int			ntext;
	Datum	   *keys = get_array(tup, 6, INT2OID, &n);
	Datum	   *opts = get_array(tup, 9, INT2OID, &nopt);
	Datum	   *classes = get_array(tup, 10, OIDOID, &nclass);
	Datum	   *colls = get_array(tup, 11, OIDOID, &ncoll);
	Datum	   *texts = get_array(tup, 14, TEXTOID, &ntext);
	char	   *exprs_text = get_text(arena, tup, 12);
	List	   *exprs = exprs_text ? (List *) stringToNode(exprs_text) : NIL;
	ListCell   *next = list_head(exprs);
	Oid			am = get_oid(tup, 13);
	int			k;

	for (k = 0; k < n; k++)
	{
		int			attnum = DatumGetInt16(keys[k]);
		char	   *key = attnum_key(arena, relid, attnum);

		if (k >= nkey)
		{
			vb_list_push(arena, &ix->include, vb_map_get(attnames, key));
			continue;
		}
		{
			vb_index_elem *el = vb_alloc(arena, sizeof(vb_index_elem));
			int			opt = DatumGetInt16(opts[k]);
			Oid			type;
			Oid			coll;
			Oid			icoll = DatumGetObjectId(colls[k]);

			if (attnum != 0)
			{
				col_info   *info = vb_map_get(attinfo, key);

				el->column = vb_map_get(attnames, key);
				type = info->typid;
				coll = info->collid;
			}
			else
			{
				Node	   *e = lfirst(next);

				next = lnext(exprs, next);
				el->expression = vb_strdup(arena, TextDatumGetCString(texts[k]));
				type = exprType(e);
				coll = exprCollation(e);
			}
			el->desc = (opt & INDOPTION_DESC) != 0;
			if (el->desc != ((opt & INDOPTION_NULLS_FIRST) != 0))
				el->nulls = el->desc ? VB_NULLS_LAST : VB_NULLS_FIRST;
			if (DatumGetObjectId(classes[k]) != vb_pg_default_opclass(type, am))
				el->opclass = vb_pg_opclass_name(arena, DatumGetObjectId(classes[k]));
			if (OidIsValid(icoll) && icoll != coll)
				el->collation = vb_pg_collation_name(arena, icoll);
			vb_list_push(arena, &ix->elements, el);
			vb_list_push(arena, &ix->columns, el->column ? el->column : "expr");
		}
	}
}

static void
read_indexes(vb_arena *arena, vb_map *tables, vb_map *attnames, vb_map *attinfo)
{
	uint64		i;

	run_query(indexes_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(tables, arena, get_oid(tup, 1));
		vb_index   *ix = vb_alloc(arena, sizeof(vb_index));

		CHECK_FOR_INTERRUPTS();
		ix->name = get_name(arena, tup, 2);
		ix->unique = get_bool(tup, 3);
		ix->method = get_text(arena, tup, 4);
		ix->nulls_not_distinct = get_bool(tup, 5);
		ix->where = get_text(arena, tup, 7);
		get_options(arena, tup, 15, "", &ix->with);
		ix->comment = get_text(arena, tup, 16);
		read_index_elements(arena, tup, get_oid(tup, 1), attnames, attinfo, ix);
		vb_list_push(arena, &t->indexes, ix);
	}
}

static void
read_enums(vb_arena *arena, vb_schema *s)
{
	uint64		i;
	int			j;

	run_query(enums_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_enum    *e = vb_alloc(arena, sizeof(vb_enum));
		vb_list		labels;

		CHECK_FOR_INTERRUPTS();
		memset(&labels, 0, sizeof(labels));
		e->schema = get_name(arena, tup, 1);
		e->name = get_name(arena, tup, 2);
		get_names(arena, tup, 3, &labels);
		for (j = 0; j < labels.count; j++)
		{
			vb_enum_value *v = vb_alloc(arena, sizeof(vb_enum_value));

			v->name = labels.items[j];
			vb_list_push(arena, &e->values, v);
		}
		vb_list_push(arena, &s->enums, e);
	}
}

/* Columns, constraints and indexes of the tables with these OIDs, and
 * their storage parameters when the tables were not read with them. */
static void
read_relations(vb_arena *arena, vb_schema *s, vb_map *tables, Datum *oids, int n,
			   bool options)
{
	vb_map		attnames;
	vb_map		attinfo;

	tables_param = PointerGetDatum(construct_array(oids, n, OIDOID, sizeof(Oid), true,
												   TYPALIGN_INT));
	vb_map_init(&attnames, arena, n * 10);
	vb_map_init(&attinfo, arena, n * 10);
	read_columns(arena, s, tables, &attnames, &attinfo);
	if (options)
		read_table_options(arena, tables);
	read_constraints(arena, s, tables, &attnames);
	read_indexes(arena, tables, &attnames, &attinfo);
}

/* "view", "index", ... for a relkind */
static const char *
relkind_word(char relkind)
{
	switch (relkind)
	{
		case 'r':
			return "table";
		case 'i':
			return "index";
		case 'I':
			return "partitioned index";
		case 'S':
			return "sequence";
		case 'v':
			return "view";
		case 'm':
			return "materialized view";
		case 'c':
			return "composite type";
		case 'f':
			return "foreign table";
		case 'p':
			return "partitioned table";
		default:
			return "relation";
	}
}

static const char *
typtype_word(char typtype)
{
	switch (typtype)
	{
		case 'd':
			return "domain";
		case 'e':
			return "enum";
		case 'r':
			return "range type";
		case 'm':
			return "multirange type";
		case 'p':
			return "pseudo-type";
		default:
			return "type";
	}
}

/*
 * The names held by the objects of names_query that viborm does not
 * manage (all but the enums it reads). A relation that has a row type
 * holds that type name too.
 */
static void
read_name_holders(vb_arena *arena, vb_schema *s)
{
	vb_map		enums;
	uint64		i;
	int			j;

	vb_map_init(&enums, arena, s->enums.count + 1);
	for (j = 0; j < s->enums.count; j++)
		vb_map_put(&enums, vb_key2(arena, ((vb_enum *) s->enums.items[j])->schema,
								   ((vb_enum *) s->enums.items[j])->name), s);
	run_query(names_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		char	   *space = get_text(arena, tup, 1);
		char	   *schema = get_name(arena, tup, 2);
		char	   *table = get_name(arena, tup, 3);
		char	   *name = get_name(arena, tup, 4);
		char	   *kind = get_text(arena, tup, 5);
		char	   *extension = get_name(arena, tup, 6);
		const char *of = extension ? vb_printf(arena, " (of extension %s)", extension) : "";

		if (space[0] == 'r')
		{
			add_holder(arena, s, 'r', schema, NULL, name,
					   vb_printf(arena, "%s %s.%s%s", relkind_word(kind[0]), schema, name, of));
			if (strchr("rvmfpc", kind[0]))
				add_holder(arena, s, 't', schema, NULL, name,
						   vb_printf(arena, "the row type of %s %s.%s%s", relkind_word(kind[0]),
									 schema, name, of));
		}
		else if (space[0] == 't')
		{
			if (kind[0] == 'e' && vb_map_get(&enums, vb_key2(arena, schema, name)))
				continue;		/* an enum viborm manages */
			add_holder(arena, s, 't', schema, NULL, name,
					   vb_printf(arena, "%s %s.%s%s", typtype_word(kind[0]), schema, name, of));
		}
		else
			add_holder(arena, s, 'c', schema, table, name,
					   vb_printf(arena, "constraint trigger %s on %s.%s", name, schema, table));
	}
}

/*
 * Read relations by OID into the given tables (their names already set):
 * the canonicaliser reads its scratch tables back this way, exactly as
 * introspect reads real ones.
 */
void
vb_pg_read_tables(vb_arena *arena, const Oid *relids, vb_table **tables, int n)
{
	vb_schema  *scratch = vb_alloc(arena, sizeof(vb_schema));
	vb_map		map;
	Datum	   *oids = palloc(sizeof(Datum) * (n + 1));
	int			i;

	schemas_param = text_array(&scratch->schemas);
	vb_map_init(&map, arena, n);
	for (i = 0; i < n; i++)
	{
		oids[i] = ObjectIdGetDatum(relids[i]);
		vb_map_put(&map, vb_printf(arena, "%u", relids[i]), tables[i]);
	}
	read_relations(arena, scratch, &map, oids, n, true);
}

vb_schema *
vb_pg_introspect(vb_arena *arena, const vb_list *schemas)
{
	vb_schema  *s = vb_alloc(arena, sizeof(vb_schema));
	vb_map		tables;
	Datum	   *oids;
	uint64		i;

	schemas_param = text_array(schemas);
	tables_param = PointerGetDatum(construct_array(NULL, 0, OIDOID, sizeof(Oid), true,
												   TYPALIGN_INT));

	run_query(schemas_query);
	for (i = 0; i < SPI_processed; i++)
	{
		CHECK_FOR_INTERRUPTS();
		vb_list_push(arena, &s->schemas, get_name(arena, SPI_tuptable->vals[i], 1));
	}

	run_query(tables_query);
	vb_map_init(&tables, arena, (int) SPI_processed);
	oids = palloc(sizeof(Datum) * (SPI_processed + 1));
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = vb_alloc(arena, sizeof(vb_table));

		CHECK_FOR_INTERRUPTS();
		oids[i] = ObjectIdGetDatum(get_oid(tup, 1));
		t->schema = get_name(arena, tup, 2);
		t->name = get_name(arena, tup, 3);
		t->comment = get_text(arena, tup, 4);
		get_options(arena, tup, 5, "", &t->with);
		get_options(arena, tup, 6, "toast.", &t->with);
		vb_list_push(arena, &s->tables, t);
		vb_map_put(&tables, vb_printf(arena, "%u", get_oid(tup, 1)), t);
	}
	read_relations(arena, s, &tables, oids, (int) SPI_processed, false);
	read_enums(arena, s);
	read_name_holders(arena, s);

	run_query(unmanaged_query);
	for (i = 0; i < SPI_processed; i++)
	{
		CHECK_FOR_INTERRUPTS();
		add_unmanaged(arena, s, get_text(arena, SPI_tuptable->vals[i], 1),
					  get_text(arena, SPI_tuptable->vals[i], 2));
	}
	if (s->unmanaged.count > 1)
		qsort(s->unmanaged.items, (size_t) s->unmanaged.count, sizeof(void *),
			  compare_unmanaged);
	return s;
}
