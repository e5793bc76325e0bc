/*
 * mysql_catalog.c — the schema model of a MySQL 8 or MariaDB 10.11
 * database, built from its information_schema rows (vb_mysql_catalog).
 *
 * This is where the two servers' reports of one schema become one model:
 * MariaDB's quoted defaults and its NULL-as-text, MySQL 8's bare literals
 * and DEFAULT_GENERATED, the backslash-escaped quotes in MySQL 8's
 * expression columns, RESTRICT versus NO ACTION, MariaDB's JSON (LONGTEXT
 * plus a json_valid CHECK), the CHECK rows each server lists its own way,
 * the index MySQL adds for a foreign key. Every text then goes through the
 * canonical forms of mysql_text.c and mysql_expr.c. No I/O here: the rows
 * come from src/cli/mysql_introspect.c, or from the unit tests.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "vb_internal.h"
#include "vb_mysql.h"

/* The schema of the connection's database in the model (see vb_schema). */
#define LOCAL_SCHEMA "public"

typedef struct builder
{
	vb_arena   *arena;
	const vb_mysql_catalog *cat;
	vb_error   *err;
	vb_schema  *schema;
	vb_map		tables;			/* name -> vb_table * */
	vb_map		types;			/* table\x1fcolumn -> vb_mysql_type * */
	vb_column_index columns;	/* the tables' columns by name */
	bool		mariadb;
} builder;

static bool
is_viborm_table(const char *name)
{
	return strcmp(name, "_viborm_history") == 0 || strcmp(name, "_viborm_snapshot") == 0 ||
		strcmp(name, "_viborm_migrations") == 0;
}

static char *
nonempty(vb_arena *arena, const char *s)
{
	return s && s[0] ? vb_strdup(arena, s) : NULL;
}

/* MySQL 8's information_schema escapes the quotes and backslashes of the
 * expressions it shows (GENERATION_EXPRESSION, CHECK_CLAUSE, EXPRESSION,
 * expression defaults): \' is ', \\ is \. */
static char *
unescape(vb_arena *arena, const char *s)
{
	vb_buf		b;
	const char *p;

	vb_buf_init(&b, arena);
	for (p = s; *p; p++)
	{
		if (*p == '\\' && (p[1] == '\'' || p[1] == '\\'))
			p++;
		vb_buf_appendc(&b, *p);
	}
	return b.data;
}

static bool
row_fail(builder *b, const char *table, const char *object, const char *fmt, const char *detail)
{
	vb_fail(b->err, b->arena, VB_ERR_INVALID, NULL, "cannot read %s.%s: %s",
			table, object, vb_printf(b->arena, fmt, detail));
	return false;
}

/* ---- tables, views ---------------------------------------------------- */

static void
add_unmanaged(builder *b, const char *kind, const char *object, const char *table,
			  const char *definition)
{
	vb_unmanaged *u = vb_alloc(b->arena, sizeof(vb_unmanaged));

	u->kind = vb_strdup(b->arena, kind);
	u->object = vb_strdup(b->arena, object);
	u->table = table ? vb_strdup(b->arena, table) : NULL;
	u->definition = definition ? vb_strdup(b->arena, definition) : NULL;
	vb_list_push(b->arena, &b->schema->unmanaged, u);
}

static void
build_tables(builder *b)
{
	int			i;

	for (i = 0; i < b->cat->tables.count && !vb_should_stop(b->arena); i++)
	{
		const vb_mysql_table_row *r = b->cat->tables.items[i];
		vb_table   *t;

		if (is_viborm_table(r->name))
			continue;
		if (r->type && strcmp(r->type, "BASE TABLE") != 0)
		{
			/* views come with their definitions below; sequences and
			 * system-versioned tables are left alone */
			if (strcmp(r->type, "VIEW") != 0)
				add_unmanaged(b, strcmp(r->type, "SEQUENCE") == 0 ? "sequence" : "table",
							  r->name, NULL, NULL);
			continue;
		}
		t = vb_alloc(b->arena, sizeof(vb_table));
		t->schema = LOCAL_SCHEMA;
		t->name = vb_strdup(b->arena, r->name);
		t->engine = nonempty(b->arena, r->engine);
		t->collation = nonempty(b->arena, r->collation);
		t->charset = t->collation ? (char *) vb_mysql_collation_charset(b->arena, t->collation) : NULL;
		t->comment = nonempty(b->arena, r->comment);
		vb_list_push(b->arena, &b->schema->tables, t);
		vb_map_put(&b->tables, t->name, t);
	}
}

static void
build_views_and_triggers(builder *b)
{
	int			i;

	for (i = 0; i < b->cat->views.count; i++)
	{
		const vb_mysql_view_row *v = b->cat->views.items[i];
		vb_buf		d;

		vb_buf_init(&d, b->arena);
		vb_buf_append(&d, "CREATE");
		if (v->algorithm)
			vb_buf_appendf(&d, " ALGORITHM=%s", v->algorithm);
		if (v->security)
			vb_buf_appendf(&d, " SQL SECURITY %s", v->security);
		vb_buf_appendf(&d, " VIEW %s AS %s", vb_mysql_quote_ident(b->arena, v->name),
					   v->definition ? v->definition : "");
		if (v->check_option && strcmp(v->check_option, "NONE") != 0)
			vb_buf_appendf(&d, " WITH %s CHECK OPTION", v->check_option);
		add_unmanaged(b, "view", v->name, NULL, d.data);
	}
	for (i = 0; i < b->cat->triggers.count; i++)
	{
		const vb_mysql_trigger_row *t = b->cat->triggers.items[i];

		add_unmanaged(b, "trigger", vb_printf(b->arena, "%s.%s", t->table, t->name), t->table,
					  vb_printf(b->arena, "CREATE TRIGGER %s %s %s ON %s FOR EACH ROW %s",
								vb_mysql_quote_ident(b->arena, t->name), t->timing, t->event,
								vb_mysql_quote_ident(b->arena, t->table), t->statement));
	}
}

/* ---- columns ------------------------------------------------------------ */

typedef struct extra_info
{
	bool		auto_increment;
	bool		default_generated;
	bool		invisible;
	const char *generated;		/* "virtual", "stored" or NULL */
	char	   *on_update;		/* the CURRENT_TIMESTAMP text or NULL */
} extra_info;

/*
 * EXTRA, word by word: auto_increment, DEFAULT_GENERATED, INVISIBLE,
 * VIRTUAL/STORED/PERSISTENT GENERATED, on update <timestamp>. Anything else
 * is an error, not something to ignore.
 */
static bool
parse_extra(builder *b, const vb_mysql_column_row *r, extra_info *x)
{
	vb_list		toks;
	int			i;

	memset(x, 0, sizeof(*x));
	memset(&toks, 0, sizeof(toks));
	if (r->extra == NULL || r->extra[0] == '\0')
		return true;
	if (!vb_mysql_tokenize(b->arena, r->extra, 0, &toks, b->err))
		return row_fail(b, r->table, r->name, "EXTRA \"%s\" is not readable", r->extra);
	for (i = 0; i < toks.count - 1; i++)
	{
		const vb_mysql_token *t = toks.items[i];
		const vb_mysql_token *n = toks.items[i + 1];

		if (t->kind != VB_MYTOK_WORD)
			return row_fail(b, r->table, r->name, "unknown EXTRA \"%s\"", r->extra);
		if (strcasecmp(t->text, "auto_increment") == 0)
			x->auto_increment = true;
		else if (strcasecmp(t->text, "default_generated") == 0)
			x->default_generated = true;
		else if (strcasecmp(t->text, "invisible") == 0)
			x->invisible = true;
		else if ((strcasecmp(t->text, "virtual") == 0 || strcasecmp(t->text, "stored") == 0 ||
				  strcasecmp(t->text, "persistent") == 0) &&
				 n->kind == VB_MYTOK_WORD && strcasecmp(n->text, "generated") == 0)
		{
			x->generated = strcasecmp(t->text, "virtual") == 0 ? "virtual" : "stored";
			i++;
		}
		else if (strcasecmp(t->text, "on") == 0 && n->kind == VB_MYTOK_WORD &&
				 strcasecmp(n->text, "update") == 0 && i + 2 < toks.count - 1)
		{
			/* the function's name, then what is not a word: "(3)" */
			vb_buf		u;

			vb_buf_init(&u, b->arena);
			i += 2;
			vb_buf_append(&u, ((vb_mysql_token *) toks.items[i])->text);
			while (i + 1 < toks.count - 1 &&
				   ((vb_mysql_token *) toks.items[i + 1])->kind != VB_MYTOK_WORD)
				vb_buf_append(&u, ((vb_mysql_token *) toks.items[++i])->text);
			x->on_update = u.data;
		}
		else
			return row_fail(b, r->table, r->name, "unknown EXTRA \"%s\"", r->extra);
	}
	return true;
}

/*
 * COLUMN_DEFAULT as a DEFAULT clause would write it, per flavour; NULL
 * for no default.
 * MariaDB (10.2.7+): SQL NULL or the text NULL is none, a string literal
 * is quoted, anything else is a number, a bit literal or an expression.
 * MySQL 8: SQL NULL is none; DEFAULT_GENERATED marks an expression (its
 * quotes escaped); anything else is the bare value, quoted here unless the
 * type reads it as it is (numbers, bits, hexadecimal binary values).
 */
static const char *
default_clause(builder *b, const vb_mysql_column_row *r, const extra_info *x,
			   const vb_mysql_type *type)
{
	const char *v = r->column_default;
	vb_mysql_category cat = vb_mysql_type_category(type);

	if (v == NULL || x->generated)
		return NULL;
	if (b->mariadb)
		return strcmp(v, "NULL") == 0 ? NULL : v;
	if (x->default_generated)
		return unescape(b->arena, v);
	switch (cat)
	{
		case VB_MYCAT_INTEGER:
		case VB_MYCAT_DECIMAL:
		case VB_MYCAT_FLOAT:
		case VB_MYCAT_YEAR:
		case VB_MYCAT_BIT:
			return v;
		case VB_MYCAT_BINARY:
			if (strncasecmp(v, "0x", 2) == 0)
				return v;
			break;
		case VB_MYCAT_DATETIME:
			/* CURRENT_TIMESTAMP without DEFAULT_GENERATED (MySQL before 8.0.13) */
			if (strncasecmp(v, "current_timestamp", 17) == 0)
				return v;
			break;
		default:
			break;
	}
	return vb_mysql_quote_string(b->arena, v, strlen(v), true);
}

/* Bytes per character of a charset (for TEXT(n)), 0 when not known. */
static int
charset_maxlen(builder *b, const char *charset)
{
	const vb_mysql_charset *cs = vb_mysql_find_charset(&b->cat->server, charset);

	return cs ? cs->maxlen : 0;
}

static bool
build_column(builder *b, vb_table *t, const vb_mysql_column_row *r)
{
	vb_column  *c = vb_alloc(b->arena, sizeof(vb_column));
	vb_mysql_type *type = vb_alloc(b->arena, sizeof(vb_mysql_type));
	extra_info	x;
	const char *clause;

	if (!vb_mysql_canonical_type(b->arena, r->column_type, charset_maxlen(b, r->charset), type, b->err))
		return row_fail(b, r->table, r->name, "%s", b->err->message);
	if (!parse_extra(b, r, &x))
		return false;
	c->name = vb_strdup(b->arena, r->name);
	c->type = type->text;
	c->nullable = r->nullable;
	c->auto_increment = x.auto_increment;
	c->invisible = x.invisible;
	c->comment = nonempty(b->arena, r->comment);
	vb_mysql_column_charset(b->arena, &b->cat->server, t->charset, t->collation,
							r->charset, r->collation, &c->charset, &c->collation);
	vb_list_push(b->arena, &t->columns, c);
	vb_map_put(&b->types, vb_key2(b->arena, t->name, c->name), type);
	if (x.on_update && !vb_mysql_canonical_on_update(b->arena, x.on_update, type, &c->on_update, b->err))
		return row_fail(b, r->table, r->name, "%s", b->err->message);
	clause = default_clause(b, r, &x, type);
	if (clause && !vb_mysql_canonical_default(b->arena, clause, type, 0, NULL, &c->default_expr, b->err))
		return row_fail(b, r->table, r->name, "default: %s", b->err->message);
	if (x.generated)
	{
		if (r->generation_expression == NULL || r->generation_expression[0] == '\0')
			return row_fail(b, r->table, r->name, "%s", "a generated column without its expression");
		c->generated_virtual = strcmp(x.generated, "virtual") == 0;
		c->generated = b->mariadb ? vb_strdup(b->arena, r->generation_expression) :
			unescape(b->arena, r->generation_expression);
	}
	return true;
}

/* The column names of a table, for expressions. */
static vb_list *
column_names(builder *b, const vb_table *t)
{
	vb_list    *names = vb_alloc(b->arena, sizeof(vb_list));
	int			i;

	for (i = 0; i < t->columns.count; i++)
		vb_list_push(b->arena, names, ((vb_column *) t->columns.items[i])->name);
	return names;
}

static bool
build_columns(builder *b)
{
	int			i;

	for (i = 0; i < b->cat->columns.count; i++)
	{
		const vb_mysql_column_row *r = b->cat->columns.items[i];
		vb_table   *t = vb_map_get(&b->tables, r->table);

		if (vb_should_stop(b->arena))
			return vb_canceled(b->err, b->arena);
		if (t != NULL && !build_column(b, t, r))
			return false;
	}
	/* generation expressions, once every column of the table is known */
	for (i = 0; i < b->schema->tables.count; i++)
	{
		vb_table   *t = b->schema->tables.items[i];
		vb_list    *names = column_names(b, t);
		int			j;

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];

			if (c->generated &&
				!vb_mysql_canonical_expr(b->arena, c->generated, 0, names, NULL, &c->generated, b->err))
				return row_fail(b, t->name, c->name, "generation expression: %s", b->err->message);
			if (c->default_expr && c->default_expr[0] == '(' &&
				!vb_mysql_canonical_default(b->arena, c->default_expr,
											vb_map_get(&b->types, vb_key2(b->arena, t->name, c->name)),
											0, names, &c->default_expr, b->err))
				return row_fail(b, t->name, c->name, "default: %s", b->err->message);
		}
	}
	return true;
}

/* ---- checks -------------------------------------------------------------- */

/*
 * MariaDB's JSON: a LONGTEXT column with a column-level CHECK named after
 * it that is exactly json_valid(`column`). The column becomes json (its
 * utf8mb4/utf8mb4_bin belong to the alias) and the check goes.
 */
static bool
is_json_check(builder *b, vb_table *t, const vb_mysql_check_row *r, const char *clause)
{
	vb_column  *c;

	if (!b->mariadb || r->level == NULL || strcmp(r->level, "Column") != 0)
		return false;
	c = vb_column_lookup(&b->columns, t, r->name);
	if (c == NULL || strcmp(c->type, "longtext") != 0)
		return false;
	if (strcmp(clause, vb_printf(b->arena, "json_valid(%s)", vb_mysql_quote_ident(b->arena, c->name))) != 0)
		return false;
	c->type = "json";
	c->charset = NULL;
	c->collation = NULL;
	return true;
}

static bool
build_checks(builder *b)
{
	int			i;

	for (i = 0; i < b->cat->checks.count; i++)
	{
		const vb_mysql_check_row *r = b->cat->checks.items[i];
		vb_table   *t = vb_map_get(&b->tables, r->table);
		vb_check   *ck;
		char	   *clause;

		if (vb_should_stop(b->arena))
			return vb_canceled(b->err, b->arena);
		if (t == NULL)
			continue;
		clause = b->mariadb ? vb_strdup(b->arena, r->clause) : unescape(b->arena, r->clause);
		if (!vb_mysql_canonical_expr(b->arena, clause, 0, column_names(b, t), NULL, &clause, b->err))
			return row_fail(b, t->name, r->name, "check: %s", b->err->message);
		if (is_json_check(b, t, r, clause))
			continue;
		ck = vb_alloc(b->arena, sizeof(vb_check));
		ck->name = vb_strdup(b->arena, r->name);
		ck->expression = clause;
		ck->not_enforced = !r->enforced;
		ck->column_level = r->level != NULL && strcmp(r->level, "Column") == 0;
		vb_list_push(b->arena, &t->checks, ck);
	}
	return true;
}

/* ---- foreign keys ------------------------------------------------------- */

static bool
fk_action(builder *b, const vb_mysql_fk_row *r, const char *rule, vb_fk_action *out)
{
	/* InnoDB treats RESTRICT and NO ACTION alike and the servers differ in
	 * which one they report: both are noAction */
	if (rule == NULL || strcmp(rule, "RESTRICT") == 0 || strcmp(rule, "NO ACTION") == 0)
		*out = VB_FK_NO_ACTION;
	else if (strcmp(rule, "CASCADE") == 0)
		*out = VB_FK_CASCADE;
	else if (strcmp(rule, "SET NULL") == 0)
		*out = VB_FK_SET_NULL;
	else if (strcmp(rule, "SET DEFAULT") == 0)
		*out = VB_FK_SET_DEFAULT;
	else
		return row_fail(b, r->table, r->name, "unknown referential action \"%s\"", rule);
	return true;
}

static bool
build_foreign_keys(builder *b)
{
	vb_map		fks;
	int			i;

	vb_map_init(&fks, b->arena, b->cat->foreign_keys.count + 1);
	for (i = 0; i < b->cat->foreign_keys.count; i++)
	{
		const vb_mysql_fk_row *r = b->cat->foreign_keys.items[i];
		vb_table   *t = vb_map_get(&b->tables, r->table);
		char	   *key;
		vb_foreign_key *fk;

		if (vb_should_stop(b->arena))
			return vb_canceled(b->err, b->arena);
		if (t == NULL)
			continue;
		key = vb_key2(b->arena, r->table, r->name);
		fk = vb_map_get(&fks, key);
		if (fk == NULL)
		{
			const char *db = b->cat->server.database;

			fk = vb_alloc(b->arena, sizeof(vb_foreign_key));
			fk->name = vb_strdup(b->arena, r->name);
			fk->ref_schema = (db == NULL || r->ref_schema == NULL || strcmp(r->ref_schema, db) == 0) ?
				LOCAL_SCHEMA : vb_strdup(b->arena, r->ref_schema);
			fk->ref_table = vb_strdup(b->arena, r->ref_table);
			if (!fk_action(b, r, r->delete_rule, &fk->on_delete) ||
				!fk_action(b, r, r->update_rule, &fk->on_update))
				return false;
			vb_map_put(&fks, key, fk);
			vb_list_push(b->arena, &t->foreign_keys, fk);
		}
		vb_list_push(b->arena, &fk->columns, vb_strdup(b->arena, r->column));
		vb_list_push(b->arena, &fk->ref_columns, vb_strdup(b->arena, r->ref_column));
	}
	return true;
}

/* ---- indexes -------------------------------------------------------------- */

/* Plain columns only: what a UNIQUE constraint or an FK index is made of. */
static bool
plain_elements(const vb_index *ix)
{
	int			i;

	for (i = 0; i < ix->elements.count; i++)
	{
		const vb_index_elem *el = ix->elements.items[i];

		if (el->column == NULL || el->desc || el->length > 0)
			return false;
	}
	return true;
}

bool
vb_mysql_is_unique_constraint(const vb_index *ix)
{
	return ix->unique && plain_elements(ix) && !ix->invisible && strcmp(ix->method, "btree") == 0;
}

/* The foreign key whose own index `ix` is (vb_mysql_is_fk_index), or NULL. */
static vb_foreign_key *
fk_of_index(const vb_table *t, const vb_index *ix)
{
	int			i;

	if (ix->unique || ix->invisible || ix->comment || ix->name == NULL ||
		strcmp(ix->method, "btree") != 0 || !plain_elements(ix))
		return NULL;
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		vb_foreign_key *fk = t->foreign_keys.items[i];

		if (fk->name && strcmp(fk->name, ix->name) == 0 && vb_str_lists_equal(&fk->columns, &ix->columns))
			return fk;
	}
	return NULL;
}

bool
vb_mysql_is_fk_index(const vb_table *t, const vb_index *ix)
{
	return fk_of_index(t, ix) != NULL;
}

static bool
add_index_row(builder *b, vb_table *t, vb_index *ix, const vb_mysql_index_row *r)
{
	vb_index_elem *el = vb_alloc(b->arena, sizeof(vb_index_elem));

	if (r->column)
	{
		el->column = vb_strdup(b->arena, r->column);
		/* MariaDB reports a prefix of 32 on SPATIAL indexes: it is none */
		el->length = strcmp(ix->method, "spatial") == 0 ? 0 : r->sub_part;
	}
	else if (r->expression)
	{
		if (!vb_mysql_canonical_expr(b->arena, unescape(b->arena, r->expression), 0,
									 column_names(b, t), NULL, &el->expression, b->err))
			return row_fail(b, t->name, ix->name, "index expression: %s", b->err->message);
	}
	else
		return row_fail(b, t->name, ix->name, "%s", "an index part with neither column nor expression");
	el->desc = r->collation && strcmp(r->collation, "D") == 0;
	vb_list_push(b->arena, &ix->elements, el);
	vb_list_push(b->arena, &ix->columns, el->column ? el->column : vb_strdup(b->arena, "expr"));
	return true;
}

static void
place_index(builder *b, vb_table *t, vb_index *ix)
{
	if (strcmp(ix->name, "PRIMARY") == 0)
	{
		vb_key	   *pk = vb_alloc(b->arena, sizeof(vb_key));

		pk->name = ix->name;
		pk->columns = ix->columns;
		t->primary_key = pk;
	}
	else if (vb_mysql_is_unique_constraint(ix))
	{
		vb_key	   *k = vb_alloc(b->arena, sizeof(vb_key));

		k->name = ix->name;
		k->columns = ix->columns;
		k->comment = ix->comment;
		vb_list_push(b->arena, &t->uniques, k);
	}
	else if (fk_of_index(t, ix))
		fk_of_index(t, ix)->own_index = true;	/* the push of the FK makes it */
	else
		vb_list_push(b->arena, &t->indexes, ix);
}

static bool
build_indexes(builder *b)
{
	vb_map		seen;
	vb_list		order;
	int			i;

	memset(&order, 0, sizeof(order));
	vb_map_init(&seen, b->arena, b->cat->indexes.count + 1);
	for (i = 0; i < b->cat->indexes.count; i++)
	{
		const vb_mysql_index_row *r = b->cat->indexes.items[i];
		vb_table   *t = vb_map_get(&b->tables, r->table);
		char	   *key;
		vb_index   *ix;

		if (vb_should_stop(b->arena))
			return vb_canceled(b->err, b->arena);
		if (t == NULL)
			continue;
		key = vb_key2(b->arena, r->table, r->name);
		ix = vb_map_get(&seen, key);
		if (ix == NULL)
		{
			ix = vb_alloc(b->arena, sizeof(vb_index));
			ix->name = vb_strdup(b->arena, r->name);
			ix->unique = !r->non_unique;
			ix->method = vb_mysql_lower(b->arena, r->index_type ? r->index_type : "BTREE");
			ix->invisible = !r->visible;
			ix->comment = nonempty(b->arena, r->comment);
			vb_map_put(&seen, key, ix);
			vb_list_push(b->arena, &order, ix);
			vb_list_push(b->arena, &order, t);
		}
		if (!add_index_row(b, t, ix, r))
			return false;
	}
	for (i = 0; i + 1 < order.count; i += 2)
		place_index(b, order.items[i + 1], order.items[i]);
	return true;
}

/* ---- order ----------------------------------------------------------------- */

/* Names in byte order, unnamed objects (documents only) first. */
static int
cmp_names(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int
cmp_table(const void *x, const void *y)
{
	return cmp_names((*(vb_table *const *) x)->name, (*(vb_table *const *) y)->name);
}

static int
cmp_key(const void *x, const void *y)
{
	return cmp_names((*(vb_key *const *) x)->name, (*(vb_key *const *) y)->name);
}

static int
cmp_index(const void *x, const void *y)
{
	return cmp_names((*(vb_index *const *) x)->name, (*(vb_index *const *) y)->name);
}

static int
cmp_fk(const void *x, const void *y)
{
	return cmp_names((*(vb_foreign_key *const *) x)->name, (*(vb_foreign_key *const *) y)->name);
}

static int
cmp_check(const void *x, const void *y)
{
	return cmp_names((*(vb_check *const *) x)->name, (*(vb_check *const *) y)->name);
}

static int
cmp_unmanaged(const void *x, const void *y)
{
	const vb_unmanaged *a = *(vb_unmanaged *const *) x;
	const vb_unmanaged *c = *(vb_unmanaged *const *) y;
	int			k = strcmp(a->kind, c->kind);

	return k ? k : strcmp(a->object, c->object);
}

static void
sort_list(vb_list *l, int (*cmp) (const void *, const void *))
{
	if (l->count > 1)
		qsort(l->items, (size_t) l->count, sizeof(void *), cmp);
}

void
vb_mysql_sort_schema(vb_schema *s)
{
	int			i;

	sort_list(&s->tables, cmp_table);
	sort_list(&s->unmanaged, cmp_unmanaged);
	for (i = 0; i < s->tables.count; i++)
	{
		vb_table   *t = s->tables.items[i];

		sort_list(&t->uniques, cmp_key);
		sort_list(&t->indexes, cmp_index);
		sort_list(&t->foreign_keys, cmp_fk);
		sort_list(&t->checks, cmp_check);
	}
}

bool
vb_mysql_build_schema(vb_arena *arena, const vb_mysql_catalog *catalog, vb_schema **out,
					  vb_error *err)
{
	builder		b;
	const vb_mysql_server *sv = &catalog->server;

	memset(&b, 0, sizeof(b));
	b.arena = arena;
	b.cat = catalog;
	b.err = err;
	b.mariadb = sv->flavor == VB_MYSQL_FLAVOR_MARIADB;
	if (b.mariadb ? sv->version < 100207 : sv->version < 80016)
		return vb_fail(err, arena, VB_ERR_INVALID, NULL,
					   "%s %s is too old: viborm reads MySQL 8.0.16 and later, MariaDB 10.2.7 and later",
					   b.mariadb ? "MariaDB" : "MySQL", sv->version_text ? sv->version_text : "?");
	b.schema = vb_alloc(arena, sizeof(vb_schema));
	b.schema->dialect = "mysql";
	vb_map_init(&b.tables, arena, catalog->tables.count + 1);
	vb_map_init(&b.types, arena, catalog->columns.count + 1);
	vb_column_index_init(&b.columns, arena);
	build_tables(&b);
	if (vb_should_stop(arena))
		return vb_canceled(err, arena);
	if (!build_columns(&b) || !build_checks(&b) || !build_foreign_keys(&b) || !build_indexes(&b))
		return false;
	build_views_and_triggers(&b);
	if (vb_should_stop(arena))
		return vb_canceled(err, arena);
	vb_mysql_sort_schema(b.schema);
	*out = b.schema;
	return true;
}
