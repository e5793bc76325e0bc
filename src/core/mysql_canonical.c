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
#include "vb_json.h"
#include "vb_mysql.h"

typedef struct canon
{
	vb_arena   *arena;
	const vb_mysql_server *server;
	vb_error   *err;
	vb_map		columns;		/* column name -> column_info *, of the table
								 * in hand */
} canon;

/* What the key-length rules need of a column. */
typedef struct column_info
{
	vb_mysql_type type;
	int			maxlen;			/* bytes per character of its charset */
} column_info;

/* InnoDB's largest index key (DYNAMIC and COMPRESSED rows), in bytes. */
#define INNODB_MAX_KEY 3072

/* The error of a canonical form, at `path`.`key`. */
static bool
canon_fail(canon *c, const char *path, const char *key)
{
	char	   *p = vb_json_key_path(c->arena, path, key);

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

/*
 * MySQL 8's UCA 9.0.0 collations do not exist on MariaDB 10.11: the
 * nearest there, also NO PAD ('a' and 'a ' differ, as in MySQL 8), is
 * MariaDB's UCA 14.0.0 with the same accent and case rules, and for
 * utf8mb4_0900_bin the byte order without padding.
 */
static const char *
mariadb_collation(canon *c, const char *name)
{
	static const char *const map[][2] = {
		{"utf8mb4_0900_ai_ci", "utf8mb4_uca1400_nopad_ai_ci"},
		{"utf8mb4_0900_as_ci", "utf8mb4_uca1400_nopad_as_ci"},
		{"utf8mb4_0900_as_cs", "utf8mb4_uca1400_nopad_as_cs"},
		{"utf8mb4_0900_bin", "utf8mb4_nopad_bin"},
	};
	size_t		i;

	if (name == NULL || c->server->flavor != VB_MYSQL_FLAVOR_MARIADB)
		return name;
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
		if (strcasecmp(name, map[i][0]) == 0)
			return vb_strdup(c->arena, map[i][1]);
	return name;
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
		t->collation = (char *) mariadb_collation(c, vb_mysql_collation_name(c->arena, t->collation));
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
	collation = mariadb_collation(c, collation);
	{
		column_info *ci = vb_alloc(c->arena, sizeof(column_info));
		const vb_mysql_charset *ccs = vb_mysql_find_charset(c->server, charset ? charset : t->charset);

		ci->type = type;
		ci->maxlen = ccs ? ccs->maxlen : 4;
		vb_map_put(&c->columns, col->name, ci);
	}
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

/* ---- MariaDB's key length rules ------------------------------------------ */

/* Bytes an index element takes at most; a large number for TEXT and BLOB
 * without a prefix (their whole value). */
static long
element_bytes(canon *c, const vb_index_elem *el)
{
	column_info *ci = el->column ? vb_map_get(&c->columns, el->column) : NULL;
	const vb_mysql_type *ty;
	long		n;

	if (ci == NULL)
		return 0;
	ty = &ci->type;
	switch (vb_mysql_type_category(ty))
	{
		case VB_MYCAT_STRING:
		case VB_MYCAT_BINARY:
			n = ty->length > 0 ? ty->length : 1L << 30;
			if (el->length > 0 && el->length < n)
				n = el->length;
			return vb_mysql_type_category(ty) == VB_MYCAT_STRING ? n * ci->maxlen : n;
		case VB_MYCAT_INTEGER:
			return strcmp(ty->base, "bigint") == 0 ? 8 : 4;
		case VB_MYCAT_DECIMAL:
			return ty->precision / 2 + 1;
		case VB_MYCAT_ENUM:
			return 2;
		case VB_MYCAT_JSON:
		case VB_MYCAT_OTHER:
			return 1L << 30;
		default:
			return 8;
	}
}

/*
 * What MariaDB does by itself with keys longer than InnoDB takes (checked
 * on MariaDB 10.11): a unique key becomes a long unique USING HASH, and a
 * one-column non-unique index is cut to the prefix that fits (768
 * characters of utf8mb4). MySQL refuses both.
 */
static void
mariadb_key_lengths(canon *c, vb_table *t)
{
	vb_list		uniques;
	int			i;
	int			j;

	memset(&uniques, 0, sizeof(uniques));
	for (i = 0; i < t->uniques.count; i++)
	{
		vb_key	   *k = t->uniques.items[i];
		long		total = 0;

		for (j = 0; j < k->columns.count; j++)
		{
			vb_index_elem el;

			memset(&el, 0, sizeof(el));
			el.column = k->columns.items[j];
			total += element_bytes(c, &el);
		}
		if (total > INNODB_MAX_KEY)
		{
			vb_index   *ix = vb_alloc(c->arena, sizeof(vb_index));

			ix->name = k->name;
			ix->columns = k->columns;
			for (j = 0; j < k->columns.count; j++)
			{
				vb_index_elem *el = vb_alloc(c->arena, sizeof(vb_index_elem));

				el->column = k->columns.items[j];
				vb_list_push(c->arena, &ix->elements, el);
			}
			ix->unique = true;
			ix->method = "hash";
			ix->comment = k->comment;
			ix->renamed_from = k->renamed_from;
			ix->path = k->path;
			vb_list_push(c->arena, &t->indexes, ix);
		}
		else
			vb_list_push(c->arena, &uniques, k);
	}
	t->uniques = uniques;
	for (i = 0; i < t->indexes.count; i++)
	{
		vb_index   *ix = t->indexes.items[i];
		vb_index_elem *el = ix->elements.items[0];
		column_info *ci;

		if (ix->unique || ix->elements.count != 1 || strcmp(ix->method, "btree") != 0 ||
			el->column == NULL || element_bytes(c, el) <= INNODB_MAX_KEY)
			continue;
		ci = vb_map_get(&c->columns, el->column);
		if (vb_mysql_type_category(&ci->type) == VB_MYCAT_STRING && ci->type.length > 0)
			el->length = INNODB_MAX_KEY / ci->maxlen;
		else if (vb_mysql_type_category(&ci->type) == VB_MYCAT_BINARY && ci->type.length > 0)
			el->length = INNODB_MAX_KEY;
	}
}

static bool
table(canon *c, vb_table *t)
{
	vb_list		names;
	int			i;

	memset(&names, 0, sizeof(names));
	vb_map_init(&c->columns, c->arena, t->columns.count + 1);
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
	if (c->server->flavor == VB_MYSQL_FLAVOR_MARIADB && t->engine && strcmp(t->engine, "InnoDB") == 0)
		mariadb_key_lengths(c, t);
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
	canon		c;
	int			i;

	memset(&c, 0, sizeof(c));
	c.arena = arena;
	c.server = server;
	c.err = err;
	for (i = 0; i < doc->tables.count; i++)
		if (!table(&c, doc->tables.items[i]))
			return false;
	vb_mysql_sort_schema(doc);
	doc->dialect = "mysql";
	return true;
}
