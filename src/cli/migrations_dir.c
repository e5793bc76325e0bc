/*
 * migrations_dir.c — the migrations directory, in VibORM's layout:
 *
 *     NNNN_name.sql              the up file: statements separated by
 *                                "--> statement-breakpoint" lines
 *     meta/_journal.json         {"version": "1", "dialect": ..., "entries":
 *                                 [{"idx", "version", "name", "when", "checksum"}]}
 *     meta/_snapshot.json        the schema after the newest migration
 *     meta/_down/NNNN_name.sql   the down file
 *
 * The .sql files are the migrations (the journal adds their metadata), so
 * a file added by hand counts too. A file's version is its name up to the
 * first '_'; checksums are SHA-256 of the file's bytes. A journal checksum
 * that is a SHA-256 and differs from the file's is a warning (the file was
 * changed after it was generated); other journal checksums (VibORM's
 * TypeScript CLI) are not comparable and are left alone.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "history.h"
#include "migrate.h"
#include "vb_json.h"

const char *
cli_journal_dialect(const char *dialect_name)
{
	return strcmp(dialect_name, "pg") == 0 ? "postgresql" : dialect_name;
}

static bool
ends_with(const char *s, const char *suffix)
{
	size_t		n = strlen(s);
	size_t		m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *) a, *(char *const *) b);
}

/* A file's contents, or NULL when it does not exist. */
static char *
read_if_exists(vb_arena *arena, const char *path, vb_error *err, bool *failed)
{
	struct stat st;

	*failed = false;
	if (stat(path, &st) != 0)
		return NULL;
	{
		char	   *text = cli_read_file(arena, path, err);

		*failed = text == NULL;
		return text;
	}
}

/* The journal entry of a version, or NULL. */
static const cJSON *
journal_entry(const cJSON *journal, const char *version)
{
	const cJSON *e;

	cJSON_ArrayForEach(e, vb_json_member(journal, "entries"))
	{
		const cJSON *v = vb_json_member(e, "version");

		if (cJSON_IsString(v) && strcmp(v->valuestring, version) == 0)
			return e;
	}
	return NULL;
}

bool
cli_migrations_dir_read(vb_arena *arena, const char *path, bool may_be_missing,
						cli_migration_dir *dir, vb_error *err)
{
	DIR		   *d;
	struct dirent *de;
	vb_list		names = {0};
	char	   *text;
	bool		failed;
	int			i;

	memset(dir, 0, sizeof(*dir));
	dir->path = path;
	d = opendir(path);
	if (d == NULL)
	{
		if (errno == ENOENT && may_be_missing)
			return true;
		vb_fail(err, arena, CLI_ERR_USAGE, NULL, "could not read the migrations directory %s: %s",
				path, strerror(errno));
		if (errno == ENOENT)
			err->hint = "Create migrations with 'viborm migrate generate', or name the directory with --dir.";
		return false;
	}
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.' && ends_with(de->d_name, ".sql"))
			vb_list_push(arena, &names, vb_strdup(arena, de->d_name));
	closedir(d);
	if (names.count > 1)
		qsort(names.items, (size_t) names.count, sizeof(char *), compare_names);

	text = read_if_exists(arena, vb_printf(arena, "%s/meta/_journal.json", path), err, &failed);
	if (failed)
		return false;
	if (text)
	{
		dir->journal = cJSON_Parse(text);
		if (dir->journal == NULL || !cJSON_IsObject(dir->journal))
		{
			cJSON_Delete(dir->journal);
			dir->journal = NULL;
			return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "%s/meta/_journal.json is not a JSON object",
						   path);
		}
		if (cJSON_IsString(vb_json_member(dir->journal, "dialect")))
			dir->dialect = vb_strdup(arena, vb_json_member(dir->journal, "dialect")->valuestring);
	}
	dir->snapshot = read_if_exists(arena, vb_printf(arena, "%s/meta/_snapshot.json", path), err,
								   &failed);
	if (failed)
		return false;

	for (i = 0; i < names.count; i++)
	{
		const char *file = names.items[i];
		const char *underscore = strchr(file, '_');
		size_t		stem = strlen(file) - 4;
		vb_migration *m = vb_alloc(arena, sizeof(vb_migration));
		const cJSON *entry;

		m->version = vb_strndup(arena, file, underscore ? (size_t) (underscore - file) : stem);
		m->name = underscore ? vb_strndup(arena, underscore + 1, stem - (size_t) (underscore - file) - 1)
			: vb_strdup(arena, "");
		if ((m->sql = cli_read_file(arena, vb_printf(arena, "%s/%s", path, file), err)) == NULL)
			return false;
		m->down = read_if_exists(arena, vb_printf(arena, "%s/meta/_down/%s", path, file), err, &failed);
		if (failed)
			return false;
		m->checksum = cli_sha256_hex(arena, m->sql, strlen(m->sql));
		entry = dir->journal ? journal_entry(dir->journal, m->version) : NULL;
		if (entry && cJSON_IsString(vb_json_member(entry, "checksum")) &&
			vb_is_sha256_hex(vb_json_member(entry, "checksum")->valuestring) &&
			strcmp(vb_json_member(entry, "checksum")->valuestring, m->checksum) != 0)
			vb_list_push(arena, &dir->warnings,
						 vb_printf(arena, "%s was changed after it was generated (its checksum is not the journal's)",
								   file));
		if (i > 0 && strcmp(((vb_migration *) dir->files.items[i - 1])->version, m->version) == 0)
			return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
						   "two migration files have version %s: %s and %s", m->version,
						   (char *) dir->file_names.items[i - 1], file);
		vb_list_push(arena, &dir->files, m);
		vb_list_push(arena, &dir->file_names, (void *) file);
	}
	/* the snapshot is the schema after the journal's newest entry (a file
	 * added by hand after it has none) */
	if (dir->files.count > 0 && dir->snapshot)
	{
		const cJSON *entries = vb_json_member(dir->journal, "entries");
		const cJSON *last = cJSON_GetArrayItem(entries, cJSON_GetArraySize(entries) - 1);
		const char *version = cJSON_GetStringValue(vb_json_member(last, "version"));

		for (i = 0; i < dir->files.count; i++)
		{
			vb_migration *m = dir->files.items[i];

			if (version ? strcmp(m->version, version) == 0 : i == dir->files.count - 1)
				m->snapshot = (char *) dir->snapshot;
		}
	}
	return true;
}

void
cli_migrations_dir_free(cli_migration_dir *dir)
{
	cJSON_Delete(dir->journal);
	dir->journal = NULL;
}

char *
cli_migrations_json(vb_arena *arena, const cli_migration_dir *dir)
{
	cJSON	   *list = cJSON_CreateArray();
	int			i;

	for (i = 0; i < dir->files.count; i++)
	{
		const vb_migration *m = dir->files.items[i];
		cJSON	   *o = cJSON_CreateObject();
		cJSON	   *snap = m->snapshot ? cJSON_Parse(m->snapshot) : NULL;

		cJSON_AddStringToObject(o, "version", m->version);
		cJSON_AddStringToObject(o, "name", m->name);
		cJSON_AddStringToObject(o, "sql", m->sql);
		if (m->down)
			cJSON_AddStringToObject(o, "down", m->down);
		cJSON_AddStringToObject(o, "checksum", m->checksum);
		if (dir->journal)
		{
			const cJSON *replaces = vb_json_member(journal_entry(dir->journal, m->version), "replaces");

			if (cJSON_IsArray(replaces) && cJSON_GetArraySize(replaces) > 0)
				cJSON_AddItemToObject(o, "replaces", cJSON_Duplicate(replaces, true));
		}
		if (cJSON_IsObject(snap))
			cJSON_AddItemToObject(o, "snapshot", snap);
		else
			cJSON_Delete(snap);
		cJSON_AddItemToArray(list, o);
	}
	return vb_json_print(arena, list);
}

static bool
write_file(vb_arena *arena, const char *path, const char *text, vb_error *err)
{
	FILE	   *f = fopen(path, "wb");

	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0)
	{
		if (f)
			fclose(f);
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "could not write %s: %s", path,
					   strerror(errno));
	}
	return true;
}

static bool
make_dir(vb_arena *arena, const char *path, vb_error *err)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST)
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "could not create %s: %s", path,
					   strerror(errno));
	return true;
}

bool
cli_migrations_dir_add(vb_arena *arena, cli_migration_dir *dir, const char *dialect_name,
					   const char *name, const vb_list *up, const char *down,
					   const char *snapshot, char **file_name, vb_error *err)
{
	long		next = 0;
	vb_buf		text;
	char	   *version;
	char	   *journal_text;
	cJSON	   *entries;
	cJSON	   *entry;
	int			i;

	for (i = 0; i < dir->files.count; i++)
	{
		const char *v = ((vb_migration *) dir->files.items[i])->version;
		char	   *end;
		long		n = strtol(v, &end, 10);

		if (*end == '\0' && n + 1 > next)
			next = n + 1;
	}
	version = vb_printf(arena, "%04ld", next);
	*file_name = vb_printf(arena, "%s_%s.sql", version, name);
	vb_buf_init(&text, arena);
	for (i = 0; i < up->count; i++)
		vb_buf_appendf(&text, "%s%s;\n", i ? "--> statement-breakpoint\n" : "", (char *) up->items[i]);

	if (dir->journal == NULL)
	{
		dir->journal = cJSON_CreateObject();
		cJSON_AddStringToObject(dir->journal, "version", "1");
		cJSON_AddStringToObject(dir->journal, "dialect", cli_journal_dialect(dialect_name));
	}
	entries = vb_json_member(dir->journal, "entries");
	if (!cJSON_IsArray(entries))
	{
		cJSON_DeleteItemFromObjectCaseSensitive(dir->journal, "entries");
		entries = cJSON_AddArrayToObject(dir->journal, "entries");
	}
	entry = cJSON_CreateObject();
	cJSON_AddNumberToObject(entry, "idx", cJSON_GetArraySize(entries));
	cJSON_AddStringToObject(entry, "version", version);
	cJSON_AddStringToObject(entry, "name", name);
	cJSON_AddNumberToObject(entry, "when", (double) (long long) (cli_now() * 1000));
	cJSON_AddStringToObject(entry, "checksum", cli_sha256_hex(arena, text.data, text.len));
	cJSON_AddItemToArray(entries, entry);
	journal_text = cJSON_Print(dir->journal);

	if (!make_dir(arena, dir->path, err) ||
		!make_dir(arena, vb_printf(arena, "%s/meta", dir->path), err) ||
		!make_dir(arena, vb_printf(arena, "%s/meta/_down", dir->path), err) ||
		!write_file(arena, vb_printf(arena, "%s/%s", dir->path, *file_name), text.data, err) ||
		!write_file(arena, vb_printf(arena, "%s/meta/_down/%s", dir->path, *file_name), down, err) ||
		!write_file(arena, vb_printf(arena, "%s/meta/_snapshot.json", dir->path),
					vb_printf(arena, "%s\n", snapshot), err) ||
		!write_file(arena, vb_printf(arena, "%s/meta/_journal.json", dir->path),
					vb_printf(arena, "%s\n", journal_text), err))
	{
		cJSON_free(journal_text);
		return false;
	}
	cJSON_free(journal_text);
	return true;
}

/* A statement without its trailing semicolons and blanks. */
static char *
without_semicolon(vb_arena *arena, const char *sql)
{
	size_t		n = strlen(sql);

	while (n > 0 && (sql[n - 1] == ';' || sql[n - 1] == ' ' || sql[n - 1] == '\t' ||
					 sql[n - 1] == '\n' || sql[n - 1] == '\r'))
		n--;
	return vb_strndup(arena, sql, n);
}

static bool
remove_file(vb_arena *arena, const char *path, vb_error *err)
{
	if (unlink(path) != 0 && errno != ENOENT)
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "could not remove %s: %s", path,
					   strerror(errno));
	return true;
}

bool
cli_migrations_dir_squash(vb_arena *arena, cli_migration_dir *dir, const char *from,
						  const char *to, const char *name, char **file_name, vb_error *err)
{
	int			first = -1;
	int			last = -1;
	bool		has_down = true;
	vb_buf		up;
	vb_buf		down;
	cJSON	   *entries;
	cJSON	   *kept;
	cJSON	   *entry;
	cJSON	   *replaces;
	cJSON	   *e;
	char	   *journal_text;
	bool		ok;
	int			n = 0;
	int			i;
	int			j;

	for (i = 0; i < dir->files.count; i++)
	{
		const char *v = ((vb_migration *) dir->files.items[i])->version;

		if (strcmp(v, from) == 0)
			first = i;
		if (strcmp(v, to) == 0)
			last = i;
	}
	if (first < 0 || last < 0)
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL, "there is no migration %s in %s",
					   first < 0 ? from : to, dir->path);
	if (last <= first)
		return vb_fail(err, arena, CLI_ERR_USAGE, NULL,
					   "--to %s must come after --from %s: squash joins two or more migrations", to, from);
	vb_buf_init(&up, arena);
	vb_buf_init(&down, arena);
	for (i = first; i <= last; i++)
	{
		vb_list		statements = {0};

		vb_migration_statements(arena, ((vb_migration *) dir->files.items[i])->sql, &statements);
		for (j = 0; j < statements.count; j++)
			vb_buf_appendf(&up, "%s%s;\n", up.len ? "--> statement-breakpoint\n" : "",
						   without_semicolon(arena, statements.items[j]));
	}
	for (i = last; i >= first; i--)
	{
		const char *d = ((vb_migration *) dir->files.items[i])->down;

		if (d == NULL)
			has_down = false;
		else
			vb_buf_appendf(&down, "%s%s;\n", down.len ? "--> statement-breakpoint\n" : "",
						   without_semicolon(arena, d));
	}
	*file_name = vb_printf(arena, "%s_%s.sql", from,
						   name ? name : ((vb_migration *) dir->files.items[first])->name);

	/* the journal: the squashed entries give way to one */
	if (dir->journal == NULL)
	{
		dir->journal = cJSON_CreateObject();
		cJSON_AddStringToObject(dir->journal, "version", "1");
	}
	entries = vb_json_member(dir->journal, "entries");
	kept = cJSON_CreateArray();
	entry = cJSON_CreateObject();
	cJSON_AddStringToObject(entry, "version", from);
	cJSON_AddStringToObject(entry, "name", name ? name : ((vb_migration *) dir->files.items[first])->name);
	cJSON_AddNumberToObject(entry, "when", (double) (long long) (cli_now() * 1000));
	cJSON_AddStringToObject(entry, "checksum", cli_sha256_hex(arena, up.data, up.len));
	/* what it replaces, so a database that applied them sees it applied */
	replaces = cJSON_AddArrayToObject(entry, "replaces");
	for (i = first; i <= last; i++)
	{
		const vb_migration *m = dir->files.items[i];
		const cJSON *old = journal_entry(dir->journal, m->version);
		const cJSON *inner = vb_json_member(old, "replaces");
		cJSON	   *r = cJSON_CreateObject();

		cJSON_AddStringToObject(r, "version", m->version);
		cJSON_AddStringToObject(r, "name", m->name);
		cJSON_AddStringToObject(r, "checksum", m->checksum);
		if (cJSON_IsArray(inner) && cJSON_GetArraySize(inner) > 0)
			cJSON_AddItemToObject(r, "replaces", cJSON_Duplicate(inner, true));
		cJSON_AddItemToArray(replaces, r);
	}
	cJSON_ArrayForEach(e, entries)
	{
		const char *v = cJSON_GetStringValue(vb_json_member(e, "version"));

		if (v && strcmp(v, from) >= 0 && strcmp(v, to) <= 0)
		{
			if (entry)
				cJSON_AddItemToArray(kept, entry);
			entry = NULL;
			continue;
		}
		cJSON_AddItemToArray(kept, cJSON_Duplicate(e, true));
	}
	if (entry)
		cJSON_AddItemToArray(kept, entry);
	cJSON_ArrayForEach(e, kept)
	{
		cJSON_DeleteItemFromObjectCaseSensitive(e, "idx");
		cJSON_AddNumberToObject(e, "idx", n++);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(dir->journal, "entries");
	cJSON_AddItemToObject(dir->journal, "entries", kept);
	journal_text = cJSON_Print(dir->journal);

	ok = true;
	for (i = first; i <= last && ok; i++)
		ok = remove_file(arena, vb_printf(arena, "%s/%s", dir->path, (char *) dir->file_names.items[i]), err) &&
			remove_file(arena, vb_printf(arena, "%s/meta/_down/%s", dir->path,
										 (char *) dir->file_names.items[i]), err);
	ok = ok && make_dir(arena, vb_printf(arena, "%s/meta", dir->path), err) &&
		write_file(arena, vb_printf(arena, "%s/%s", dir->path, *file_name), up.data, err) &&
		(!has_down || (make_dir(arena, vb_printf(arena, "%s/meta/_down", dir->path), err) &&
					   write_file(arena, vb_printf(arena, "%s/meta/_down/%s", dir->path, *file_name),
								  down.data, err))) &&
		write_file(arena, vb_printf(arena, "%s/meta/_journal.json", dir->path),
				   vb_printf(arena, "%s\n", journal_text), err);
	cJSON_free(journal_text);
	return ok;
}
