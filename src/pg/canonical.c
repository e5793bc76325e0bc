/*-------------------------------------------------------------------------
 *
 * canonical.c
 *	  Rewrite the desired schema's types, defaults and index predicates
 *	  into the text the catalog would print for them, using the server's
 *	  own parser and deparser, so that comparison is exact: int4 = integer,
 *	  NOW() = now(), 'a' = 'a'::text, redundant parentheses vanish.
 *
 * Types go through parseTypeString + format_type; defaults through
 * cookDefault (what CREATE TABLE stores) + pg_get_expr; predicates through
 * transformWhereClause against a scratch table with the desired columns +
 * pg_get_expr. Every expression is first parsed on its own and must be
 * exactly one expression, so no document text ever reaches SQL unchecked.
 *
 * Objects this push will create (schemas, enums, new enum values) do not
 * exist yet, so the work runs inside an internal subtransaction that first
 * creates them as planned and is always rolled back.
 *
 * Fast path: a text that the current catalog already prints for the same
 * type (or table) is canonical already; a document that came from
 * introspect() is therefore never parsed again.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/table.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "executor/spi.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_clause.h"
#include "parser/parse_collate.h"
#include "parser/parse_node.h"
#include "parser/parse_relation.h"
#include "parser/parse_type.h"
#include "parser/parser.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

#include "ddl_pg.h"
#include "vb_pg.h"

typedef struct canon_state
{
	vb_arena   *arena;
	vb_schema  *desired;
	const vb_schema *current;
	vb_map		types;			/* canonical type texts seen in the catalog */
	vb_map		defaults;		/* key2(type, default) seen in the catalog */
	vb_map		predicates;		/* key3(schema, table, predicate) */
	const char *search_path;	/* what is set now */
	int			scratch_count;
} canon_state;

/* JSON path of the element being canonicalised, for error reports */
static const char *volatile current_path = NULL;

static void
set_search_path(canon_state *st, const char *path)
{
	if (st->search_path && strcmp(st->search_path, path) == 0)
		return;
	vb_pg_set("search_path", path);
	st->search_path = path;
}

/* Names resolve as the contract says: the table's own schema, then public. */
static void
use_schema(canon_state *st, const char *schema)
{
	set_search_path(st, psprintf("%s, public", vb_quote_ident(st->arena, schema)));
}

static void
use_catalog_only(canon_state *st)
{
	set_search_path(st, "pg_catalog");
}

static void
spi_exec(const char *sql)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc < 0)
		elog(ERROR, "viborm: scratch statement failed: %s", SPI_result_code_string(rc));
}

/*
 * Parse text as exactly one SQL expression; anything else (a list, a
 * statement, a FROM clause, an alias) is an error.
 */
static Node *
parse_one_expression(const char *text, const char *what)
{
	List	   *raw = raw_parser(text, RAW_PARSE_PLPGSQL_EXPR);
	RawStmt    *rs;
	SelectStmt *sel;
	ResTarget  *rt;

	if (list_length(raw) != 1)
		goto bad;
	rs = linitial_node(RawStmt, raw);
	if (!IsA(rs->stmt, SelectStmt))
		goto bad;
	sel = (SelectStmt *) rs->stmt;
	if (list_length(sel->targetList) != 1 || sel->distinctClause || sel->intoClause ||
		sel->fromClause || sel->whereClause || sel->groupClause || sel->havingClause ||
		sel->windowClause || sel->valuesLists || sel->sortClause || sel->limitOffset ||
		sel->limitCount || sel->lockingClause || sel->withClause || sel->op != SETOP_NONE)
		goto bad;
	rt = linitial_node(ResTarget, sel->targetList);
	if (rt->name != NULL || rt->indirection != NIL)
		goto bad;
	if (IsA(rt->val, ColumnRef) && IsA(llast(((ColumnRef *) rt->val)->fields), A_Star))
		goto bad;
	return rt->val;
bad:
	ereport(ERROR,
			(errcode(ERRCODE_SYNTAX_ERROR),
			 errmsg("%s must be exactly one SQL expression", what)));
	return NULL;
}

static char *
deparse(Node *expr, Oid relid)
{
	Datum		printed = DirectFunctionCall2(pg_get_expr,
											  CStringGetTextDatum(nodeToString(expr)),
											  ObjectIdGetDatum(relid));

	return TextDatumGetCString(printed);
}

static void
parse_type(canon_state *st, const char *schema, const char *type, Oid *typid, int32 *typmod)
{
	use_schema(st, schema);
	parseTypeString(type, typid, typmod, false);
}

static char *
canonical_type(canon_state *st, const char *schema, const char *type)
{
	Oid			typid;
	int32		typmod;

	if (vb_map_get(&st->types, type))
		return (char *) type;
	parse_type(st, schema, type, &typid, &typmod);
	use_catalog_only(st);
	return vb_strdup(st->arena, format_type_extended(typid, typmod,
													  FORMAT_TYPE_TYPEMOD_GIVEN |
													  FORMAT_TYPE_ALLOW_INVALID));
}

static char *
canonical_default(canon_state *st, const vb_table *t, const vb_column *c)
{
	Oid			typid;
	int32		typmod;
	ParseState *pstate;
	Node	   *raw;
	Node	   *cooked;

	if (vb_map_get(&st->defaults, vb_key2(st->arena, c->type, c->default_expr)))
		return c->default_expr;
	parse_type(st, t->schema, c->type, &typid, &typmod);
	raw = parse_one_expression(c->default_expr, "a default");
	pstate = make_parsestate(NULL);
	cooked = cookDefault(pstate, raw, typid, typmod, c->name, '\0');
	/* as AddRelationNewConstraints: a NULL constant stores no default */
	if (IsA(cooked, Const) && castNode(Const, cooked)->constisnull)
		return NULL;
	use_catalog_only(st);
	return vb_strdup(st->arena, deparse(cooked, InvalidOid));
}

/*
 * A relation with the desired columns, for predicates to resolve against:
 * a temporary view (no storage to create and remove, unlike a table).
 */
static Oid
scratch_table(canon_state *st, const vb_table *t)
{
	vb_arena   *a = st->arena;
	char	   *name = psprintf("viborm_scratch_%d", ++st->scratch_count);
	vb_buf		sql;
	int			i;

	vb_buf_init(&sql, a);
	vb_buf_appendf(&sql, "CREATE TEMPORARY VIEW %s AS SELECT", vb_quote_ident(a, name));
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		vb_buf_appendf(&sql, "%s NULL::%s AS %s", i ? "," : "", c->type,
					   vb_quote_ident(a, c->name));
	}
	use_catalog_only(st);
	spi_exec(sql.data);
	return RangeVarGetRelid(makeRangeVar("pg_temp", name, -1), NoLock, false);
}

/* As DefineIndex stores it: transformed, collations assigned, ANDs flat. */
static char *
canonical_predicate(canon_state *st, const vb_table *t, Oid relid, const char *pred)
{
	ParseState *pstate = make_parsestate(NULL);
	Relation	rel;
	ParseNamespaceItem *nsitem;
	Node	   *raw;
	Node	   *expr;

	use_schema(st, t->schema);
	raw = parse_one_expression(pred, "an index predicate");
	rel = table_open(relid, AccessShareLock);
	nsitem = addRangeTableEntryForRelation(pstate, rel, AccessShareLock, NULL, false, true);
	addNSItemToQuery(pstate, nsitem, false, true, true);
	expr = transformWhereClause(pstate, raw, EXPR_KIND_INDEX_PREDICATE, "WHERE");
	assign_expr_collations(pstate, expr);
	table_close(rel, NoLock);
	expr = (Node *) make_ands_explicit(make_ands_implicit((Expr *) expr));
	use_catalog_only(st);
	return vb_strdup(st->arena, deparse(expr, relid));
}

static bool
same_labels(const vb_enum *a, const vb_enum *b)
{
	int			i;

	if (a->values.count != b->values.count)
		return false;
	for (i = 0; i < a->values.count; i++)
		if (strcmp(((vb_enum_value *) a->values.items[i])->name,
				   ((vb_enum_value *) b->values.items[i])->name) != 0)
			return false;
	return true;
}

/*
 * Create, inside the scratch subtransaction, what the document needs to
 * exist: missing schemas, and every enum as the document declares it (an
 * existing enum with other labels is moved aside first), so new types and
 * new values resolve and are usable.
 */
static void
create_scratch_objects(canon_state *st)
{
	vb_arena   *a = st->arena;
	int			i;

	use_catalog_only(st);
	for (i = 0; i < st->desired->schemas.count; i++)
	{
		const char *s = st->desired->schemas.items[i];

		if (!vb_list_contains_str(&st->current->schemas, s))
			spi_exec(psprintf("CREATE SCHEMA %s", vb_quote_ident(a, s)));
	}
	for (i = 0; i < st->desired->enums.count; i++)
	{
		vb_enum    *e = st->desired->enums.items[i];
		vb_enum    *ce = vb_find_enum(st->current, e->schema, e->name);

		current_path = e->path;
		if (ce && same_labels(ce, e))
			continue;
		if (ce)
			spi_exec(psprintf("ALTER TYPE %s RENAME TO %s", vb_qualified(a, e->schema, e->name),
							  vb_quote_ident(a, psprintf("viborm_scratch_%d", ++st->scratch_count))));
		spi_exec(vb_pg_create_enum(a, e->schema, e->name, &e->values));
	}
	current_path = NULL;
}

/* Does anything in the document need the parser at all? */
static bool
needs_parser(canon_state *st)
{
	int			i;
	int			j;

	for (i = 0; i < st->desired->tables.count; i++)
	{
		vb_table   *t = st->desired->tables.items[i];

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (!vb_map_get(&st->types, c->type) ||
				(c->default_expr &&
				 !vb_map_get(&st->defaults, vb_key2(st->arena, c->type, c->default_expr))))
				return true;
		}
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->where &&
				!vb_map_get(&st->predicates, vb_key3(st->arena, t->schema, t->name, ix->where)))
				return true;
		}
	}
	return false;
}

static void
canonicalize_tables(canon_state *st)
{
	int			i;
	int			j;

	for (i = 0; i < st->desired->tables.count; i++)
	{
		vb_table   *t = st->desired->tables.items[i];
		Oid			scratch = InvalidOid;

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			current_path = psprintf("%s.type", c->path ? c->path : c->name);
			c->type = canonical_type(st, t->schema, c->type);
		}
		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (c->default_expr == NULL)
				continue;
			current_path = psprintf("%s.default", c->path ? c->path : c->name);
			c->default_expr = canonical_default(st, t, c);
		}
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->where == NULL ||
				vb_map_get(&st->predicates, vb_key3(st->arena, t->schema, t->name, ix->where)))
				continue;
			current_path = psprintf("%s.where", ix->path ? ix->path : ix->name);
			if (scratch == InvalidOid)
				scratch = scratch_table(st, t);
			ix->where = canonical_predicate(st, t, scratch, ix->where);
		}
	}
	current_path = NULL;
}

static void
collect_catalog_texts(canon_state *st)
{
	vb_arena   *a = st->arena;
	int			i;
	int			j;

	vb_map_init(&st->types, a, 64);
	vb_map_init(&st->defaults, a, 64);
	vb_map_init(&st->predicates, a, 16);
	for (i = 0; i < st->current->tables.count; i++)
	{
		vb_table   *t = st->current->tables.items[i];

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			vb_map_put(&st->types, c->type, (void *) 1);
			if (c->default_expr)
				vb_map_put(&st->defaults, vb_key2(a, c->type, c->default_expr), (void *) 1);
		}
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->where)
				vb_map_put(&st->predicates, vb_key3(a, t->schema, t->name, ix->where), (void *) 1);
		}
	}
}

void
vb_pg_canonicalize(vb_arena *arena, vb_schema *desired, const vb_schema *current)
{
	canon_state st;
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;

	memset(&st, 0, sizeof(st));
	st.arena = arena;
	st.desired = desired;
	st.current = current;
	collect_catalog_texts(&st);
	if (!needs_parser(&st))
		return;

	st.search_path = "pg_catalog";
	current_path = NULL;
	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		create_scratch_objects(&st);
		canonicalize_tables(&st);
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		const char *path = current_path;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		RollbackAndReleaseCurrentSubTransaction();
		MemoryContextSwitchTo(oldcontext);
		CurrentResourceOwner = oldowner;
		if (edata->sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE || path == NULL)
			ReThrowError(edata);
		ereport(ERROR,
				(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
				 errmsg("invalid %s: %s", path, edata->message),
				 errdetail("JSON path: %s.", path)));
	}
	PG_END_TRY();
}
