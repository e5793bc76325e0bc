/*
 * helpers.c — fixtures, assertions and builders shared by the unit tests.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

bool
unit_known_bugs_requested(void)
{
	const char *v = getenv("VIBORM_UNIT_BUGS");

	return v != NULL && strcmp(v, "1") == 0;
}

/* ---- fixtures ------------------------------------------------------------ */

int
unit_setup_arena(void **state)
{
	vb_arena   *a = vb_heap_arena_new();

	if (a == NULL)
		return -1;
	*state = a;
	return 0;
}

int
unit_teardown_arena(void **state)
{
	vb_arena_free(*state);
	*state = NULL;
	return 0;
}

/* ---- assertions ------------------------------------------------------------ */

void
unit_assert_contains(const char *haystack, const char *needle, const char *file, int line)
{
	if (haystack != NULL && strstr(haystack, needle) != NULL)
		return;
	print_error("\"%s\" does not contain \"%s\"\n", haystack ? haystack : "(null)", needle);
	_fail(file, line);
}

void
unit_assert_not_contains(const char *haystack, const char *needle, const char *file, int line)
{
	if (haystack == NULL || strstr(haystack, needle) == NULL)
		return;
	print_error("\"%s\" contains \"%s\"\n", haystack, needle);
	_fail(file, line);
}

/* ---- JSON text --------------------------------------------------------------- */

char *
J(vb_arena *a, const char *text)
{
	char	   *out = vb_strdup(a, text);
	char	   *p;

	for (p = out; *p; p++)
	{
		if (*p == '\'')
			*p = '"';
		else if (*p == '`')
			*p = '\'';
	}
	return out;
}

static void
report_error(const char *what, const vb_error *err)
{
	print_error("%s failed: [%s] %s (path %s)\n", what, err->code,
				err->message ? err->message : "(null)", err->path ? err->path : "(null)");
}

vb_schema *
unit_doc_ok(vb_arena *a, const char *json, const char *file, int line)
{
	vb_schema  *s = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_document_read(a, json, &s, &err))
	{
		report_error("vb_document_read", &err);
		_fail(file, line);
	}
	return s;
}

static void
check_error(const vb_error *err, const char *code, const char *path, const char *fragment,
			const char *file, int line)
{
	if (strcmp(err->code, code) != 0)
	{
		print_error("error code %s, expected %s (message: %s)\n", err->code, code,
					err->message ? err->message : "(null)");
		_fail(file, line);
	}
	if (path == NULL ? err->path != NULL : (err->path == NULL || strcmp(err->path, path) != 0))
	{
		print_error("error path \"%s\", expected \"%s\" (message: %s)\n",
					err->path ? err->path : "(null)", path ? path : "(null)",
					err->message ? err->message : "(null)");
		_fail(file, line);
	}
	if (fragment)
		unit_assert_contains(err->message, fragment, file, line);
}

vb_error *
unit_doc_err(vb_arena *a, const char *json, const char *path, const char *fragment,
			 const char *file, int line)
{
	vb_schema  *s = NULL;
	vb_error   *err = vb_alloc(a, sizeof(vb_error));

	if (vb_document_read(a, json, &s, err))
	{
		print_error("vb_document_read accepted %s\n", json);
		_fail(file, line);
	}
	check_error(err, VB_ERR_INVALID, path, fragment, file, line);
	return err;
}

vb_options *
unit_opts_ok(vb_arena *a, const char *json, const char *file, int line)
{
	vb_options *o = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_options_read(a, json, &o, &err))
	{
		report_error("vb_options_read", &err);
		_fail(file, line);
	}
	return o;
}

vb_error *
unit_opts_err(vb_arena *a, const char *json, const char *path, const char *fragment,
			  const char *file, int line)
{
	vb_options *o = NULL;
	vb_error   *err = vb_alloc(a, sizeof(vb_error));

	if (vb_options_read(a, json, &o, err))
	{
		print_error("vb_options_read accepted %s\n", json);
		_fail(file, line);
	}
	check_error(err, VB_ERR_INVALID, path, fragment, file, line);
	return err;
}

char *
table_doc(vb_arena *a, const char *extra)
{
	return vb_printf(a, "{'tables': [{'name': 't', 'columns': [{'name': 'id', 'type': 'integer'}, "
					 "{'name': 'a', 'type': 'text'}, {'name': 'b', 'type': 'text'}]%s}]}", extra);
}

char *
columns_doc(vb_arena *a, const char *columns)
{
	return vb_printf(a, "{'tables': [{'name': 't', 'columns': [%s]}]}", columns);
}

/* ---- hand-built schemas ------------------------------------------------------- */

vb_list *
strs(vb_arena *a, const char *csv)
{
	vb_list    *l = vb_alloc(a, sizeof(vb_list));
	const char *p = csv;

	while (*p)
	{
		const char *comma = strchr(p, ',');
		size_t		n = comma ? (size_t) (comma - p) : strlen(p);

		vb_list_push(a, l, vb_strndup(a, p, n));
		p += n;
		if (*p == ',')
			p++;
	}
	return l;
}

vb_schema *
sch_new(vb_arena *a)
{
	vb_schema  *s = vb_alloc(a, sizeof(vb_schema));

	vb_list_push(a, &s->schemas, vb_strdup(a, "public"));
	return s;
}

vb_table *
tbl_in(vb_arena *a, vb_schema *s, const char *nsp, const char *name)
{
	vb_table   *t = vb_alloc(a, sizeof(vb_table));

	t->schema = vb_strdup(a, nsp);
	t->name = vb_strdup(a, name);
	vb_list_push(a, &s->tables, t);
	if (!vb_list_contains_str(&s->schemas, nsp))
		vb_list_push(a, &s->schemas, vb_strdup(a, nsp));
	return t;
}

vb_table *
tbl(vb_arena *a, vb_schema *s, const char *name)
{
	return tbl_in(a, s, "public", name);
}

/* public.t (id integer NOT NULL, a integer, b text) */
vb_table *
t3(vb_arena *a, vb_schema *s)
{
	vb_table   *t = tbl(a, s, "t");

	col(a, t, "id", "integer", false);
	col(a, t, "a", "integer", true);
	col(a, t, "b", "text", true);
	return t;
}

vb_column *
col(vb_arena *a, vb_table *t, const char *name, const char *type, bool nullable)
{
	vb_column  *c = vb_alloc(a, sizeof(vb_column));

	c->name = vb_strdup(a, name);
	c->type = vb_strdup(a, type);
	c->nullable = nullable;
	vb_list_push(a, &t->columns, c);
	return c;
}

vb_column *
serial_col(vb_arena *a, vb_table *t, const char *name, const char *type, const char *sequence)
{
	vb_column  *c = col(a, t, name, type, false);

	c->auto_increment = true;
	c->sequence_name = sequence ? vb_strdup(a, sequence) : NULL;
	return c;
}

static void
list_into(vb_arena *a, vb_list *dst, const char *csv)
{
	vb_list    *l = strs(a, csv);
	int			i;

	for (i = 0; i < l->count; i++)
		vb_list_push(a, dst, l->items[i]);
}

vb_key *
pk(vb_arena *a, vb_table *t, const char *name, const char *cols)
{
	vb_key	   *k = vb_alloc(a, sizeof(vb_key));
	int			i;

	k->name = name ? vb_strdup(a, name) : NULL;
	list_into(a, &k->columns, cols);
	for (i = 0; i < k->columns.count; i++)
	{
		vb_column  *c = vb_find_column(t, k->columns.items[i]);

		if (c)
			c->nullable = false;
	}
	t->primary_key = k;
	return k;
}

vb_key *
uq(vb_arena *a, vb_table *t, const char *name, const char *cols)
{
	vb_key	   *k = vb_alloc(a, sizeof(vb_key));

	k->name = name ? vb_strdup(a, name) : NULL;
	list_into(a, &k->columns, cols);
	vb_list_push(a, &t->uniques, k);
	return k;
}

vb_index *
ix(vb_arena *a, vb_table *t, const char *name, const char *cols, bool unique)
{
	vb_index   *x = vb_alloc(a, sizeof(vb_index));

	int			i;

	x->name = name ? vb_strdup(a, name) : NULL;
	list_into(a, &x->columns, cols);
	for (i = 0; i < x->columns.count; i++)
	{
		vb_index_elem *el = vb_alloc(a, sizeof(vb_index_elem));

		el->column = x->columns.items[i];
		vb_list_push(a, &x->elements, el);
	}
	x->unique = unique;
	x->method = vb_strdup(a, "btree");
	vb_list_push(a, &t->indexes, x);
	return x;
}

vb_foreign_key *
fk(vb_arena *a, vb_table *t, const char *name, const char *cols, const char *ref_table,
   const char *ref_cols)
{
	vb_foreign_key *f = vb_alloc(a, sizeof(vb_foreign_key));

	f->name = name ? vb_strdup(a, name) : NULL;
	list_into(a, &f->columns, cols);
	f->ref_schema = t->schema;
	f->ref_table = vb_strdup(a, ref_table);
	list_into(a, &f->ref_columns, ref_cols);
	vb_list_push(a, &t->foreign_keys, f);
	return f;
}

vb_check *
ck(vb_arena *a, vb_table *t, const char *name, const char *expression, const char *name_column)
{
	vb_check   *c = vb_alloc(a, sizeof(vb_check));

	c->name = name ? vb_strdup(a, name) : NULL;
	c->expression = vb_strdup(a, expression);
	c->name_column = name_column ? vb_strdup(a, name_column) : NULL;
	vb_list_push(a, &t->checks, c);
	return c;
}

vb_index_elem *
ix_elem(vb_arena *a, vb_index *x, const char *column, const char *expression,
		const char *name_part)
{
	vb_index_elem *el = vb_alloc(a, sizeof(vb_index_elem));

	el->column = column ? vb_strdup(a, column) : NULL;
	el->expression = expression ? vb_strdup(a, expression) : NULL;
	vb_list_push(a, &x->elements, el);
	vb_list_push(a, &x->columns, vb_strdup(a, column ? column : name_part));
	return el;
}

vb_enum *
enm_in(vb_arena *a, vb_schema *s, const char *nsp, const char *name, const char *values)
{
	vb_enum    *e = vb_alloc(a, sizeof(vb_enum));
	vb_list    *l = strs(a, values);
	int			i;

	e->schema = vb_strdup(a, nsp);
	e->name = vb_strdup(a, name);
	for (i = 0; i < l->count; i++)
	{
		vb_enum_value *v = vb_alloc(a, sizeof(vb_enum_value));

		v->name = l->items[i];
		vb_list_push(a, &e->values, v);
	}
	vb_list_push(a, &s->enums, e);
	if (!vb_list_contains_str(&s->schemas, nsp))
		vb_list_push(a, &s->schemas, vb_strdup(a, nsp));
	return e;
}

vb_enum *
enm(vb_arena *a, vb_schema *s, const char *name, const char *values)
{
	return enm_in(a, s, "public", name, values);
}

/* ---- plans ---------------------------------------------------------------------- */

vb_plan *
unit_diff_ok(vb_arena *a, const vb_schema *cur, const vb_schema *des, const vb_options *opts,
			 const char *file, int line)
{
	vb_plan    *p = NULL;
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_diff(a, &vb_dialect_pg, cur, des, opts, &p, &err))
	{
		report_error("vb_diff", &err);
		_fail(file, line);
	}
	return p;
}

vb_error *
unit_diff_err(vb_arena *a, const vb_schema *cur, const vb_schema *des, const vb_options *opts,
			  const char *code, const char *fragment, const char *file, int line)
{
	vb_plan    *p = NULL;
	vb_error   *err = vb_alloc(a, sizeof(vb_error));

	if (vb_diff(a, &vb_dialect_pg, cur, des, opts, &p, err))
	{
		print_error("vb_diff succeeded with %d operations\n", p->operations.count);
		_fail(file, line);
	}
	if (strcmp(err->code, code) != 0)
	{
		print_error("error code %s, expected %s (message: %s)\n", err->code, code,
					err->message ? err->message : "(null)");
		_fail(file, line);
	}
	if (fragment)
		unit_assert_contains(err->message, fragment, file, line);
	return err;
}

vb_operation *
op_at(const vb_plan *p, int i)
{
	assert_in_range(i, 0, p->operations.count - 1);
	return p->operations.items[i];
}

char *
plan_kinds(vb_arena *a, const vb_plan *p)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < p->operations.count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "," : "",
					   vb_op_kind_name(((vb_operation *) p->operations.items[i])->kind));
	return buf.data;
}

vb_guard *
guard_at(const vb_operation *op, int i)
{
	assert_in_range(i, 0, op->guards.count - 1);
	return op->guards.items[i];
}

char *
guard_sql(vb_arena *a, const vb_operation *op)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < op->guards.count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "\n" : "", ((vb_guard *) op->guards.items[i])->sql);
	return buf.data;
}

int
plan_guard_count(const vb_plan *p)
{
	int			i;
	int			n = 0;

	for (i = 0; i < p->operations.count; i++)
		n += ((vb_operation *) p->operations.items[i])->guards.count;
	return n;
}

char *
op_sql(vb_arena *a, const vb_operation *op)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < op->sql.count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "\n" : "", (char *) op->sql.items[i]);
	return buf.data;
}

char *
plan_sql(vb_arena *a, const vb_plan *p)
{
	vb_buf		buf;
	int			i;

	vb_buf_init(&buf, a);
	for (i = 0; i < p->operations.count; i++)
		vb_buf_appendf(&buf, "%s%s", i ? "\n" : "", op_sql(a, p->operations.items[i]));
	return buf.data;
}

int
op_index(const vb_plan *p, vb_op_kind kind, const char *object)
{
	int			i;

	for (i = 0; i < p->operations.count; i++)
	{
		const vb_operation *op = p->operations.items[i];

		if (op->kind == kind && (object == NULL || strcmp(op->object, object) == 0))
			return i;
	}
	return -1;
}

int
kind_count(const vb_plan *p, vb_op_kind kind)
{
	int			i;
	int			n = 0;

	for (i = 0; i < p->operations.count; i++)
		if (((vb_operation *) p->operations.items[i])->kind == kind)
			n++;
	return n;
}

int
sql_index(const vb_plan *p, const char *statement)
{
	int			i;
	int			j;
	int			n = 0;

	for (i = 0; i < p->operations.count; i++)
	{
		const vb_operation *op = p->operations.items[i];

		for (j = 0; j < op->sql.count; j++, n++)
			if (strcmp(op->sql.items[j], statement) == 0)
				return n;
	}
	return -1;
}

vb_operation *
unit_op_find(const vb_plan *p, vb_op_kind kind, const char *object, const char *file, int line)
{
	int			i = op_index(p, kind, object);

	if (i < 0)
	{
		print_error("no %s operation on \"%s\" in plan\n", vb_op_kind_name(kind),
					object ? object : "(any)");
		_fail(file, line);
	}
	return p->operations.items[i];
}

/* ---- replaying table names -------------------------------------------------------- */

/* The token after `prefix` (up to a space, a paren or the end). */
static char *
token_after(vb_arena *a, const char *stmt, const char *prefix)
{
	const char *p = strstr(stmt, prefix);
	size_t		n;

	if (p == NULL)
		return NULL;
	p += strlen(prefix);
	n = strcspn(p, " (");
	return vb_strndup(a, p, n);
}

static void
require_table(const vb_list *tables, const char *name, const char *stmt, const char *file,
			  int line)
{
	if (vb_list_contains_str(tables, name))
		return;
	print_error("statement \"%s\" names table %s, which does not exist at that point\n",
				stmt, name);
	_fail(file, line);
}

static void
remove_table(vb_list *tables, const char *name)
{
	int			i;

	for (i = 0; i < tables->count; i++)
		if (strcmp(tables->items[i], name) == 0)
		{
			tables->items[i] = tables->items[--tables->count];
			return;
		}
}

void
unit_assert_tables_exist(vb_arena *a, const vb_schema *cur, const vb_plan *p,
						 const char *file, int line)
{
	vb_list		tables;
	int			i;
	int			j;

	memset(&tables, 0, sizeof(tables));
	for (i = 0; i < cur->tables.count; i++)
	{
		const vb_table *t = cur->tables.items[i];

		vb_list_push(a, &tables, vb_printf(a, "%s.%s", t->schema, t->name));
	}
	for (i = 0; i < p->operations.count; i++)
	{
		const vb_operation *op = p->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
		{
			const char *stmt = op->sql.items[j];
			char	   *name;
			char	   *ref;

			if (strncmp(stmt, "CREATE TABLE ", 13) == 0)
			{
				vb_list_push(a, &tables, token_after(a, stmt, "CREATE TABLE "));
				continue;
			}
			if (strncmp(stmt, "DROP TABLE ", 11) == 0)
			{
				name = token_after(a, stmt, "DROP TABLE ");
				require_table(&tables, name, stmt, file, line);
				remove_table(&tables, name);
				continue;
			}
			if ((ref = token_after(a, stmt, " REFERENCES ")) != NULL)
				require_table(&tables, ref, stmt, file, line);
			if (strncmp(stmt, "ALTER TABLE ", 12) == 0)
				name = token_after(a, stmt, "ALTER TABLE ");
			else if (strstr(stmt, "INDEX ") && strstr(stmt, " ON "))
				name = token_after(a, stmt, " ON ");
			else if (strncmp(stmt, "SELECT ", 7) == 0 && strstr(stmt, " FROM "))
				name = token_after(a, stmt, " FROM ");
			else
				continue;
			require_table(&tables, name, stmt, file, line);
			if (strncmp(stmt, "ALTER TABLE ", 12) == 0)
			{
				char	   *to = token_after(a, stmt, " RENAME TO ");
				char	   *nsp = token_after(a, stmt, " SET SCHEMA ");
				const char *dot = strchr(name, '.');

				if (to)
				{
					remove_table(&tables, name);
					vb_list_push(a, &tables, vb_printf(a, "%.*s.%s", (int) (dot - name), name, to));
				}
				else if (nsp)
				{
					remove_table(&tables, name);
					vb_list_push(a, &tables, vb_printf(a, "%s.%s", nsp, dot + 1));
				}
			}
		}
	}
}
