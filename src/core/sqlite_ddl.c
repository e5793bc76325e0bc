/*
 * sqlite_ddl.c — parsers of the CREATE TABLE and CREATE INDEX text that
 * sqlite_schema keeps, following parse.y of SQLite 3.40 (create_table,
 * carglist, conslist, CREATE INDEX).
 *
 * SQLite's own quirks are kept, since the text must be read as SQLite
 * reads it:
 *   - the declared type is the text of the type's tokens, dequoted as a
 *     whole, with a trailing "GENERATED ALWAYS" removed (the grammar reads
 *     those two words as part of the type);
 *   - "CONSTRAINT name" names every constraint after it up to the next
 *     comma (so "CONSTRAINT c NOT NULL CHECK (...)" names the check), and
 *     a DEFERRABLE clause on its own belongs to the table's last foreign
 *     key;
 *   - "DEFAULT name" is the string 'name' (or a boolean for TRUE/FALSE);
 *   - a string where a column name is expected in PRIMARY KEY, UNIQUE and
 *     index lists is that column's name;
 *   - table constraints may follow each other without commas.
 */
#include <string.h>

#include "sqlite_parse.h"

typedef struct table_parser
{
	vb_sqp		p;
	vb_sqlite_table_def *t;
	char	   *pending_name;	/* CONSTRAINT name, until the next comma */
} table_parser;

static vb_sqlite_constraint *
new_constraint(table_parser *tp, vb_sqlite_constraint_kind kind, int column, size_t offset)
{
	vb_sqlite_constraint *c = vb_alloc(tp->p.arena, sizeof(vb_sqlite_constraint));

	c->kind = kind;
	c->name = tp->pending_name;
	c->column = column;
	c->offset = offset;
	vb_list_push(tp->p.arena, &tp->t->constraints, c);
	return c;
}

static size_t
here(const vb_sqp *p)
{
	return vb_sqp_peek(p, 0)->offset;
}

/* [ON CONFLICT ROLLBACK|ABORT|FAIL|IGNORE|REPLACE] */
static bool
parse_onconf(vb_sqp *p, char **out)
{
	static const char *const kinds[] = {"ROLLBACK", "ABORT", "FAIL", "IGNORE", "REPLACE", NULL};
	int			i;

	*out = NULL;
	if (!vb_sqp_is_word(p, 0, "ON"))
		return true;
	vb_sqp_next(p);
	if (!vb_sqp_expect_word(p, "CONFLICT"))
		return false;
	for (i = 0; kinds[i]; i++)
		if (vb_sqp_accept_word(p, kinds[i]))
		{
			*out = vb_strdup(p->arena, kinds[i]);
			return true;
		}
	return vb_sqp_fail(p, "ROLLBACK, ABORT, FAIL, IGNORE or REPLACE");
}

/* [ASC|DESC]; *desc set for DESC */
static void
parse_sortorder(vb_sqp *p, bool *desc)
{
	*desc = false;
	if (vb_sqp_accept_word(p, "DESC"))
		*desc = true;
	else
		vb_sqp_accept_word(p, "ASC");
}

/* A foreign key action (refact). */
static bool
parse_refact(vb_sqp *p, vb_fk_action *out)
{
	if (vb_sqp_accept_word(p, "SET"))
	{
		if (vb_sqp_accept_word(p, "NULL"))
			*out = VB_FK_SET_NULL;
		else if (vb_sqp_accept_word(p, "DEFAULT"))
			*out = VB_FK_SET_DEFAULT;
		else
			return vb_sqp_fail(p, "NULL or DEFAULT");
	}
	else if (vb_sqp_accept_word(p, "CASCADE"))
		*out = VB_FK_CASCADE;
	else if (vb_sqp_accept_word(p, "RESTRICT"))
		*out = VB_FK_RESTRICT;
	else if (vb_sqp_accept_word(p, "NO"))
	{
		if (!vb_sqp_expect_word(p, "ACTION"))
			return false;
		*out = VB_FK_NO_ACTION;
	}
	else
		return vb_sqp_fail(p, "SET NULL, SET DEFAULT, CASCADE, RESTRICT or NO ACTION");
	return true;
}

/* eidlist: name [COLLATE x] [ASC|DESC], ... (the extras are ignored, as
 * SQLite ignores them in old schemas) */
static bool
parse_eidlist(vb_sqp *p, vb_list *out)
{
	do
	{
		char	   *name;
		char	   *ignored;
		bool		desc;

		if (!vb_sqp_name(p, "a column name", &name))
			return false;
		if (vb_sqp_accept_word(p, "COLLATE") && !vb_sqp_name(p, "a collation name", &ignored))
			return false;
		parse_sortorder(p, &desc);
		vb_list_push(p->arena, out, name);
	} while (vb_sqp_accept_punct(p, ","));
	return true;
}

/* REFERENCES table [(columns)] refargs */
static bool
parse_references(vb_sqp *p, vb_sqlite_constraint *c)
{
	if (!vb_sqp_expect_word(p, "REFERENCES") ||
		!vb_sqp_name(p, "the referenced table", &c->ref_table))
		return false;
	if (vb_sqp_accept_punct(p, "(") &&
		(!parse_eidlist(p, &c->ref_columns) || !vb_sqp_expect_punct(p, ")")))
		return false;
	for (;;)
	{
		if (vb_sqp_accept_word(p, "MATCH"))
		{
			if (!vb_sqp_name(p, "a MATCH name", &c->match))
				return false;
		}
		else if (vb_sqp_is_word(p, 0, "ON") && !vb_sqp_is_word(p, 1, "CONFLICT"))
		{
			vb_fk_action ignored;

			vb_sqp_next(p);
			if (vb_sqp_accept_word(p, "DELETE"))
			{
				if (!parse_refact(p, &c->on_delete))
					return false;
			}
			else if (vb_sqp_accept_word(p, "UPDATE"))
			{
				if (!parse_refact(p, &c->on_update))
					return false;
			}
			else if (vb_sqp_accept_word(p, "INSERT"))
			{
				if (!parse_refact(p, &ignored))	/* parsed and ignored by SQLite */
					return false;
			}
			else
				return vb_sqp_fail(p, "DELETE, UPDATE or INSERT");
		}
		else
			return true;
	}
}

/* Whether a [NOT] DEFERRABLE clause starts here. */
static bool
at_defer(const vb_sqp *p)
{
	return vb_sqp_is_word(p, 0, "DEFERRABLE") ||
		(vb_sqp_is_word(p, 0, "NOT") && vb_sqp_is_word(p, 1, "DEFERRABLE"));
}

/* [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE], onto the table's last
 * foreign key (none: ignored, as in SQLite). */
static bool
parse_defer(table_parser *tp)
{
	vb_sqp	   *p = &tp->p;
	bool		not = vb_sqp_accept_word(p, "NOT");
	bool		deferred = false;
	int			i;

	vb_sqp_next(p);				/* DEFERRABLE */
	if (vb_sqp_accept_word(p, "INITIALLY"))
	{
		if (vb_sqp_accept_word(p, "DEFERRED"))
			deferred = true;
		else if (!vb_sqp_expect_word(p, "IMMEDIATE"))
			return false;
	}
	for (i = tp->t->constraints.count - 1; i >= 0; i--)
	{
		vb_sqlite_constraint *c = tp->t->constraints.items[i];

		if (c->kind != VB_SQC_FOREIGN_KEY)
			continue;
		c->deferrable = !not;
		c->initially_deferred = !not && deferred;
		break;
	}
	return true;
}

/* CHECK ( expr ) */
static bool
parse_check(vb_sqp *p, vb_sqlite_constraint *c)
{
	return vb_sqp_expect_punct(p, "(") && vb_sqp_expr(p, &c->check) &&
		vb_sqp_expect_punct(p, ")");
}

/* DEFAULT term | DEFAULT (expr) | DEFAULT +term | DEFAULT -term | DEFAULT id */
static bool
parse_default(vb_sqp *p, vb_sqlite_column_def *col)
{
	const vb_sqlite_token *t = vb_sqp_peek(p, 0);

	col->has_default = true;
	col->default_expr = NULL;
	if (vb_sqp_is_punct(p, 0, "("))
	{
		vb_sqp_next(p);
		if (!vb_sqp_expr(p, &col->default_expr) || !vb_sqp_expect_punct(p, ")"))
			return false;
	}
	else if (vb_sqp_is_punct(p, 0, "+") || vb_sqp_is_punct(p, 0, "-") ||
			 t->kind == VB_SQT_INTEGER || t->kind == VB_SQT_FLOAT ||
			 t->kind == VB_SQT_STRING || t->kind == VB_SQT_BLOB ||
			 vb_sqlite_token_is(t, "NULL"))
	{
		const vb_sqlite_token *sign = NULL;

		if (t->kind == VB_SQT_PUNCT)
			sign = vb_sqp_next(p);
		if (!vb_sqp_term(p, &col->default_expr))
			return false;
		/* DEFAULT +x is x (parse.y drops the +); DEFAULT -x negates */
		if (sign && sign->start[0] == '-')
		{
			vb_sqlite_expr *neg = vb_alloc(p->arena, sizeof(vb_sqlite_expr));

			neg->kind = VB_SQE_UNARY;
			neg->text = vb_strdup(p->arena, "-");
			neg->a = col->default_expr;
			neg->offset = sign->offset;
			neg->height = 2;
			col->default_expr = neg;
		}
	}
	else if (t->kind == VB_SQT_QUOTED || vb_sqp_word_is_name(t) ||
			 vb_sqlite_token_is(t, "INDEXED"))
	{
		char	   *v;

		if (vb_sqlite_token_is(t, "CURRENT_TIME") || vb_sqlite_token_is(t, "CURRENT_DATE") ||
			vb_sqlite_token_is(t, "CURRENT_TIMESTAMP"))
			return vb_sqp_term(p, &col->default_expr);
		v = vb_sqlite_token_value(p->arena, vb_sqp_next(p));
		if (t->kind == VB_SQT_WORD &&
				 (vb_sqlite_token_is(t, "TRUE") || vb_sqlite_token_is(t, "FALSE")))
			col->default_expr = vb_sqe_literal(p, vb_sqlite_token_is(t, "TRUE") ? "TRUE" : "FALSE",
											   t->offset);
		else
			col->default_expr = vb_sqe_literal(p, vb_sqlite_quote_literal(p->arena, v), t->offset);
	}
	else
		return vb_sqp_fail(p, "a default value");
	if (col->default_expr && col->default_expr->kind == VB_SQE_LITERAL &&
		strcmp(col->default_expr->text, "NULL") == 0)
		col->default_expr = NULL;	/* DEFAULT NULL: no default */
	return true;
}

/* ( expr ) [STORED|VIRTUAL] after [GENERATED ALWAYS] AS */
static bool
parse_generated(vb_sqp *p, vb_sqlite_column_def *col)
{
	if (!vb_sqp_expect_punct(p, "(") || !vb_sqp_expr(p, &col->generated) ||
		!vb_sqp_expect_punct(p, ")"))
		return false;
	if (vb_sqp_accept_word(p, "STORED"))
		col->generated_stored = true;
	else
		vb_sqp_accept_word(p, "VIRTUAL");
	if (vb_sqp_peek(p, 0)->kind == VB_SQT_WORD && !vb_sqlite_is_keyword(vb_sqp_peek(p, 0)->start,
																		vb_sqp_peek(p, 0)->len))
		return vb_sqp_fail(p, "STORED or VIRTUAL");
	return true;
}

/* One column constraint (ccons). */
static bool
parse_column_constraint(table_parser *tp, vb_sqlite_column_def *col, int index)
{
	vb_sqp	   *p = &tp->p;
	size_t		at = here(p);
	vb_sqlite_constraint *c;
	char	   *ignored;

	if (vb_sqp_accept_word(p, "CONSTRAINT"))
		return vb_sqp_name(p, "a constraint name", &tp->pending_name);
	if (vb_sqp_accept_word(p, "DEFAULT"))
		return parse_default(p, col);
	if (vb_sqp_accept_word(p, "NULL"))
		return parse_onconf(p, &ignored);
	if (vb_sqp_is_word(p, 0, "NOT") && vb_sqp_is_word(p, 1, "NULL"))
	{
		vb_sqp_next(p);
		vb_sqp_next(p);
		col->not_null = true;
		return parse_onconf(p, &col->not_null_conflict);
	}
	if (vb_sqp_accept_word(p, "PRIMARY"))
	{
		vb_sqlite_key_column *k = vb_alloc(p->arena, sizeof(vb_sqlite_key_column));

		if (!vb_sqp_expect_word(p, "KEY"))
			return false;
		c = new_constraint(tp, VB_SQC_PRIMARY_KEY, index, at);
		k->name = col->name;
		parse_sortorder(p, &k->desc);
		col->pk_desc = k->desc;
		vb_list_push(p->arena, &c->columns, k);
		if (!parse_onconf(p, &c->conflict))
			return false;
		c->autoincrement = vb_sqp_accept_word(p, "AUTOINCREMENT");
		return true;
	}
	if (vb_sqp_accept_word(p, "UNIQUE"))
	{
		vb_sqlite_key_column *k = vb_alloc(p->arena, sizeof(vb_sqlite_key_column));

		c = new_constraint(tp, VB_SQC_UNIQUE, index, at);
		k->name = col->name;
		vb_list_push(p->arena, &c->columns, k);
		return parse_onconf(p, &c->conflict);
	}
	if (vb_sqp_accept_word(p, "CHECK"))
		return parse_check(p, new_constraint(tp, VB_SQC_CHECK, index, at));
	if (vb_sqp_is_word(p, 0, "REFERENCES"))
	{
		c = new_constraint(tp, VB_SQC_FOREIGN_KEY, index, at);
		vb_list_push(p->arena, &c->columns, col->name);
		return parse_references(p, c);
	}
	if (at_defer(p))
		return parse_defer(tp);
	if (vb_sqp_accept_word(p, "COLLATE"))
	{
		if (!vb_sqp_name(p, "a collation name", &col->collation))
			return false;
		col->collation = vb_sqlite_collation_canonical(p->arena, col->collation);
		return true;
	}
	if (vb_sqp_accept_word(p, "GENERATED"))
	{
		if (!vb_sqp_expect_word(p, "ALWAYS") || !vb_sqp_expect_word(p, "AS"))
			return false;
		return parse_generated(p, col);
	}
	if (vb_sqp_accept_word(p, "AS"))
		return parse_generated(p, col);
	return vb_sqp_fail(p, "a column constraint, \",\" or \")\"");
}

/* Whether s[0..n) ends with `word` (upper case), ASCII case-insensitively. */
static bool
ends_with(vb_arena *arena, const char *s, size_t n, const char *word)
{
	size_t		w = strlen(word);

	return n >= w && strcmp(vb_sqlite_upper(arena, s + n - w, w), word) == 0;
}

static size_t
trim_end(const char *s, size_t n)
{
	while (n > 0 && (s[n - 1] == ' ' || (s[n - 1] >= '\t' && s[n - 1] <= '\r')))
		n--;
	return n;
}

/*
 * SQLite's declared type of a column: the type tokens' text with a
 * trailing "GENERATED ALWAYS" cut off (sqlite3AddColumn), dequoted.
 */
static char *
declared_type(vb_arena *arena, const char *span)
{
	size_t		n = strlen(span);

	if (n >= 16 && ends_with(arena, span, n, "ALWAYS"))
	{
		n = trim_end(span, n - 6);
		if (n >= 9 && ends_with(arena, span, n, "GENERATED"))
			n = trim_end(span, n - 9);
	}
	return vb_sqlite_dequote(arena, vb_strndup(arena, span, n));
}

/* columnname typetoken carglist */
static bool
parse_column(table_parser *tp)
{
	vb_sqp	   *p = &tp->p;
	vb_sqlite_column_def *col = vb_alloc(p->arena, sizeof(vb_sqlite_column_def));
	int			index = tp->t->columns.count;
	int			first;
	int			last;

	col->offset = here(p);
	tp->pending_name = NULL;
	if (!vb_sqp_name(p, "a column name", &col->name))
		return false;
	vb_list_push(p->arena, &tp->t->columns, col);
	first = p->pos;
	if (!vb_sqp_typetoken(p, &last))
		return false;
	col->type = last < 0 ? vb_strdup(p->arena, "") :
		declared_type(p->arena, vb_sqp_span(p, first, last));
	while (!vb_sqp_is_punct(p, 0, ",") && !vb_sqp_is_punct(p, 0, ")"))
		if (!parse_column_constraint(tp, col, index))
			return false;
	return true;
}

/*
 * One element of a key or index list (sortlist): expr [ASC|DESC]. *expr is
 * the element without its outermost COLLATE, which is the one SQLite uses
 * (*collation); *column the column it names when, under any COLLATEs, it is
 * a name ('a' names a column there, as in SQLite), else NULL.
 */
static bool
parse_list_element(vb_sqp *p, const char *where, vb_sqlite_expr **expr, char **collation,
				   char **column, bool *desc)
{
	vb_sqlite_expr *e;

	*collation = NULL;
	*column = NULL;
	if (!vb_sqp_expr(p, &e))
		return false;
	if (e->kind == VB_SQE_COLLATE)
	{
		*collation = e->text;
		e = e->a;
	}
	*expr = e;
	while (e->kind == VB_SQE_COLLATE)
		e = e->a;
	if (e->kind == VB_SQE_COLUMN && e->parts.count == 1)
		*column = e->parts.items[0];
	else if (e->kind == VB_SQE_LITERAL && e->text[0] == '\'')
		*column = vb_sqlite_dequote(p->arena, e->text);
	parse_sortorder(p, desc);
	if (vb_sqp_is_word(p, 0, "NULLS"))
		return vb_sqp_fail(p, vb_printf(p->arena, "\",\" or \")\" (NULLS FIRST/LAST is not allowed %s)",
									   where));
	return true;
}

/* PRIMARY KEY / UNIQUE list: name [COLLATE x] [ASC|DESC], ... [AUTOINCREMENT] */
static bool
parse_key_list(vb_sqp *p, vb_sqlite_constraint *c)
{
	if (!vb_sqp_expect_punct(p, "("))
		return false;
	do
	{
		vb_sqlite_key_column *k = vb_alloc(p->arena, sizeof(vb_sqlite_key_column));
		vb_sqlite_expr *e;

		if (!parse_list_element(p, "in a key", &e, &k->collation, &k->name, &k->desc))
			return false;
		if (k->name == NULL)
			return vb_fail(p->err, p->arena, VB_ERR_INVALID, NULL,
						   "expressions prohibited in PRIMARY KEY and UNIQUE constraints (at %s)",
						   vb_sqlite_position(p->arena, p->text, e->offset));
		vb_list_push(p->arena, &c->columns, k);
	} while (vb_sqp_accept_punct(p, ","));
	if (c->kind == VB_SQC_PRIMARY_KEY)
		c->autoincrement = vb_sqp_accept_word(p, "AUTOINCREMENT");
	return vb_sqp_expect_punct(p, ")");
}

/* One table constraint (tcons). */
static bool
parse_table_constraint(table_parser *tp)
{
	vb_sqp	   *p = &tp->p;
	size_t		at = here(p);
	vb_sqlite_constraint *c;
	char	   *ignored;

	if (vb_sqp_accept_word(p, "CONSTRAINT"))
		return vb_sqp_name(p, "a constraint name", &tp->pending_name);
	if (vb_sqp_accept_word(p, "PRIMARY"))
	{
		c = new_constraint(tp, VB_SQC_PRIMARY_KEY, -1, at);
		return vb_sqp_expect_word(p, "KEY") && parse_key_list(p, c) &&
			parse_onconf(p, &c->conflict);
	}
	if (vb_sqp_accept_word(p, "UNIQUE"))
	{
		c = new_constraint(tp, VB_SQC_UNIQUE, -1, at);
		return parse_key_list(p, c) && parse_onconf(p, &c->conflict);
	}
	if (vb_sqp_accept_word(p, "CHECK"))
		return parse_check(p, new_constraint(tp, VB_SQC_CHECK, -1, at)) &&
			parse_onconf(p, &ignored);	/* SQLite ignores it on a CHECK */
	if (vb_sqp_accept_word(p, "FOREIGN"))
	{
		c = new_constraint(tp, VB_SQC_FOREIGN_KEY, -1, at);
		if (!vb_sqp_expect_word(p, "KEY") || !vb_sqp_expect_punct(p, "(") ||
			!parse_eidlist(p, &c->columns) || !vb_sqp_expect_punct(p, ")") ||
			!parse_references(p, c))
			return false;
		return !at_defer(p) || parse_defer(tp);
	}
	return vb_sqp_fail(p, "CONSTRAINT, PRIMARY KEY, UNIQUE, CHECK or FOREIGN KEY");
}

static bool
starts_table_constraint(const vb_sqp *p)
{
	return vb_sqp_is_word(p, 0, "CONSTRAINT") || vb_sqp_is_word(p, 0, "PRIMARY") ||
		vb_sqp_is_word(p, 0, "UNIQUE") || vb_sqp_is_word(p, 0, "CHECK") ||
		vb_sqp_is_word(p, 0, "FOREIGN");
}

/* [schema .] name */
static bool
parse_qualified(vb_sqp *p, const char *what, char **schema, char **name)
{
	*schema = NULL;
	if (!vb_sqp_name(p, what, name))
		return false;
	if (!vb_sqp_accept_punct(p, "."))
		return true;
	*schema = *name;
	return vb_sqp_name(p, what, name);
}

/* WITHOUT ROWID, STRICT, in any order, comma-separated */
static bool
parse_table_options(table_parser *tp)
{
	vb_sqp	   *p = &tp->p;

	if (vb_sqp_peek(p, 0)->kind == VB_SQT_END || vb_sqp_is_punct(p, 0, ";"))
		return true;
	do
	{
		if (vb_sqp_accept_word(p, "WITHOUT"))
		{
			if (!vb_sqp_expect_word(p, "ROWID"))
				return false;
			tp->t->without_rowid = true;
		}
		else if (vb_sqp_accept_word(p, "STRICT"))
			tp->t->strict = true;
		else
			return vb_sqp_fail(p, "WITHOUT ROWID or STRICT");
	} while (vb_sqp_accept_punct(p, ","));
	return true;
}

/* The statement ends here (an optional ";"). */
static bool
expect_end(vb_sqp *p)
{
	vb_sqp_accept_punct(p, ";");
	if (vb_sqp_peek(p, 0)->kind != VB_SQT_END)
		return vb_sqp_fail(p, "the end of the statement");
	return true;
}

/* CREATE [TEMP|TEMPORARY] */
static bool
parse_create(vb_sqp *p, bool *temporary)
{
	if (!vb_sqp_expect_word(p, "CREATE"))
		return false;
	*temporary = vb_sqp_accept_word(p, "TEMP") || vb_sqp_accept_word(p, "TEMPORARY");
	return true;
}

static void
parse_if_not_exists(vb_sqp *p)
{
	if (vb_sqp_is_word(p, 0, "IF") && vb_sqp_is_word(p, 1, "NOT") && vb_sqp_is_word(p, 2, "EXISTS"))
	{
		vb_sqp_next(p);
		vb_sqp_next(p);
		vb_sqp_next(p);
	}
}

bool
vb_sqlite_parse_create_table(vb_arena *arena, const char *sql, vb_sqlite_table_def **out,
							 vb_error *err)
{
	table_parser tp;
	vb_sqp	   *p = &tp.p;

	memset(&tp, 0, sizeof(tp));
	if (!vb_sqp_init(p, arena, sql, err))
		return false;
	tp.t = vb_alloc(arena, sizeof(vb_sqlite_table_def));
	if (!parse_create(p, &tp.t->temporary) || !vb_sqp_expect_word(p, "TABLE"))
		return false;
	parse_if_not_exists(p);
	if (!parse_qualified(p, "a table name", &tp.t->schema, &tp.t->name))
		return false;
	if (vb_sqp_accept_word(p, "AS"))
	{
		tp.t->as_select = true;
		*out = tp.t;
		return true;			/* sqlite_schema never holds this form */
	}
	if (!vb_sqp_expect_punct(p, "(") || !parse_column(&tp))
		return false;
	while (vb_sqp_accept_punct(p, ","))
	{
		if (starts_table_constraint(p))
			break;
		if (!parse_column(&tp))
			return false;
	}
	/* conslist: constraints with or without commas between them */
	tp.pending_name = NULL;
	while (!vb_sqp_is_punct(p, 0, ")"))
	{
		if (!parse_table_constraint(&tp))
			return false;
		if (vb_sqp_accept_punct(p, ","))
		{
			tp.pending_name = NULL;
			if (!starts_table_constraint(p))
				return vb_sqp_fail(p, "a table constraint");
		}
	}
	vb_sqp_next(p);
	if (!parse_table_options(&tp) || !expect_end(p))
		return false;
	*out = tp.t;
	return true;
}

/* One element of an index: expr [COLLATE x] [ASC|DESC] */
static bool
parse_index_column(vb_sqp *p, vb_sqlite_index_column **out)
{
	vb_sqlite_index_column *ic = vb_alloc(p->arena, sizeof(vb_sqlite_index_column));

	*out = ic;
	return parse_list_element(p, "in an index", &ic->expr, &ic->collation, &ic->column, &ic->desc);
}

bool
vb_sqlite_parse_create_index(vb_arena *arena, const char *sql, vb_sqlite_index_def **out,
							 vb_error *err)
{
	vb_sqp		p;
	vb_sqlite_index_def *ix = vb_alloc(arena, sizeof(vb_sqlite_index_def));
	bool		temporary;

	if (!vb_sqp_init(&p, arena, sql, err) || !parse_create(&p, &temporary))
		return false;
	if (temporary)
		return vb_sqp_fail(&p, "UNIQUE or INDEX");
	ix->unique = vb_sqp_accept_word(&p, "UNIQUE");
	if (!vb_sqp_expect_word(&p, "INDEX"))
		return false;
	parse_if_not_exists(&p);
	if (!parse_qualified(&p, "an index name", &ix->schema, &ix->name) ||
		!vb_sqp_expect_word(&p, "ON") || !vb_sqp_name(&p, "a table name", &ix->table) ||
		!vb_sqp_expect_punct(&p, "("))
		return false;
	do
	{
		vb_sqlite_index_column *ic = NULL;

		if (!parse_index_column(&p, &ic))
			return false;
		vb_list_push(arena, &ix->columns, ic);
	} while (vb_sqp_accept_punct(&p, ","));
	if (!vb_sqp_expect_punct(&p, ")"))
		return false;
	if (vb_sqp_accept_word(&p, "WHERE") && !vb_sqp_expr(&p, &ix->where))
		return false;
	if (!expect_end(&p))
		return false;
	*out = ix;
	return true;
}
