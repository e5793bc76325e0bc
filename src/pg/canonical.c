/*-------------------------------------------------------------------------
 *
 * canonical.c
 *	  Rewrite the desired schema's types, defaults and index predicates
 *	  into the text the catalog would print for them, using the server's
 *	  own parser and deparser, so that comparison is exact: int4 = integer,
 *	  NOW() = now(), 'a' = 'a'::text, redundant parentheses vanish.
 *
 * Types go through parseTypeString + format_type; defaults through
 * cookDefault (what CREATE TABLE stores) + pg_get_expr. Everything else of
 * a table (generation expressions, collations, checks, storage parameters,
 * index elements and predicates) is built for real on a TEMPORARY scratch
 * table (a partitioned one, without storage), indexes included, and read
 * back with introspect's own queries:
 * the server decides what an index element is and how it prints, never a
 * rule copied here. Every expression is first parsed on its own and must
 * be exactly one expression, so no document text ever reaches SQL
 * unchecked.
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

#include "access/amapi.h"
#include "access/table.h"
#include "access/xact.h"
#include "catalog/heap.h"
#include "catalog/namespace.h"
#include "executor/spi.h"
#include "mb/pg_wchar.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "optimizer/optimizer.h"
#include "parser/parse_clause.h"
#include "parser/parse_collate.h"
#include "parser/parse_node.h"
#include "parser/parse_relation.h"
#include "parser/parse_target.h"
#include "parser/parse_expr.h"
#include "catalog/pg_collation.h"
#include "catalog/pg_class.h"
#include "catalog/pg_type.h"
#include "commands/defrem.h"
#include "utils/lsyscache.h"
#include "utils/rel.h"
#include "parser/parse_type.h"
#include "parser/parser.h"
#include "parser/scanner.h"
#include "common/keywords.h"
#include "lib/stringinfo.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/memutils.h"
#include "utils/resowner.h"
#include "utils/syscache.h"

#include "dialect_pg.h"
#include "vb_pg.h"

static void refuse_at(const char *path, const char *fmt,...)
			pg_attribute_printf(2, 3) pg_attribute_noreturn();

typedef struct canon_state
{
	vb_arena   *arena;
	vb_schema  *desired;
	const vb_schema *current;
	vb_map		types;			/* canonical type texts seen in the catalog */
	vb_map		defaults;		/* key2(type, default) seen in the catalog */
	vb_map		exprs;			/* key3(schema, table, text): expressions,
								 * collations, opclasses the catalog printed */
	vb_map		indexes;		/* key3(schema, table, index_key) of the
								 * catalog's indexes */
	vb_map		cur_enums;		/* key2(schema, name) -> current vb_enum */
	vb_map		changed_enums;	/* type texts of enums whose labels change */
	vb_map		parsed_types;	/* key2(schema, written type) -> canonical */
	vb_map		type_oids;		/* canonical type text -> its OID */
	vb_column_index columns;	/* the document's columns by name */
	const char *search_path;	/* what is set now */
	int			scratch_count;
} canon_state;

/* JSON path of the element being canonicalised, for error reports */
static const char *volatile current_path = NULL;

/*
 * Finer paths inside the statement being run: an error whose position
 * (the server's cursor) falls inside one of these spans names the span's
 * element instead of current_path (an index expression, its predicate).
 */
typedef struct text_span
{
	int			start;			/* characters, 0-based, end excluded */
	int			end;
	const char *path;
} text_span;

static List *volatile current_spans = NIL;

static void
set_search_path(canon_state *st, const char *path)
{
	if (st->search_path && strcmp(st->search_path, path) == 0)
		return;
	vb_pg_set("search_path", path);
	st->search_path = path;
}

/*
 * Names resolve as the contract says: the table's own schema, then public
 * (pg_catalog first, implicitly). pg_temp is named last: unnamed, it would
 * be searched first for relations and types, and a temporary type called
 * int4 would capture the document's int4.
 */
static void
use_schema(canon_state *st, const char *schema)
{
	set_search_path(st, psprintf("%s, public, pg_temp", quote_identifier(schema)));
}

static void
use_catalog_only(canon_state *st)
{
	set_search_path(st, VB_PG_SEARCH_PATH);
}

static void
spi_exec(const char *sql)
{
	int			rc = SPI_execute(sql, false, 0);

	if (rc < 0)
		elog(ERROR, "viborm: scratch statement failed: %s", SPI_result_code_string(rc));
}

/* Where the first token of the text starts (after spaces and comments). */
static int
first_token_location(const char *text)
{
	core_yy_extra_type extra;
	core_yyscan_t scanner = scanner_init(text, &extra, &ScanKeywords, ScanKeywordTokens);
	core_YYSTYPE value;
	YYLTYPE		location = 0;

	(void) core_yylex(&value, &location, scanner);
	scanner_finish(scanner);
	return location;
}

/*
 * Parse text as exactly one SQL expression; anything else (a list, a
 * statement, a FROM clause, an alias, a leading ALL, which the grammar of a
 * SELECT list accepts and DDL does not) is an error.
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
	if (rt->name != NULL || rt->indirection != NIL || rt->location != first_token_location(text))
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

static Oid
type_namespace(Oid typid)
{
	HeapTuple	tup = SearchSysCache1(TYPEOID, ObjectIdGetDatum(typid));
	Oid			nsp;

	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for type %u", typid);
	nsp = ((Form_pg_type) GETSTRUCT(tup))->typnamespace;
	ReleaseSysCache(tup);
	return nsp;
}

/* A type of the document; a temporary one would vanish with the session. */
static void
parse_type(canon_state *st, const char *schema, const char *type, Oid *typid, int32 *typmod)
{
	use_schema(st, schema);
	parseTypeString(type, typid, typmod, false);
	if (isAnyTempNamespace(type_namespace(*typid)))
		ereport(ERROR,
				(errcode(ERRCODE_INVALID_TABLE_DEFINITION),
				 errmsg("type %s is a temporary type", format_type_be_qualified(*typid))));
}

/*
 * The canonical text of a column's type. A type PostgreSQL refuses for a
 * column (a pseudo-type such as void, record or trigger; a composite type
 * that contains itself) is refused here, as CREATE TABLE would.
 */
static char *
canonical_type(canon_state *st, const char *schema, const char *column, const char *type)
{
	Oid			typid;
	int32		typmod;

	char	   *key;
	char	   *canonical;

	if (vb_map_get(&st->types, type))
		return (char *) type;
	/* many columns share a few types: each is parsed once per schema */
	key = vb_key2(st->arena, schema, type);
	canonical = vb_map_get(&st->parsed_types, key);
	if (canonical)
		return canonical;
	parse_type(st, schema, type, &typid, &typmod);
	CheckAttributeType(column, typid, get_typcollation(typid), NIL, 0);
	use_catalog_only(st);
	canonical = vb_strdup(st->arena, format_type_extended(typid, typmod,
														   FORMAT_TYPE_TYPEMOD_GIVEN |
														   FORMAT_TYPE_ALLOW_INVALID));
	vb_map_put(&st->parsed_types, key, canonical);
	return canonical;
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

/* Is this text one the current catalog prints for the same table? */
static bool
known(canon_state *st, const vb_table *t, const char *text)
{
	return text == NULL || vb_map_get(&st->exprs, vb_key3(st->arena, t->schema, t->name, text));
}

/*
 * The key under which a storage parameter counts as known: "name=value"
 * as reloptions store it, for the table or for indexes of one access
 * method (a parameter valid for btree is not for gin).
 */
static char *
option_text(vb_arena *a, const char *method, const vb_option *o)
{
	return vb_printf(a, "with\x1e%s\x1e%s=%s", method ? method : "", o->name, o->value);
}

static bool
known_options(canon_state *st, const vb_table *t, const char *method, const vb_list *options)
{
	int			i;

	for (i = 0; i < options->count; i++)
		if (!known(st, t, option_text(st->arena, method, options->items[i])))
			return false;
	return true;
}

/*
 * A text that identifies an index's definition: its method, uniqueness,
 * elements (column or expression, order, NULLS, operator class,
 * collation), INCLUDE columns, predicate and storage parameters, as
 * written or printed.
 */
static char *
index_key(vb_arena *a, const vb_index *ix)
{
	vb_buf		b;
	int			i;

	vb_buf_init(&b, a);
	vb_buf_appendf(&b, "%s\x1f%d%d", ix->method, ix->unique, ix->nulls_not_distinct);
	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = ix->elements.items[i];

		vb_buf_appendf(&b, "\x1e%c%s\x1f%d%d\x1f%s\x1f%s", el->column ? 'c' : 'e',
					   el->column ? el->column : el->expression, el->desc, (int) el->nulls,
					   el->opclass ? el->opclass : "", el->collation ? el->collation : "");
	}
	vb_buf_append(&b, "\x1d");
	for (i = 0; i < ix->include.count; i++)
		vb_buf_appendf(&b, "%s\x1f", (char *) ix->include.items[i]);
	vb_buf_appendf(&b, "\x1d%s\x1d", ix->where ? ix->where : "");
	for (i = 0; i < ix->with.count; i++)
		vb_buf_appendf(&b, "%s=%s\x1f", ((vb_option *) ix->with.items[i])->name,
					   ((vb_option *) ix->with.items[i])->value);
	return b.data;
}

/*
 * Is the index, as the document writes it, one the table already has?
 * Then PostgreSQL accepted it and printed its texts: nothing to parse or
 * check. Any other index is built on the scratch table, so PostgreSQL
 * checks it as CREATE INDEX would (the method and its capabilities,
 * operator classes, immutable expressions): that its texts are each known
 * is not enough (a unique hash index has only known texts).
 */
static bool
plain_index(canon_state *st, const vb_table *t, const vb_index *ix)
{
	return vb_map_get(&st->indexes, vb_key3(st->arena, t->schema, t->name,
											index_key(st->arena, ix))) != NULL;
}

/* Does the table have text that only the server can put in canonical form? */
static bool
table_needs_scratch(canon_state *st, const vb_table *t)
{
	int			i;

	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		if (!known(st, t, c->generated) || !known(st, t, c->collation))
			return true;
	}
	for (i = 0; i < t->checks.count; i++)
		if (!known(st, t, ((vb_check *) t->checks.items[i])->expression) ||
			((vb_check *) t->checks.items[i])->name == NULL)
			return true;
	for (i = 0; i < t->indexes.count; i++)
		if (!plain_index(st, t, t->indexes.items[i]))
			return true;
	return !known_options(st, t, NULL, &t->with);
}

/*
 * Every expression of the table, parsed on its own first: exactly one
 * (the texts of indexes that are built on the scratch table too).
 */
static void
check_expressions(canon_state *st, const vb_table *t)
{
	int			i;
	int			j;

	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		current_path = psprintf("%s.generated", c->path ? c->path : c->name);
		if (c->generated)
			parse_one_expression(c->generated, "a generation expression");
	}
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check   *ck = t->checks.items[i];

		current_path = psprintf("%s.expression", ck->path ? ck->path : "checks");
		parse_one_expression(ck->expression, "a check expression");
	}
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];
		const char *path = ix->path ? ix->path : "indexes";

		if (plain_index(st, t, ix))
			continue;
		for (j = 0; j < ix->elements.count; j++)
		{
			vb_index_elem *el = ix->elements.items[j];

			current_path = psprintf("%s.columns[%d].expression", path, j);
			if (el->expression)
				parse_one_expression(el->expression, "an index expression");
		}
		current_path = psprintf("%s.where", path);
		if (ix->where)
			parse_one_expression(ix->where, "an index predicate");
	}
}

/*
 * The name PostgreSQL gives an expression element in a default index name
 * ("lower" for lower(email), else "expr"), for unnamed indexes.
 */
static void
name_expression_elements(canon_state *st, const vb_table *t)
{
	int			i;
	int			j;

	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		for (j = 0; j < ix->elements.count && ix->name == NULL; j++)
		{
			vb_index_elem *el = ix->elements.items[j];
			char	   *part;

			if (el->expression == NULL)
				continue;
			current_path = psprintf("%s.columns[%d].expression", ix->path ? ix->path : "indexes", j);
			part = FigureIndexColname(parse_one_expression(el->expression, "an index expression"));
			ix->columns.items[j] = vb_strdup(st->arena, part ? part : "expr");
		}
	}
}

/*
 * The text DDL should use for an expression the document wrote: the
 * written text when it differs from the printed form (which does not always
 * read back as the same expression), unless it holds a comment marker,
 * which could reach past the parentheses DDL puts around it: then the
 * printed form.
 */
static char *
source_text(char *written, const char *printed)
{
	if (written == NULL || strcmp(written, printed) == 0 ||
		strstr(written, "--") || strstr(written, "/*"))
		return NULL;
	return written;
}

static void *
find_named(const vb_map *by_name, const char *name)
{
	void	   *found = vb_map_get(by_name, name);

	if (found == NULL)
		elog(ERROR, "viborm: scratch object \"%s\" not found", name);
	return found;
}

/* The only column a scratch check uses, if exactly one (its conkey). */
static char *
check_column(canon_state *st, Oid relid, const char *conname)
{
	Oid			types[2] = {OIDOID, TEXTOID};
	Datum		values[2] = {ObjectIdGetDatum(relid), CStringGetTextDatum(conname)};
	bool		isnull;
	Datum		d;

	if (SPI_execute_with_args("SELECT a.attname::pg_catalog.text FROM pg_catalog.pg_constraint c "
							  "JOIN pg_catalog.pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1] "
							  "WHERE c.conrelid = $1 AND c.conname = $2 AND pg_catalog.cardinality(c.conkey) = 1",
							  2, types, values, NULL, false, 1) != SPI_OK_SELECT)
		elog(ERROR, "viborm: scratch query failed");
	if (SPI_processed == 0)
		return NULL;
	d = SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull);
	return isnull ? NULL : vb_strdup(st->arena, TextDatumGetCString(d));
}

/* Copy the canonical texts of the scratch table back into the document. */
static void
take_back(canon_state *st, vb_table *t, const vb_table *back, Oid relid)
{
	vb_column_index columns;
	vb_map		checks;
	int			i;

	vb_column_index_init(&columns, st->arena);
	vb_map_init(&checks, st->arena, back->checks.count);
	for (i = 0; i < back->checks.count; i++)
		vb_map_put(&checks, ((vb_check *) back->checks.items[i])->name, back->checks.items[i]);
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];
		vb_column  *b = vb_column_lookup(&columns, back, c->name);

		CHECK_FOR_INTERRUPTS();
		c->generated_source = source_text(c->generated, b->generated);
		c->generated = b->generated;
		c->collation = b->collation;
	}
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check   *ck = t->checks.items[i];
		char	   *name = psprintf("viborm_ck_%d", i);
		vb_check   *b = find_named(&checks, name);

		CHECK_FOR_INTERRUPTS();
		ck->source = source_text(ck->expression, b->expression);
		ck->expression = b->expression;
		ck->name_column = check_column(st, relid, name);
	}
}

/*
 * The scratch copy of an index that needs canonical form: built for real on
 * the scratch table, so PostgreSQL itself decides what the elements are (an
 * expression that is only a column, with or without COLLATE, is a column),
 * resolves operator classes and collations, checks the storage parameters
 * (with_options), and prints everything as introspect() reads it back. It
 * is not unique: on a partitioned scratch table a unique index would have to
 * hold the partition key, and uniqueness changes nothing of how the
 * elements read. Document texts go on lines of their own, so a trailing
 * "--" comment ends there.
 */
static char *
scratch_index_sql(canon_state *st, const char *table, const vb_index *ix, const char *name,
				  bool with_options)
{
	vb_arena   *a = st->arena;
	vb_index	copy = *ix;
	int			i;

	copy.name = (char *) name;
	memset(&copy.elements, 0, sizeof(copy.elements));
	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = vb_alloc(a, sizeof(vb_index_elem));

		*el = *(vb_index_elem *) ix->elements.items[i];
		if (el->expression)
			el->source = vb_printf(a, "\n%s\n", el->expression);
		vb_list_push(a, &copy.elements, el);
	}
	copy.where = NULL;
	copy.where_source = ix->where ? vb_printf(a, "\n%s\n", ix->where) : NULL;
	copy.unique = false;
	copy.nulls_not_distinct = false;
	if (!with_options)
		memset(&copy.with, 0, sizeof(copy.with));
	return vb_pg_create_index(a, "pg_temp", table, &copy);
}

/* Where `needle` lies in `sql`, from byte `*from` on, as a span of characters. */
static void
add_span(List **spans, const char *sql, int *from, const char *needle, const char *path)
{
	const char *hit = strstr(sql + *from, needle);
	text_span  *sp;

	if (hit == NULL)
		return;
	sp = palloc(sizeof(text_span));
	sp->start = pg_mbstrlen_with_len(sql, hit - sql);
	sp->end = sp->start + pg_mbstrlen_with_len(hit, strlen(needle));
	sp->path = path;
	*spans = lappend(*spans, sp);
	*from = (hit - sql) + strlen(needle);
}

/* The spans of an index's expressions and predicate in its scratch statement. */
static List *
index_spans(const char *sql, const vb_index *ix)
{
	const char *path = ix->path ? ix->path : ix->name;
	List	   *spans = NIL;
	int			from = 0;
	int			i;

	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = ix->elements.items[i];

		if (el->expression)
			add_span(&spans, sql, &from, psprintf("(\n%s\n)", el->expression),
					 psprintf("%s.columns[%d].expression", path, i));
	}
	if (ix->where)
		add_span(&spans, sql, &from, psprintf(" WHERE (\n%s\n)", ix->where),
				 psprintf("%s.where", path));
	return spans;
}

/* The path of the span that holds the server's error position, if one does. */
static const char *
span_path(int cursorpos)
{
	ListCell   *lc;

	foreach(lc, current_spans)
	{
		text_span  *sp = lfirst(lc);

		if (cursorpos - 1 >= sp->start && cursorpos - 1 < sp->end)
			return sp->path;
	}
	return NULL;
}

static char *
scratch_index_name(const char *table, int i, bool with_options)
{
	return psprintf("%s_ix_%d%s", table, i, with_options ? "_w" : "");
}

/* Copy an index's canonical form, read back from its scratch copy (its
 * storage parameters from the copy built with them, if there is one). */
static void
take_back_index(vb_index *ix, const vb_index *back, const vb_index *back_with)
{
	int			i;

	for (i = 0; i < ix->elements.count; i++)
	{
		vb_index_elem *el = ix->elements.items[i];
		vb_index_elem *b = back->elements.items[i];
		char	   *written = el->expression;

		*el = *b;
		el->source = written && b->expression ? source_text(written, b->expression) : NULL;
		if (b->column)
			ix->columns.items[i] = b->column;
	}
	ix->where_source = ix->where && back->where ? source_text(ix->where, back->where) : NULL;
	ix->where = back->where;
	if (back_with)
		ix->with = back_with->with;
}

/* A table being put in canonical form on its scratch table. */
typedef struct scratch_table
{
	vb_table   *table;			/* the document's */
	char	   *name;			/* of its scratch table, in pg_temp */
	Oid			relid;
	bool		partitioned;	/* no storage: see build_scratch_table */
	vb_table   *back;			/* read back */
	bool	   *built;			/* per index: built on the scratch table */
} scratch_table;

/* A column name the document's table does not use, for the partition key. */
static char *
partition_key_name(const vb_table *t)
{
	char	   *name = pstrdup("viborm_partition_key");
	int			n = 0;

	while (vb_find_column(t, name))
		name = psprintf("viborm_partition_key_%d", ++n);
	return name;
}

/*
 * Refuse an element of the document as CREATE TABLE or CREATE INDEX would,
 * at the JSON path given (the error handler of vb_pg_canonicalize reports
 * it as VB001 there).
 */
static void
refuse_at(const char *path, const char *fmt,...)
{
	va_list		args;
	StringInfoData msg;

	current_path = path;
	initStringInfo(&msg);
	for (;;)
	{
		int			needed;

		va_start(args, fmt);
		needed = appendStringInfoVA(&msg, fmt, args);
		va_end(args);
		if (needed == 0)
			break;
		enlargeStringInfo(&msg, needed);
	}
	ereport(ERROR,
			(errcode(ERRCODE_INVALID_OBJECT_DEFINITION),
			 errmsg_internal("%s", msg.data)));
}

/*
 * The method of an index: an index access method that can do what the
 * index asks of it, as DefineIndex checks (the index on the partitioned
 * scratch table is never built, so not every check is made there), each
 * refusal at the JSON path of what the method cannot do.
 */
static Oid
index_method(const vb_index *ix)
{
	const char *base = ix->path ? ix->path : ix->name;
	Oid			am;
	IndexAmRoutine *routine;
	int			i;

	current_path = psprintf("%s.type", base);
	am = get_index_am_oid(ix->method, false);
	routine = GetIndexAmRoutineByAmId(am, false);
	if (ix->unique && !routine->amcanunique)
		refuse_at(psprintf("%s.unique", base), "access method \"%s\" does not support unique indexes",
				  ix->method);
	if (ix->include.count > 0 && !routine->amcaninclude)
		refuse_at(psprintf("%s.include", base), "access method \"%s\" does not support included columns",
				  ix->method);
	if (ix->elements.count > 1 && !routine->amcanmulticol)
		refuse_at(psprintf("%s.columns", base), "access method \"%s\" does not support multicolumn indexes",
				  ix->method);
	for (i = 0; i < ix->elements.count && !routine->amcanorder; i++)
	{
		vb_index_elem *el = ix->elements.items[i];

		if (el->desc)
			refuse_at(psprintf("%s.columns[%d].order", base, i),
					  "access method \"%s\" does not support ASC/DESC options", ix->method);
		if (el->nulls != VB_NULLS_DEFAULT)
			refuse_at(psprintf("%s.columns[%d].nulls", base, i),
					  "access method \"%s\" does not support NULLS FIRST/LAST options", ix->method);
	}
	return am;
}

/*
 * Create the table (columns, generation expressions, collations), its
 * checks, its storage parameters and the indexes that need it as a
 * temporary scratch table, one statement per object so an error names the
 * element. The table is read back later, with the others of its group.
 *
 * The scratch table is a partitioned table with no partition, unless its
 * own storage parameters need the server's word (a partitioned table takes
 * none): then it has no storage, and neither have its indexes, so building
 * them writes no file and a document of a thousand new tables costs no
 * thousands of files created and deleted. A partitioned table takes no NO
 * INHERIT check: the scratch checks are inherited (their text is the same).
 */
static void
build_scratch_table(canon_state *st, scratch_table *sc)
{
	vb_arena   *a = st->arena;
	vb_table   *t = sc->table;
	char	   *name = psprintf("viborm_scratch_%d", ++st->scratch_count);
	vb_buf		sql;
	int			i;

	sc->name = name;
	sc->built = palloc0(sizeof(bool) * (t->indexes.count + 1));
	sc->partitioned = known_options(st, t, NULL, &t->with);
	check_expressions(st, t);
	vb_buf_init(&sql, a);
	vb_buf_appendf(&sql, "CREATE TEMPORARY TABLE %s (", quote_identifier(name));
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		vb_buf_appendf(&sql, "%s%s %s", i ? ", " : "", quote_identifier(c->name),
					   c->generated ? "integer" : c->type);
	}
	if (sc->partitioned)
	{
		const char *key = quote_identifier(partition_key_name(t));

		vb_buf_appendf(&sql, "%s%s integer) PARTITION BY LIST (%s", i ? ", " : "", key, key);
	}
	vb_buf_appendc(&sql, ')');
	use_schema(st, t->schema);
	current_path = t->path;
	spi_exec(sql.data);
	sc->relid = RangeVarGetRelid(makeRangeVar("pg_temp", name, -1), NoLock, false);
	/* one statement per column property, so an error names its element */
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];

		current_path = psprintf("%s.collation", c->path ? c->path : c->name);
		if (c->collation && !c->generated)
			spi_exec(vb_pg_alter_column(a, "pg_temp", name, c->name,
										psprintf("TYPE %s COLLATE %s", c->type,
												 vb_pg_object_name(a, c->collation))));
	}
	for (i = 0; i < t->columns.count; i++)
	{
		vb_column  *c = t->columns.items[i];
		vb_column	plain = *c;

		if (!c->generated)
			continue;
		plain.default_expr = NULL;
		plain.nullable = true;
		current_path = psprintf("%s.generated", c->path ? c->path : c->name);
		spi_exec(vb_pg_alter_table(a, "pg_temp", name,
								   psprintf("DROP COLUMN %s, ADD COLUMN %s", quote_identifier(c->name),
											vb_pg_column_definition(a, &plain))));
	}
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check	ck = *(vb_check *) t->checks.items[i];

		ck.name = psprintf("viborm_ck_%d", i);
		ck.not_valid = false;
		ck.no_inherit = false;
		current_path = ((vb_check *) t->checks.items[i])->path;
		spi_exec(vb_pg_add_check(a, "pg_temp", name, &ck));
	}
	if (!sc->partitioned && t->with.count > 0)
	{
		current_path = psprintf("%s.with", t->path ? t->path : t->name);
		spi_exec(psprintf("ALTER TABLE %s SET (%s)", quote_qualified_identifier("pg_temp", name),
						  vb_pg_options(a, &t->with)));
	}
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];
		char	   *index_sql;

		sc->built[i] = !plain_index(st, t, ix);
		if (!sc->built[i])
			continue;
		(void) index_method(ix);
		index_sql = scratch_index_sql(st, name, ix, scratch_index_name(name, i, false), false);
		current_path = ix->path ? ix->path : ix->name;
		current_spans = index_spans(index_sql, ix);
		use_schema(st, t->schema);
		spi_exec(index_sql);
		current_spans = NIL;
		/* with its storage parameters once more (a partitioned index takes
		 * no ALTER INDEX ... SET), so an error about them names them */
		current_path = psprintf("%s.with", ix->path ? ix->path : ix->name);
		if (ix->with.count > 0)
			spi_exec(scratch_index_sql(st, name, ix, scratch_index_name(name, i, true), true));
	}
	current_path = t->path;
	use_catalog_only(st);
	sc->back = vb_alloc(a, sizeof(vb_table));
	sc->back->schema = "pg_temp";
	sc->back->name = name;
}

/* Copy what the scratch table says back into the document. */
static void
finish_scratch_table(canon_state *st, scratch_table *sc)
{
	vb_table   *t = sc->table;
	vb_map		indexes;
	int			i;

	take_back(st, t, sc->back, sc->relid);
	if (!sc->partitioned)
		t->with = sc->back->with;
	vb_map_init(&indexes, st->arena, sc->back->indexes.count);
	for (i = 0; i < sc->back->indexes.count; i++)
		vb_map_put(&indexes, ((vb_index *) sc->back->indexes.items[i])->name,
				   sc->back->indexes.items[i]);
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		CHECK_FOR_INTERRUPTS();
		if (sc->built[i])
			take_back_index(ix, find_named(&indexes, scratch_index_name(sc->name, i, false)),
							ix->with.count == 0 ? NULL :
							find_named(&indexes, scratch_index_name(sc->name, i, true)));
	}
}

/*
 * Scratch tables are built and read back in groups: one set of catalog
 * queries reads a whole group (the read of one table costs as much as
 * that of a hundred), and each group runs in a subtransaction of its own,
 * rolled back once it is read, so the locks and files of the temporary
 * relations never pile up past a group however large the schema is.
 */
#define SCRATCH_GROUP 100

/* fn(st, arg), with the state that vb_pg_rolled_back_subtransaction passes */
typedef struct canon_call
{
	canon_state *st;
	void		(*fn) (canon_state *st, void *arg);
	void	   *arg;
} canon_call;

static void
call_canon(void *arg)
{
	canon_call *call = arg;

	call->fn(call->st, call->arg);
}

/*
 * Run fn(st, arg) inside a subtransaction that is always rolled back, with
 * everything it created; an error is thrown again once the subtransaction
 * is gone. The rollback also restores the settings of its start, which
 * st->search_path follows.
 */
static void
in_rolled_back_subtransaction(canon_state *st, void (*fn) (canon_state *st, void *arg),
							  void *arg)
{
	const char *search_path = st->search_path;
	canon_call	call = {st, fn, arg};
	ErrorData  *edata = vb_pg_rolled_back_subtransaction(call_canon, &call);

	st->search_path = search_path;
	if (edata)
		ReThrowError(edata);
}

typedef struct scratch_group
{
	scratch_table *tables;
	int			n;
} scratch_group;

static void
canonicalize_group(canon_state *st, void *arg)
{
	scratch_group *g = arg;
	Oid		   *relids = palloc(sizeof(Oid) * (g->n + 1));
	vb_table  **backs = palloc(sizeof(vb_table *) * (g->n + 1));
	int			i;

	for (i = 0; i < g->n; i++)
	{
		build_scratch_table(st, &g->tables[i]);
		relids[i] = g->tables[i].relid;
		backs[i] = g->tables[i].back;
	}
	vb_pg_read_tables(st->arena, relids, backs, g->n);
	for (i = 0; i < g->n; i++)
		finish_scratch_table(st, &g->tables[i]);
}

/* The current enum of the desired enum's schema and name, or NULL. */
static vb_enum *
current_enum(canon_state *st, const vb_enum *e)
{
	return vb_map_get(&st->cur_enums, vb_key2(st->arena, e->schema, e->name));
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
	vb_set		existing;
	int			i;

	use_catalog_only(st);
	vb_set_init(&existing, a);
	for (i = 0; i < st->current->schemas.count; i++)
		vb_set_add(&existing, st->current->schemas.items[i]);
	for (i = 0; i < st->desired->schemas.count; i++)
	{
		const char *s = st->desired->schemas.items[i];

		CHECK_FOR_INTERRUPTS();
		if (!vb_set_has(&existing, s))
			spi_exec(psprintf("CREATE SCHEMA %s", quote_identifier(s)));
	}
	for (i = 0; i < st->desired->enums.count; i++)
	{
		vb_enum    *e = st->desired->enums.items[i];
		vb_enum    *ce = current_enum(st, e);

		CHECK_FOR_INTERRUPTS();
		current_path = e->path;
		if (ce && same_labels(ce, e))
			continue;
		if (ce)
			spi_exec(psprintf("ALTER TYPE %s RENAME TO %s", quote_qualified_identifier(e->schema, e->name),
							  quote_identifier(psprintf("viborm_scratch_%d", ++st->scratch_count))));
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

		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (!vb_map_get(&st->types, c->type) ||
				(c->default_expr &&
				 !vb_map_get(&st->defaults, vb_key2(st->arena, c->type, c->default_expr))))
				return true;
		}
		if (table_needs_scratch(st, t))
			return true;
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];
			int			k;

			if (!plain_index(st, t, ix))
				return true;
			/* an unnamed expression index needs the parser for its name */
			for (k = 0; k < ix->elements.count && ix->name == NULL; k++)
				if (((vb_index_elem *) ix->elements.items[k])->expression)
					return true;
		}
	}
	return false;
}

static void
canonicalize_tables(canon_state *st)
{
	scratch_table *group = palloc0(sizeof(scratch_table) * SCRATCH_GROUP);
	int			n = 0;
	int			i;
	int			j;

	for (i = 0; i < st->desired->tables.count; i++)
	{
		vb_table   *t = st->desired->tables.items[i];

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			CHECK_FOR_INTERRUPTS();
			current_path = psprintf("%s.type", c->path ? c->path : c->name);
			c->type = canonical_type(st, t->schema, c->name, c->type);
		}
		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (c->default_expr == NULL)
				continue;
			current_path = psprintf("%s.default", c->path ? c->path : c->name);
			c->default_expr = canonical_default(st, t, c);
		}
		name_expression_elements(st, t);
		if (table_needs_scratch(st, t))
		{
			memset(&group[n], 0, sizeof(scratch_table));
			group[n++].table = t;
		}
		if (n == SCRATCH_GROUP || (n > 0 && i == st->desired->tables.count - 1))
		{
			scratch_group g = {group, n};

			in_rolled_back_subtransaction(st, canonicalize_group, &g);
			n = 0;
		}
	}
	current_path = NULL;
}

/* Does the text use an enum whose labels the document changes? Then the
 * server must read it again against the new labels. */
static bool
uses_changed_enum(canon_state *st, const char *text)
{
	return vb_casts_to_any(text, &st->changed_enums);
}

static void
remember(canon_state *st, const vb_table *t, const char *text)
{
	if (text && !uses_changed_enum(st, text))
		vb_map_put(&st->exprs, vb_key3(st->arena, t->schema, t->name, text), (void *) 1);
}

/* Texts the catalog prints for a current table: canonical already. */
static void
remember_table_texts(canon_state *st, const vb_table *t)
{
	int			i;
	int			j;

	for (i = 0; i < t->columns.count; i++)
	{
		remember(st, t, ((vb_column *) t->columns.items[i])->generated);
		remember(st, t, ((vb_column *) t->columns.items[i])->collation);
	}
	for (i = 0; i < t->checks.count; i++)
		remember(st, t, ((vb_check *) t->checks.items[i])->expression);
	for (i = 0; i < t->with.count; i++)
		remember(st, t, option_text(st->arena, NULL, t->with.items[i]));
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];
		bool		stale = ix->where && uses_changed_enum(st, ix->where);

		remember(st, t, ix->where);
		for (j = 0; j < ix->with.count; j++)
			remember(st, t, option_text(st->arena, ix->method, ix->with.items[j]));
		for (j = 0; j < ix->elements.count; j++)
		{
			vb_index_elem *el = ix->elements.items[j];

			remember(st, t, el->expression);
			remember(st, t, el->opclass);
			remember(st, t, el->collation);
			if (el->expression && uses_changed_enum(st, el->expression))
				stale = true;
		}
		if (!stale)
			vb_map_put(&st->indexes, vb_key3(st->arena, t->schema, t->name,
											 index_key(st->arena, ix)), (void *) 1);
	}
}

static void
collect_catalog_texts(canon_state *st)
{
	vb_arena   *a = st->arena;
	int			i;
	int			j;

	vb_map_init(&st->types, a, 64);
	vb_map_init(&st->defaults, a, 64);
	vb_map_init(&st->exprs, a, 16);
	vb_map_init(&st->indexes, a, 16);
	vb_map_init(&st->parsed_types, a, 16);
	vb_map_init(&st->type_oids, a, 16);
	vb_column_index_init(&st->columns, a);
	/* current enums; those the document gives other labels */
	vb_map_init(&st->cur_enums, a, st->current->enums.count);
	vb_map_init(&st->changed_enums, a, 8);
	for (i = 0; i < st->current->enums.count; i++)
	{
		vb_enum    *e = st->current->enums.items[i];

		vb_map_put(&st->cur_enums, vb_key2(a, e->schema, e->name), e);
	}
	for (i = 0; i < st->desired->enums.count; i++)
	{
		vb_enum    *e = st->desired->enums.items[i];
		vb_enum    *ce = current_enum(st, e);

		CHECK_FOR_INTERRUPTS();
		if (ce && !same_labels(ce, e))
			vb_map_put(&st->changed_enums,
					   vb_strdup(a, quote_qualified_identifier(e->schema, e->name)), (void *) 1);
	}
	for (i = 0; i < st->current->tables.count; i++)
	{
		vb_table   *t = st->current->tables.items[i];

		CHECK_FOR_INTERRUPTS();
		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			vb_map_put(&st->types, c->type, (void *) 1);
			if (c->default_expr)
				vb_map_put(&st->defaults, vb_key2(a, c->type, c->default_expr), (void *) 1);
		}
		remember_table_texts(st, t);
	}
}

/* A VB001 at a JSON path, for checks made outside the error handler of
 * the scratch subtransaction. */
static void
invalid_at(const char *path, const char *message)
{
	ereport(ERROR,
			(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
			 errmsg_internal("%s: %s", path, message),
			 errdetail("JSON path: %s.", path)));
}

/*
 * Foreign keys into schemas the document does not manage reference what
 * the catalog has: the schema, an ordinary or partitioned table in it, and
 * its columns (the core checks those into managed schemas against the
 * document). System schemas are never referenced: PostgreSQL refuses
 * foreign keys to its catalogs.
 */
static void
check_references(canon_state *st)
{
	vb_map		managed;
	int			i;
	int			j;
	int			k;

	vb_map_init(&managed, st->arena, st->desired->schemas.count);
	for (i = 0; i < st->desired->schemas.count; i++)
		vb_map_put(&managed, st->desired->schemas.items[i], (void *) 1);
	for (i = 0; i < st->desired->tables.count; i++)
	{
		vb_table   *t = st->desired->tables.items[i];

		for (j = 0; j < t->foreign_keys.count; j++)
		{
			vb_foreign_key *fk = t->foreign_keys.items[j];
			const char *p = fk->path ? fk->path : "foreignKeys";
			Oid			nsp;
			Oid			relid;
			char		kind;

			CHECK_FOR_INTERRUPTS();
			if (vb_map_get(&managed, fk->ref_schema))
				continue;
			if (vb_reserved_schema(fk->ref_schema))
				invalid_at(psprintf("%s.referencedSchema", p),
						   psprintf("schema \"%s\" %s; a foreign key cannot reference it",
									fk->ref_schema, vb_reserved_schema(fk->ref_schema)));
			nsp = get_namespace_oid(fk->ref_schema, true);
			if (!OidIsValid(nsp))
				invalid_at(psprintf("%s.referencedSchema", p),
						   psprintf("schema \"%s\" does not exist", fk->ref_schema));
			relid = get_relname_relid(fk->ref_table, nsp);
			kind = OidIsValid(relid) ? get_rel_relkind(relid) : '\0';
			if (kind != RELKIND_RELATION && kind != RELKIND_PARTITIONED_TABLE)
				invalid_at(psprintf("%s.referencedTable", p),
						   psprintf("table \"%s.%s\" does not exist", fk->ref_schema, fk->ref_table));
			for (k = 0; k < fk->ref_columns.count; k++)
				if (get_attnum(relid, fk->ref_columns.items[k]) <= 0)
					invalid_at(psprintf("%s.referencedColumns[%d]", p, k),
							   psprintf("table \"%s.%s\" has no column \"%s\"", fk->ref_schema,
										fk->ref_table, (char *) fk->ref_columns.items[k]));
		}
	}
}

/* Which storage parameters of the document take ACCESS EXCLUSIVE to change
 * (those read back from a scratch table have it already). */
static void
mark_option_locks(const vb_schema *desired)
{
	int			i;
	int			j;

	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		vb_pg_mark_option_locks(&t->with);
		for (j = 0; j < t->indexes.count; j++)
			vb_pg_mark_option_locks(&((vb_index *) t->indexes.items[j])->with);
	}
}

/* Everything, in the scratch subtransaction: new schemas and enums first. */
static void
canonicalize_all(canon_state *st, void *arg)
{
	(void) arg;
	create_scratch_objects(st);
	canonicalize_tables(st);
}

void
vb_pg_canonicalize(vb_arena *arena, vb_schema *desired, const vb_schema *current)
{
	canon_state st;
	MemoryContext oldcontext = CurrentMemoryContext;

	memset(&st, 0, sizeof(st));
	st.arena = arena;
	st.desired = desired;
	st.current = current;
	check_references(&st);
	collect_catalog_texts(&st);
	mark_option_locks(desired);
	if (!needs_parser(&st))
		return;

	st.search_path = VB_PG_SEARCH_PATH;
	current_path = NULL;
	current_spans = NIL;
	PG_TRY();
	{
		in_rolled_back_subtransaction(&st, canonicalize_all, NULL);
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		const char *path = current_path;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		/* SPI reports the position in its query as an internal one */
		if (edata->internalpos > 0 && span_path(edata->internalpos))
			path = span_path(edata->internalpos);
		current_spans = NIL;
		if (edata->sqlerrcode == ERRCODE_INSUFFICIENT_PRIVILEGE || path == NULL)
			ReThrowError(edata);
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
				 errmsg("invalid %s: %s", path, edata->message),
				 errdetail("JSON path: %s.", path)));
	}
	PG_END_TRY();
}
