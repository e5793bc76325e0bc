/*
 * mysql_canonical.c — a document's MySQL tables in the canonical forms that
 * introspection (mysql_catalog.c) produces, so that a document written in
 * any spelling the server accepts compares equal to the database that
 * pushing it made.
 *
 * What the server would decide is decided here the same way: the table's
 * engine, charset and collation when the document leaves them out (the
 * database's), a column's collation from its charset, the primary key's
 * name (always PRIMARY), a unique index of plain columns being a unique
 * constraint, the index MySQL creates for a foreign key, RESTRICT being NO
 * ACTION. Errors are VB001 with the JSON path of what is wrong.
 */
#include <string.h>
#include <strings.h>

#include "vb_internal.h"
#include "vb_mysql.h"

typedef struct canon
{
	vb_arena   *arena;
	const vb_mysql_server *server;
	vb_error   *err;
} canon;

/* The error of a canonical form, at `path`.`key`. */
static bool
canon_fail(canon *c, const char *path, const char *key)
{
	char	   *p = vb_printf(c->arena, "%s.%s", path ? path : "?", key);

	c->err->message = vb_printf(c->arena, "%s: %s", p, c->err->message);
	c->err->path = p;
	return false;
}

/* Engine names as the servers report them. */
static char *
engine_name(canon *c, const char *engine)
{
	static const char *const known[] = {
		"InnoDB", "MyISAM", "MEMORY", "Aria", "CSV", "ARCHIVE", "BLACKHOLE",
		"MRG_MyISAM", "FEDERATED", "SEQUENCE", "ROCKSDB", NULL
	};
	int			i;

	for (i = 0; known[i]; i++)
		if (strcasecmp(known[i], engine) == 0)
			return vb_strdup(c->arena, known[i]);
	if (strcasecmp(engine, "heap") == 0)
		return vb_strdup(c->arena, "MEMORY");
	if (strcasecmp(engine, "mrg_myisam") == 0 || strcasecmp(engine, "merge") == 0)
		return vb_strdup(c->arena, "MRG_MyISAM");
	return vb_strdup(c->arena, engine);
}

static char *
default_collation_of(canon *c, const char *charset)
{
	const vb_mysql_charset *cs = vb_mysql_find_charset(c->server, charset);

	return cs ? vb_strdup(c->arena, cs->default_collation) : NULL;
}

static bool
table_options(canon *c, vb_table *t)
{
	if (t->engine == NULL && c->server->engine)
		t->engine = vb_strdup(c->arena, c->server->engine);
	else if (t->engine)
		t->engine = engine_name(c, t->engine);
	if (t->collation)
		t->collation = vb_mysql_collation_name(c->arena, t->collation);
	if (t->charset && strcasecmp(t->charset, "utf8") == 0)
		t->charset = "utf8mb3";
	if (t->charset == NULL && t->collation == NULL)
	{
		t->charset = c->server->charset ? vb_strdup(c->arena, c->server->charset) : NULL;
		t->collation = c->server->collation ? vb_strdup(c->arena, c->server->collation) : NULL;
	}
	else if (t->collation == NULL)
		t->collation = default_collation_of(c, t->charset);
	else if (t->charset == NULL)
		t->charset = (char *) vb_mysql_collation_charset(c->arena, t->collation);
	else if (strcmp(vb_mysql_collation_charset(c->arena, t->collation), t->charset) != 0)
		return vb_fail(c->err, c->arena, VB_ERR_INVALID, t->path,
					   "%s: collation \"%s\" is not of charset \"%s\"",
					   t->path ? t->path : t->name, t->collation, t->charset);
	return true;
}

static bool
is_character(vb_mysql_category cat)
{
	return cat == VB_MYCAT_STRING || cat == VB_MYCAT_ENUM || cat == VB_MYCAT_SET;
}

static bool
column(canon *c, vb_table *t, vb_column *col, const vb_list *names)
{
	vb_mysql_type type;
	const char *charset = col->charset;
	const char *collation = col->collation;
	const vb_mysql_charset *cs;
	vb_mysql_category cat;

	if (charset && strcasecmp(charset, "utf8") == 0)
		charset = "utf8mb3";
	cs = vb_mysql_find_charset(c->server, charset ? charset : t->charset);
	if (!vb_mysql_canonical_type(c->arena, col->type, cs ? cs->maxlen : 0, &type, c->err))
		return canon_fail(c, col->path, "type");
	cat = vb_mysql_type_category(&type);
	col->type = type.text;
	if (type.charset && charset == NULL)
		charset = type.charset;
	if (type.collation && collation == NULL)
		collation = type.collation;
	if (type.binary_collation && collation == NULL)
		collation = vb_printf(c->arena, "%s_bin", charset ? charset : t->charset);
	if ((charset || collation) && !is_character(cat))
	{
		vb_fail(c->err, c->arena, VB_ERR_INVALID, NULL,
				"a column of type %s has no charset or collation", type.text);
		return canon_fail(c, col->path, col->charset ? "charset" : "collation");
	}
	vb_mysql_column_charset(c->arena, c->server, t->charset, t->collation, charset, collation,
							&col->charset, &col->collation);
	if (col->default_expr &&
		!vb_mysql_canonical_default(c->arena, col->default_expr, &type, 0, names,
									&col->default_expr, c->err))
		return canon_fail(c, col->path, "default");
	if (col->on_update &&
		!vb_mysql_canonical_on_update(c->arena, col->on_update, &type, &col->on_update, c->err))
		return canon_fail(c, col->path, "onUpdate");
	if (col->generated)
	{
		col->generated_source = col->generated;
		if (!vb_mysql_canonical_expr(c->arena, col->generated, 0, names, NULL, &col->generated, c->err))
			return canon_fail(c, col->path, "generated");
	}
	return true;
}

static bool
indexes(canon *c, vb_table *t, const vb_list *names)
{
	vb_list		kept;
	int			i;
	int			j;

	memset(&kept, 0, sizeof(kept));
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];

		for (j = 0; j < ix->elements.count; j++)
		{
			vb_index_elem *el = ix->elements.items[j];

			if (el->expression)
			{
				el->source = el->expression;
				if (!vb_mysql_canonical_expr(c->arena, el->expression, 0, names, NULL,
											 &el->expression, c->err))
					return canon_fail(c, vb_printf(c->arena, "%s.columns[%d]", ix->path, j),
									  "expression");
			}
		}
		if (vb_mysql_is_unique_constraint(ix))
		{
			vb_key	   *k = vb_alloc(c->arena, sizeof(vb_key));

			k->name = ix->name;
			k->columns = ix->columns;
			k->comment = ix->comment;
			k->renamed_from = ix->renamed_from;
			k->path = ix->path;
			vb_list_push(c->arena, &t->uniques, k);
		}
		else if (!vb_mysql_is_fk_index(t, ix))
			vb_list_push(c->arena, &kept, ix);
	}
	t->indexes = kept;
	return true;
}

static bool
table(canon *c, vb_table *t)
{
	vb_list		names;
	int			i;

	memset(&names, 0, sizeof(names));
	if (!table_options(c, t))
		return false;
	for (i = 0; i < t->columns.count; i++)
		vb_list_push(c->arena, &names, ((vb_column *) t->columns.items[i])->name);
	for (i = 0; i < t->columns.count; i++)
		if (!column(c, t, t->columns.items[i], &names))
			return false;
	if (t->primary_key)
		t->primary_key->name = "PRIMARY";
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		vb_foreign_key *fk = t->foreign_keys.items[i];

		if (fk->on_delete == VB_FK_RESTRICT)
			fk->on_delete = VB_FK_NO_ACTION;
		if (fk->on_update == VB_FK_RESTRICT)
			fk->on_update = VB_FK_NO_ACTION;
	}
	if (!indexes(c, t, &names))
		return false;
	for (i = 0; i < t->checks.count; i++)
	{
		vb_check   *ck = t->checks.items[i];

		ck->source = ck->expression;
		if (!vb_mysql_canonical_expr(c->arena, ck->expression, 0, &names, NULL, &ck->expression, c->err))
			return canon_fail(c, ck->path, "expression");
	}
	return true;
}

bool
vb_mysql_canonicalize(vb_arena *arena, const vb_mysql_server *server, vb_schema *doc,
					  vb_error *err)
{
	canon		c = {arena, server, err};
	int			i;

	for (i = 0; i < doc->tables.count; i++)
		if (!table(&c, doc->tables.items[i]))
			return false;
	vb_mysql_sort_schema(doc);
	doc->dialect = "mysql";
	return true;
}
