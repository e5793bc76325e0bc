/*
 * migrate.c — versioned migrations, the part every face shares: reading
 * the migrations handed in as data, the statements of a file, reconciling
 * files with the target's records, what apply runs and refuses, what down
 * reverts, and the result objects. See vb_migrate.h.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "vb_json.h"
#include "vb_migrate.h"

const char *
vb_migration_state_name(vb_migration_state state)
{
	switch (state)
	{
		case VB_MIGRATION_APPLIED:
			return "applied";
		case VB_MIGRATION_PENDING:
			return "pending";
		case VB_MIGRATION_EDITED:
			return "edited";
		case VB_MIGRATION_MISSING:
			return "missing";
		case VB_MIGRATION_FAILED:
			return "failed";
	}
	return "unknown";
}

/* An optional string member: absent is NULL; anything else but a string
 * is an error. */
static bool
optional_string(vb_arena *arena, const cJSON *obj, const char *key, const char *base,
				char **out, vb_error *err)
{
	cJSON	   *v = vb_json_member(obj, key);

	*out = NULL;
	if (vb_json_absent(v))
		return true;
	if (!vb_json_expect(arena, err, v, VB_JSON_STRING, vb_json_key_path(arena, base, key), NULL))
		return false;
	*out = vb_strdup(arena, v->valuestring);
	return true;
}

/* A version is what sorts the files: printable, no path separator. */
static bool
valid_version(const char *v)
{
	const unsigned char *p;

	if (*v == '\0' || strlen(v) > 255)
		return false;
	for (p = (const unsigned char *) v; *p; p++)
		if (*p < 0x21 || *p == 0x7f || *p == '/' || *p == '\\')
			return false;
	return true;
}

static const char *const migration_keys[] = {
	"version", "name", "sql", "down", "checksum", "snapshot", "replaces", NULL
};

bool
vb_is_sha256_hex(const char *s)
{
	int			n = 0;

	for (; *s; s++, n++)
		if (!isxdigit((unsigned char) *s) || isupper((unsigned char) *s))
			return false;
	return n == 64;
}

/* "replaces": [{"version", "checksum", "replaces"?}] (a squash's). */
static bool
read_replaces(vb_arena *arena, const cJSON *list, const char *path, int depth, vb_list *out,
			  vb_error *err)
{
	const cJSON *item;
	int			i = 0;

	if (!vb_json_expect(arena, err, list, VB_JSON_ARRAY, path, NULL))
		return false;
	if (depth > 32)
		return vb_fail(err, arena, VB_ERR_INVALID, path, "squashes nest more than 32 deep");
	cJSON_ArrayForEach(item, list)
	{
		const char *ipath = vb_json_item_path(arena, path, (size_t) i++);
		vb_migration_replaced *r = vb_alloc(arena, sizeof(vb_migration_replaced));
		const cJSON *member;
		const cJSON *inner;

		if (!vb_json_expect(arena, err, item, VB_JSON_OBJECT, ipath, NULL))
			return false;
		cJSON_ArrayForEach(member, item)
		{
			if (strcmp(member->string, "version") != 0 && strcmp(member->string, "checksum") != 0 &&
				strcmp(member->string, "replaces") != 0 && strcmp(member->string, "name") != 0)
				return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, ipath, member->string),
							   "unknown key \"%s\" in a replaced migration", member->string);
		}
		if (!optional_string(arena, item, "version", ipath, &r->version, err) ||
			!optional_string(arena, item, "checksum", ipath, &r->checksum, err))
			return false;
		if (r->version == NULL || !valid_version(r->version))
			return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, ipath, "version"),
						   "a replaced migration needs a version: printable characters, no slash, at most 255 bytes");
		if (r->checksum == NULL || !vb_is_sha256_hex(r->checksum))
			return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, ipath, "checksum"),
						   "a replaced migration needs its checksum: 64 lower-case hex digits (SHA-256)");
		inner = vb_json_member(item, "replaces");
		if (!vb_json_absent(inner) &&
			!read_replaces(arena, inner, vb_json_key_path(arena, ipath, "replaces"), depth + 1,
						   &r->replaces, err))
			return false;
		vb_list_push(arena, out, r);
	}
	return true;
}

static bool
read_one(vb_arena *arena, const cJSON *item, const char *path, vb_set *seen, vb_list *files,
		 vb_error *err)
{
	vb_migration *m = vb_alloc(arena, sizeof(vb_migration));
	const cJSON *member;
	cJSON	   *snap;

	if (!vb_json_expect(arena, err, item, VB_JSON_OBJECT, path, NULL))
		return false;
	cJSON_ArrayForEach(member, item)
	{
		int			k;

		for (k = 0; migration_keys[k]; k++)
			if (strcmp(member->string, migration_keys[k]) == 0)
				break;
		if (migration_keys[k] == NULL)
			return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, path, member->string),
						   "unknown key \"%s\" in a migration", member->string);
	}
	if (!optional_string(arena, item, "version", path, &m->version, err) ||
		!optional_string(arena, item, "name", path, &m->name, err) ||
		!optional_string(arena, item, "sql", path, &m->sql, err) ||
		!optional_string(arena, item, "down", path, &m->down, err) ||
		!optional_string(arena, item, "checksum", path, &m->checksum, err))
		return false;
	if (m->version == NULL)
		return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, path, "version"),
					   "a migration needs a version");
	if (!valid_version(m->version))
		return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, path, "version"),
					   "migration version \"%s\" is not a version: printable characters, no slash, at most 255 bytes",
					   m->version);
	if (m->sql == NULL)
		return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, path, "sql"),
					   "migration %s has no \"sql\"", m->version);
	if (!vb_set_add(seen, m->version))
		return vb_fail(err, arena, VB_ERR_INVALID, vb_json_key_path(arena, path, "version"),
					   "migration version %s is given twice", m->version);
	if (m->name == NULL)
		m->name = "";
	snap = vb_json_member(item, "snapshot");
	if (!vb_json_absent(snap))
	{
		if (!vb_json_expect(arena, err, snap, VB_JSON_OBJECT,
							vb_json_key_path(arena, path, "snapshot"), NULL))
			return false;
		m->snapshot = vb_json_print(arena, cJSON_Duplicate(snap, true));
	}
	if (!vb_json_absent(vb_json_member(item, "replaces")) &&
		!read_replaces(arena, vb_json_member(item, "replaces"),
					   vb_json_key_path(arena, path, "replaces"), 0, &m->replaces, err))
		return false;
	m->checksum = NULL;			/* the face computes it from sql */
	vb_list_push(arena, files, m);
	return true;
}

bool
vb_migrations_read(vb_arena *arena, const char *json, vb_list *files, vb_error *err)
{
	cJSON	   *root = vb_json_parse(arena, json, "the migrations", "", err);
	const cJSON *item;
	vb_set		seen;
	size_t		i = 0;
	bool		ok = true;

	if (root == NULL)
		return false;
	vb_set_init(&seen, arena);
	if (!cJSON_IsArray(root))
		ok = vb_fail(err, arena, VB_ERR_INVALID, "",
					 "the migrations must be an array, not %s", vb_json_kind(root));
	else
		cJSON_ArrayForEach(item, root)
		{
			if (!(ok = read_one(arena, item, vb_json_item_path(arena, "", i++), &seen, files, err)))
				break;
		}
	cJSON_Delete(root);
	return ok;
}

/* options.schemas: names of schemas viborm may manage. */
static bool
read_schemas(vb_arena *arena, const cJSON *list, const char *path, vb_list *out, vb_error *err)
{
	const cJSON *item;
	int			i = 0;

	if (!vb_json_expect(arena, err, list, VB_JSON_ARRAY, path, NULL))
		return false;
	cJSON_ArrayForEach(item, list)
	{
		const char *ipath = vb_json_item_path(arena, path, (size_t) i++);
		const char *reserved;

		if (!vb_json_expect(arena, err, item, VB_JSON_STRING, ipath, "a schema name"))
			return false;
		if (item->valuestring[0] == '\0')
			return vb_fail(err, arena, VB_ERR_INVALID, ipath, "a schema name cannot be empty");
		if ((reserved = vb_reserved_schema(item->valuestring)) != NULL)
			return vb_fail(err, arena, VB_ERR_INVALID, ipath,
						   "schema \"%s\" %s and cannot be managed", item->valuestring, reserved);
		vb_list_push(arena, out, vb_strdup(arena, item->valuestring));
	}
	return true;
}

bool
vb_migrate_options_read(vb_arena *arena, const char *json, vb_migrate_options *out,
						vb_error *err)
{
	static const char *const keys[] = {
		"to", "steps", "allowOutOfOrder", "dryRun", "baseline", "perFile", "resume",
		"force", "lockTimeout", "reset", "schemas", NULL
	};
	cJSON	   *root = vb_json_parse(arena, json ? json : "{}", "the options", "options", err);
	const cJSON *member;
	bool		ok = true;

	memset(out, 0, sizeof(*out));
	out->steps = 1;
	out->lock_timeout = "5s";
	if (root == NULL)
		return false;
	if (!vb_json_expect(arena, err, root, VB_JSON_OBJECT, "options", NULL))
	{
		cJSON_Delete(root);
		return false;
	}
	cJSON_ArrayForEach(member, root)
	{
		const char *path = vb_json_key_path(arena, "options", member->string);
		int			k;

		for (k = 0; keys[k]; k++)
			if (strcmp(member->string, keys[k]) == 0)
				break;
		if (keys[k] == NULL)
			ok = vb_fail(err, arena, VB_ERR_INVALID, path, "unknown option \"%s\"", member->string);
		else if (vb_json_absent(member))
			continue;
		else if (k == 0 || k == 8)
		{
			if ((ok = vb_json_expect(arena, err, member, VB_JSON_STRING, path, NULL)))
			{
				if (k == 0)
					out->to = vb_strdup(arena, member->valuestring);
				else
					out->lock_timeout = vb_strdup(arena, member->valuestring);
			}
		}
		else if (k == 1)
		{
			if ((ok = vb_json_expect(arena, err, member, VB_JSON_COUNT, path, NULL)))
				out->steps = member->valueint;
		}
		else if (k == 10)
			ok = read_schemas(arena, member, path, &out->schemas, err);
		else if ((ok = vb_json_expect(arena, err, member, VB_JSON_BOOL, path, NULL)))
		{
			bool		v = cJSON_IsTrue(member);

			switch (k)
			{
				case 2:
					out->allow_out_of_order = v;
					break;
				case 3:
					out->dry_run = v;
					break;
				case 4:
					out->baseline = v;
					break;
				case 5:
					out->per_file = v;
					break;
				case 6:
					out->resume = v;
					break;
				case 9:
					out->reset = v;
					break;
				default:
					out->force = v;
					break;
			}
		}
		if (!ok)
			break;
	}
	cJSON_Delete(root);
	if (ok && out->reset && (out->baseline || out->resume))
		ok = vb_fail(err, arena, VB_ERR_INVALID, "options.reset",
					 "a reset applies every file: it cannot be combined with %s",
					 out->baseline ? "baseline" : "resume");
	if (ok && !out->reset && out->schemas.count > 0)
		ok = vb_fail(err, arena, VB_ERR_INVALID, "options.schemas",
					 "only a reset takes schemas");
	return ok;
}

/* Nothing but whitespace and comments from p to end? */
static bool
only_comments(const char *p, const char *end)
{
	while (p < end)
	{
		if (isspace((unsigned char) *p))
			p++;
		else if (p + 1 < end && p[0] == '-' && p[1] == '-')
		{
			while (p < end && *p != '\n')
				p++;
		}
		else if (p + 1 < end && p[0] == '/' && p[1] == '*')
		{
			const char *close = p + 2;

			while (close + 1 < end && !(close[0] == '*' && close[1] == '/'))
				close++;
			if (close + 1 >= end)
				return false;	/* unterminated: the server says so */
			p = close + 2;
		}
		else
			return false;
	}
	return true;
}

void
vb_migration_statements(vb_arena *arena, const char *sql, vb_list *out)
{
	const char *p = sql;
	size_t		marker = strlen(VB_STATEMENT_BREAKPOINT);

	for (;;)
	{
		const char *next = strstr(p, VB_STATEMENT_BREAKPOINT);
		const char *end = next ? next : p + strlen(p);
		const char *start = p;

		while (start < end && isspace((unsigned char) *start))
			start++;
		while (end > start && isspace((unsigned char) end[-1]))
			end--;
		if (!only_comments(start, end))
			vb_list_push(arena, out, vb_strndup(arena, start, (size_t) (end - start)));
		if (next == NULL)
			break;
		p = next + marker;
	}
}

bool
vb_migration_has_warning(const char *sql)
{
	const char *p = sql;

	while ((p = strstr(p, "-- WARNING:")) != NULL)
	{
		if (p == sql || p[-1] == '\n')
			return true;
		p++;
	}
	return false;
}

static int
compare_files(const void *a, const void *b)
{
	const vb_migration *x = *(vb_migration * const *) a;
	const vb_migration *y = *(vb_migration * const *) b;

	return strcmp(x->version, y->version);
}

static int
compare_records(const void *a, const void *b)
{
	const vb_migration_record *x = *(vb_migration_record * const *) a;
	const vb_migration_record *y = *(vb_migration_record * const *) b;

	return strcmp(x->version, y->version);
}

void
vb_migrations_sort(vb_list *files)
{
	if (files->count > 1)
		qsort(files->items, (size_t) files->count, sizeof(void *), compare_files);
}

static bool
record_failed(const vb_migration_record *r)
{
	return r->state && (strncmp(r->state, "failed", 6) == 0 || strcmp(r->state, "running") == 0);
}

/* The record of a version in a sorted list, or NULL. */
static vb_migration_record *
find_record(const vb_list *records, const char *version)
{
	int			lo = 0;
	int			hi = records->count - 1;

	while (lo <= hi)
	{
		int			mid = (lo + hi) / 2;
		vb_migration_record *r = records->items[mid];
		int			c = strcmp(r->version, version);

		if (c == 0)
			return r;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return NULL;
}

/* A record a squash takes: once, with a note when it is not applied as
 * the squash names it ("failed at step 2", "another checksum"). */
static void
use_record(vb_arena *arena, vb_set *used, vb_list *records, vb_list *notes,
		   vb_migration_record *r, const char *note)
{
	if (vb_set_add(used, r->version))
	{
		vb_list_push(arena, records, r);
		vb_list_push(arena, notes, (void *) note);
	}
}

/*
 * Did the target apply a migration a squash replaced: recorded with the
 * checksum the squash names, or (itself a squash) every migration it
 * replaced? Each record of a version met on the way is gathered in `used`.
 */
static bool
replaced_applied(vb_arena *arena, const vb_list *records, const vb_migration_replaced *rep,
				 vb_set *used, vb_list *used_records, vb_list *notes)
{
	vb_migration_record *rec = find_record(records, rep->version);
	bool		all = true;
	int			i;

	if (rec && !record_failed(rec) && rec->checksum && strcmp(rec->checksum, rep->checksum) == 0)
	{
		use_record(arena, used, used_records, notes, rec, NULL);
		return true;
	}
	if (rep->replaces.count == 0)
		all = false;
	for (i = 0; i < rep->replaces.count; i++)
		if (!replaced_applied(arena, records, rep->replaces.items[i], used, used_records, notes))
			all = false;
	if (!all && rec)
		use_record(arena, used, used_records, notes, rec,
				   record_failed(rec) ? rec->state : "with another checksum");
	return all;
}

/* Does a squash name this version with this checksum, at any depth? */
static bool
replaces_record(const vb_list *replaces, const vb_migration_record *r)
{
	int			i;

	for (i = 0; i < replaces->count; i++)
	{
		const vb_migration_replaced *rep = replaces->items[i];

		if ((strcmp(rep->version, r->version) == 0 && r->checksum &&
			 strcmp(rep->checksum, r->checksum) == 0) ||
			replaces_record(&rep->replaces, r))
			return true;
	}
	return false;
}

/*
 * A squashed file the target did not record as itself: applied as the
 * migrations it replaces (s->squashed), partly (s->partly), or not at all
 * (false). The records it takes are added to `taken`. A record of the
 * file's own version that is the squash itself (applied, failed) or none of
 * the migrations it replaced (the file was edited) is left to the usual
 * rules.
 */
static bool
reconcile_squash(vb_arena *arena, const vb_list *records, const vb_migration *file,
				 vb_migration_status *s, vb_set *taken)
{
	vb_migration_record *own = find_record(records, file->version);
	vb_set		used;
	vb_list		used_records = {0};
	vb_list		notes = {0};
	bool		all = true;
	vb_buf		names;
	int			i;

	if (file->replaces.count == 0)
		return false;
	if (own && ((own->checksum && file->checksum && strcmp(own->checksum, file->checksum) == 0) ||
				!replaces_record(&file->replaces, own)))
		return false;
	vb_set_init(&used, arena);
	for (i = 0; i < file->replaces.count; i++)
		if (!replaced_applied(arena, records, file->replaces.items[i], &used, &used_records, &notes))
			all = false;
	if (used_records.count == 0)
		return false;
	vb_buf_init(&names, arena);
	for (i = 0; i < used_records.count; i++)
	{
		vb_migration_record *r = used_records.items[i];

		vb_set_add(taken, r->version);
		vb_buf_appendf(&names, "%s%s%s%s", i ? ", " : "", r->version,
					   notes.items[i] ? " " : "", notes.items[i] ? (char *) notes.items[i] : "");
		/* the newest: the greatest version (one apply gives all the same time) */
		if (s->record == NULL || strcmp(r->version, s->record->version) > 0)
			s->record = r;
	}
	s->file = file;
	if (all)
	{
		s->state = VB_MIGRATION_APPLIED;
		s->squashed = true;
	}
	else
	{
		s->state = VB_MIGRATION_EDITED;
		s->partly = names.data;
	}
	return true;
}

void
vb_migrations_reconcile(vb_arena *arena, const vb_list *files, const vb_list *records,
						vb_list *statuses)
{
	vb_list		f = *files;
	vb_list		r = *records;
	vb_list		squashes = {0};
	vb_set		taken;
	const char *last_applied = NULL;
	int			i = 0;
	int			j = 0;

	/* sorted copies of both lists */
	f.items = vb_alloc(arena, sizeof(void *) * (size_t) (f.count + 1));
	if (f.count > 0)
		memcpy(f.items, files->items, sizeof(void *) * (size_t) f.count);
	r.items = vb_alloc(arena, sizeof(void *) * (size_t) (r.count + 1));
	if (r.count > 0)
		memcpy(r.items, records->items, sizeof(void *) * (size_t) r.count);
	vb_migrations_sort(&f);
	if (r.count > 1)
		qsort(r.items, (size_t) r.count, sizeof(void *), compare_records);
	if (r.count > 0)
		last_applied = ((vb_migration_record *) r.items[r.count - 1])->version;

	/* squashed files first: the records they take make no lines */
	vb_set_init(&taken, arena);
	for (i = 0; i < f.count; i++)
	{
		vb_migration_status *s = vb_alloc(arena, sizeof(vb_migration_status));

		if (!reconcile_squash(arena, &r, f.items[i], s, &taken))
			s = NULL;
		vb_list_push(arena, &squashes, s);
	}
	i = 0;
	while (i < f.count || j < r.count)
	{
		vb_migration *file = i < f.count ? f.items[i] : NULL;
		vb_migration_record *rec = j < r.count ? r.items[j] : NULL;
		vb_migration_status *s;
		int			c;

		if (rec && vb_set_has(&taken, rec->version))
		{
			j++;
			continue;
		}
		if (file && rec)
			c = strcmp(file->version, rec->version);
		else
			c = file ? -1 : 1;
		if (c <= 0 && squashes.items[i])
		{
			s = squashes.items[i++];
			s->version = file->version;
			s->name = file->name[0] || !s->record ? file->name : s->record->name;
			vb_list_push(arena, statuses, s);
			continue;
		}
		s = vb_alloc(arena, sizeof(vb_migration_status));
		if (c < 0)
		{
			s->file = file;
			s->state = VB_MIGRATION_PENDING;
			s->out_of_order = last_applied && strcmp(file->version, last_applied) < 0;
			i++;
		}
		else if (c > 0)
		{
			s->record = rec;
			s->state = record_failed(rec) ? VB_MIGRATION_FAILED : VB_MIGRATION_MISSING;
			j++;
		}
		else
		{
			s->file = file;
			s->record = rec;
			if (record_failed(rec))
				s->state = VB_MIGRATION_FAILED;
			else if (file->checksum && rec->checksum && strcmp(file->checksum, rec->checksum) != 0)
				s->state = VB_MIGRATION_EDITED;
			else
				s->state = VB_MIGRATION_APPLIED;
			i++;
			j++;
		}
		s->version = s->file ? s->file->version : s->record->version;
		s->name = s->file && (!s->record || s->file->name[0]) ? s->file->name : s->record->name;
		vb_list_push(arena, statuses, s);
	}
}

bool
vb_migrations_pending(vb_arena *arena, const vb_list *statuses, const vb_migrate_options *opts,
					  vb_list *pending, vb_error *err)
{
	const vb_migration_status *failed = NULL;
	bool		to_found = opts->to == NULL;
	int			i;

	for (i = 0; i < statuses->count; i++)
	{
		const vb_migration_status *s = statuses->items[i];

		if (opts->to && strcmp(s->version, opts->to) == 0)
			to_found = true;
		if (s->partly)
		{
			vb_fail(err, arena, VB_ERR_MIGRATION_CHANGED, NULL,
					"migration %s (%s) squashes migrations of which this database applied only some: it recorded %s",
					s->version, s->name, s->partly);
			err->detail = "Running the squashed file would run the applied ones again.";
			err->hint = "Apply the rest with the files as they were before the squash (from version control), or revert the applied ones with migrate down, then apply again. Nothing was applied.";
			return false;
		}
		if (s->state == VB_MIGRATION_EDITED)
		{
			vb_fail(err, arena, VB_ERR_MIGRATION_CHANGED, NULL,
					"applied migration %s (%s) was edited", s->version, s->name);
			err->detail = vb_printf(arena, "It was applied with checksum %s; its file now has %s.",
									s->record->checksum, s->file->checksum);
			err->hint = "Restore the file as it was applied, and put the change in a new migration. Nothing was applied.";
			return false;
		}
		if (s->state == VB_MIGRATION_MISSING)
		{
			vb_fail(err, arena, VB_ERR_MIGRATION_CHANGED, NULL,
					"applied migration %s (%s) is missing", s->version, s->name);
			err->detail = vb_printf(arena, "The target recorded it (checksum %s), but no migration of that version was given.",
									s->record->checksum);
			err->hint = "Restore the file from version control. Nothing was applied.";
			return false;
		}
		if (s->state == VB_MIGRATION_FAILED)
		{
			if (s->file == NULL)
			{
				vb_fail(err, arena, VB_ERR_MIGRATION_CHANGED, NULL,
						"failed migration %s (%s) is missing", s->version, s->name);
				err->hint = "Restore the file, then resume it or resolve it as rolled back. Nothing was applied.";
				return false;
			}
			if (failed == NULL)
				failed = s;
		}
	}
	if (!to_found)
		return vb_fail(err, arena, VB_ERR_INVALID, "options.to",
					   "there is no migration %s", opts->to);
	if (failed && !opts->resume)
	{
		vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL,
				"migration %s (%s) %s", failed->version, failed->name,
				failed->record->state);
		err->detail = vb_printf(arena, "%d of its statements were applied%s%s.",
								failed->record->applied_steps,
								failed->record->error ? "; the error: " : "",
								failed->record->error ? failed->record->error : "");
		err->hint = "Continue it with migrate apply --resume, or, once the database is repaired by hand, mark it rolled back with migrate resolve --rolled-back VERSION. Nothing was applied.";
		return false;
	}
	if (failed)
		vb_list_push(arena, pending, (void *) failed);
	for (i = 0; i < statuses->count; i++)
	{
		const vb_migration_status *s = statuses->items[i];

		if (s->state != VB_MIGRATION_PENDING)
			continue;
		if (opts->to && strcmp(s->version, opts->to) > 0)
			break;
		if (s->out_of_order && !opts->allow_out_of_order)
		{
			vb_fail(err, arena, VB_ERR_OUT_OF_ORDER, NULL,
					"migration %s (%s) sorts before migrations already applied", s->version,
					s->name);
			err->hint = "It was probably merged from another branch: rename it to sort last, or accept it with --allow-out-of-order (option allowOutOfOrder). Nothing was applied.";
			return false;
		}
		vb_list_push(arena, pending, (void *) s);
	}
	return true;
}

bool
vb_migrations_to_revert(vb_arena *arena, const vb_list *records,
						const vb_migrate_options *opts, vb_list *revert, vb_error *err)
{
	vb_list		r = *records;
	int			i;

	r.items = vb_alloc(arena, sizeof(void *) * (size_t) (r.count + 1));
	if (r.count > 0)
		memcpy(r.items, records->items, sizeof(void *) * (size_t) r.count);
	if (r.count > 1)
		qsort(r.items, (size_t) r.count, sizeof(void *), compare_records);
	if (r.count == 0)
		return vb_fail(err, arena, VB_ERR_INVALID, NULL, "no migration is applied");
	if (opts->to)
	{
		bool		found = false;

		for (i = 0; i < r.count; i++)
			found = found || strcmp(((vb_migration_record *) r.items[i])->version, opts->to) == 0;
		if (!found)
			return vb_fail(err, arena, VB_ERR_INVALID, "options.to",
						   "migration %s is not applied", opts->to);
	}
	for (i = r.count - 1; i >= 0; i--)
	{
		vb_migration_record *rec = r.items[i];

		if (opts->to ? strcmp(rec->version, opts->to) <= 0 : revert->count >= opts->steps)
			break;
		if (record_failed(rec))
		{
			vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL, "migration %s (%s) %s",
					rec->version, rec->name, rec->state);
			err->hint = "Finish it with migrate apply --resume, or resolve it with migrate resolve --rolled-back, before going down. Nothing was reverted.";
			return false;
		}
		if (rec->down == NULL)
		{
			vb_fail(err, arena, VB_ERR_INVALID, NULL,
					"migration %s (%s) has no down migration", rec->version, rec->name);
			err->hint = "Write one, or revert by hand. Nothing was reverted.";
			return false;
		}
		if (vb_migration_has_warning(rec->down) && !opts->force)
		{
			vb_fail(err, arena, VB_ERR_DESTRUCTIVE, NULL,
					"the down migration of %s (%s) loses data or cannot restore everything",
					rec->version, rec->name);
			err->detail = "Its file carries -- WARNING: lines.";
			err->hint = "Read them, then run it with --force (option force). Nothing was reverted.";
			return false;
		}
		vb_list_push(arena, revert, rec);
	}
	return true;
}

const char *
vb_migrations_last_snapshot(const vb_list *statuses)
{
	int			i;

	for (i = statuses->count - 1; i >= 0; i--)
	{
		const vb_migration_status *s = statuses->items[i];

		if (s->state != VB_MIGRATION_APPLIED)
			continue;
		if (s->file && s->file->snapshot)
			return s->file->snapshot;
		return s->record ? s->record->snapshot : NULL;
	}
	return NULL;
}

/* ---- results ------------------------------------------------------------- */

static void
add_drift(cJSON *root, const char *drift)
{
	cJSON	   *d = drift ? cJSON_Parse(drift) : NULL;

	cJSON_AddItemToObject(root, "drift", d ? d : cJSON_CreateNull());
}

char *
vb_migrate_apply_result(vb_arena *arena, const vb_list *runs, const vb_list *after,
						bool dry_run, const char *drift, const vb_migrate_reset *reset)
{
	cJSON	   *root = cJSON_CreateObject();
	cJSON	   *applied = cJSON_AddArrayToObject(root, "applied");
	cJSON	   *pending = cJSON_AddArrayToObject(root, "pending");
	vb_set		ran;
	int			i;

	for (i = 0; i < runs->count; i++)
	{
		const vb_migration_run *r = runs->items[i];
		cJSON	   *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "version", r->version);
		cJSON_AddStringToObject(o, "name", r->name);
		cJSON_AddStringToObject(o, "checksum", r->checksum);
		cJSON_AddNumberToObject(o, "statements", r->statements);
		cJSON_AddNumberToObject(o, "durationMs", r->duration_ms);
		cJSON_AddItemToArray(applied, o);
	}
	/* a dry run's statuses still count the files it would apply */
	vb_set_init(&ran, arena);
	for (i = 0; i < runs->count; i++)
		vb_set_add(&ran, ((vb_migration_run *) runs->items[i])->version);
	for (i = 0; i < after->count; i++)
	{
		const vb_migration_status *s = after->items[i];

		if (s->state == VB_MIGRATION_PENDING && !vb_set_has(&ran, s->version))
			cJSON_AddItemToArray(pending, cJSON_CreateString(s->version));
	}
	cJSON_AddBoolToObject(root, "dryRun", dry_run);
	if (reset)
	{
		cJSON	   *o = cJSON_AddObjectToObject(root, "reset");
		cJSON	   *schemas = cJSON_AddArrayToObject(o, "schemas");
		cJSON	   *dropped = cJSON_AddArrayToObject(o, "dropped");
		cJSON	   *forgotten = cJSON_AddArrayToObject(o, "forgotten");

		for (i = 0; i < reset->schemas.count; i++)
			cJSON_AddItemToArray(schemas, cJSON_CreateString(reset->schemas.items[i]));
		for (i = 0; i < reset->dropped.count; i++)
		{
			cJSON	   *d = cJSON_CreateObject();

			cJSON_AddStringToObject(d, "kind", reset->dropped_kinds.items[i]);
			cJSON_AddStringToObject(d, "object", reset->dropped.items[i]);
			cJSON_AddItemToArray(dropped, d);
		}
		for (i = 0; i < reset->forgotten.count; i++)
			cJSON_AddItemToArray(forgotten, cJSON_CreateString(reset->forgotten.items[i]));
	}
	add_drift(root, drift);
	return vb_json_print(arena, root);
}

bool
vb_migrate_reset_check(vb_arena *arena, const vb_migrate_options *opts, const vb_list *files,
					   const vb_migrate_reset *reset, vb_error *err)
{
	vb_buf		what;
	int			i;

	/* a bad `to` is refused before anything is dropped (MySQL cannot undo) */
	for (i = 0; opts->to && i < files->count; i++)
		if (strcmp(((vb_migration *) files->items[i])->version, opts->to) == 0)
			break;
	if (opts->to && i == files->count)
		return vb_fail(err, arena, VB_ERR_INVALID, "options.to", "there is no migration %s",
					   opts->to);
	if (opts->force || opts->dry_run)
		return true;
	vb_buf_init(&what, arena);
	for (i = 0; i < reset->dropped.count && i < 10; i++)
		vb_buf_appendf(&what, "%s%s %s", i ? ", " : "", (char *) reset->dropped_kinds.items[i],
					   (char *) reset->dropped.items[i]);
	if (reset->dropped.count > 10)
		vb_buf_appendf(&what, " and %d more", reset->dropped.count - 10);
	vb_fail(err, arena, VB_ERR_DESTRUCTIVE, NULL,
			"reset drops every object of the migrations' schemas and forgets %d applied migration(s)",
			reset->forgotten.count);
	err->detail = reset->dropped.count ? vb_printf(arena, "It would drop %s.", what.data)
		: "Nothing would be dropped.";
	err->hint = "Pass force (--force) to reset. Nothing was changed.";
	return false;
}

/* The schemas a snapshot manages; VB001 when it cannot be read. */
static bool
snapshot_schemas(vb_arena *arena, const char *snapshot, const char *version, vb_set *seen,
				 vb_list *out, vb_error *err)
{
	vb_schema  *doc;
	vb_error	why;
	vb_list		managed = {0};
	int			i;

	if (!vb_document_read(arena, snapshot, &doc, &why))
	{
		vb_fail(err, arena, VB_ERR_INVALID, "options.schemas",
				"the snapshot of migration %s cannot tell which schemas to reset: %s", version,
				why.message);
		err->hint = "Name them with the schemas option (--schemas). Nothing was changed.";
		return false;
	}
	vb_managed_schemas(arena, doc, NULL, &managed);
	for (i = 0; i < managed.count; i++)
		if (vb_reserved_schema(managed.items[i]) == NULL && vb_set_add(seen, managed.items[i]))
			vb_list_push(arena, out, managed.items[i]);
	return true;
}

bool
vb_migrate_reset_schemas(vb_arena *arena, const vb_migrate_options *opts,
						 const vb_list *statuses, vb_list *out, vb_error *err)
{
	vb_set		seen;
	bool		found = false;
	int			i;

	vb_set_init(&seen, arena);
	for (i = 0; i < opts->schemas.count; i++)
		if (vb_set_add(&seen, opts->schemas.items[i]))
			vb_list_push(arena, out, opts->schemas.items[i]);
	if (out->count > 0)
		return true;
	/* the directory's newest snapshot, and the target's newest record's */
	for (i = statuses->count - 1; i >= 0; i--)
	{
		const vb_migration_status *s = statuses->items[i];

		if (s->file && s->file->snapshot)
		{
			if (!snapshot_schemas(arena, s->file->snapshot, s->version, &seen, out, err))
				return false;
			found = true;
			break;
		}
	}
	for (i = statuses->count - 1; i >= 0; i--)
	{
		const vb_migration_status *s = statuses->items[i];

		if (s->record && s->record->snapshot)
		{
			if (!snapshot_schemas(arena, s->record->snapshot, s->record->version, &seen, out, err))
				return false;
			found = true;
			break;
		}
	}
	if (!found)
	{
		vb_fail(err, arena, VB_ERR_INVALID, "options.schemas",
				"no migration carries a snapshot that tells which schemas to reset");
		err->hint = "Name them with the schemas option (--schemas). Nothing was changed.";
		return false;
	}
	return true;
}

bool
vb_migrate_options_for(vb_arena *arena, const vb_migrate_options *opts, const char *request,
					   vb_error *err)
{
	if (strcmp(request, "apply") == 0)
		return true;
	if (opts->reset)
		return vb_fail(err, arena, VB_ERR_INVALID, "options.reset",
					   "only apply resets, not %s", request);
	if (opts->baseline)
		return vb_fail(err, arena, VB_ERR_INVALID, "options.baseline",
					   "only apply records a baseline, not %s", request);
	return true;
}

char *
vb_migrate_status_result(vb_arena *arena, const vb_list *statuses, const char *drift)
{
	cJSON	   *root = cJSON_CreateObject();
	cJSON	   *list = cJSON_AddArrayToObject(root, "migrations");
	int			pending = 0;
	int			i;

	for (i = 0; i < statuses->count; i++)
	{
		const vb_migration_status *s = statuses->items[i];
		const vb_migration_record *r = s->record;
		cJSON	   *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "version", s->version);
		cJSON_AddStringToObject(o, "name", s->name);
		cJSON_AddStringToObject(o, "state", vb_migration_state_name(s->state));
		cJSON_AddBoolToObject(o, "outOfOrder", s->out_of_order);
		cJSON_AddStringToObject(o, "checksum", r && !s->squashed && !s->partly ? r->checksum : s->file->checksum);
		if (s->state == VB_MIGRATION_EDITED && !s->partly)
			cJSON_AddStringToObject(o, "fileChecksum", s->file->checksum);
		if (s->squashed)
			cJSON_AddBoolToObject(o, "squashed", true);
		if (s->partly)
			cJSON_AddStringToObject(o, "partlyApplied", s->partly);
		if (r)
		{
			cJSON_AddStringToObject(o, "appliedAt", r->applied_at);
			cJSON_AddStringToObject(o, "appliedBy", r->applied_by);
			cJSON_AddNumberToObject(o, "durationMs", r->duration_ms);
			if (r->state && strcmp(r->state, "baseline") == 0)
				cJSON_AddBoolToObject(o, "baseline", true);
			if (s->state == VB_MIGRATION_FAILED)
			{
				cJSON_AddStringToObject(o, "failed", r->state);
				cJSON_AddNumberToObject(o, "appliedSteps", r->applied_steps);
				if (r->error)
					cJSON_AddStringToObject(o, "error", r->error);
			}
		}
		if (s->state != VB_MIGRATION_APPLIED)
			pending++;
		cJSON_AddItemToArray(list, o);
	}
	cJSON_AddNumberToObject(root, "pending", pending);
	add_drift(root, drift);
	return vb_json_print(arena, root);
}

char *
vb_migrate_down_result(vb_arena *arena, const vb_list *reverted, bool dry_run)
{
	cJSON	   *root = cJSON_CreateObject();
	cJSON	   *list = cJSON_AddArrayToObject(root, "reverted");
	int			i;

	for (i = 0; i < reverted->count; i++)
	{
		const vb_migration_record *r = reverted->items[i];
		cJSON	   *o = cJSON_CreateObject();
		vb_list		statements;

		memset(&statements, 0, sizeof(statements));
		vb_migration_statements(arena, r->down, &statements);
		cJSON_AddStringToObject(o, "version", r->version);
		cJSON_AddStringToObject(o, "name", r->name);
		cJSON_AddNumberToObject(o, "statements", statements.count);
		cJSON_AddItemToArray(list, o);
	}
	cJSON_AddBoolToObject(root, "dryRun", dry_run);
	return vb_json_print(arena, root);
}

const char *
vb_migrate_drift(vb_arena *arena, const char *diff_result)
{
	cJSON	   *root = diff_result ? cJSON_Parse(diff_result) : NULL;
	bool		some;

	if (root == NULL)
		return NULL;
	some = cJSON_GetArraySize(vb_json_member(root, "operations")) > 0 ||
		cJSON_GetArraySize(vb_json_member(root, "ambiguous")) > 0;
	cJSON_Delete(root);
	return some ? vb_strdup(arena, diff_result) : NULL;
}
