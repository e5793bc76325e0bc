/*
 * diff.c — compare the current and the desired schema and build the plan.
 *
 * Both schemas arrive canonical (types, defaults and predicates as the
 * server prints them), so comparison is plain string equality. The differ
 * works in four steps:
 *
 *   1. pair objects: by name, by renamedFrom, by the options' resolutions;
 *      drop+add pairs that could be renames are listed as ambiguous;
 *   2. within paired tables, pair columns the same way, then pair keys,
 *      indexes and foreign keys by name or by definition (a definition
 *      that matches under another name is renamed, never re-created);
 *   3. emit operations with their SQL, destructiveness and hazards;
 *   4. order them by phase, a fixed order that respects every dependency
 *      between the kinds (FKs dropped before what they reference, tables
 *      created before FKs, renames before the changes that use the new
 *      names, enums created before columns use them, ...).
 *
 * Lookups go through hash maps so the cost stays linear in the schema size.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ddl_pg.h"

/* Execution phases, in order. */
enum
{
	PH_CREATE_SCHEMA = 1,
	PH_ENUM_CHANGE,				/* create enum, rename enum/value, add value */
	PH_DROP_FOREIGN_KEY,
	PH_DROP_KEY_INDEX,			/* drop index, unique, primary key */
	PH_DROP_TABLE,
	PH_DROP_COLUMN,
	PH_RENAME_TABLE,
	PH_RENAME_COLUMN,
	PH_RENAME_OTHER,			/* constraints, indexes, sequences */
	PH_RECREATE_ENUM,
	PH_CREATE_TABLE,
	PH_ADD_COLUMN,
	PH_ALTER_COLUMN,
	PH_ADD_PRIMARY_KEY,
	PH_ADD_UNIQUE,
	PH_CREATE_INDEX,
	PH_ADD_FOREIGN_KEY,
	PH_DROP_ENUM
};

static const struct
{
	const char *name;
	int			phase;
	unsigned	hazards;
}			op_info[VB_OP__COUNT] = {
	[VB_OP_CREATE_SCHEMA] = {"createSchema", PH_CREATE_SCHEMA, 0},
	[VB_OP_CREATE_ENUM] = {"createEnum", PH_ENUM_CHANGE, 0},
	[VB_OP_RENAME_ENUM] = {"renameEnum", PH_ENUM_CHANGE, 0},
	[VB_OP_RENAME_ENUM_VALUE] = {"renameEnumValue", PH_ENUM_CHANGE, 0},
	[VB_OP_ADD_ENUM_VALUE] = {"addEnumValue", PH_ENUM_CHANGE, 0},
	[VB_OP_RECREATE_ENUM] = {"recreateEnum", PH_RECREATE_ENUM,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_REWRITE},
	[VB_OP_DROP_FOREIGN_KEY] = {"dropForeignKey", PH_DROP_FOREIGN_KEY, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_INDEX] = {"dropIndex", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_UNIQUE] = {"dropUnique", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_PRIMARY_KEY] = {"dropPrimaryKey", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_TABLE] = {"renameTable", PH_RENAME_TABLE, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_COLUMN] = {"renameColumn", PH_RENAME_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_CONSTRAINT] = {"renameConstraint", PH_RENAME_OTHER, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_INDEX] = {"renameIndex", PH_RENAME_OTHER, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_SEQUENCE] = {"renameSequence", PH_RENAME_OTHER, 0},
	[VB_OP_CREATE_TABLE] = {"createTable", PH_CREATE_TABLE, 0},
	[VB_OP_ADD_COLUMN] = {"addColumn", PH_ADD_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_ALTER_COLUMN] = {"alterColumn", PH_ALTER_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_ADD_PRIMARY_KEY] = {"addPrimaryKey", PH_ADD_PRIMARY_KEY,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_ADD_UNIQUE] = {"addUnique", PH_ADD_UNIQUE,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_CREATE_INDEX] = {"createIndex", PH_CREATE_INDEX,
	VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_ADD_FOREIGN_KEY] = {"addForeignKey", PH_ADD_FOREIGN_KEY,
	VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN},
	[VB_OP_DROP_COLUMN] = {"dropColumn", PH_DROP_COLUMN,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA},
	[VB_OP_DROP_TABLE] = {"dropTable", PH_DROP_TABLE,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA},
	[VB_OP_DROP_ENUM] = {"dropEnum", PH_DROP_ENUM, 0},
};

const char *
vb_op_kind_name(vb_op_kind kind)
{
	return op_info[kind].name;
}

/* A current table and the desired table it becomes. */
typedef struct table_pair
{
	vb_table   *cur;
	vb_table   *des;
	vb_map		cur_col_to_des; /* current column name -> desired vb_column */
	vb_map		type_changed;	/* desired column name -> non-NULL */
} table_pair;

typedef struct differ
{
	vb_arena   *a;
	vb_error   *err;
	const vb_schema *cur;
	const vb_schema *des;
	const vb_options *opts;
	vb_plan    *plan;
	int			seq;
	vb_map		cur_tables;		/* key2(schema, name) -> vb_table */
	vb_map		pair_by_cur;	/* key2(cur schema, cur name) -> table_pair */
	vb_map		pair_by_des;	/* key2(des schema, des name) -> table_pair */
	vb_list		pairs;			/* table_pair * */
	vb_map		enum_type_map;	/* current enum type text -> desired text */
	vb_map		default_dropped;	/* key3(des schema, table, column) */
	vb_map		rebuilt_keys;	/* key3(cur schema, table, cols) of dropped keys */
} differ;

/* ---- operations ---------------------------------------------------------- */

static vb_operation *
new_op(differ *d, vb_op_kind kind, const char *schema, const char *table,
	   const char *object)
{
	vb_operation *op = vb_alloc(d->a, sizeof(vb_operation));

	op->kind = kind;
	op->schema = schema;
	op->table = table;
	op->object = object;
	op->phase = op_info[kind].phase;
	op->hazards = op_info[kind].hazards;
	op->seq = d->seq++;
	vb_list_push(d->a, &d->plan->operations, op);
	return op;
}

static void
add_sql(differ *d, vb_operation *op, char *sql)
{
	vb_list_push(d->a, &op->sql, sql);
}

static void
make_destructive(vb_operation *op, const char *reason)
{
	op->destructive = true;
	op->destructive_reason = reason;
}

static int
compare_ops(const void *x, const void *y)
{
	const vb_operation *a = *(vb_operation *const *) x;
	const vb_operation *b = *(vb_operation *const *) y;

	if (a->phase != b->phase)
		return a->phase < b->phase ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/* ---- helpers --------------------------------------------------------------- */

static bool
is_managed(const differ *d, const char *schema)
{
	return vb_list_contains_str(&d->des->schemas, schema);
}

/* Strip trailing "[]" pairs: the element type of an array type text. */
static const char *
element_type(vb_arena *a, const char *type, int *dims)
{
	size_t		len = strlen(type);

	*dims = 0;
	while (len >= 2 && type[len - 2] == '[' && type[len - 1] == ']')
	{
		len -= 2;
		(*dims)++;
	}
	return vb_strndup(a, type, len);
}

/* A current type text as it reads after this plan's enum renames. */
static const char *
mapped_type(differ *d, const char *type)
{
	int			dims;
	const char *elem;
	const char *renamed;
	vb_buf		buf;

	if (d->enum_type_map.count == 0)
		return type;
	elem = element_type(d->a, type, &dims);
	renamed = vb_map_get(&d->enum_type_map, elem);
	if (renamed == NULL)
		return type;
	vb_buf_init(&buf, d->a);
	vb_buf_append(&buf, renamed);
	while (dims-- > 0)
		vb_buf_append(&buf, "[]");
	return buf.data;
}

/* A current default as it reads after this plan's enum renames:
 * "::old" becomes "::new" where old is a renamed enum type. */
static const char *
mapped_default(differ *d, const char *expr)
{
	int			i;
	const char *out = expr;

	if (expr == NULL || d->enum_type_map.count == 0)
		return expr;
	for (i = 0; i < d->enum_type_map.capacity; i++)
	{
		const vb_map_entry *e = &d->enum_type_map.entries[i];
		char	   *needle;
		const char *hit;
		vb_buf		buf;
		const char *p;

		if (e->key == NULL)
			continue;
		needle = vb_printf(d->a, "::%s", e->key);
		if (strstr(out, needle) == NULL)
			continue;
		vb_buf_init(&buf, d->a);
		p = out;
		while ((hit = strstr(p, needle)) != NULL)
		{
			char		next = hit[strlen(needle)];

			vb_buf_appendn(&buf, p, (size_t) (hit - p));
			if (isalnum((unsigned char) next) || next == '_' || next == '"' || next == '$')
				vb_buf_append(&buf, needle);
			else
				vb_buf_appendf(&buf, "::%s", (const char *) e->value);
			p = hit + strlen(needle);
		}
		vb_buf_append(&buf, p);
		out = buf.data;
	}
	return out;
}

static bool
strs_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Column names of a current object, renamed to what the plan calls them. */
static vb_list *
mapped_columns(differ *d, table_pair *p, const vb_list *cols)
{
	vb_list    *out = vb_alloc(d->a, sizeof(vb_list));
	int			i;

	for (i = 0; i < cols->count; i++)
	{
		vb_column  *dc = p ? vb_map_get(&p->cur_col_to_des, cols->items[i]) : NULL;

		/* a column that disappears never equals a desired one */
		vb_list_push(d->a, out, dc ? dc->name : vb_printf(d->a, "\x01%s", (char *) cols->items[i]));
	}
	return out;
}

static bool
is_ident_char(char c)
{
	return isalnum((unsigned char) c) || c == '_' || c == '$' || (unsigned char) c >= 0x80;
}

/*
 * Rewrite the column references of a deparsed predicate through the plan's
 * column renames. The text is PostgreSQL's own output: identifiers are bare
 * or double-quoted, literals single-quoted. Names after "." or "::" and
 * before "(" are not column references and stay as they are.
 */
static const char *
mapped_predicate(differ *d, table_pair *p, const char *pred)
{
	vb_buf		buf;
	const char *s = pred;

	if (pred == NULL || p == NULL)
		return pred;
	vb_buf_init(&buf, d->a);
	while (*s)
	{
		if (*s == '\'')
		{
			const char *start = s++;

			while (*s && !(*s == '\'' && s[1] != '\''))
				s += (*s == '\'' ? 2 : 1);
			if (*s)
				s++;
			vb_buf_appendn(&buf, start, (size_t) (s - start));
		}
		else if (*s == '"' || ((isalpha((unsigned char) *s) || *s == '_' || (unsigned char) *s >= 0x80) &&
							   (s == pred || !is_ident_char(s[-1]))))
		{
			const char *start = s;
			vb_buf		name;
			const char *after;
			const char *before = start;
			bool		qualifier;
			vb_column  *dc;

			vb_buf_init(&name, d->a);
			if (*s == '"')
			{
				s++;
				while (*s && !(*s == '"' && s[1] != '"'))
				{
					if (*s == '"')
						s++;
					vb_buf_appendc(&name, *s++);
				}
				if (*s)
					s++;
			}
			else
			{
				while (is_ident_char(*s))
					vb_buf_appendc(&name, *s++);
			}
			after = s;
			while (*after == ' ')
				after++;
			while (before > pred && before[-1] == ' ')
				before--;
			qualifier = (before > pred && (before[-1] == '.' || before[-1] == ':')) ||
				*after == '(' || *after == '.';
			dc = qualifier ? NULL : vb_map_get(&p->cur_col_to_des, name.data);
			if (dc && strcmp(dc->name, name.data) != 0)
				vb_buf_append(&buf, vb_quote_ident(d->a, dc->name));
			else
				vb_buf_appendn(&buf, start, (size_t) (s - start));
		}
		else
			vb_buf_appendc(&buf, *s++);
	}
	return buf.data;
}

static char *
sorted_columns_key(vb_arena *a, const vb_list *cols)
{
	char	  **copy = vb_alloc(a, sizeof(char *) * (size_t) (cols->count + 1));
	vb_buf		buf;
	int			i;
	int			j;

	for (i = 0; i < cols->count; i++)
		copy[i] = cols->items[i];
	for (i = 1; i < cols->count; i++)	/* insertion sort: lists are short */
		for (j = i; j > 0 && strcmp(copy[j - 1], copy[j]) > 0; j--)
		{
			char	   *t = copy[j];

			copy[j] = copy[j - 1];
			copy[j - 1] = t;
		}
	vb_buf_init(&buf, a);
	for (i = 0; i < cols->count; i++)
		vb_buf_appendf(&buf, "%s\x1e", copy[i]);
	return buf.data;
}

/* ---- resolution of rename candidates -------------------------------------- */

typedef bool (*candidate_fn) (differ *d, void *ctx, int ci, int di);

typedef struct rename_scope
{
	const char *kind;			/* table, column, enumValue */
	const char *schema;
	const char *table;			/* desired table name or enum name */
} rename_scope;

static bool
entry_in_scope(const vb_resolution_entry *r, const rename_scope *sc)
{
	if (strcmp(r->kind, sc->kind) != 0 || strcmp(r->schema, sc->schema) != 0)
		return false;
	if (strcmp(sc->kind, "column") == 0)
		return r->table && strcmp(r->table, sc->table) == 0;
	if (strcmp(sc->kind, "enumValue") == 0)
		return r->enum_name && strcmp(r->enum_name, sc->table) == 0;
	return true;
}

/*
 * Pair dropped and added objects: explicit resolutions first, then the
 * "rename"/"addAndDrop" blanket option, else every candidate pair is listed
 * as ambiguous. cur_match[ci] / des_match[di] hold the pairing (-1: none)
 * and may already be set by name and renamedFrom.
 */
static bool
resolve_renames(differ *d, const rename_scope *sc, int ncur, char **cur_names,
				int ndes, char **des_names, candidate_fn is_candidate, void *ctx,
				int *cur_match, int *des_match)
{
	int			i;
	int			ci;
	int			di;
	vb_map		declined;

	vb_map_init(&declined, d->a, 8);
	for (i = 0; i < d->opts->resolutions.count; i++)
	{
		vb_resolution_entry *r = d->opts->resolutions.items[i];
		int			fc = -1;
		int			td = -1;

		if (!entry_in_scope(r, sc))
			continue;
		for (ci = 0; ci < ncur; ci++)
			if (cur_match[ci] < 0 && strcmp(cur_names[ci], r->from) == 0)
				fc = ci;
		for (di = 0; di < ndes; di++)
			if (des_match[di] < 0 && strcmp(des_names[di], r->to) == 0)
				td = di;
		if (fc < 0 || td < 0)
			continue;
		if (r->resolution == VB_RESOLVE_RENAME)
		{
			cur_match[fc] = td;
			des_match[td] = fc;
		}
		else
			vb_map_put(&declined, vb_key2(d->a, r->from, r->to), (void *) 1);
	}

	for (ci = 0; ci < ncur; ci++)
	{
		int			count = 0;
		int			only = -1;

		if (cur_match[ci] >= 0)
			continue;
		for (di = 0; di < ndes; di++)
		{
			if (des_match[di] >= 0 ||
				vb_map_get(&declined, vb_key2(d->a, cur_names[ci], des_names[di])) ||
				!is_candidate(d, ctx, ci, di))
				continue;
			count++;
			only = di;
			if (d->opts->resolve_all == VB_RESOLVE_NONE)
			{
				vb_ambiguity *amb = vb_alloc(d->a, sizeof(vb_ambiguity));

				amb->kind = sc->kind;
				amb->schema = sc->schema;
				amb->table = sc->table;
				amb->from = cur_names[ci];
				amb->to = des_names[di];
				vb_list_push(d->a, &d->plan->ambiguous, amb);
			}
		}
		if (count == 0 || d->opts->resolve_all != VB_RESOLVE_RENAME)
			continue;
		if (count > 1)
			return vb_fail(d->err, d->a, VB_ERR_AMBIGUOUS, NULL,
						   "resolution \"rename\" is ambiguous for %s \"%s\": it has %d candidates",
						   sc->kind, cur_names[ci], count);
		/* the added object must not have another dropped candidate either */
		for (i = 0; i < ncur; i++)
			if (i != ci && cur_match[i] < 0 && is_candidate(d, ctx, i, only) &&
				!vb_map_get(&declined, vb_key2(d->a, cur_names[i], des_names[only])))
				return vb_fail(d->err, d->a, VB_ERR_AMBIGUOUS, NULL,
							   "resolution \"rename\" is ambiguous for %s \"%s\": both \"%s\" and \"%s\" could become it",
							   sc->kind, des_names[only], cur_names[ci], cur_names[i]);
		cur_match[ci] = only;
		des_match[only] = ci;
	}
	return true;
}

/* ---- enums ------------------------------------------------------------------ */

/* Is a value that this plan adds to enum e used by the desired schema?
 * Then ALTER TYPE ... ADD VALUE cannot be used (the value would be unusable
 * until commit) and the type is re-created instead. */
static bool
added_value_used(differ *d, const vb_enum *e, const char *value)
{
	const char *type = vb_qualified(d->a, e->schema, e->name);
	const char *literal = vb_quote_literal(d->a, value);
	int			i;
	int			j;

	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];
		bool		uses_type = false;

		for (j = 0; j < t->columns.count; j++)
		{
			vb_column  *c = t->columns.items[j];
			int			dims;

			if (strcmp(element_type(d->a, c->type, &dims), type) != 0)
				continue;
			uses_type = true;
			if (c->default_expr && strstr(c->default_expr, literal))
				return true;
		}
		if (!uses_type)
			continue;
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->where && strstr(ix->where, literal))
				return true;
		}
	}
	return false;
}

static bool
enum_value_candidate(differ *d, void *ctx, int ci, int di)
{
	(void) d;
	(void) ctx;
	(void) ci;
	(void) di;
	return true;
}

/*
 * Re-create enum `e` (desired) whose current form is `ce`: move the old
 * type aside, create the desired one, convert every column that keeps the
 * type through text, then drop the old type.
 */
static void
recreate_enum(differ *d, const vb_enum *ce, const vb_enum *e, const char *reason)
{
	vb_arena   *a = d->a;
	const char *old_type = vb_qualified(a, ce->schema, ce->name);
	const char *new_type = vb_qualified(a, e->schema, e->name);
	char	   *tmp = vb_make_object_name(a, e->name, NULL, "viborm_old");
	vb_operation *op = new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);
	bool		old_still_used = false;
	int			i;
	int			j;

	add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME TO %s", new_type, vb_quote_ident(a, tmp)));
	add_sql(d, op, vb_pg_create_enum(a, e->schema, e->name, &e->values));
	for (i = 0; i < d->cur->tables.count; i++)
	{
		vb_table   *ct = d->cur->tables.items[i];
		table_pair *p = vb_map_get(&d->pair_by_cur, vb_key2(a, ct->schema, ct->name));

		for (j = 0; j < ct->columns.count; j++)
		{
			vb_column  *cc = ct->columns.items[j];
			vb_column  *dc;
			int			dims;
			const char *elem = element_type(a, cc->type, &dims);
			char	   *cast;
			int			k;

			if (strcmp(elem, old_type) != 0)
				continue;
			dc = p ? vb_map_get(&p->cur_col_to_des, cc->name) : NULL;
			if (dc == NULL)
				continue;		/* dropped before this step */
			if (strcmp(mapped_type(d, cc->type), dc->type) != 0)
			{
				old_still_used = true;	/* its own alterColumn converts it */
				continue;
			}
			if (cc->default_expr)
			{
				add_sql(d, op, vb_pg_alter_column(a, p->des->schema, p->des->name, dc->name,
												  "DROP DEFAULT"));
				vb_map_put(&d->default_dropped,
						   vb_key3(a, p->des->schema, p->des->name, dc->name), (void *) 1);
			}
			cast = vb_printf(a, "%s::text", vb_quote_ident(a, dc->name));
			for (k = 0; k < dims; k++)
				cast = vb_printf(a, "%s[]", cast);
			cast = vb_printf(a, "%s::%s", cast, dc->type);
			add_sql(d, op, vb_pg_alter_column(a, p->des->schema, p->des->name, dc->name,
											  vb_printf(a, "TYPE %s USING %s", dc->type, cast)));
		}
	}
	if (old_still_used)
	{
		vb_operation *last = new_op(d, VB_OP_RECREATE_ENUM, e->schema, NULL, e->name);

		last->phase = PH_DROP_ENUM;
		last->hazards = 0;
		add_sql(d, last, vb_printf(a, "DROP TYPE %s", vb_qualified(a, e->schema, tmp)));
	}
	else
		add_sql(d, op, vb_printf(a, "DROP TYPE %s", vb_qualified(a, e->schema, tmp)));
	if (reason)
		make_destructive(op, reason);
}

static bool
diff_enum_values(differ *d, const vb_enum *ce, const vb_enum *e)
{
	vb_arena   *a = d->a;
	int			nc = ce->values.count;
	int			nd = e->values.count;
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	rename_scope sc = {"enumValue", e->schema, e->name};
	bool		recreate = false;
	int			i;
	int			j;
	int			last = -1;
	vb_buf		removed;
	const char *type = vb_qualified(a, e->schema, e->name);

	for (i = 0; i < nc; i++)
	{
		cur_names[i] = ((vb_enum_value *) ce->values.items[i])->name;
		cur_match[i] = -1;
	}
	for (j = 0; j < nd; j++)
	{
		vb_enum_value *v = e->values.items[j];

		des_names[j] = v->name;
		des_match[j] = -1;
		for (i = 0; i < nc; i++)
			if (cur_match[i] < 0 && strcmp(cur_names[i], v->name) == 0)
			{
				cur_match[i] = j;
				des_match[j] = i;
			}
	}
	for (j = 0; j < nd; j++)
	{
		vb_enum_value *v = e->values.items[j];

		if (des_match[j] >= 0 || v->renamed_from == NULL)
			continue;
		for (i = 0; i < nc; i++)
			if (cur_match[i] < 0 && strcmp(cur_names[i], v->renamed_from) == 0)
			{
				cur_match[i] = j;
				des_match[j] = i;
			}
	}
	if (!resolve_renames(d, &sc, nc, cur_names, nd, des_names, enum_value_candidate, NULL,
						 cur_match, des_match))
		return false;

	/* removed values, or existing values whose order changes: re-create */
	vb_buf_init(&removed, a);
	for (i = 0; i < nc; i++)
	{
		if (cur_match[i] < 0)
		{
			vb_buf_appendf(&removed, "%s%s", removed.len ? ", " : "", cur_names[i]);
			recreate = true;
		}
		else if (cur_match[i] < last)
			recreate = true;
		else
			last = cur_match[i];
	}
	for (j = 0; j < nd && !recreate; j++)
		if (des_match[j] < 0 && added_value_used(d, e, des_names[j]))
			recreate = true;

	/* renames first: they keep the values' identity (and their rows) */
	for (i = 0; i < nc; i++)
	{
		vb_operation *op;

		if (cur_match[i] < 0 || strcmp(cur_names[i], des_names[cur_match[i]]) == 0)
			continue;
		op = new_op(d, VB_OP_RENAME_ENUM_VALUE, e->schema, NULL, e->name);
		add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME VALUE %s TO %s", type,
								 vb_quote_literal(a, cur_names[i]),
								 vb_quote_literal(a, des_names[cur_match[i]])));
	}
	if (recreate)
	{
		recreate_enum(d, ce, e, removed.len ?
					  vb_printf(a, "removes values %s from enum %s.%s; rows holding them make the push fail",
								removed.data, e->schema, e->name) : NULL);
		return true;
	}
	for (j = 0; j < nd; j++)
	{
		vb_operation *op;
		char	   *where;

		if (des_match[j] >= 0)
			continue;
		if (j > 0)
			where = vb_printf(a, " AFTER %s", vb_quote_literal(a, des_names[j - 1]));
		else
		{
			int			k;

			where = "";
			for (k = 1; k < nd; k++)
				if (des_match[k] >= 0)
				{
					where = vb_printf(a, " BEFORE %s", vb_quote_literal(a, des_names[k]));
					break;
				}
		}
		op = new_op(d, VB_OP_ADD_ENUM_VALUE, e->schema, NULL, e->name);
		add_sql(d, op, vb_printf(a, "ALTER TYPE %s ADD VALUE %s%s", type,
								 vb_quote_literal(a, des_names[j]), where));
	}
	return true;
}

static bool
diff_enums(differ *d)
{
	vb_arena   *a = d->a;
	vb_map		claimed;
	int			i;

	vb_map_init(&claimed, a, d->cur->enums.count);
	/* by name first, so renamedFrom never steals a type that stays */
	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];

		if (vb_find_enum(d->cur, e->schema, e->name))
			vb_map_put(&claimed, vb_key2(a, e->schema, e->name), e);
	}
	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];
		vb_enum    *ce = vb_find_enum(d->cur, e->schema, e->name);

		if (ce == NULL && e->renamed_from &&
			!vb_map_get(&claimed, vb_key2(a, e->schema, e->renamed_from)))
		{
			ce = vb_find_enum(d->cur, e->schema, e->renamed_from);
			if (ce)
			{
				vb_operation *op = new_op(d, VB_OP_RENAME_ENUM, e->schema, NULL, e->name);

				add_sql(d, op, vb_printf(a, "ALTER TYPE %s RENAME TO %s",
										 vb_qualified(a, ce->schema, ce->name),
										 vb_quote_ident(a, e->name)));
				vb_map_put(&claimed, vb_key2(a, ce->schema, ce->name), e);
				vb_map_put(&d->enum_type_map, vb_qualified(a, ce->schema, ce->name),
						   vb_qualified(a, e->schema, e->name));
			}
		}
		if (ce == NULL)
		{
			vb_operation *op = new_op(d, VB_OP_CREATE_ENUM, e->schema, NULL, e->name);

			add_sql(d, op, vb_pg_create_enum(a, e->schema, e->name, &e->values));
		}
	}
	for (i = 0; i < d->cur->enums.count; i++)
	{
		vb_enum    *ce = d->cur->enums.items[i];
		vb_operation *op;

		if (vb_map_get(&claimed, vb_key2(a, ce->schema, ce->name)))
			continue;
		op = new_op(d, VB_OP_DROP_ENUM, ce->schema, NULL, ce->name);
		add_sql(d, op, vb_printf(a, "DROP TYPE %s", vb_qualified(a, ce->schema, ce->name)));
		make_destructive(op, vb_printf(a, "drops enum type %s.%s", ce->schema, ce->name));
	}
	return true;
}

/* Value changes run after the tables are paired: re-creating a type
 * converts columns under their new names. */
static bool
diff_enum_contents(differ *d)
{
	vb_arena   *a = d->a;
	int			i;

	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];
		vb_enum    *ce = vb_find_enum(d->cur, e->schema, e->name);

		if (ce == NULL && e->renamed_from && vb_map_get(&d->enum_type_map,
														vb_qualified(a, e->schema, e->renamed_from)))
			ce = vb_find_enum(d->cur, e->schema, e->renamed_from);
		if (ce && !diff_enum_values(d, ce, e))
			return false;
	}
	return true;
}

/* ---- tables: pairing ---------------------------------------------------------- */

static bool
table_candidate(differ *d, void *ctx, int ci, int di)
{
	vb_table  **pairs = ctx;
	vb_table   *c = pairs[ci * 2];
	vb_table   *t = pairs[di * 2 + 1];
	int			common = 0;
	int			i;
	int			most;

	(void) d;
	if (strcmp(c->schema, t->schema) != 0)
		return false;
	for (i = 0; i < t->columns.count; i++)
		if (vb_find_column(c, ((vb_column *) t->columns.items[i])->name))
			common++;
	most = c->columns.count > t->columns.count ? c->columns.count : t->columns.count;
	/* VibORM's heuristic: column names overlap by 70 % or more */
	return most > 0 && common * 10 >= most * 7;
}

static table_pair *
new_pair(differ *d, vb_table *c, vb_table *t)
{
	table_pair *p = vb_alloc(d->a, sizeof(table_pair));

	p->cur = c;
	p->des = t;
	vb_map_init(&p->cur_col_to_des, d->a, c->columns.count);
	vb_map_init(&p->type_changed, d->a, 4);
	vb_map_put(&d->pair_by_cur, vb_key2(d->a, c->schema, c->name), p);
	vb_map_put(&d->pair_by_des, vb_key2(d->a, t->schema, t->name), p);
	vb_list_push(d->a, &d->pairs, p);
	return p;
}

static void
split_qualified(vb_arena *a, const char *name, const char *dflt_schema,
				const char **schema, const char **rel)
{
	const char *dot = strchr(name, '.');

	if (dot)
	{
		*schema = vb_strndup(a, name, (size_t) (dot - name));
		*rel = dot + 1;
	}
	else
	{
		*schema = dflt_schema;
		*rel = name;
	}
}

static bool
pair_tables(differ *d)
{
	vb_arena   *a = d->a;
	int			nc = d->cur->tables.count;
	int			nd = d->des->tables.count;
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	vb_table  **both = vb_alloc(a, sizeof(vb_table *) * (size_t) (2 * (nc > nd ? nc : nd) + 2));
	vb_map		cur_index;
	vb_list		schemas_seen;
	int			i;
	int			j;

	vb_map_init(&cur_index, a, nc);
	for (i = 0; i < nc; i++)
	{
		vb_table   *c = d->cur->tables.items[i];

		cur_match[i] = -1;
		cur_names[i] = c->name;
		both[i * 2] = c;
		vb_map_put(&cur_index, vb_key2(a, c->schema, c->name), (void *) (size_t) (i + 1));
	}
	for (j = 0; j < nd; j++)
	{
		vb_table   *t = d->des->tables.items[j];
		size_t		idx = (size_t) vb_map_get(&cur_index, vb_key2(a, t->schema, t->name));

		des_match[j] = -1;
		des_names[j] = t->name;
		both[j * 2 + 1] = t;
		if (idx)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}
	for (j = 0; j < nd; j++)
	{
		vb_table   *t = d->des->tables.items[j];
		const char *rs;
		const char *rn;
		size_t		idx;

		if (des_match[j] >= 0 || t->renamed_from == NULL)
			continue;
		split_qualified(a, t->renamed_from, t->schema, &rs, &rn);
		idx = (size_t) vb_map_get(&cur_index, vb_key2(a, rs, rn));
		if (idx && cur_match[idx - 1] < 0)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}

	/* rename candidates, schema by schema (a rename never moves schemas
	 * unless renamedFrom says so) */
	memset(&schemas_seen, 0, sizeof(schemas_seen));
	for (j = 0; j < nd; j++)
	{
		vb_table   *t = d->des->tables.items[j];
		rename_scope sc = {"table", t->schema, NULL};

		if (vb_list_contains_str(&schemas_seen, t->schema))
			continue;
		vb_list_push(a, &schemas_seen, t->schema);
		if (!resolve_renames(d, &sc, nc, cur_names, nd, des_names, table_candidate, both,
							 cur_match, des_match))
			return false;
	}

	for (j = 0; j < nd; j++)
		if (des_match[j] >= 0)
			new_pair(d, d->cur->tables.items[des_match[j]], d->des->tables.items[j]);
	for (i = 0; i < nc; i++)
		if (cur_match[i] < 0)
		{
			vb_table   *c = d->cur->tables.items[i];
			vb_operation *op = new_op(d, VB_OP_DROP_TABLE, c->schema, c->name, c->name);

			/* its FKs go first, so tables that reference each other can
			 * be dropped in any order */
			for (j = 0; j < c->foreign_keys.count; j++)
			{
				vb_foreign_key *fk = c->foreign_keys.items[j];
				vb_operation *dfk;

				if (strcmp(fk->ref_schema, c->schema) == 0 && strcmp(fk->ref_table, c->name) == 0)
					continue;
				dfk = new_op(d, VB_OP_DROP_FOREIGN_KEY, c->schema, c->name, fk->name);
				add_sql(d, dfk, vb_pg_drop_constraint(a, c->schema, c->name, fk->name));
			}
			add_sql(d, op, vb_printf(a, "DROP TABLE %s", vb_qualified(a, c->schema, c->name)));
			make_destructive(op, vb_printf(a, "drops table %s.%s and all its rows",
										   c->schema, c->name));
		}
	return true;
}

/* ---- columns ------------------------------------------------------------------ */

typedef struct column_ctx
{
	differ	   *d;
	vb_table   *cur;
	vb_table   *des;
} column_ctx;

static bool
column_candidate(differ *d, void *ctx, int ci, int di)
{
	column_ctx *cx = ctx;
	vb_column  *cc = cx->cur->columns.items[ci];
	vb_column  *dc = cx->des->columns.items[di];

	return strcmp(mapped_type(d, cc->type), dc->type) == 0;
}

static bool
integer_type(const char *type)
{
	return strcmp(type, "smallint") == 0 || strcmp(type, "integer") == 0 ||
		strcmp(type, "bigint") == 0;
}

static int
integer_rank(const char *type)
{
	if (strcmp(type, "smallint") == 0)
		return 1;
	if (strcmp(type, "integer") == 0)
		return 2;
	if (strcmp(type, "bigint") == 0)
		return 3;
	return 0;
}

/* "name(a,b) rest" -> name + rest, and the typmod numbers. */
static const char *
split_typmod(vb_arena *a, const char *type, int *m1, int *m2)
{
	const char *open = strchr(type, '(');
	const char *close;

	*m1 = *m2 = -1;
	if (open == NULL)
		return type;
	close = strchr(open, ')');
	if (close == NULL)
		return type;
	if (sscanf(open, "(%d,%d)", m1, m2) < 1)
		return type;
	return vb_printf(a, "%.*s%s", (int) (open - type), type, close + 1);
}

/*
 * A type change that cannot lose data (CONTRACT §2's safe list), and
 * whether it is binary-compatible (no table rewrite).
 */
static bool
safe_type_change(vb_arena *a, const char *from, const char *to, bool *rewrite)
{
	int			fd;
	int			td;
	const char *fe = element_type(a, from, &fd);
	const char *te = element_type(a, to, &td);
	int			f1;
	int			f2;
	int			t1;
	int			t2;
	const char *fb;
	const char *tb;

	*rewrite = true;
	if (fd != td)
		return false;
	fb = split_typmod(a, fe, &f1, &f2);
	tb = split_typmod(a, te, &t1, &t2);

	if (integer_rank(fe) && integer_rank(te))
		return integer_rank(te) >= integer_rank(fe);
	if (integer_rank(fe) && strcmp(tb, "numeric") == 0)
		return t1 < 0 || t1 - (t2 < 0 ? 0 : t2) >= (integer_rank(fe) == 3 ? 19 : integer_rank(fe) == 2 ? 10 : 5);
	if (strcmp(fe, "real") == 0 && strcmp(te, "double precision") == 0)
		return true;
	if (strcmp(fb, "character varying") == 0 &&
		(strcmp(te, "text") == 0 || (strcmp(tb, "character varying") == 0 && (t1 < 0 || t1 >= f1))))
	{
		*rewrite = false;
		return true;
	}
	if (strcmp(fb, "character") == 0 &&
		(strcmp(te, "text") == 0 || (strcmp(tb, "character varying") == 0 && (t1 < 0 || t1 >= f1))))
		return true;
	if (strcmp(fb, "numeric") == 0 && strcmp(tb, "numeric") == 0)
	{
		if (t1 < 0 || (t1 >= f1 && (t2 < 0 ? 0 : t2) == (f2 < 0 ? 0 : f2)))
		{
			*rewrite = false;
			return true;
		}
		return false;
	}
	/* any type -> the same type without a typmod limit */
	if (f1 >= 0 && t1 < 0 && strcmp(fb, tb) == 0 && strcmp(te, tb) == 0)
	{
		*rewrite = false;
		return true;
	}
	return false;
}

static vb_operation *
alter_op(differ *d, vb_operation **op, table_pair *p, vb_column *dc)
{
	if (*op == NULL)
		*op = new_op(d, VB_OP_ALTER_COLUMN, p->des->schema, p->des->name, dc->name);
	return *op;
}

static bool
diff_column(differ *d, table_pair *p, vb_column *cc, vb_column *dc)
{
	vb_arena   *a = d->a;
	const char *s = p->des->schema;
	const char *t = p->des->name;
	const char *col = dc->name;
	const char *cur_type = mapped_type(d, cc->type);
	const char *cur_default = mapped_default(d, cc->default_expr);
	bool		type_changed = strcmp(cur_type, dc->type) != 0;
	bool		default_gone = vb_map_get(&d->default_dropped, vb_key3(a, s, t, col)) != NULL;
	char	   *seq_name = vb_default_sequence_name(a, t, col);
	char	   *seq_text = vb_quote_literal(a, vb_qualified(a, s, seq_name));
	vb_operation *op = NULL;

	if (dc->auto_increment && !integer_type(dc->type))
		return vb_fail(d->err, a, VB_ERR_INVALID, dc->path,
					   "%s: autoIncrement needs smallint, integer or bigint, not %s",
					   dc->path ? dc->path : col, dc->type);

	/* serial-style -> not: the default goes first, then its sequence */
	if (cc->auto_increment && !dc->auto_increment)
	{
		alter_op(d, &op, p, dc);
		add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		add_sql(d, op, vb_printf(a, "DROP SEQUENCE %s", vb_qualified(a, s, cc->sequence_name)));
		default_gone = true;
	}
	if (cc->identity != VB_IDENTITY_NONE && dc->identity == VB_IDENTITY_NONE)
		add_sql(d, alter_op(d, &op, p, dc), vb_pg_alter_column(a, s, t, col, "DROP IDENTITY"));
	else if (cc->identity != VB_IDENTITY_NONE && cc->identity != dc->identity)
		add_sql(d, alter_op(d, &op, p, dc),
				vb_pg_alter_column(a, s, t, col, dc->identity == VB_IDENTITY_ALWAYS ?
								   "SET GENERATED ALWAYS" : "SET GENERATED BY DEFAULT"));

	if (type_changed)
	{
		bool		rewrite;
		bool		safe = safe_type_change(a, cur_type, dc->type, &rewrite);

		alter_op(d, &op, p, dc);
		vb_map_put(&p->type_changed, col, (void *) 1);
		if (cur_default && !default_gone && !(cc->auto_increment && dc->auto_increment))
		{
			add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
			default_gone = true;
		}
		add_sql(d, op, vb_pg_alter_column(a, s, t, col,
										  vb_printf(a, "TYPE %s USING %s::%s", dc->type,
													vb_quote_ident(a, col), dc->type)));
		if (cc->auto_increment && dc->auto_increment)
			add_sql(d, op, vb_printf(a, "ALTER SEQUENCE %s AS %s",
									 vb_qualified(a, s, cc->sequence_name), dc->type));
		if (rewrite)
			op->hazards |= VB_HAZARD_TABLE_REWRITE;
		if (!safe)
			make_destructive(op, vb_printf(a, "changes the type of %s.%s.%s from %s to %s, which can fail or lose data",
										   s, t, col, cur_type, dc->type));
	}
	if (cc->nullable != dc->nullable)
	{
		add_sql(d, alter_op(d, &op, p, dc),
				vb_pg_alter_column(a, s, t, col, dc->nullable ? "DROP NOT NULL" : "SET NOT NULL"));
		if (!dc->nullable)
			op->hazards |= VB_HAZARD_TABLE_SCAN;
	}
	if (!dc->auto_increment)
	{
		const char *have = default_gone || cc->auto_increment ? NULL : cur_default;

		if (!strs_equal(have, dc->default_expr))
		{
			alter_op(d, &op, p, dc);
			if (dc->default_expr)
				add_sql(d, op, vb_pg_alter_column(a, s, t, col,
												  vb_printf(a, "SET DEFAULT %s", dc->default_expr)));
			else if (have)
				add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		}
	}
	/* not serial-style -> serial-style: a sequence that continues after the
	 * column's current maximum */
	if (!cc->auto_increment && dc->auto_increment)
	{
		const char *qseq = vb_qualified(a, s, seq_name);

		alter_op(d, &op, p, dc);
		if (cur_default && !default_gone)
			add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		add_sql(d, op, vb_printf(a, "CREATE SEQUENCE %s AS %s", qseq, dc->type));
		add_sql(d, op, vb_printf(a, "ALTER SEQUENCE %s OWNED BY %s.%s", qseq,
								 vb_qualified(a, s, t), vb_quote_ident(a, col)));
		add_sql(d, op, vb_pg_alter_column(a, s, t, col,
										  vb_printf(a, "SET DEFAULT %s",
													vb_pg_nextval_default(a, s, seq_name))));
		add_sql(d, op, vb_pg_sequence_restart(a, s, t, col, seq_text));
	}
	else if (cc->auto_increment && dc->auto_increment && cc->sequence_name &&
			 strcmp(cc->sequence_name, seq_name) != 0)
	{
		vb_operation *ren = new_op(d, VB_OP_RENAME_SEQUENCE, s, t, seq_name);

		add_sql(d, ren, vb_printf(a, "ALTER SEQUENCE %s RENAME TO %s",
								  vb_qualified(a, s, cc->sequence_name),
								  vb_quote_ident(a, seq_name)));
	}
	if (cc->identity == VB_IDENTITY_NONE && dc->identity != VB_IDENTITY_NONE)
	{
		alter_op(d, &op, p, dc);
		if (cur_default && !default_gone && !cc->auto_increment)
			add_sql(d, op, vb_pg_alter_column(a, s, t, col, "DROP DEFAULT"));
		add_sql(d, op, vb_pg_alter_column(a, s, t, col,
										  dc->identity == VB_IDENTITY_ALWAYS ?
										  "ADD GENERATED ALWAYS AS IDENTITY" :
										  "ADD GENERATED BY DEFAULT AS IDENTITY"));
		add_sql(d, op, vb_pg_sequence_restart(a, s, t, col,
											  vb_printf(a, "pg_catalog.pg_get_serial_sequence(%s, %s)",
														vb_quote_literal(a, vb_qualified(a, s, t)),
														vb_quote_literal(a, col))));
	}
	return true;
}

static bool
diff_columns(differ *d, table_pair *p)
{
	vb_arena   *a = d->a;
	vb_table   *c = p->cur;
	vb_table   *t = p->des;
	int			nc = c->columns.count;
	int			nd = t->columns.count;
	int		   *cur_match = vb_alloc(a, sizeof(int) * (size_t) (nc + 1));
	int		   *des_match = vb_alloc(a, sizeof(int) * (size_t) (nd + 1));
	char	  **cur_names = vb_alloc(a, sizeof(char *) * (size_t) (nc + 1));
	char	  **des_names = vb_alloc(a, sizeof(char *) * (size_t) (nd + 1));
	vb_map		cur_index;
	rename_scope sc = {"column", t->schema, t->name};
	column_ctx	cx = {d, c, t};
	int			i;
	int			j;

	vb_map_init(&cur_index, a, nc);
	for (i = 0; i < nc; i++)
	{
		cur_match[i] = -1;
		cur_names[i] = ((vb_column *) c->columns.items[i])->name;
		vb_map_put(&cur_index, cur_names[i], (void *) (size_t) (i + 1));
	}
	for (j = 0; j < nd; j++)
	{
		size_t		idx;

		des_names[j] = ((vb_column *) t->columns.items[j])->name;
		idx = (size_t) vb_map_get(&cur_index, des_names[j]);
		des_match[j] = idx ? (int) idx - 1 : -1;
		if (idx)
			cur_match[idx - 1] = j;
	}
	for (j = 0; j < nd; j++)
	{
		vb_column  *dc = t->columns.items[j];
		size_t		idx;

		if (des_match[j] >= 0 || dc->renamed_from == NULL)
			continue;
		idx = (size_t) vb_map_get(&cur_index, dc->renamed_from);
		if (idx && cur_match[idx - 1] < 0)
		{
			des_match[j] = (int) idx - 1;
			cur_match[idx - 1] = j;
		}
	}
	if (!resolve_renames(d, &sc, nc, cur_names, nd, des_names, column_candidate, &cx,
						 cur_match, des_match))
		return false;

	for (i = 0; i < nc; i++)
		if (cur_match[i] >= 0)
			vb_map_put(&p->cur_col_to_des, cur_names[i], t->columns.items[cur_match[i]]);

	/* table rename: same statement list as the table's other changes */
	if (strcmp(c->schema, t->schema) != 0 || strcmp(c->name, t->name) != 0)
	{
		vb_operation *op = new_op(d, VB_OP_RENAME_TABLE, t->schema, t->name, t->name);

		if (strcmp(c->schema, t->schema) != 0)
			add_sql(d, op, vb_printf(a, "ALTER TABLE %s SET SCHEMA %s",
									 vb_qualified(a, c->schema, c->name),
									 vb_quote_ident(a, t->schema)));
		if (strcmp(c->name, t->name) != 0)
			add_sql(d, op, vb_printf(a, "ALTER TABLE %s RENAME TO %s",
									 vb_qualified(a, t->schema, c->name),
									 vb_quote_ident(a, t->name)));
	}
	for (i = 0; i < nc; i++)
	{
		vb_operation *op;

		if (cur_match[i] >= 0)
		{
			if (strcmp(cur_names[i], des_names[cur_match[i]]) != 0)
			{
				op = new_op(d, VB_OP_RENAME_COLUMN, t->schema, t->name, des_names[cur_match[i]]);
				add_sql(d, op, vb_pg_alter_table(a, t->schema, t->name,
												 vb_printf(a, "RENAME COLUMN %s TO %s",
														   vb_quote_ident(a, cur_names[i]),
														   vb_quote_ident(a, des_names[cur_match[i]]))));
			}
			continue;
		}
		op = new_op(d, VB_OP_DROP_COLUMN, t->schema, t->name, cur_names[i]);
		/* runs before renames: the table still has its current name */
		add_sql(d, op, vb_pg_alter_table(a, c->schema, c->name,
										 vb_printf(a, "DROP COLUMN %s", vb_quote_ident(a, cur_names[i]))));
		make_destructive(op, vb_printf(a, "drops column %s.%s.%s and its data",
									   t->schema, t->name, cur_names[i]));
	}
	for (j = 0; j < nd; j++)
	{
		vb_column  *dc = t->columns.items[j];

		if (des_match[j] >= 0)
		{
			if (!diff_column(d, p, c->columns.items[des_match[j]], dc))
				return false;
			continue;
		}
		if (dc->auto_increment && !integer_type(dc->type))
			return vb_fail(d->err, a, VB_ERR_INVALID, dc->path,
						   "%s: autoIncrement needs smallint, integer or bigint, not %s",
						   dc->path ? dc->path : dc->name, dc->type);
		{
			vb_operation *op = new_op(d, VB_OP_ADD_COLUMN, t->schema, t->name, dc->name);

			add_sql(d, op, vb_pg_alter_table(a, t->schema, t->name,
											 vb_printf(a, "ADD COLUMN %s",
													   vb_pg_column_definition(a, dc))));
			if (dc->auto_increment || dc->identity != VB_IDENTITY_NONE)
				op->hazards |= VB_HAZARD_TABLE_REWRITE;
		}
	}
	return true;
}

/* ---- keys, indexes, foreign keys ------------------------------------------- */

/*
 * Pairs current and desired objects of one kind in one table. Desired
 * names are effective (a default name was given to unnamed ones).
 *   A: same name, same definition      -> nothing to do
 *   B: renamedFrom names a current one -> rename (or drop+add if changed)
 *   C: same definition, other name     -> rename
 *   D: same name, other definition     -> drop+add
 */
typedef bool (*equal_fn) (differ *d, table_pair *p, void *cur, void *des);

static void
match_objects(differ *d, table_pair *p, int nc, void **curs, char **cur_names,
			  int nd, void **dess, char **des_names, char **des_renamed,
			  equal_fn equal, int *des_match, bool *des_equal)
{
	bool	   *claimed = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	int			i;
	int			j;

	for (j = 0; j < nd; j++)
	{
		des_match[j] = -1;
		des_equal[j] = false;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_names[j]) == 0 &&
				equal(d, p, curs[i], dess[j]))
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = true;
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0 || des_renamed[j] == NULL)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_renamed[j]) == 0)
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = equal(d, p, curs[i], dess[j]);
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && equal(d, p, curs[i], dess[j]))
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = true;
				break;
			}
	}
	for (j = 0; j < nd; j++)
	{
		if (des_match[j] >= 0)
			continue;
		for (i = 0; i < nc; i++)
			if (!claimed[i] && strcmp(cur_names[i], des_names[j]) == 0)
			{
				claimed[i] = true;
				des_match[j] = i;
				des_equal[j] = false;
				break;
			}
	}
}

static bool
keys_equal(differ *d, table_pair *p, void *cur, void *des)
{
	return vb_str_lists_equal(mapped_columns(d, p, &((vb_key *) cur)->columns),
							  &((vb_key *) des)->columns);
}

static bool
indexes_equal(differ *d, table_pair *p, void *cur, void *des)
{
	vb_index   *c = cur;
	vb_index   *x = des;

	return c->unique == x->unique && strcmp(c->method, x->method) == 0 &&
		vb_str_lists_equal(mapped_columns(d, p, &c->columns), &x->columns) &&
		strs_equal(mapped_predicate(d, p, c->where), x->where);
}

static bool
fks_equal(differ *d, table_pair *p, void *cur, void *des)
{
	vb_foreign_key *c = cur;
	vb_foreign_key *x = des;
	table_pair *rp = vb_map_get(&d->pair_by_cur, vb_key2(d->a, c->ref_schema, c->ref_table));
	const char *rs = rp ? rp->des->schema : c->ref_schema;
	const char *rt = rp ? rp->des->name : c->ref_table;
	int			i;

	if (c->on_delete != x->on_delete || c->on_update != x->on_update ||
		c->deferrable != x->deferrable || c->initially_deferred != x->initially_deferred ||
		strcmp(rs, x->ref_schema) != 0 || strcmp(rt, x->ref_table) != 0 ||
		!vb_str_lists_equal(mapped_columns(d, p, &c->columns), &x->columns) ||
		!vb_str_lists_equal(rp ? mapped_columns(d, rp, &c->ref_columns) : &c->ref_columns,
							&x->ref_columns))
		return false;
	/* a column type change on either side, or a re-created referenced key,
	 * means the FK is dropped first and added again afterwards */
	for (i = 0; i < x->columns.count; i++)
		if (vb_map_get(&p->type_changed, x->columns.items[i]))
			return false;
	if (rp)
		for (i = 0; i < x->ref_columns.count; i++)
			if (vb_map_get(&rp->type_changed, x->ref_columns.items[i]))
				return false;
	if (vb_map_get(&d->rebuilt_keys, vb_key3(d->a, c->ref_schema, c->ref_table,
											 sorted_columns_key(d->a, &c->ref_columns))))
		return false;
	return true;
}

static void
rename_constraint(differ *d, table_pair *p, const char *from, const char *to)
{
	vb_operation *op = new_op(d, VB_OP_RENAME_CONSTRAINT, p->des->schema, p->des->name, to);

	add_sql(d, op, vb_pg_alter_table(d->a, p->des->schema, p->des->name,
									 vb_printf(d->a, "RENAME CONSTRAINT %s TO %s",
											   vb_quote_ident(d->a, from),
											   vb_quote_ident(d->a, to))));
}

static void
drop_key(differ *d, table_pair *p, vb_key *k, bool primary)
{
	vb_operation *op = new_op(d, primary ? VB_OP_DROP_PRIMARY_KEY : VB_OP_DROP_UNIQUE,
							  p->des->schema, p->des->name, k->name);

	/* runs before renames: the table still has its current name */
	add_sql(d, op, vb_pg_drop_constraint(d->a, p->cur->schema, p->cur->name, k->name));
	vb_map_put(&d->rebuilt_keys, vb_key3(d->a, p->cur->schema, p->cur->name,
										 sorted_columns_key(d->a, &k->columns)), (void *) 1);
}

static void
add_key(differ *d, const vb_table *t, vb_key *k, bool primary)
{
	vb_operation *op = new_op(d, primary ? VB_OP_ADD_PRIMARY_KEY : VB_OP_ADD_UNIQUE,
							  t->schema, t->name, k->name);

	add_sql(d, op, vb_pg_add_key(d->a, t->schema, t->name, k, primary));
}

static void
diff_keys(differ *d, table_pair *p, vb_list *curs, vb_list *dess, bool primary)
{
	int			nc = curs->count;
	int			nd = dess->count;
	char	  **cn = vb_alloc(d->a, sizeof(char *) * (size_t) (nc + 1));
	char	  **dn = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	char	  **dr = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	int		   *match = vb_alloc(d->a, sizeof(int) * (size_t) (nd + 1));
	bool	   *equal = vb_alloc(d->a, sizeof(bool) * (size_t) (nd + 1));
	bool	   *kept = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	int			i;
	int			j;

	for (i = 0; i < nc; i++)
		cn[i] = ((vb_key *) curs->items[i])->name;
	for (j = 0; j < nd; j++)
	{
		dn[j] = ((vb_key *) dess->items[j])->name;
		dr[j] = ((vb_key *) dess->items[j])->renamed_from;
	}
	match_objects(d, p, nc, curs->items, cn, nd, dess->items, dn, dr, keys_equal, match, equal);
	for (j = 0; j < nd; j++)
		if (match[j] >= 0 && equal[j])
		{
			kept[match[j]] = true;
			if (strcmp(cn[match[j]], dn[j]) != 0)
				rename_constraint(d, p, cn[match[j]], dn[j]);
		}
	for (i = 0; i < nc; i++)
		if (!kept[i])
			drop_key(d, p, curs->items[i], primary);
	for (j = 0; j < nd; j++)
		if (match[j] < 0 || !equal[j])
			add_key(d, p->des, dess->items[j], primary);
}

static void
create_index(differ *d, const vb_table *t, vb_index *ix)
{
	vb_operation *op = new_op(d, VB_OP_CREATE_INDEX, t->schema, t->name, ix->name);

	add_sql(d, op, vb_pg_create_index(d->a, t->schema, t->name, ix));
}

static void
diff_indexes(differ *d, table_pair *p)
{
	vb_list    *curs = &p->cur->indexes;
	vb_list    *dess = &p->des->indexes;
	int			nc = curs->count;
	int			nd = dess->count;
	char	  **cn = vb_alloc(d->a, sizeof(char *) * (size_t) (nc + 1));
	char	  **dn = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	char	  **dr = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	int		   *match = vb_alloc(d->a, sizeof(int) * (size_t) (nd + 1));
	bool	   *equal = vb_alloc(d->a, sizeof(bool) * (size_t) (nd + 1));
	bool	   *kept = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	const char *s = p->des->schema;
	int			i;
	int			j;

	for (i = 0; i < nc; i++)
		cn[i] = ((vb_index *) curs->items[i])->name;
	for (j = 0; j < nd; j++)
	{
		dn[j] = ((vb_index *) dess->items[j])->name;
		dr[j] = ((vb_index *) dess->items[j])->renamed_from;
	}
	match_objects(d, p, nc, curs->items, cn, nd, dess->items, dn, dr, indexes_equal, match, equal);
	for (j = 0; j < nd; j++)
		if (match[j] >= 0 && equal[j])
		{
			kept[match[j]] = true;
			if (strcmp(cn[match[j]], dn[j]) != 0)
			{
				vb_operation *op = new_op(d, VB_OP_RENAME_INDEX, s, p->des->name, dn[j]);

				add_sql(d, op, vb_printf(d->a, "ALTER INDEX %s RENAME TO %s",
										 vb_qualified(d->a, s, cn[match[j]]),
										 vb_quote_ident(d->a, dn[j])));
			}
		}
	for (i = 0; i < nc; i++)
		if (!kept[i])
		{
			vb_index   *ix = curs->items[i];
			vb_operation *op = new_op(d, VB_OP_DROP_INDEX, s, p->des->name, ix->name);

			/* the index still lives in the current schema when it is dropped */
			add_sql(d, op, vb_printf(d->a, "DROP INDEX %s", vb_qualified(d->a, p->cur->schema, ix->name)));
			if (ix->unique)
				vb_map_put(&d->rebuilt_keys, vb_key3(d->a, p->cur->schema, p->cur->name,
													 sorted_columns_key(d->a, &ix->columns)), (void *) 1);
		}
	for (j = 0; j < nd; j++)
		if (match[j] < 0 || !equal[j])
			create_index(d, p->des, dess->items[j]);
}

static void
add_foreign_key(differ *d, const vb_table *t, vb_foreign_key *fk)
{
	vb_operation *op = new_op(d, VB_OP_ADD_FOREIGN_KEY, t->schema, t->name, fk->name);

	add_sql(d, op, vb_pg_add_foreign_key(d->a, t->schema, t->name, fk));
}

static void
diff_foreign_keys(differ *d, table_pair *p)
{
	vb_list    *curs = &p->cur->foreign_keys;
	vb_list    *dess = &p->des->foreign_keys;
	int			nc = curs->count;
	int			nd = dess->count;
	char	  **cn = vb_alloc(d->a, sizeof(char *) * (size_t) (nc + 1));
	char	  **dn = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	char	  **dr = vb_alloc(d->a, sizeof(char *) * (size_t) (nd + 1));
	int		   *match = vb_alloc(d->a, sizeof(int) * (size_t) (nd + 1));
	bool	   *equal = vb_alloc(d->a, sizeof(bool) * (size_t) (nd + 1));
	bool	   *kept = vb_alloc(d->a, sizeof(bool) * (size_t) (nc + 1));
	int			i;
	int			j;

	for (i = 0; i < nc; i++)
		cn[i] = ((vb_foreign_key *) curs->items[i])->name;
	for (j = 0; j < nd; j++)
	{
		dn[j] = ((vb_foreign_key *) dess->items[j])->name;
		dr[j] = ((vb_foreign_key *) dess->items[j])->renamed_from;
	}
	match_objects(d, p, nc, curs->items, cn, nd, dess->items, dn, dr, fks_equal, match, equal);
	for (j = 0; j < nd; j++)
		if (match[j] >= 0 && equal[j])
		{
			kept[match[j]] = true;
			if (strcmp(cn[match[j]], dn[j]) != 0)
				rename_constraint(d, p, cn[match[j]], dn[j]);
		}
	for (i = 0; i < nc; i++)
		if (!kept[i])
		{
			vb_operation *op = new_op(d, VB_OP_DROP_FOREIGN_KEY, p->des->schema, p->des->name, cn[i]);

			/* runs before renames: the table still has its current name */
			add_sql(d, op, vb_pg_drop_constraint(d->a, p->cur->schema, p->cur->name, cn[i]));
		}
	for (j = 0; j < nd; j++)
		if (match[j] < 0 || !equal[j])
			add_foreign_key(d, p->des, dess->items[j]);
}

/* ---- the desired side: names and validation ------------------------------ */

/*
 * PostgreSQL's ChooseRelationName: the default name, or with a number
 * appended to the label ("t_a_idx1") while the name is taken.
 */
static char *
choose_name(vb_arena *a, vb_map *taken, const char *schema, const char *table,
			const vb_list *columns, const char *label)
{
	char	   *name;
	int			pass = 0;

	for (;;)
	{
		const char *l = pass ? vb_printf(a, "%s%d", label, pass) : label;

		name = columns ? vb_default_name(a, table, columns, l)
			: vb_make_object_name(a, table, NULL, l);
		if (!vb_map_get(taken, vb_key2(a, schema, name)))
			break;
		pass++;
	}
	vb_map_put(taken, vb_key2(a, schema, name), (void *) 1);
	return name;
}

static bool
name_desired_objects(differ *d)
{
	vb_arena   *a = d->a;
	vb_map		des_tables;
	vb_map		relnames;
	vb_map		fknames;
	int			i;
	int			j;

	vb_map_init(&des_tables, a, d->des->tables.count);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		vb_map_put(&des_tables, vb_key2(a, t->schema, t->name), t);
	}
	/* relation names taken in each schema: tables and named indexes */
	vb_map_init(&relnames, a, d->des->tables.count * 4);
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		vb_map_put(&relnames, vb_key2(a, t->schema, t->name), t);
		if (t->primary_key && t->primary_key->name)
			vb_map_put(&relnames, vb_key2(a, t->schema, t->primary_key->name), t);
		for (j = 0; j < t->uniques.count; j++)
			if (((vb_key *) t->uniques.items[j])->name)
				vb_map_put(&relnames, vb_key2(a, t->schema, ((vb_key *) t->uniques.items[j])->name), t);
		for (j = 0; j < t->indexes.count; j++)
			if (((vb_index *) t->indexes.items[j])->name)
				vb_map_put(&relnames, vb_key2(a, t->schema, ((vb_index *) t->indexes.items[j])->name), t);
	}
	for (i = 0; i < d->des->tables.count; i++)
	{
		vb_table   *t = d->des->tables.items[i];

		if (!is_managed(d, t->schema))
			return vb_fail(d->err, a, VB_ERR_INVALID, t->path,
						   "%s: table \"%s.%s\" is in schema \"%s\", which this push does not manage",
						   t->path ? t->path : t->name, t->schema, t->name, t->schema);
		if (t->primary_key && t->primary_key->name == NULL)
			t->primary_key->name = choose_name(a, &relnames, t->schema, t->name, NULL, "pkey");
		for (j = 0; j < t->uniques.count; j++)
		{
			vb_key	   *k = t->uniques.items[j];

			if (k->name == NULL)
				k->name = choose_name(a, &relnames, t->schema, t->name, &k->columns, "key");
		}
		for (j = 0; j < t->indexes.count; j++)
		{
			vb_index   *ix = t->indexes.items[j];

			if (ix->name == NULL)
				ix->name = choose_name(a, &relnames, t->schema, t->name, &ix->columns, "idx");
		}
		vb_map_init(&fknames, a, t->foreign_keys.count);
		for (j = 0; j < t->foreign_keys.count; j++)
			if (((vb_foreign_key *) t->foreign_keys.items[j])->name)
				vb_map_put(&fknames, vb_key2(a, "", ((vb_foreign_key *) t->foreign_keys.items[j])->name), t);
		for (j = 0; j < t->foreign_keys.count; j++)
		{
			vb_foreign_key *fk = t->foreign_keys.items[j];

			if (fk->name == NULL)
				fk->name = choose_name(a, &fknames, "", t->name, &fk->columns, "fkey");
			if (is_managed(d, fk->ref_schema) &&
				!vb_map_get(&des_tables, vb_key2(a, fk->ref_schema, fk->ref_table)))
				return vb_fail(d->err, a, VB_ERR_INVALID, fk->path,
							   "%s: foreign key \"%s\" references table \"%s.%s\", which is not in the document",
							   fk->path ? fk->path : fk->name, fk->name, fk->ref_schema, fk->ref_table);
		}
	}
	for (i = 0; i < d->des->enums.count; i++)
	{
		vb_enum    *e = d->des->enums.items[i];

		if (!is_managed(d, e->schema))
			return vb_fail(d->err, a, VB_ERR_INVALID, e->path,
						   "%s: enum \"%s.%s\" is in schema \"%s\", which this push does not manage",
						   e->path ? e->path : e->name, e->schema, e->name, e->schema);
	}
	return true;
}

static void
create_table(differ *d, vb_table *t)
{
	vb_operation *op = new_op(d, VB_OP_CREATE_TABLE, t->schema, t->name, t->name);
	int			i;

	add_sql(d, op, vb_pg_create_table(d->a, t));
	for (i = 0; i < t->indexes.count; i++)
		create_index(d, t, t->indexes.items[i]);
	for (i = 0; i < t->foreign_keys.count; i++)
		add_foreign_key(d, t, t->foreign_keys.items[i]);
}

bool
vb_diff(vb_arena *arena, const vb_schema *current, const vb_schema *desired,
		const vb_options *opts, vb_plan **out, vb_error *err)
{
	differ		d;
	vb_options	no_options;
	int			i;
	int			j;

	memset(&d, 0, sizeof(d));
	memset(&no_options, 0, sizeof(no_options));
	d.a = arena;
	d.err = err;
	d.cur = current;
	d.des = desired;
	d.opts = opts ? opts : &no_options;
	d.plan = vb_alloc(arena, sizeof(vb_plan));
	vb_map_init(&d.pair_by_cur, arena, current->tables.count);
	vb_map_init(&d.pair_by_des, arena, desired->tables.count);
	vb_map_init(&d.enum_type_map, arena, 4);
	vb_map_init(&d.default_dropped, arena, 4);
	vb_map_init(&d.rebuilt_keys, arena, 4);

	if (!name_desired_objects(&d))
		return false;

	for (i = 0; i < desired->schemas.count; i++)
		if (!vb_list_contains_str(&current->schemas, desired->schemas.items[i]))
		{
			vb_operation *op = new_op(&d, VB_OP_CREATE_SCHEMA, desired->schemas.items[i], NULL,
									  desired->schemas.items[i]);

			add_sql(&d, op, vb_printf(arena, "CREATE SCHEMA %s",
									  vb_quote_ident(arena, desired->schemas.items[i])));
		}

	if (!diff_enums(&d) || !pair_tables(&d))
		return false;
	for (i = 0; i < d.pairs.count; i++)
		if (!diff_columns(&d, d.pairs.items[i]))
			return false;
	if (!diff_enum_contents(&d))
		return false;
	/* keys and indexes of every table before any FK: an FK depends on the
	 * key it references */
	for (i = 0; i < d.pairs.count; i++)
	{
		table_pair *p = d.pairs.items[i];
		vb_list		cur_pk;
		vb_list		des_pk;

		memset(&cur_pk, 0, sizeof(cur_pk));
		memset(&des_pk, 0, sizeof(des_pk));
		if (p->cur->primary_key)
			vb_list_push(arena, &cur_pk, p->cur->primary_key);
		if (p->des->primary_key)
			vb_list_push(arena, &des_pk, p->des->primary_key);
		diff_keys(&d, p, &cur_pk, &des_pk, true);
		diff_keys(&d, p, &p->cur->uniques, &p->des->uniques, false);
		diff_indexes(&d, p);
	}
	for (i = 0; i < d.pairs.count; i++)
		diff_foreign_keys(&d, d.pairs.items[i]);
	for (j = 0; j < desired->tables.count; j++)
	{
		vb_table   *t = desired->tables.items[j];

		if (!vb_map_get(&d.pair_by_des, vb_key2(arena, t->schema, t->name)))
		{
			for (i = 0; i < t->columns.count; i++)
			{
				vb_column  *c = t->columns.items[i];

				if (c->auto_increment && !integer_type(c->type))
					return vb_fail(err, arena, VB_ERR_INVALID, c->path,
								   "%s: autoIncrement needs smallint, integer or bigint, not %s",
								   c->path ? c->path : c->name, c->type);
			}
			create_table(&d, t);
		}
	}

	qsort(d.plan->operations.items, (size_t) d.plan->operations.count,
		  sizeof(void *), compare_ops);
	for (i = 0; i < current->unmanaged.count; i++)
		vb_list_push(arena, &d.plan->unmanaged, current->unmanaged.items[i]);
	*out = d.plan;
	return true;
}

int
vb_plan_destructive_count(const vb_plan *plan)
{
	int			i;
	int			n = 0;

	for (i = 0; i < plan->operations.count; i++)
		if (((vb_operation *) plan->operations.items[i])->destructive)
			n++;
	return n;
}

bool
vb_plan_check(vb_arena *arena, const vb_plan *plan, const vb_options *opts, vb_error *err)
{
	vb_buf		detail;
	int			i;

	if (plan->ambiguous.count > 0)
	{
		vb_buf_init(&detail, arena);
		for (i = 0; i < plan->ambiguous.count; i++)
		{
			const vb_ambiguity *amb = plan->ambiguous.items[i];

			if (strcmp(amb->kind, "table") == 0)
				vb_buf_appendf(&detail, "%stable %s.%s -> %s.%s", i ? "; " : "",
							   amb->schema, amb->from, amb->schema, amb->to);
			else if (strcmp(amb->kind, "column") == 0)
				vb_buf_appendf(&detail, "%scolumn %s.%s.%s -> %s", i ? "; " : "",
							   amb->schema, amb->table, amb->from, amb->to);
			else
				vb_buf_appendf(&detail, "%senum value %s.%s '%s' -> '%s'", i ? "; " : "",
							   amb->schema, amb->table, amb->from, amb->to);
		}
		vb_fail(err, arena, VB_ERR_AMBIGUOUS, NULL,
				"%d change%s could be a rename or a drop and add",
				plan->ambiguous.count, plan->ambiguous.count == 1 ? "" : "s");
		err->detail = vb_printf(arena, "Rename candidates: %s.", detail.data);
		err->hint = vb_strdup(arena, "Set options.resolutions (\"rename\", \"addAndDrop\" or one entry per pair), or add renamedFrom to the document.");
		return false;
	}
	if (!opts->force && vb_plan_destructive_count(plan) > 0)
	{
		int			n = 0;

		vb_buf_init(&detail, arena);
		for (i = 0; i < plan->operations.count; i++)
		{
			const vb_operation *op = plan->operations.items[i];

			if (!op->destructive)
				continue;
			vb_buf_appendf(&detail, "%soperation %d (%s): %s", n++ ? "; " : "", i,
						   vb_op_kind_name(op->kind), op->destructive_reason);
		}
		vb_fail(err, arena, VB_ERR_DESTRUCTIVE, NULL,
				"the plan has %d destructive operation%s", n, n == 1 ? "" : "s");
		err->detail = vb_printf(arena, "Destructive: %s.", detail.data);
		err->hint = vb_strdup(arena, "Set options.force to true to allow them.");
		return false;
	}
	return true;
}
