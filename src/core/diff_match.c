/*
 * diff_match.c — helpers that compare current objects with desired ones through the
 * plan's renames, and the resolution of rename candidates (renamedFrom,
 * options.resolutions, or an ambiguity report).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

/* ---- helpers --------------------------------------------------------------- */

bool
vb_is_managed(const vb_differ *d, const char *schema)
{
	return vb_list_contains_str(&d->des->schemas, schema);
}

/* Strip trailing "[]" pairs: the element type of an array type text. */
const char *
vb_element_type(vb_arena *a, const char *type, int *dims)
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
const char *
vb_mapped_type(vb_differ *d, const char *type)
{
	int			dims;
	const char *elem;
	const char *renamed;
	vb_buf		buf;

	if (d->enum_type_map.count == 0)
		return type;
	elem = vb_element_type(d->a, type, &dims);
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
 * "::old" becomes "::new" where old is a renamed enum type. One pass over
 * the text, one lookup per cast. */
const char *
vb_mapped_default(vb_differ *d, const char *expr)
{
	vb_buf		buf;
	const char *p;
	const char *hit;
	bool		changed = false;

	if (expr == NULL || d->enum_type_map.count == 0)
		return expr;
	vb_buf_init(&buf, d->a);
	p = expr;
	while ((hit = strstr(p, "::")) != NULL)
	{
		const char *name = hit + 2;
		const char *end = vb_type_name_end(name);
		const char *renamed = vb_map_get(&d->enum_type_map,
										 vb_strndup(d->a, name, (size_t) (end - name)));

		vb_buf_appendn(&buf, p, (size_t) (name - p));
		if (renamed)
		{
			vb_buf_append(&buf, renamed);
			changed = true;
		}
		else
			vb_buf_appendn(&buf, name, (size_t) (end - name));
		p = end;
	}
	vb_buf_append(&buf, p);
	return changed ? buf.data : expr;
}

bool
vb_strs_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

/* Column names of a current object, renamed to what the plan calls them. */
vb_list *
vb_mapped_columns(vb_differ *d, vb_table_pair *p, const vb_list *cols)
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
map_identifiers(vb_differ *d, vb_map *names, const char *pred)
{
	vb_buf		buf;
	const char *s = pred;

	if (pred == NULL || names == NULL)
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
			dc = qualifier ? NULL : vb_map_get(names, name.data);
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

const char *
vb_mapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred)
{
	return map_identifiers(d, p ? &p->cur_col_to_des : NULL, pred);
}

/* The other way: a desired expression in the current column names. */
const char *
vb_unmapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred)
{
	return map_identifiers(d, p ? &p->des_col_to_cur : NULL, pred);
}

static int
compare_strings(const void *x, const void *y)
{
	return strcmp(*(char *const *) x, *(char *const *) y);
}

char *
vb_sorted_columns_key(vb_arena *a, const vb_list *cols)
{
	char	  **copy = vb_alloc(a, sizeof(char *) * (size_t) (cols->count + 1));
	vb_buf		buf;
	int			i;

	for (i = 0; i < cols->count; i++)
		copy[i] = cols->items[i];
	if (cols->count > 1)
		qsort(copy, (size_t) cols->count, sizeof(char *), compare_strings);
	vb_buf_init(&buf, a);
	for (i = 0; i < cols->count; i++)
		vb_buf_appendf(&buf, "%s\x1e", copy[i]);
	return buf.data;
}

/*
 * The columns of a schema, by element type (arrays under their element):
 * built once, on first use, for the steps that look for every column of a
 * type (re-creating an enum, a value it adds that a default uses).
 */
vb_list *
vb_type_users(vb_differ *d, bool current, const char *elem_type)
{
	vb_map	   *users = current ? &d->cur_type_users : &d->des_type_users;
	const vb_schema *s = current ? d->cur : d->des;
	int			i;
	int			j;

	if (!d->type_users_built[current])
	{
		d->type_users_built[current] = true;
		vb_map_init(users, d->a, 16);
		for (i = 0; i < s->tables.count && !vb_should_stop(d->a); i++)
		{
			vb_table   *t = s->tables.items[i];

			for (j = 0; j < t->columns.count; j++)
			{
				vb_column  *c = t->columns.items[j];
				int			dims;
				const char *elem = vb_element_type(d->a, c->type, &dims);
				vb_list    *list = vb_map_get(users, elem);
				vb_type_user *u = vb_alloc(d->a, sizeof(vb_type_user));

				if (list == NULL)
				{
					list = vb_alloc(d->a, sizeof(vb_list));
					vb_map_put(users, elem, list);
				}
				u->table = t;
				u->column = c;
				vb_list_push(d->a, list, u);
			}
		}
	}
	return vb_map_get(users, elem_type);
}

/* ---- resolution of rename candidates -------------------------------------- */


void
vb_rename_set_init(vb_rename_set *rs, const char *kind, const char *schema, const char *table,
				   int ncur, char **cur_names, int *cur_match,
				   int ndes, char **des_names, int *des_match,
				   vb_candidate_fn is_candidate, void *ctx)
{
	memset(rs, 0, sizeof(*rs));
	rs->scope.kind = kind;
	rs->scope.schema = schema;
	rs->scope.table = table;
	rs->ncur = ncur;
	rs->cur_names = cur_names;
	rs->cur_match = cur_match;
	rs->ndes = ndes;
	rs->des_names = des_names;
	rs->des_match = des_match;
	rs->is_candidate = is_candidate;
	rs->ctx = ctx;
}

/* The options.resolutions entries that can apply in a scope. */
static vb_list *
scope_entries(vb_differ *d, const vb_rename_scope *sc)
{
	if (d->entries.count == 0)
		return NULL;
	return vb_map_get(&d->entries, vb_key3(d->a, sc->kind, sc->schema,
										   strcmp(sc->kind, "table") == 0 ? "" : sc->table));
}

/* A dropped/added pair still open to a rename question. */
static bool
pair_open(vb_differ *d, vb_map *declined, const vb_rename_set *rs, int ci, int di)
{
	return rs->cur_match[ci] < 0 && rs->des_match[di] < 0 &&
		(declined->count == 0 ||
		 !vb_map_get(declined, vb_key2(d->a, rs->cur_names[ci], rs->des_names[di]))) &&
		rs->is_candidate(d, rs->ctx, ci, di);
}

/* The i-th index a side takes part with. */
#define CUR_AT(rs, i) ((rs)->cur_idx ? (rs)->cur_idx[i] : (i))
#define DES_AT(rs, i) ((rs)->des_idx ? (rs)->des_idx[i] : (i))

/*
 * Apply the resolution entries of the scope: each names a dropped and an
 * added object by name (both still unpaired).
 */
static void
apply_entries(vb_differ *d, const vb_rename_set *rs, vb_map *declined)
{
	vb_list    *entries = scope_entries(d, &rs->scope);
	vb_map		cur_by_name;
	vb_map		des_by_name;
	int			i;

	if (entries == NULL)
		return;
	vb_map_init(&cur_by_name, d->a, rs->ncur);
	vb_map_init(&des_by_name, d->a, rs->ndes);
	for (i = 0; i < rs->ncur; i++)
		vb_map_put(&cur_by_name, rs->cur_names[CUR_AT(rs, i)], (void *) (size_t) (CUR_AT(rs, i) + 1));
	for (i = 0; i < rs->ndes; i++)
		vb_map_put(&des_by_name, rs->des_names[DES_AT(rs, i)], (void *) (size_t) (DES_AT(rs, i) + 1));
	for (i = 0; i < entries->count && !vb_should_stop(d->a); i++)
	{
		vb_resolution_entry *r = entries->items[i];
		int			fc = (int) (size_t) vb_map_get(&cur_by_name, r->from) - 1;
		int			td = (int) (size_t) vb_map_get(&des_by_name, r->to) - 1;

		if (fc < 0 || td < 0 || rs->cur_match[fc] >= 0 || rs->des_match[td] >= 0)
			continue;
		if (r->resolution == VB_RESOLVE_RENAME)
		{
			rs->cur_match[fc] = td;
			rs->des_match[td] = fc;
		}
		else
			vb_map_put(declined, vb_key2(d->a, r->from, r->to), (void *) 1);
	}
}

/*
 * Pair dropped and added objects: explicit resolutions first, then the
 * "rename"/"addAndDrop" blanket option, else every candidate pair is listed
 * as ambiguous. cur_match[ci] / des_match[di] hold the pairing (-1: none)
 * and may already be set by name and renamedFrom. Only objects of the same
 * bucket are compared, and only those still unpaired, so a scope where
 * everything pairs by name costs nothing here.
 */
bool
vb_resolve_renames(vb_differ *d, const vb_rename_set *rs)
{
	int		   *cur_count;
	int		   *des_count;
	int			ncur_all = 0;
	int			ndes_all = 0;
	vb_map		declined;
	vb_map		buckets;
	vb_list		everyone;
	int			pass;
	int			i;
	int			j;

	vb_map_init(&declined, d->a, 8);
	apply_entries(d, rs, &declined);

	/* the open added objects, by bucket */
	memset(&everyone, 0, sizeof(everyone));
	vb_map_init(&buckets, d->a, 8);
	for (i = 0; i < rs->ndes; i++)
	{
		int			di = DES_AT(rs, i);
		vb_list    *list = &everyone;

		if (di + 1 > ndes_all)
			ndes_all = di + 1;
		if (rs->des_match[di] >= 0)
			continue;
		if (rs->bucket)
		{
			const char *key = rs->bucket(d, rs->ctx, false, di);

			list = vb_map_get(&buckets, key);
			if (list == NULL)
			{
				list = vb_alloc(d->a, sizeof(vb_list));
				vb_map_put(&buckets, key, list);
			}
		}
		vb_list_push(d->a, list, (void *) (size_t) di);
	}
	for (i = 0; i < rs->ncur; i++)
		if (CUR_AT(rs, i) + 1 > ncur_all)
			ncur_all = CUR_AT(rs, i) + 1;
	cur_count = vb_alloc(d->a, sizeof(int) * (size_t) (ncur_all + 1));
	des_count = vb_alloc(d->a, sizeof(int) * (size_t) (ndes_all + 1));

	/*
	 * Candidate pairs, counted first. With "rename", a pair whose two sides
	 * have no other candidate is renamed; everything else stays a listed
	 * ambiguity (so diff shows it and push refuses it), unless "addAndDrop"
	 * settles all.
	 */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < rs->ncur; i++)
		{
			int			ci = CUR_AT(rs, i);
			vb_list    *list;

			if (vb_should_stop(d->a))
				return vb_canceled(d->err, d->a);
			if (rs->cur_match[ci] >= 0)
				continue;
			list = rs->bucket ? vb_map_get(&buckets, rs->bucket(d, rs->ctx, true, ci)) : &everyone;
			for (j = 0; list && j < list->count; j++)
			{
				int			di = (int) (size_t) list->items[j];
				vb_ambiguity *amb;

				if (!pair_open(d, &declined, rs, ci, di))
					continue;
				if (pass == 0)
				{
					cur_count[ci]++;
					des_count[di]++;
					continue;
				}
				if (d->opts->resolve_all == VB_RESOLVE_ADD_AND_DROP)
					continue;
				if (d->opts->resolve_all == VB_RESOLVE_RENAME &&
					cur_count[ci] == 1 && des_count[di] == 1)
				{
					rs->cur_match[ci] = di;
					rs->des_match[di] = ci;
					continue;
				}
				amb = vb_alloc(d->a, sizeof(vb_ambiguity));
				amb->kind = rs->scope.kind;
				amb->schema = rs->scope.schema;
				amb->table = rs->scope.table;
				amb->from = rs->cur_names[ci];
				amb->to = rs->des_names[di];
				vb_list_push(d->a, &d->plan->ambiguous, amb);
			}
		}
	return true;
}
