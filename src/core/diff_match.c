/*
 * diff_match.c — pairing current objects with desired ones (one routine for
 * tables, columns, enum values, keys, indexes, foreign keys and checks),
 * the resolution of rename candidates (renamedFrom, options.resolutions,
 * or an ambiguity report), and the helpers that compare current objects
 * with desired ones through the plan's renames.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

const char	vb_unknowable[] = "?";

/* ---- helpers --------------------------------------------------------------- */

bool
vb_is_managed(const vb_differ *d, const char *schema)
{
	return vb_set_has(&d->managed, schema);
}

const char *
vb_element_type(vb_differ *d, const char *type, int *dims)
{
	return d->dl->element_type(d->a, type, dims);
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
	elem = vb_element_type(d, type, &dims);
	renamed = vb_map_get(&d->enum_type_map, elem);
	if (renamed == NULL)
		return type;
	vb_buf_init(&buf, d->a);
	vb_buf_append(&buf, renamed);
	while (dims-- > 0)
		vb_buf_append(&buf, "[]");
	return buf.data;
}

static bool
is_ident_char(char c)
{
	return isalnum((unsigned char) c) || c == '_' || c == '$' || (unsigned char) c >= 0x80;
}

/* The next "::type" cast of `type` in expr at or after p, as a whole name. */
static const char *
find_cast(vb_differ *d, const char *p, const char *type)
{
	const char *needle = vb_printf(d->a, "::%s", type);
	size_t		n = strlen(needle);
	const char *hit;

	for (hit = strstr(p, needle); hit; hit = strstr(hit + 1, needle))
		if (!is_ident_char(hit[n]) && hit[n] != '"')
			return hit;
	return NULL;
}

/* Does a printed expression cast to `type` ("::public.mood")? */
bool
vb_mentions_type(vb_differ *d, const char *expr, const char *type)
{
	return expr && find_cast(d, expr, type) != NULL;
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
		size_t		n;
		const char *hit;
		vb_buf		buf;
		const char *p;

		if (e->key == NULL || !vb_mentions_type(d, out, e->key))
			continue;
		n = strlen(e->key) + 2;
		vb_buf_init(&buf, d->a);
		for (p = out; (hit = find_cast(d, p, e->key)) != NULL; p = hit + n)
		{
			vb_buf_appendn(&buf, p, (size_t) (hit - p));
			vb_buf_appendf(&buf, "::%s", (const char *) e->value);
		}
		vb_buf_append(&buf, p);
		out = buf.data;
	}
	return out;
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

/*
 * Rewrite the column references of a printed expression: `column` gives
 * each one's new text (NULL: keep it as it is; VB_UNKNOWABLE: the result
 * cannot be known, and the whole rewrite is NULL). The text is the
 * catalog's own output: identifiers are bare or quoted with the dialect's
 * quote, literals single-quoted. Names after "." or "::" and before "("
 * are not column references.
 */
const char *
vb_rewrite_columns(vb_differ *d, const char *expr, vb_column_text_fn column, void *ctx)
{
	vb_buf		buf;
	const char *s = expr;
	char		q = d->dl->ident_quote;

	if (expr == NULL)
		return NULL;
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
		else if (*s == q || ((isalpha((unsigned char) *s) || *s == '_' || (unsigned char) *s >= 0x80) &&
							 (s == expr || !is_ident_char(s[-1]))))
		{
			const char *start = s;
			vb_buf		name;
			const char *after;
			const char *before = start;
			const char *text;

			vb_buf_init(&name, d->a);
			if (*s == q)
			{
				s++;
				while (*s && !(*s == q && s[1] != q))
				{
					if (*s == q)
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
			while (before > expr && before[-1] == ' ')
				before--;
			if ((before > expr && (before[-1] == '.' || before[-1] == ':')) ||
				*after == '(' || *after == '.')
				text = NULL;	/* a qualifier, type or function name */
			else
				text = column(d, ctx, name.data);
			if (text == VB_UNKNOWABLE)
				return NULL;
			if (text)
				vb_buf_append(&buf, text);
			else
				vb_buf_appendn(&buf, start, (size_t) (s - start));
		}
		else
			vb_buf_appendc(&buf, *s++);
	}
	return buf.data;
}

/* A current column's name in the document, quoted, when it is renamed. */
static const char *
renamed_column(vb_differ *d, void *ctx, const char *name)
{
	vb_column  *dc = vb_map_get(&((vb_table_pair *) ctx)->cur_col_to_des, name);

	return dc && strcmp(dc->name, name) != 0 ? d->dl->quote_ident(d->a, dc->name) : NULL;
}

/* A current expression in the document's column names. */
const char *
vb_mapped_predicate(vb_differ *d, vb_table_pair *p, const char *pred)
{
	return p ? vb_rewrite_columns(d, pred, renamed_column, p) : pred;
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

/* ---- pairing ----------------------------------------------------------------- */

void
vb_pairing_alloc(vb_differ *d, vb_pairing *pr, int ncur, int ndes)
{
	memset(pr, 0, sizeof(*pr));
	pr->ncur = ncur;
	pr->ndes = ndes;
	pr->cur_names = vb_alloc(d->a, sizeof(char *) * (size_t) (ncur + 1));
	pr->des_names = vb_alloc(d->a, sizeof(char *) * (size_t) (ndes + 1));
	pr->renamed_names = vb_alloc(d->a, sizeof(char *) * (size_t) (ndes + 1));
	pr->cur_match = vb_alloc(d->a, sizeof(int) * (size_t) (ncur + 1));
	pr->des_match = vb_alloc(d->a, sizeof(int) * (size_t) (ndes + 1));
	pr->des_equal = vb_alloc(d->a, sizeof(bool) * (size_t) (ndes + 1));
	/* unpaired until vb_pair says otherwise, even if it is stopped early */
	memset(pr->cur_match, 0xff, sizeof(int) * (size_t) (ncur + 1));
	memset(pr->des_match, 0xff, sizeof(int) * (size_t) (ndes + 1));
}

static const char *
scope_of(char **scopes, int i)
{
	return scopes ? scopes[i] : "";
}

static void
pair_up(vb_pairing *pr, int ci, int di, bool equal)
{
	pr->cur_match[ci] = di;
	pr->des_match[di] = ci;
	pr->des_equal[di] = equal;
}

static bool
same(vb_differ *d, vb_pairing *pr, int ci, int di)
{
	return pr->same == NULL || pr->same(d, pr->ctx, ci, di);
}

/*
 * The options.resolutions entries of a scope: kind, schema, and for columns
 * the table, for enum values the enum (lists built on first use, so a
 * document of many tables looks at each entry once).
 */
static vb_list *
scope_entries(vb_differ *d, const char *kind, const char *schema, const char *in)
{
	int			i;

	if (!d->entries_built)
	{
		vb_map_init(&d->entries, d->a, 8);
		for (i = 0; i < d->opts->resolutions.count; i++)
		{
			vb_resolution_entry *r = d->opts->resolutions.items[i];
			const char *where = strcmp(r->kind, "column") == 0 ? r->table :
				strcmp(r->kind, "enumValue") == 0 ? r->enum_name : "";
			char	   *key = vb_key3(d->a, r->kind, r->schema, where ? where : "");
			vb_list    *list = vb_map_get(&d->entries, key);

			if (list == NULL)
			{
				list = vb_alloc(d->a, sizeof(vb_list));
				vb_map_put(&d->entries, key, list);
			}
			vb_list_push(d->a, list, r);
		}
		d->entries_built = true;
	}
	return vb_map_get(&d->entries, vb_key3(d->a, kind, schema, in ? in : ""));
}

/* The unpaired objects of one scope, by index (void * of int). */
typedef struct open_group
{
	vb_list		cur;
	vb_list		des;
} open_group;

/* A dropped/added pair of the scope still open to a rename question. */
static bool
pair_open(vb_differ *d, vb_pairing *pr, vb_map *declined, int ci, int di)
{
	return pr->cur_match[ci] < 0 && pr->des_match[di] < 0 &&
		!vb_map_get(declined, vb_key2(d->a, pr->cur_names[ci], pr->des_names[di])) &&
		pr->candidate(d, pr->ctx, ci, di);
}

#define AT(list, i) ((int) (size_t) (list)->items[i])

/*
 * Step 3 for tables, columns and enum values, in one scope: explicit
 * resolutions first, then the "rename"/"addAndDrop" blanket option, else
 * every candidate pair is listed as ambiguous (diff shows it, push refuses
 * it). Only objects still unpaired are looked at, and only those of the
 * same bucket compared, so a scope where everything pairs by name costs
 * nothing here.
 */
static void
resolve_renames(vb_differ *d, vb_pairing *pr, const char *scope, open_group *g)
{
	const char *schema = pr->cur_scopes ? scope : pr->schema;
	const char *in = strcmp(pr->kind, "column") == 0 || strcmp(pr->kind, "enumValue") == 0 ?
		pr->table : "";
	vb_list    *entries = scope_entries(d, pr->kind, schema, in);
	int		   *cur_count = vb_alloc(d->a, sizeof(int) * (size_t) (pr->ncur + 1));
	int		   *des_count = vb_alloc(d->a, sizeof(int) * (size_t) (pr->ndes + 1));
	vb_map		declined;
	vb_map		buckets;
	int			pass;
	int			i;
	int			j;

	vb_map_init(&declined, d->a, 8);
	if (entries)
	{
		vb_map		cur_by_name;
		vb_map		des_by_name;

		vb_map_init(&cur_by_name, d->a, g->cur.count);
		vb_map_init(&des_by_name, d->a, g->des.count);
		for (i = 0; i < g->cur.count; i++)
			vb_map_put(&cur_by_name, pr->cur_names[AT(&g->cur, i)],
					   (void *) (size_t) (AT(&g->cur, i) + 1));
		for (i = 0; i < g->des.count; i++)
			vb_map_put(&des_by_name, pr->des_names[AT(&g->des, i)],
					   (void *) (size_t) (AT(&g->des, i) + 1));
		for (i = 0; i < entries->count && !vb_should_stop(d->a); i++)
		{
			vb_resolution_entry *r = entries->items[i];
			int			fc = (int) (size_t) vb_map_get(&cur_by_name, r->from) - 1;
			int			td = (int) (size_t) vb_map_get(&des_by_name, r->to) - 1;

			if (fc < 0 || td < 0 || pr->cur_match[fc] >= 0 || pr->des_match[td] >= 0)
				continue;
			if (r->resolution == VB_RESOLVE_RENAME)
				pair_up(pr, fc, td, true);
			else
				vb_map_put(&declined, vb_key2(d->a, r->from, r->to), (void *) 1);
		}
	}

	/* the open added objects, by bucket */
	vb_map_init(&buckets, d->a, 8);
	for (i = 0; i < g->des.count; i++)
	{
		int			di = AT(&g->des, i);
		const char *key = pr->bucket ? pr->bucket(d, pr->ctx, false, di) : "";
		vb_list    *list;

		if (pr->des_match[di] >= 0)
			continue;
		list = vb_map_get(&buckets, key);
		if (list == NULL)
		{
			list = vb_alloc(d->a, sizeof(vb_list));
			vb_map_put(&buckets, key, list);
		}
		vb_list_push(d->a, list, (void *) (size_t) di);
	}

	/*
	 * Candidate pairs, counted first. With "rename", a pair whose sides have
	 * no other candidate is renamed; everything else stays a listed
	 * ambiguity, unless "addAndDrop" settles all.
	 */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < g->cur.count && !vb_should_stop(d->a); i++)
		{
			int			ci = AT(&g->cur, i);
			vb_list    *list;

			if (pr->cur_match[ci] >= 0)
				continue;
			list = vb_map_get(&buckets, pr->bucket ? pr->bucket(d, pr->ctx, true, ci) : "");
			for (j = 0; list && j < list->count; j++)
			{
				int			di = AT(list, j);
				vb_ambiguity *amb;

				if (!pair_open(d, pr, &declined, ci, di))
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
					pair_up(pr, ci, di, true);
					continue;
				}
				amb = vb_alloc(d->a, sizeof(vb_ambiguity));
				amb->kind = pr->kind;
				amb->schema = schema;
				amb->table = pr->table;
				amb->from = pr->cur_names[ci];
				amb->to = pr->des_names[di];
				vb_list_push(d->a, &d->plan->ambiguous, amb);
			}
		}
}

/* Step 3 for objects: the same definition under another name. */
static void
pair_by_definition(vb_differ *d, vb_pairing *pr)
{
	int			ci;
	int			di;

	for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
		for (ci = 0; ci < pr->ncur && pr->des_match[di] < 0; ci++)
			if (pr->cur_match[ci] < 0 && pr->same(d, pr->ctx, ci, di))
				pair_up(pr, ci, di, true);
}

void
vb_pair(vb_differ *d, vb_pairing *pr)
{
	vb_map		by_name;
	int			ci;
	int			di;
	size_t		idx;

	vb_map_init(&by_name, d->a, pr->ncur);
	for (ci = pr->ncur - 1; ci >= 0 && !vb_should_stop(d->a); ci--)	/* the first of equal names wins */
	{
		pr->cur_match[ci] = -1;
		vb_map_put(&by_name, vb_key2(d->a, scope_of(pr->cur_scopes, ci), pr->cur_names[ci]),
				   (void *) (size_t) (ci + 1));
	}
	for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
	{
		pr->des_match[di] = -1;
		pr->des_equal[di] = false;
	}

	/* 1. the same name (objects: and the same definition) */
	for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
	{
		idx = (size_t) vb_map_get(&by_name, vb_key2(d->a, scope_of(pr->des_scopes, di),
													pr->des_names[di]));
		if (idx && pr->cur_match[idx - 1] < 0 && same(d, pr, (int) idx - 1, di))
			pair_up(pr, (int) idx - 1, di, true);
	}
	/* 2. renamedFrom */
	for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
	{
		if (pr->des_match[di] >= 0 || pr->renamed_names[di] == NULL)
			continue;
		idx = (size_t) vb_map_get(&by_name,
								  vb_key2(d->a, pr->renamed_scopes && pr->renamed_scopes[di] ?
										  pr->renamed_scopes[di] : scope_of(pr->des_scopes, di),
										  pr->renamed_names[di]));
		if (idx && pr->cur_match[idx - 1] < 0)
			pair_up(pr, (int) idx - 1, di, same(d, pr, (int) idx - 1, di));
	}
	if (pr->kind)
	{
		/* 3. rename questions, scope by scope (a rename never moves a table
		 * to another schema unless renamedFrom says so), among the objects
		 * still unpaired, grouped by scope in one pass */
		vb_map		groups;
		vb_list		order = {0};
		int			i;

		vb_map_init(&groups, d->a, 4);
		for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
		{
			const char *scope = scope_of(pr->des_scopes, di);
			open_group *g = vb_map_get(&groups, scope);

			if (g == NULL)
			{
				g = vb_alloc(d->a, sizeof(open_group));
				vb_map_put(&groups, scope, g);
				vb_list_push(d->a, &order, (void *) scope);
			}
			if (pr->des_match[di] < 0)
				vb_list_push(d->a, &g->des, (void *) (size_t) di);
		}
		for (ci = 0; ci < pr->ncur; ci++)
		{
			open_group *g;

			if (pr->cur_match[ci] >= 0)
				continue;
			g = vb_map_get(&groups, scope_of(pr->cur_scopes, ci));
			if (g)
				vb_list_push(d->a, &g->cur, (void *) (size_t) ci);
		}
		for (i = 0; i < order.count && !vb_should_stop(d->a); i++)
			resolve_renames(d, pr, order.items[i], vb_map_get(&groups, order.items[i]));
		return;
	}
	if (pr->same == NULL)
		return;					/* paired by name alone (enum types) */
	/* 3. the same definition under another name; 4. the same name */
	pair_by_definition(d, pr);
	for (di = 0; di < pr->ndes && !vb_should_stop(d->a); di++)
	{
		if (pr->des_match[di] >= 0)
			continue;
		idx = (size_t) vb_map_get(&by_name, vb_key2(d->a, scope_of(pr->des_scopes, di),
													pr->des_names[di]));
		if (idx && pr->cur_match[idx - 1] < 0)
			pair_up(pr, (int) idx - 1, di, false);
	}
}
