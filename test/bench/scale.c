/*
 * scale.c — does the core's work grow linearly with the document? Times and
 * memory of the pipeline's pure steps (read the document, diff it against an
 * empty schema and against itself, write the plan and the document) for
 * documents of n, 2n, 4n and 8n objects, printed with the ratio to the
 * previous size: about 2 means linear, 4 quadratic.
 *
 *   test/bench/scale [n]        (n defaults to 12500: up to 100,000 tables)
 *
 * Four shapes, each grown by doubling: many tables (each with 9 columns, a
 * primary key, a unique constraint, an index, a check and a foreign key to
 * the previous table), one table with many columns, many enums, and one
 * enum with many values. Memory is every byte the core allocated from its
 * arena plus the JSON library's peak. A benchmark, not a test: it prints,
 * and exits non-zero only when a step fails.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "dialect.h"
#include "vb.h"

/* ---- counting allocators ------------------------------------------------- */

/* The arena: big blocks cut in turn, as a memory context does. */
#define BLOCK_SIZE (1024 * 1024)

typedef struct block
{
	struct block *next;
	size_t		used;
	size_t		size;
	max_align_t data[];
} block;

typedef struct counting_arena
{
	vb_arena	base;
	block	   *blocks;
	size_t		bytes;			/* asked for */
} counting_arena;

static void *
counting_alloc(void *ctx, size_t size)
{
	counting_arena *ca = ctx;
	size_t		rounded = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	block	   *b = ca->blocks;
	void	   *p;

	if (b == NULL || b->size - b->used < rounded)
	{
		size_t		want = rounded > BLOCK_SIZE ? rounded : BLOCK_SIZE;

		b = malloc(sizeof(block) + want);
		if (b == NULL)
		{
			fprintf(stderr, "scale: out of memory\n");
			exit(2);
		}
		b->used = 0;
		b->size = want;
		b->next = ca->blocks;
		ca->blocks = b;
	}
	p = (char *) b->data + b->used;
	b->used += rounded;
	ca->bytes += size;
	memset(p, 0, size);
	return p;
}

static void
counting_free_all(counting_arena *ca)
{
	while (ca->blocks)
	{
		block	   *next = ca->blocks->next;

		free(ca->blocks);
		ca->blocks = next;
	}
}

/* cJSON: live and peak bytes, through a size header */
static size_t json_live;
static size_t json_peak;

static void *
json_alloc(size_t size)
{
	size_t	   *p = malloc(size + sizeof(max_align_t));

	if (p == NULL)
		return NULL;
	*p = size;
	json_live += size;
	if (json_live > json_peak)
		json_peak = json_live;
	return (char *) p + sizeof(max_align_t);
}

static void
json_free(void *ptr)
{
	size_t	   *p;

	if (ptr == NULL)
		return;
	p = (size_t *) ((char *) ptr - sizeof(max_align_t));
	json_live -= *p;
	free(p);
}

/* ---- documents ---------------------------------------------------------------- */

typedef struct text
{
	char	   *data;
	size_t		len;
	size_t		cap;
} text;

static void
put(text *t, const char *fmt,...)
{
	va_list		ap;
	int			n;

	for (;;)
	{
		va_start(ap, fmt);
		n = vsnprintf(t->data + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
		if ((size_t) n < t->cap - t->len)
			break;
		t->cap = t->cap * 2 + (size_t) n + 1;
		t->data = realloc(t->data, t->cap);
		if (t->data == NULL)
			exit(2);
	}
	t->len += (size_t) n;
}

/* n tables like the server benchmark's: every object named, as introspect
 * writes them, so a document diffed against itself is a no-op */
static char *
tables_doc(int n)
{
	text		t = {calloc(1, 1024), 0, 1024};
	int			i;

	put(&t, "{\"enums\": [{\"name\": \"state\", \"values\": [\"new\", \"old\"]}], \"tables\": [");
	for (i = 0; i < n; i++)
	{
		put(&t, "%s{\"name\": \"t%d\", \"columns\": ["
			"{\"name\": \"id\", \"type\": \"integer\", \"nullable\": false, \"autoIncrement\": true}, "
			"{\"name\": \"code\", \"type\": \"character varying(40)\", \"nullable\": false}, "
			"{\"name\": \"title\", \"type\": \"text\"}, "
			"{\"name\": \"state\", \"type\": \"public.state\", \"default\": \"'new'::public.state\"}, "
			"{\"name\": \"amount\", \"type\": \"numeric(12,2)\"}, "
			"{\"name\": \"active\", \"type\": \"boolean\", \"default\": \"true\"}, "
			"{\"name\": \"data\", \"type\": \"jsonb\"}, "
			"{\"name\": \"created\", \"type\": \"timestamp with time zone\", \"default\": \"now()\"}, "
			"{\"name\": \"prev\", \"type\": \"integer\"}], "
			"\"primaryKey\": {\"name\": \"t%d_pkey\", \"columns\": [\"id\"]}, "
			"\"uniqueConstraints\": [{\"name\": \"t%d_code_key\", \"columns\": [\"code\"]}], "
			"\"indexes\": [{\"name\": \"t%d_title_idx\", \"columns\": [\"title\"], \"where\": \"(active IS TRUE)\"}], "
			"\"checks\": [{\"name\": \"t%d_amount_check\", \"expression\": \"(amount >= (0)::numeric)\"}]",
			i ? ", " : "", i, i, i, i, i);
		if (i > 0)
			put(&t, ", \"foreignKeys\": [{\"name\": \"t%d_prev_fkey\", \"columns\": [\"prev\"], "
				"\"referencedTable\": \"t%d\", \"referencedColumns\": [\"id\"]}]", i, i - 1);
		put(&t, "}");
	}
	put(&t, "]}");
	return t.data;
}

/* one table of n columns */
static char *
columns_doc(int n)
{
	text		t = {calloc(1, 1024), 0, 1024};
	int			i;

	put(&t, "{\"tables\": [{\"name\": \"wide\", \"columns\": [");
	for (i = 0; i < n; i++)
		put(&t, "%s{\"name\": \"c%d\", \"type\": \"%s\"}", i ? ", " : "", i,
			i % 2 ? "integer" : "text");
	put(&t, "]}]}");
	return t.data;
}

/* n enums of three values, and a table with a column of each tenth */
static char *
enums_doc(int n)
{
	text		t = {calloc(1, 1024), 0, 1024};
	int			i;

	put(&t, "{\"enums\": [");
	for (i = 0; i < n; i++)
		put(&t, "%s{\"name\": \"e%d\", \"values\": [\"a\", \"b\", \"c\"]}", i ? ", " : "", i);
	put(&t, "], \"tables\": [{\"name\": \"uses\", \"columns\": [");
	for (i = 0; i < n; i += 10)
		put(&t, "%s{\"name\": \"c%d\", \"type\": \"public.e%d\"}", i ? ", " : "", i, i);
	put(&t, "]}]}");
	return t.data;
}

/* one enum of n values */
static char *
values_doc(int n)
{
	text		t = {calloc(1, 1024), 0, 1024};
	int			i;

	put(&t, "{\"enums\": [{\"name\": \"big\", \"values\": [");
	for (i = 0; i < n; i++)
		put(&t, "%s\"v%d\"", i ? ", " : "", i);
	put(&t, "]}], \"tables\": []}");
	return t.data;
}

/* ---- measuring ---------------------------------------------------------------- */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double) ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
fail(const char *step, const vb_error *err)
{
	fprintf(stderr, "scale: %s failed: [%s] %s\n", step, err->code, err->message);
	exit(1);
}

/*
 * One document through the pure pipeline: read it twice (desired and, as
 * if introspected, current), diff it against an empty schema (everything is
 * created) and against itself (nothing to do), write the plan and the
 * document. Returns seconds; *bytes gets the memory.
 */
static double
run(const char *json, size_t *bytes)
{
	counting_arena ca;
	vb_schema  *desired;
	vb_schema  *current;
	vb_schema  *empty;
	vb_plan    *plan;
	vb_error	err;
	double		t0;
	double		t;

	memset(&ca, 0, sizeof(ca));
	ca.base.alloc = counting_alloc;
	ca.base.ctx = &ca;
	json_live = json_peak = 0;
	t0 = now();
	if (!vb_document_read(&ca.base, json, &desired, &err))
		fail("reading the document", &err);
	if (!vb_document_read(&ca.base, json, &current, &err))
		fail("reading the document", &err);
	vb_managed_schemas(&ca.base, desired, NULL, &desired->schemas);
	vb_managed_schemas(&ca.base, current, NULL, &current->schemas);
	empty = vb_alloc(&ca.base, sizeof(vb_schema));
	empty->schemas = desired->schemas;
	if (!vb_diff(&ca.base, &vb_dialect_pg, empty, desired, NULL, &plan, &err))
		fail("diff against an empty schema", &err);
	(void) vb_result_write(&ca.base, plan, false, 0);
	if (!vb_diff(&ca.base, &vb_dialect_pg, current, desired, NULL, &plan, &err))
		fail("diff against itself", &err);
	if (plan->operations.count != 0)
	{
		fprintf(stderr, "scale: a document diffed against itself plans %d operations\n",
				plan->operations.count);
		exit(1);
	}
	(void) vb_document_write(&ca.base, desired);
	t = now() - t0;
	*bytes = ca.bytes + json_peak;
	counting_free_all(&ca);
	return t;
}

static void
shape(const char *what, char *(*make) (int), int n)
{
	double		prev_t = 0;
	size_t		prev_m = 0;
	int			k;

	printf("%-28s %10s %10s %8s %10s %8s\n", what, "n", "seconds", "ratio", "MB", "ratio");
	for (k = 0; k < 4; k++, n *= 2)
	{
		char	   *json = make(n);
		size_t		m;
		double		t = run(json, &m);

		if (k == 0)
			printf("%-28s %10d %10.3f %8s %10.1f %8s\n", "", n, t, "", m / 1048576.0, "");
		else
			printf("%-28s %10d %10.3f %8.2f %10.1f %8.2f\n", "", n, t, t / prev_t,
				   m / 1048576.0, (double) m / (double) prev_m);
		prev_t = t;
		prev_m = m;
		free(json);
	}
}

int
main(int argc, char **argv)
{
	int			n = argc > 1 ? atoi(argv[1]) : 12500;

	if (n < 1)
	{
		fprintf(stderr, "usage: scale [n]\n");
		return 2;
	}
	vb_json_set_allocator(json_alloc, json_free);
	printf("core: read, diff (against nothing and against itself), write; ratio to the\n"
		   "previous size, which doubles: about 2 is linear, 4 quadratic\n\n");
	shape("tables (9 columns, 5 objects)", tables_doc, n);
	shape("columns of one table", columns_doc, n);
	shape("enums", enums_doc, n);
	shape("values of one enum", values_doc, n);
	return 0;
}
