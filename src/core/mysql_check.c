/*
 * mysql_check.c — what a MySQL or MariaDB server would refuse in a
 * document, found before a push runs anything.
 *
 * MySQL commits each DDL statement by itself: a statement the server
 * refuses half way through a push leaves the steps before it applied. So
 * the rules the servers apply to a table's definition are checked here
 * first, on the canonical document (vb_mysql_canonicalize), and a broken
 * document is refused whole (VB001 naming the JSON path), as the contract
 * wants a plan validated before its first statement. The server parsing
 * every statement (the driver's prepare) and the data guards complete it.
 */
#include <string.h>
#include <strings.h>

#include "vb_internal.h"
#include "vb_mysql.h"

typedef struct checker
{
	vb_arena   *a;
	const vb_mysql_server *server;
	const vb_schema *doc;
	vb_error   *err;
} checker;

static bool
refuse(checker *k, const char *path, const char *what, const char *fmt, const char *detail)
{
	const char *p = path ? path : what;

	vb_fail(k->err, k->a, VB_ERR_INVALID, p, "%s: %s", p, vb_printf(k->a, fmt, detail));
	return false;
}

static vb_mysql_category
category(checker *k, const vb_column *c, vb_mysql_type *t)
{
	vb_error	err;

	memset(&err, 0, sizeof(err));
	if (!vb_mysql_canonical_type(k->a, c->type, 0, t, &err))
	{
		memset(t, 0, sizeof(*t));
		return VB_MYCAT_OTHER;
	}
	return vb_mysql_type_category(t);
}

static bool
is_lob(const vb_mysql_type *t, vb_mysql_category cat)
{
	return cat == VB_MYCAT_JSON || cat == VB_MYCAT_OTHER ||
		((cat == VB_MYCAT_STRING || cat == VB_MYCAT_BINARY) && t->length == 0);
}

static bool
listed(const vb_list *names, const char *name)
{
	int			i;

	for (i = 0; i < names->count; i++)
		if (strcasecmp(names->items[i], name) == 0)
			return true;
	return false;
}

/* The charset, collation and engine names the server knows. */
static bool
check_names(checker *k, const vb_table *t)
{
	int			i;

	if (t->engine && k->server->engines.count && !listed(&k->server->engines, t->engine))
		return refuse(k, t->path, t->name, "the server has no usable storage engine \"%s\"", t->engine);
	if (t->charset && k->server->charsets.count && !vb_mysql_find_charset(k->server, t->charset))
		return refuse(k, t->path, t->name, "the server has no character set \"%s\"", t->charset);
	if (t->collation && k->server->collations.count && !listed(&k->server->collations, t->collation))
		return refuse(k, t->path, t->name, "the server has no collation \"%s\"", t->collation);
	for (i = 0; i < t->columns.count; i++)
	{
		const vb_column *c = t->columns.items[i];

		if (c->charset && k->server->charsets.count && !vb_mysql_find_charset(k->server, c->charset))
			return refuse(k, c->path, c->name, "the server has no character set \"%s\"", c->charset);
		if (c->collation && k->server->collations.count && !listed(&k->server->collations, c->collation))
			return refuse(k, c->path, c->name, "the server has no collation \"%s\"", c->collation);
	}
	return true;
}

/* Does a key or index of t have `col` as its first column? */
static bool
leads_a_key(const vb_table *t, const char *col)
{
	int			i;

	if (t->primary_key && strcmp(t->primary_key->columns.items[0], col) == 0)
		return true;
	for (i = 0; i < t->uniques.count; i++)
		if (strcmp(((vb_key *) t->uniques.items[i])->columns.items[0], col) == 0)
			return true;
	for (i = 0; i < t->indexes.count; i++)
	{
		const vb_index *ix = t->indexes.items[i];
		const vb_index_elem *el = ix->elements.items[0];

		if (el->column && strcmp(el->column, col) == 0)
			return true;
	}
	return false;
}

/* Columns: AUTO_INCREMENT, defaults that do not fit, something visible. */
static bool
check_columns(checker *k, const vb_table *t)
{
	const vb_column *auto_col = NULL;
	bool		visible = false;
	int			i;

	for (i = 0; i < t->columns.count; i++)
	{
		const vb_column *c = t->columns.items[i];
		vb_mysql_type ty;
		vb_mysql_category cat = category(k, c, &ty);

		visible |= !c->invisible;
		if (c->auto_increment)
		{
			if (auto_col)
				return refuse(k, c->path, c->name,
							  "a table has one autoIncrement column at most (\"%s\" is one)",
							  auto_col->name);
			auto_col = c;
			if (!leads_a_key(t, c->name))
				return refuse(k, c->path, c->name, "%s",
							  "an autoIncrement column must lead a key: the primary key, a unique "
							  "constraint or an index must start with it");
		}
		/* 'abc': three characters; '' inside is one */
		if (c->default_expr && c->default_expr[0] == '\'' && cat == VB_MYCAT_STRING && ty.length > 0)
		{
			long		n = 0;
			const char *p;

			for (p = c->default_expr + 1; *p && !(*p == '\'' && p[1] != '\''); p++)
			{
				if (*p == '\'' || *p == '\\')
					p++;
				if (((unsigned char) *p & 0xC0) != 0x80)
					n++;
			}
			if (n > ty.length)
				return refuse(k, c->path, c->name, "the default %s is longer than the column",
							  c->default_expr);
		}
	}
	if (!visible && t->columns.count > 0)
		return refuse(k, t->path, t->name, "%s", "a table needs at least one column that is not invisible");
	return true;
}

/* A key element: its column's type must take a whole-value key or the
 * prefix given. `method`: the index's. */
static bool
check_element(checker *k, const vb_table *t, const vb_index_elem *el, const char *method,
			  const char *path)
{
	const vb_column *c = el->column ? vb_find_column(t, el->column) : NULL;
	vb_mysql_type ty;
	vb_mysql_category cat;

	if (c == NULL)
		return true;			/* an expression, or the reader's error */
	cat = category(k, c, &ty);
	if (strcmp(method, "fulltext") == 0 || strcmp(method, "spatial") == 0 || strcmp(method, "hash") == 0)
		return true;
	if (el->length > 0)
	{
		if (cat != VB_MYCAT_STRING && cat != VB_MYCAT_BINARY)
			return refuse(k, path, c->name, "a prefix length needs a string column, not %s", ty.text);
		if (ty.length > 0 && el->length > ty.length)
			return refuse(k, path, c->name, "the prefix length is longer than column %s", c->name);
		return true;
	}
	if (is_lob(&ty, cat))
		return refuse(k, path, c->name,
					  "a key over column %s needs a prefix length (\"length\"): MySQL indexes no whole "
					  "TEXT, BLOB, JSON or spatial value", c->name);
	return true;
}

static bool
check_keys(checker *k, const vb_table *t)
{
	int			i;
	int			j;

	if (t->primary_key)
		for (j = 0; j < t->primary_key->columns.count; j++)
		{
			vb_index_elem el;

			memset(&el, 0, sizeof(el));
			el.column = t->primary_key->columns.items[j];
			if (!check_element(k, t, &el, "btree", t->primary_key->path))
				return false;
		}
	for (i = 0; i < t->uniques.count; i++)
	{
		const vb_key *key = t->uniques.items[i];

		for (j = 0; j < key->columns.count; j++)
		{
			vb_index_elem el;

			memset(&el, 0, sizeof(el));
			el.column = key->columns.items[j];
			if (!check_element(k, t, &el, "btree", key->path))
				return false;
		}
	}
	for (i = 0; i < t->indexes.count; i++)
	{
		const vb_index *ix = t->indexes.items[i];
		const char *method = ix->method ? ix->method : "btree";

		if (strcmp(method, "btree") != 0 && strcmp(method, "hash") != 0 &&
			strcmp(method, "fulltext") != 0 && strcmp(method, "spatial") != 0)
			return refuse(k, ix->path, ix->name, "MySQL has no index type \"%s\" (btree, hash, fulltext, spatial)",
						  method);
		if (strcmp(method, "hash") == 0 && !ix->unique && t->engine && strcmp(t->engine, "InnoDB") == 0)
			return refuse(k, ix->path, ix->name, "%s",
						  "InnoDB has no hash index: it would make a BTREE one (leave \"type\" out)");
		if ((strcmp(method, "fulltext") == 0 || strcmp(method, "spatial") == 0) && ix->unique)
			return refuse(k, ix->path, ix->name, "a %s index cannot be unique", method);
		for (j = 0; j < ix->elements.count; j++)
			if (!check_element(k, t, ix->elements.items[j], method,
							   vb_printf(k->a, "%s.columns[%d]", ix->path ? ix->path : ix->name, j)))
				return false;
	}
	return true;
}

/* What MySQL calls similar types: the same integer size and sign, the
 * same decimal, one charset and collation for strings (lengths may
 * differ), else the same type. */
static bool
similar(checker *k, const vb_table *t, const vb_column *a, const vb_table *rt, const vb_column *b)
{
	vb_mysql_type ta;
	vb_mysql_type tb;
	vb_mysql_category ca = category(k, a, &ta);
	vb_mysql_category cb = category(k, b, &tb);

	if (ca != cb)
		return false;
	if (ca == VB_MYCAT_STRING || ca == VB_MYCAT_BINARY)
	{
		const char *csa = a->charset ? a->charset : t->charset;
		const char *csb = b->charset ? b->charset : rt->charset;
		const char *coa = a->collation ? a->collation : a->charset ? NULL : t->collation;
		const char *cob = b->collation ? b->collation : b->charset ? NULL : rt->collation;

		return ca == VB_MYCAT_BINARY || (vb_strs_equal(csa, csb) && vb_strs_equal(coa, cob));
	}
	if (ca == VB_MYCAT_INTEGER)
		return strcmp(ta.base, tb.base) == 0 &&
			(strstr(ta.text, "unsigned") != NULL) == (strstr(tb.text, "unsigned") != NULL);
	return strcmp(ta.text, tb.text) == 0;
}

static bool
has_foreign_keys(const char *engine)
{
	return engine == NULL || strcasecmp(engine, "InnoDB") == 0 || strcasecmp(engine, "NDB") == 0 ||
		strcasecmp(engine, "ndbcluster") == 0;
}

static bool
check_foreign_keys(checker *k, const vb_table *t)
{
	int			i;
	int			j;

	for (i = 0; i < t->foreign_keys.count; i++)
	{
		const vb_foreign_key *fk = t->foreign_keys.items[i];
		const vb_table *rt = vb_find_table(k->doc, fk->ref_schema, fk->ref_table);

		if (!has_foreign_keys(t->engine) || (rt && !has_foreign_keys(rt->engine)))
			return refuse(k, fk->path, fk->name, "%s",
						  "only InnoDB tables have foreign keys (MySQL parses and forgets them on other engines)");
		if (fk->on_delete == VB_FK_SET_DEFAULT || fk->on_update == VB_FK_SET_DEFAULT)
			return refuse(k, fk->path, fk->name, "%s", "InnoDB refuses setDefault");
		for (j = 0; j < fk->columns.count; j++)
		{
			const vb_column *c = vb_find_column(t, fk->columns.items[j]);
			const vb_column *r = rt ? vb_find_column(rt, fk->ref_columns.items[j]) : NULL;
			vb_mysql_type ty;
			vb_mysql_category cat;

			if (c == NULL)
				continue;
			cat = category(k, c, &ty);
			if (is_lob(&ty, cat))
				return refuse(k, fk->path, fk->name, "column %s is TEXT, BLOB or JSON: it cannot be in a foreign key",
							  c->name);
			if (!c->nullable && (fk->on_delete == VB_FK_SET_NULL || fk->on_update == VB_FK_SET_NULL))
				return refuse(k, fk->path, fk->name, "setNull needs column %s nullable", c->name);
			if (c->generated && c->generated_virtual)
				return refuse(k, fk->path, fk->name, "column %s is a virtual generated column", c->name);
			if (r && !similar(k, t, c, rt, r))
				return refuse(k, fk->path, fk->name,
							  "%s", vb_printf(k->a, "column %s (%s) and referenced column %s.%s (%s) differ: "
											  "MySQL needs the same integer size and sign, the same "
											  "decimal, or strings of one charset and collation",
											  c->name, c->type, rt->name, r->name, r->type));
		}
	}
	return true;
}

bool
vb_mysql_check_document(vb_arena *arena, const vb_mysql_server *server, const vb_schema *doc,
						vb_error *err)
{
	checker		k = {arena, server, doc, err};
	int			i;

	for (i = 0; i < doc->tables.count; i++)
	{
		const vb_table *t = doc->tables.items[i];

		if (!check_names(&k, t) || !check_columns(&k, t) || !check_keys(&k, t) ||
			!check_foreign_keys(&k, t))
			return false;
	}
	return true;
}
