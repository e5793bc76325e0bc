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
 * "::old" becomes "::new" where old is a renamed enum type. */
const char *
vb_mapped_default(vb_differ *d, const char *expr)
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

char *
vb_sorted_columns_key(vb_arena *a, const vb_list *cols)
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


static bool
entry_in_scope(const vb_resolution_entry *r, const vb_rename_scope *sc)
{
	if (strcmp(r->kind, sc->kind) != 0 || strcmp(r->schema, sc->schema) != 0)
		return false;
	if (strcmp(sc->kind, "column") == 0)
		return r->table && strcmp(r->table, sc->table) == 0;
	if (strcmp(sc->kind, "enumValue") == 0)
		return r->enum_name && strcmp(r->enum_name, sc->table) == 0;
	return true;
}

/* A dropped/added pair still open to a rename question. */
static bool
pair_open(vb_differ *d, vb_map *declined, char **cur_names, char **des_names,
		  const int *cur_match, const int *des_match, vb_candidate_fn is_candidate,
		  void *ctx, int ci, int di)
{
	return cur_match[ci] < 0 && des_match[di] < 0 &&
		!vb_map_get(declined, vb_key2(d->a, cur_names[ci], des_names[di])) &&
		is_candidate(d, ctx, ci, di);
}

/*
 * Pair dropped and added objects: explicit resolutions first, then the
 * "rename"/"addAndDrop" blanket option, else every candidate pair is listed
 * as ambiguous. cur_match[ci] / des_match[di] hold the pairing (-1: none)
 * and may already be set by name and renamedFrom.
 */
bool
vb_resolve_renames(vb_differ *d, const vb_rename_scope *sc, int ncur, char **cur_names,
				int ndes, char **des_names, vb_candidate_fn is_candidate, void *ctx,
				int *cur_match, int *des_match)
{
	int			i;
	int			ci;
	int			di;
	int		   *cur_count;
	int		   *des_count;
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

	/*
	 * Candidate pairs. With "rename", a pair whose two sides have no other
	 * candidate is renamed; everything else stays a listed ambiguity (so
	 * diff shows it and push refuses it), unless "addAndDrop" settles all.
	 */
	cur_count = vb_alloc(d->a, sizeof(int) * (size_t) (ncur + 1));
	des_count = vb_alloc(d->a, sizeof(int) * (size_t) (ndes + 1));
	for (ci = 0; ci < ncur; ci++)
		for (di = 0; di < ndes; di++)
			if (pair_open(d, &declined, cur_names, des_names, cur_match, des_match,
						  is_candidate, ctx, ci, di))
			{
				cur_count[ci]++;
				des_count[di]++;
			}
	for (ci = 0; ci < ncur; ci++)
		for (di = 0; di < ndes; di++)
		{
			vb_ambiguity *amb;

			if (!pair_open(d, &declined, cur_names, des_names, cur_match, des_match,
						   is_candidate, ctx, ci, di) ||
				d->opts->resolve_all == VB_RESOLVE_ADD_AND_DROP)
				continue;
			if (d->opts->resolve_all == VB_RESOLVE_RENAME &&
				cur_count[ci] == 1 && des_count[di] == 1)
			{
				cur_match[ci] = di;
				des_match[di] = ci;
				continue;
			}
			amb = vb_alloc(d->a, sizeof(vb_ambiguity));
			amb->kind = sc->kind;
			amb->schema = sc->schema;
			amb->table = sc->table;
			amb->from = cur_names[ci];
			amb->to = des_names[di];
			vb_list_push(d->a, &d->plan->ambiguous, amb);
		}
	return true;
}
