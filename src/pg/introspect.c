/*-------------------------------------------------------------------------
 *
 * introspect.c
 *	  Read the live schema of the managed namespaces straight from
 *	  pg_catalog into the core's model.
 *
 * Seven set-based queries read everything, whatever the number of tables
 * (never information_schema, never a query per table). Objects that belong
 * to an extension and viborm's own schema are skipped; what the model
 * cannot express is listed as unmanaged and left alone.
 *
 * Types and expressions are printed by the catalog's own functions
 * (format_type, pg_get_expr) under the settings pinned by viborm.c, which
 * makes them the canonical text the differ compares.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/lsyscache.h"

#include "vb_pg.h"

/* Relations of the managed schemas that no extension owns. */
#define MANAGED_RELATION \
	"n.nspname = ANY($1) AND n.nspname <> 'viborm' " \
	"AND NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = 'pg_class'::regclass " \
	"AND e.objid = c.oid AND e.deptype = 'e') "

#define MANAGED_TABLE \
	MANAGED_RELATION "AND c.relkind = 'r' AND NOT c.relispartition "

static const char *const schemas_query =
"SELECT n.nspname FROM pg_namespace n "
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' ORDER BY 1";

static const char *const tables_query =
"SELECT c.oid, n.nspname, c.relname "
"FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
"WHERE " MANAGED_TABLE
"ORDER BY n.nspname, c.relname";

static const char *const columns_query =
"SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, "
"       pg_get_expr(ad.adbin, ad.adrelid), a.attidentity::text, a.attgenerated::text, "
"       a.attcollation <> t.typcollation, "
"       CASE WHEN s.oid IS NOT NULL AND a.attidentity = '' "
"             AND pg_get_expr(ad.adbin, ad.adrelid) = "
"                 'nextval(' || quote_literal(s.oid::regclass::text) || '::regclass)' "
"            THEN s.relname END, "
"       CASE WHEN a.attidentity <> '' THEN s.relname END "
"FROM pg_attribute a "
"JOIN pg_class c ON c.oid = a.attrelid "
"JOIN pg_namespace n ON n.oid = c.relnamespace "
"JOIN pg_type t ON t.oid = a.atttypid "
"LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum "
"LEFT JOIN (pg_depend sd JOIN pg_class s ON s.oid = sd.objid AND s.relkind = 'S') "
"       ON sd.classid = 'pg_class'::regclass AND sd.refclassid = 'pg_class'::regclass "
"      AND sd.refobjid = a.attrelid AND sd.refobjsubid = a.attnum "
"      AND sd.deptype = CASE WHEN a.attidentity <> '' THEN 'i' ELSE 'a' END "
"WHERE " MANAGED_TABLE "AND a.attnum > 0 AND NOT a.attisdropped "
"ORDER BY a.attrelid, a.attnum";

/* column names of a key, in key order */
#define KEY_NAMES(rel, keys) \
	"ARRAY(SELECT att.attname::text FROM unnest(" keys ") WITH ORDINALITY k(num, ord) " \
	"JOIN pg_attribute att ON att.attrelid = " rel " AND att.attnum = k.num ORDER BY k.ord)"

static const char *const constraints_query =
"SELECT con.conrelid, con.conname, con.contype::text, con.condeferrable, con.condeferred, "
"       con.convalidated, " KEY_NAMES("con.conrelid", "con.conkey") ", "
"       rn.nspname, rc.relname, " KEY_NAMES("con.confrelid", "con.confkey") ", "
"       con.confupdtype::text, con.confdeltype::text, con.confmatchtype::text, "
"       coalesce(i.indnullsnotdistinct, false) OR coalesce(i.indnkeyatts <> i.indnatts, false) "
"       OR con.confdelsetcols IS NOT NULL "
"FROM pg_constraint con "
"JOIN pg_class c ON c.oid = con.conrelid "
"JOIN pg_namespace n ON n.oid = c.relnamespace "
"LEFT JOIN pg_class rc ON rc.oid = con.confrelid "
"LEFT JOIN pg_namespace rn ON rn.oid = rc.relnamespace "
"LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u') "
"WHERE " MANAGED_TABLE "AND con.contype IN ('p', 'u', 'f', 'c', 'x') "
"ORDER BY con.conrelid, con.conname";

static const char *const indexes_query =
"SELECT i.indrelid, ic.relname, i.indisunique, am.amname::text, "
"       i.indexprs IS NOT NULL OR i.indnkeyatts <> i.indnatts OR i.indnullsnotdistinct "
"       OR EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0) "
"       OR EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) WITH ORDINALITY x(opc, ord) "
"                  JOIN pg_opclass oc ON oc.oid = x.opc "
"                  WHERE x.ord <= i.indnkeyatts AND NOT oc.opcdefault), "
"       " KEY_NAMES("i.indrelid", "i.indkey::int2[]") ", "
"       pg_get_expr(i.indpred, i.indrelid) "
"FROM pg_index i "
"JOIN pg_class ic ON ic.oid = i.indexrelid "
"JOIN pg_am am ON am.oid = ic.relam "
"JOIN pg_class c ON c.oid = i.indrelid "
"JOIN pg_namespace n ON n.oid = c.relnamespace "
"WHERE " MANAGED_TABLE
"AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
"                AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) "
"ORDER BY i.indrelid, ic.relname";

static const char *const enums_query =
"SELECT n.nspname, t.typname, "
"       coalesce(array_agg(e.enumlabel::text ORDER BY e.enumsortorder) "
"                FILTER (WHERE e.enumlabel IS NOT NULL), '{}') "
"FROM pg_type t "
"JOIN pg_namespace n ON n.oid = t.typnamespace "
"LEFT JOIN pg_enum e ON e.enumtypid = t.oid "
"WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' AND t.typtype = 'e' "
"AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass "
"                AND x.objid = t.oid AND x.deptype = 'e') "
"GROUP BY n.nspname, t.typname ORDER BY 1, 2";

/* Everything in a managed schema that the model does not express. */
static const char *const unmanaged_query =
"SELECT kind, object FROM ("
" SELECT CASE c.relkind WHEN 'v' THEN 'view' WHEN 'm' THEN 'materializedView' "
"        WHEN 'f' THEN 'foreignTable' WHEN 'p' THEN 'partitionedTable' "
"        WHEN 'S' THEN 'sequence' ELSE 'partition' END AS kind, "
"        n.nspname || '.' || c.relname AS object "
" FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
" WHERE " MANAGED_RELATION
"   AND (c.relkind IN ('v', 'm', 'f', 'p') OR (c.relkind = 'r' AND c.relispartition) "
"        OR (c.relkind = 'S' AND NOT EXISTS (SELECT 1 FROM pg_depend d "
"            WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid "
"            AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')))) "
" UNION ALL "
" SELECT 'trigger', n.nspname || '.' || c.relname || '.' || tg.tgname "
" FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid "
" JOIN pg_namespace n ON n.oid = c.relnamespace "
" WHERE " MANAGED_TABLE "AND NOT tg.tgisinternal "
" UNION ALL "
" SELECT 'policy', n.nspname || '.' || c.relname || '.' || p.polname "
" FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid "
" JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " MANAGED_TABLE
" UNION ALL "
" SELECT 'rule', n.nspname || '.' || c.relname || '.' || r.rulename "
" FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class "
" JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " MANAGED_TABLE
" UNION ALL "
" SELECT CASE con.contype WHEN 'c' THEN 'check' WHEN 'x' THEN 'exclusion' "
"        ELSE 'constraint' END, "
"        n.nspname || '.' || c.relname || '.' || con.conname "
" FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
" JOIN pg_namespace n ON n.oid = c.relnamespace "
" LEFT JOIN pg_index i ON i.indexrelid = con.conindid AND con.contype IN ('p', 'u') "
" WHERE " MANAGED_TABLE
"   AND (con.contype IN ('c', 'x') "
"        OR (con.contype IN ('p', 'u') AND (con.condeferrable OR i.indnullsnotdistinct "
"            OR i.indnkeyatts <> i.indnatts)) "
"        OR (con.contype = 'f' AND (con.confmatchtype <> 's' OR NOT con.convalidated "
"            OR con.confdelsetcols IS NOT NULL))) "
" UNION ALL "
" SELECT 'comment', n.nspname || '.' || c.relname || "
"        CASE WHEN d.objsubid = 0 THEN '' ELSE '.' || a.attname END "
" FROM pg_description d JOIN pg_class c ON c.oid = d.objoid "
" JOIN pg_namespace n ON n.oid = c.relnamespace "
" LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid "
" WHERE d.classoid = 'pg_class'::regclass AND " MANAGED_TABLE
" UNION ALL "
" SELECT CASE WHEN a.attgenerated <> '' THEN 'generatedColumn' ELSE 'collation' END, "
"        n.nspname || '.' || c.relname || '.' || a.attname "
" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
" JOIN pg_namespace n ON n.oid = c.relnamespace "
" JOIN pg_type t ON t.oid = a.atttypid "
" WHERE " MANAGED_TABLE "AND a.attnum > 0 AND NOT a.attisdropped "
"   AND (a.attgenerated <> '' OR a.attcollation <> t.typcollation) "
" UNION ALL "
" SELECT 'index', n.nspname || '.' || ic.relname "
" FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid "
" JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
" WHERE " MANAGED_TABLE
"   AND (i.indexprs IS NOT NULL OR i.indnkeyatts <> i.indnatts OR i.indnullsnotdistinct "
"        OR EXISTS (SELECT 1 FROM unnest(i.indoption::int2[]) o WHERE o <> 0) "
"        OR EXISTS (SELECT 1 FROM unnest(i.indclass::oid[]) WITH ORDINALITY x(opc, ord) "
"                   JOIN pg_opclass oc ON oc.oid = x.opc "
"                   WHERE x.ord <= i.indnkeyatts AND NOT oc.opcdefault)) "
"   AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid "
"                   AND k.conrelid = i.indrelid AND k.contype IN ('p', 'u', 'x')) "
" UNION ALL "
" SELECT CASE t.typtype WHEN 'd' THEN 'domain' WHEN 'r' THEN 'rangeType' "
"        WHEN 'm' THEN 'multirangeType' ELSE 'compositeType' END, "
"        n.nspname || '.' || t.typname "
" FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
" WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"   AND (t.typtype IN ('d', 'r', 'm') OR (t.typtype = 'c' AND EXISTS "
"        (SELECT 1 FROM pg_class r WHERE r.oid = t.typrelid AND r.relkind = 'c'))) "
"   AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_type'::regclass "
"                   AND x.objid = t.oid AND x.deptype = 'e') "
" UNION ALL "
" SELECT CASE p.prokind WHEN 'p' THEN 'procedure' WHEN 'a' THEN 'aggregate' "
"        ELSE 'function' END, "
"        n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' "
" FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
" WHERE n.nspname = ANY($1) AND n.nspname <> 'viborm' "
"   AND NOT EXISTS (SELECT 1 FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass "
"                   AND x.objid = p.oid AND x.deptype = 'e') "
") u ORDER BY 2, 1";

static Datum schemas_param;

static void
run_query(const char *sql)
{
	Oid			argtypes[1] = {TEXTARRAYOID};
	Datum		values[1];
	int			rc;

	values[0] = schemas_param;
	/* not read-only: a fresh snapshot sees what this push just did */
	rc = SPI_execute_with_args(sql, 1, argtypes, values, NULL, false, 0);
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

vb_schema *
vb_pg_introspect(vb_arena *arena, const vb_list *schemas)
{
	vb_schema  *s = vb_alloc(arena, sizeof(vb_schema));
	Datum	   *elems = palloc(sizeof(Datum) * (schemas->count + 1));
	vb_map		tables;
	uint64		i;
	int			j;

	for (j = 0; j < schemas->count; j++)
		elems[j] = CStringGetTextDatum(schemas->items[j]);
	schemas_param = PointerGetDatum(construct_array(elems, schemas->count, TEXTOID,
													-1, false, TYPALIGN_INT));

	run_query(schemas_query);
	for (i = 0; i < SPI_processed; i++)
		vb_list_push(arena, &s->schemas, get_name(arena, SPI_tuptable->vals[i], 1));

	run_query(tables_query);
	vb_map_init(&tables, arena, (int) SPI_processed);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = vb_alloc(arena, sizeof(vb_table));

		t->schema = get_name(arena, tup, 2);
		t->name = get_name(arena, tup, 3);
		vb_list_push(arena, &s->tables, t);
		vb_map_put(&tables, vb_printf(arena, "%u", get_oid(tup, 1)), t);
	}

	run_query(columns_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(&tables, arena, get_oid(tup, 1));
		vb_column  *c = vb_alloc(arena, sizeof(vb_column));
		char	   *identity = get_text(arena, tup, 6);
		char	   *generated = get_text(arena, tup, 7);

		c->name = get_name(arena, tup, 2);
		if (t == NULL || (generated && generated[0]) || vb_find_column(t, c->name))
			continue;			/* generated columns are listed as unmanaged */
		c->type = get_text(arena, tup, 3);
		c->nullable = !get_bool(tup, 4);
		c->default_expr = get_text(arena, tup, 5);
		c->sequence_name = get_name(arena, tup, 9);
		if (c->sequence_name)
		{
			c->auto_increment = true;
			c->default_expr = NULL;
		}
		if (identity && identity[0] != '\0')
			c->sequence_name = get_name(arena, tup, 10);
		if (identity && identity[0] == 'a')
			c->identity = VB_IDENTITY_ALWAYS;
		else if (identity && identity[0] == 'd')
			c->identity = VB_IDENTITY_BY_DEFAULT;
		vb_list_push(arena, &t->columns, c);
	}

	run_query(constraints_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(&tables, arena, get_oid(tup, 1));
		char	   *type = get_text(arena, tup, 3);
		bool		deferrable = get_bool(tup, 4);
		bool		validated = get_bool(tup, 6);
		char	   *match = get_text(arena, tup, 13);
		bool		special = get_bool(tup, 14);

		if (t == NULL)
			continue;
		if (type[0] == 'p' || type[0] == 'u')
		{
			vb_key	   *k;

			if (deferrable || special)
				continue;		/* unmanaged */
			k = vb_alloc(arena, sizeof(vb_key));
			k->name = get_name(arena, tup, 2);
			get_names(arena, tup, 7, &k->columns);
			if (type[0] == 'p')
				t->primary_key = k;
			else
				vb_list_push(arena, &t->uniques, k);
		}
		else if (type[0] == 'f')
		{
			vb_foreign_key *fk;

			if (!validated || special || (match && match[0] != 's'))
				continue;		/* unmanaged */
			fk = vb_alloc(arena, sizeof(vb_foreign_key));
			fk->name = get_name(arena, tup, 2);
			get_names(arena, tup, 7, &fk->columns);
			fk->ref_schema = get_name(arena, tup, 8);
			fk->ref_table = get_name(arena, tup, 9);
			get_names(arena, tup, 10, &fk->ref_columns);
			fk->on_update = fk_action(get_text(arena, tup, 11));
			fk->on_delete = fk_action(get_text(arena, tup, 12));
			fk->deferrable = deferrable;
			fk->initially_deferred = get_bool(tup, 5);
			vb_list_push(arena, &t->foreign_keys, fk);
		}
	}

	run_query(indexes_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_table   *t = table_by_oid(&tables, arena, get_oid(tup, 1));
		vb_index   *ix;

		if (t == NULL || get_bool(tup, 5))
			continue;			/* unmanaged */
		ix = vb_alloc(arena, sizeof(vb_index));
		ix->name = get_name(arena, tup, 2);
		ix->unique = get_bool(tup, 3);
		ix->method = get_text(arena, tup, 4);
		get_names(arena, tup, 6, &ix->columns);
		ix->where = get_text(arena, tup, 7);
		vb_list_push(arena, &t->indexes, ix);
	}

	run_query(enums_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_enum    *e = vb_alloc(arena, sizeof(vb_enum));
		vb_list		labels;

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

	run_query(unmanaged_query);
	for (i = 0; i < SPI_processed; i++)
	{
		HeapTuple	tup = SPI_tuptable->vals[i];
		vb_unmanaged *u = vb_alloc(arena, sizeof(vb_unmanaged));

		u->kind = get_text(arena, tup, 1);
		u->object = get_text(arena, tup, 2);
		vb_list_push(arena, &s->unmanaged, u);
	}
	return s;
}
