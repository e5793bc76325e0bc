/*
 * output.c — messages on stderr and the human form of results on stdout.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "output.h"
#include "request.h"

/* ---- messages ------------------------------------------------------------ */

#if defined(__GNUC__)
__attribute__((format(printf, 3, 0)))
#endif
static void
vmessage(cli_colour colour, const char *prefix, const char *fmt, va_list ap)
{
	fprintf(stderr, "%s%s:%s ", cli_colour_of(stderr, colour), prefix,
			cli_colour_of(stderr, CLI_RESET));
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void
cli_error(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vmessage(CLI_RED, "error", fmt, ap);
	va_end(ap);
}

void
cli_hint(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vmessage(CLI_YELLOW, "hint", fmt, ap);
	va_end(ap);
}

void
cli_warning(const char *fmt,...)
{
	va_list		ap;

	va_start(ap, fmt);
	vmessage(CLI_YELLOW, "warning", fmt, ap);
	va_end(ap);
}

int
cli_exit_code(const vb_error *err)
{
	if (strcmp(err->code, CLI_ERR_INTERRUPTED) == 0 && cli_interrupted())
		return CLI_EXIT_INTERRUPTED;
	if (strcmp(err->code, CLI_ERR_USAGE) == 0 || strcmp(err->code, "VB001") == 0)
		return CLI_EXIT_USAGE;
	return CLI_EXIT_REFUSED;
}

/* "detail: " then each further line indented under the first */
static void
print_block(const char *label, const char *text)
{
	const char *p = text;

	fprintf(stderr, "%s%s:%s ", cli_colour_of(stderr, CLI_BOLD), label,
			cli_colour_of(stderr, CLI_RESET));
	while (*p)
	{
		size_t		len = strcspn(p, "\n");

		fwrite(p, 1, len, stderr);
		fputc('\n', stderr);
		p += len;
		if (*p == '\n' && *++p)
			fprintf(stderr, "%*s", (int) strlen(label) + 2, "");
	}
}

/*
 * The command's arena: when memory runs out it says so and exits (1), as
 * git's xmalloc does. PostgreSQL and SQLite roll back the transaction the
 * dropped connection or file left open; on MySQL the history row's journal
 * shows the statements that ran.
 */
static void
out_of_memory(size_t size)
{
	cli_error("out of memory (could not allocate %zu bytes)", size);
	exit(CLI_EXIT_REFUSED);
}

vb_arena *
cli_arena_new(void)
{
	vb_arena   *arena = vb_heap_arena_new();

	vb_heap_arena_on_out_of_memory(arena, out_of_memory);
	return arena;
}

/*
 * cJSON's memory: bump allocation from chunks of 4 MB of an arena (huge
 * pages where there are any) while the command reads a schema document or
 * plans and pushes. cJSON makes one malloc per value and per string: for a
 * push of 1000 tables, the document's 200,000 values, and the result,
 * history row and snapshot of its 3000 operations, took a malloc and a
 * free each, a sixth of a no-op push and a tenth of an initial one.
 * Two regions, chunks of their own each:
 *
 * - the document's (cli_json_document_begin and _end around reading one):
 *   the core leaves the parsed tree to us (vb_json_set_bulk_free) rather
 *   than freeing its values one by one, and nothing cJSON allocates there
 *   outlives the window (the readers copy what they keep into their
 *   arena), so all of its chunks are given back when it ends;
 * - the plan's (cli_json_region_begin and _end, which nest): its trees
 *   outlive the window (the command prints the result it returns), so a
 *   value freed there only counts down the live ones, and the chunks are
 *   reused once none is alive, and given back if none is when the
 *   outermost window ends (else at exit); a tree the core discards there
 *   (the snapshot, once printed) is not walked to be freed but stays
 *   until then.
 *
 * Outside both, cJSON has malloc. A pointer is always freed the way it was
 * allocated: one in the document's chunks is left to the end of its
 * window, one in the plan's chunks is counted, any other goes to free().
 * Builds with AddressSanitizer keep malloc and cJSON_Delete throughout,
 * which then checks every allocation.
 */
#if !defined(__SANITIZE_ADDRESS__)
typedef struct json_chunk
{
	struct json_chunk *next;
	size_t		size;			/* bytes of data */
	size_t		used;			/* bytes handed out */
	max_align_t data[];
} json_chunk;

/* with its header and the arena's (which is smaller than 64 bytes), a
 * chunk fills the arena's 4 MB block exactly, not a third huge page */
#define JSON_CHUNK (4 * 1024 * 1024 - sizeof(json_chunk) - 64)

typedef struct json_region
{
	int			on;				/* windows open: allocate from the chunks */
	vb_arena   *arena;			/* the chunks' memory */
	json_chunk *first;
	json_chunk *current;		/* being filled; those after it are empty */
	json_chunk *last_hit;		/* the chunk of the last pointer freed */
	long		live;			/* chunk allocations not freed */
} json_region;

static json_region document_region;
static json_region plan_region;

static void *
region_alloc(json_region *r, size_t size)
{
	json_chunk *c = r->current;
	size_t		align = sizeof(max_align_t);

	size = (size + align - 1) / align * align;
	while (c && c->size - c->used < size)
	{
		c = c->next;
		if (c)
			r->current = c;
	}
	if (c == NULL)
	{
		size_t		bytes = size > JSON_CHUNK ? size : JSON_CHUNK;

		if (r->arena == NULL)
			r->arena = cli_arena_new();
		c = vb_alloc(r->arena, sizeof(json_chunk) + bytes);
		c->size = bytes;
		/* a fresh chunk goes right after the current one */
		if (r->current)
		{
			c->next = r->current->next;
			r->current->next = c;
		}
		else
			r->first = c;
		r->current = c;
	}
	c->used += size;
	r->live++;
	return (char *) c->data + c->used - size;
}

static void *
json_alloc(size_t size)
{
	if (document_region.on)
		return region_alloc(&document_region, size);
	if (plan_region.on)
		return region_alloc(&plan_region, size);
	return malloc(size);
}

static bool
in_chunk(const json_chunk *c, const void *p)
{
	return c && (const char *) p >= (const char *) c->data &&
		(const char *) p < (const char *) c->data + c->size;
}

/* The chunk of r that holds p, or NULL. */
static json_chunk *
chunk_of(json_region *r, const void *p)
{
	json_chunk *c = r->last_hit;

	if (!in_chunk(c, p))
		for (c = r->first; c && !in_chunk(c, p); c = c->next)
			;
	if (c)
		r->last_hit = c;
	return c;
}

/* The region's memory given back, the region as new. */
static void
region_release(json_region *r)
{
	vb_arena_free(r->arena);
	memset(r, 0, sizeof(*r));
}

static void
json_free(void *p)
{
	json_chunk *c;

	if (p == NULL || chunk_of(&document_region, p))
		return;
	if (chunk_of(&plan_region, p) == NULL)
	{
		free(p);
		return;
	}
	if (--plan_region.live > 0)
		return;
	for (c = plan_region.first; c; c = c->next)
		c->used = 0;
	plan_region.current = plan_region.first;
}
#endif

void
cli_json_memory_init(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	vb_json_set_allocator(json_alloc, json_free);
#endif
}

#if !defined(__SANITIZE_ADDRESS__)
/* Trees discarded in either window are left to the region (a document's
 * goes with its region; a printed snapshot's stays in the plan's). */
static void
set_bulk_free(void)
{
	vb_json_set_bulk_free(document_region.on || plan_region.on);
}
#endif

void
cli_json_document_begin(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	document_region.on = 1;
	set_bulk_free();
#endif
}

void
cli_json_document_end(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	region_release(&document_region);
	set_bulk_free();
#endif
}

void
cli_json_region_begin(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	plan_region.on++;
	set_bulk_free();
#endif
}

/* The end of the window begun last: the region stays on inside another. */
void
cli_json_region_end(void)
{
#if !defined(__SANITIZE_ADDRESS__)
	if (plan_region.on > 0 && --plan_region.on > 0)
		return;
	set_bulk_free();
	if (plan_region.live == 0)
		region_release(&plan_region);
#endif
}

/*
 * An error as psql shows a server's: the code (server SQLSTATEs and
 * VBnnn; not the CLI's own), the message, then detail, JSON path and hint.
 */
int
cli_report(const vb_error *err)
{
	int			rc = cli_exit_code(err);
	bool		show_code = strlen(err->code) == 5 && strcmp(err->code, CLI_ERR_USAGE) != 0 &&
		strcmp(err->code, CLI_ERR_CONNECTION) != 0;

	if (rc == CLI_EXIT_INTERRUPTED)
	{
		fprintf(stderr, "%sinterrupted:%s %s; nothing was applied\n",
				cli_colour_of(stderr, CLI_RED), cli_colour_of(stderr, CLI_RESET),
				err->message);
		return rc;
	}
	if (show_code)
		cli_error("%s: %s", err->code, err->message);
	else
		cli_error("%s", err->message);
	if (err->detail && err->detail[0])
		print_block("detail", err->detail);
	if (err->path && err->path[0] && err->detail && err->detail[0])
		fprintf(stderr, "        JSON path: %s.\n", err->path);
	else if (err->path && err->path[0])
		fprintf(stderr, "%sdetail:%s JSON path: %s.\n", cli_colour_of(stderr, CLI_BOLD),
				cli_colour_of(stderr, CLI_RESET), err->path);
	if (err->hint && err->hint[0])
		print_block("hint", err->hint);
	return rc;
}

/* ---- files ------------------------------------------------------------- */

char *
cli_read_file(vb_arena *arena, const char *path, vb_error *err)
{
	bool		is_stdin = strcmp(path, "-") == 0;
	FILE	   *f = is_stdin ? stdin : fopen(path, "rb");
	vb_buf		buf;
	char		chunk[65536];
	size_t		n;
	struct stat st;

	if (f == NULL)
	{
		vb_fail(err, arena, CLI_ERR_USAGE, NULL, "cannot read %s: %s", path, strerror(errno));
		return NULL;
	}
	vb_buf_init(&buf, arena);
	vb_buf_append(&buf, "");
	/* a regular file's buffer is its size at once (doubling from 64 bytes
	 * left 4 MB of copies behind in the arena for a 2 MB document) */
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && (size_t) st.st_size >= buf.cap)
	{
		buf.cap = (size_t) st.st_size + 1;
		buf.data = vb_alloc(arena, buf.cap);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		vb_buf_appendn(&buf, chunk, n);
	if (ferror(f))
	{
		vb_fail(err, arena, CLI_ERR_USAGE, NULL, "cannot read %s: %s",
				is_stdin ? "<stdin>" : path, strerror(errno));
		if (!is_stdin)
			fclose(f);
		return NULL;
	}
	if (!is_stdin)
		fclose(f);
	if (strlen(buf.data) != buf.len)
	{
		vb_fail(err, arena, CLI_ERR_USAGE, NULL, "%s: the document contains a NUL byte",
				is_stdin ? "<stdin>" : path);
		return NULL;
	}
	return buf.data;
}

/* ---- JSON for people ---------------------------------------------------- */

static bool
is_scalar_array(const cJSON *v)
{
	const cJSON *item;

	cJSON_ArrayForEach(item, v)
		if (cJSON_IsObject(item) || cJSON_IsArray(item))
		return false;
	return true;
}

static void
pretty(vb_buf *out, const cJSON *v, int depth)
{
	const cJSON *item;
	bool		object = cJSON_IsObject(v);
	char	   *text;

	if (!object && !cJSON_IsArray(v))
	{
		text = cJSON_PrintUnformatted(v);
		vb_buf_append(out, text);
		cJSON_free(text);
		return;
	}
	if (v->child == NULL || (!object && is_scalar_array(v)))
	{
		/* [] {} and ["a", "b"] on one line */
		vb_buf_append(out, object ? "{" : "[");
		cJSON_ArrayForEach(item, v)
		{
			pretty(out, item, depth + 1);
			if (item->next)
				vb_buf_append(out, ", ");
		}
		vb_buf_append(out, object ? "}" : "]");
		return;
	}
	vb_buf_append(out, object ? "{\n" : "[\n");
	cJSON_ArrayForEach(item, v)
	{
		vb_buf_appendf(out, "%*s", (depth + 1) * 2, "");
		if (object)
		{
			cJSON		key;

			memset(&key, 0, sizeof(key));
			key.type = cJSON_String;
			key.valuestring = item->string;
			pretty(out, &key, depth + 1);
			vb_buf_append(out, ": ");
		}
		pretty(out, item, depth + 1);
		vb_buf_append(out, item->next ? ",\n" : "\n");
	}
	vb_buf_appendf(out, "%*s%s", depth * 2, "", object ? "}" : "]");
}

char *
cli_json_pretty(vb_arena *arena, const cJSON *value)
{
	vb_buf		out;

	vb_buf_init(&out, arena);
	pretty(&out, value, 0);
	return out.data;
}

/* ---- results ----------------------------------------------------------- */

int
cli_count(const cJSON *result, const char *key)
{
	return cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(result, key));
}

const char *
cli_operation_object(vb_arena *arena, const cJSON *op)
{
	const char *schema = cli_json_str(op, "schema");
	const char *table = cli_json_str(op, "table");
	const char *object = cli_json_str(op, "object");
	const char *owner = table[0] ? table : schema;

	return vb_printf(arena, "%s%s%s%s%s", schema, table[0] ? "." : "", table,
					 strcmp(object, owner) != 0 ? "." : "",
					 strcmp(object, owner) != 0 ? object : "");
}

/* + adds, - drops, > renames, ~ everything else */
static char
operation_symbol(const char *kind, cli_colour *colour)
{
	if (strncmp(kind, "create", 6) == 0 || strncmp(kind, "add", 3) == 0)
		return *colour = CLI_GREEN, '+';
	if (strncmp(kind, "drop", 4) == 0)
		return *colour = CLI_RED, '-';
	if (strncmp(kind, "rename", 6) == 0)
		return *colour = CLI_CYAN, '>';
	return *colour = CLI_YELLOW, '~';
}

static void
print_operation(FILE *f, vb_arena *arena, const cJSON *op, bool sql, bool verbose)
{
	const char *kind = cli_json_str(op, "kind");
	cli_colour	colour;
	char		symbol = operation_symbol(kind, &colour);
	const cJSON *item;

	fprintf(f, "  %s%c%s %-18s %s", cli_colour_of(f, colour), symbol,
			cli_colour_of(f, CLI_RESET), kind, cli_operation_object(arena, op));
	if (cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(op, "destructive")))
		fprintf(f, "  %s(destructive)%s", cli_colour_of(f, CLI_RED), cli_colour_of(f, CLI_RESET));
	if (verbose && cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(op, "hazards")) > 0)
	{
		const char *sep = "";

		fprintf(f, "  %s[", cli_colour_of(f, CLI_DIM));
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(op, "hazards"))
		{
			fprintf(f, "%s%s", sep, cJSON_IsString(item) ? item->valuestring : "?");
			sep = ", ";
		}
		fprintf(f, "]%s", cli_colour_of(f, CLI_RESET));
	}
	fputc('\n', f);
	if (!sql)
		return;
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(op, "sql"))
		if (cJSON_IsString(item))
		fprintf(f, "      %s%s;%s\n", cli_colour_of(f, CLI_DIM), item->valuestring,
				cli_colour_of(f, CLI_RESET));
}

void
cli_print_plan(FILE *f, vb_arena *arena, const cJSON *result, bool sql, bool verbose)
{
	const cJSON *op;
	const cJSON *item;

	cJSON_ArrayForEach(op, cJSON_GetObjectItemCaseSensitive(result, "operations"))
		print_operation(f, arena, op, sql, verbose);
	if (!verbose || cli_count(result, "unmanaged") == 0)
		return;
	fprintf(f, "Left alone (viborm does not manage them):\n");
	cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(result, "unmanaged"))
		fprintf(f, "    %s %s\n", cli_json_str(item, "kind"), cli_json_str(item, "object"));
}

void
cli_print_open_questions(FILE *f, vb_arena *arena, const cJSON *result)
{
	const cJSON *item;

	if (cli_count(result, "ambiguous") > 0)
	{
		fprintf(f, "Rename candidates (planned above as drop and add):\n");
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(result, "ambiguous"))
			fprintf(f, "  %s?%s %s    %s%s%s\n",
					cli_colour_of(f, CLI_MAGENTA), cli_colour_of(f, CLI_RESET),
					cli_pair_text(arena, item), cli_colour_of(f, CLI_DIM),
					cli_rename_flag_for(arena, item), cli_colour_of(f, CLI_RESET));
	}
	if (cli_count(result, "heldEnumValues") > 0)
	{
		fprintf(f, "Removed enum values that rows still hold (push needs a mapping):\n");
		cJSON_ArrayForEach(item, cJSON_GetObjectItemCaseSensitive(result, "heldEnumValues"))
		{
			const cJSON *rows = cJSON_GetObjectItemCaseSensitive(item, "rows");

			fprintf(f, "  %s!%s %s.%s \"%s\": %.0f row%s of %s.%s    %s%sVALUE%s\n",
					cli_colour_of(f, CLI_MAGENTA), cli_colour_of(f, CLI_RESET),
					cli_json_str(item, "schema"), cli_json_str(item, "enum"),
					cli_json_str(item, "value"), rows ? rows->valuedouble : 0,
					rows && rows->valuedouble == 1 ? "" : "s",
					cli_json_str(item, "object"), cli_json_str(item, "column"),
					cli_colour_of(f, CLI_DIM),
					cli_map_flag_for(arena, cli_json_str(item, "schema"),
									 cli_json_str(item, "enum"), cli_json_str(item, "value")),
					cli_colour_of(f, CLI_RESET));
		}
	}
}
