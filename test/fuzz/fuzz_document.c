/*
 * fuzz_document.c — libFuzzer target over the core's readers and writers:
 * the snapshot-form document reader, the model form's serializer for each
 * dialect, the options reader and the UTF-8 check, then, for what reads,
 * the checks, the differ (against an empty schema, for the document's
 * dialect: PostgreSQL's or SQLite's, with its lowering) and the writers.
 *
 *   make fuzz                       (about a minute; part of test/run)
 *   make fuzz-long FUZZ_SECONDS=N   (an hour by default)
 *
 * Built with clang's -fsanitize=fuzzer,address,undefined. Besides crashes
 * and sanitizer reports it checks two properties, aborting when they fail:
 * every failure is an error with a code and a message (never a bare false),
 * and a document that reads and diffs is written, read back and written
 * again to the same text (the snapshot form round-trips). A crash it finds
 * becomes a unit test (test/unit/test_fuzz_found.c).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "vb.h"

static const char *const dialects[] = {"pg", "mysql", "sqlite"};

static void
check_error(const vb_error *err, const char *what)
{
	if (err->message == NULL || err->code[0] == '\0')
	{
		fprintf(stderr, "fuzz: %s failed without an error\n", what);
		abort();
	}
}

/* Diff a document against nothing (which names its unnamed objects), then
 * write it, read it back and write it again: the same text. */
static void
round_trip(vb_arena *a, vb_schema *s)
{
	vb_schema  *empty = vb_alloc(a, sizeof(vb_schema));
	vb_schema  *again;
	const vb_dialect *dl;
	vb_list		managed;
	vb_plan    *plan;
	vb_error	err;
	char	   *first;
	char	   *second;

	memset(&err, 0, sizeof(err));
	memset(&managed, 0, sizeof(managed));
	vb_managed_schemas(a, s, NULL, &managed);
	s->schemas = managed;
	if (!vb_check_document(a, s, &err))
	{
		check_error(&err, "vb_check_document");
		return;
	}
	empty->schemas = s->schemas;
	empty->dialect = s->dialect;
	dl = vb_dialect_by_name(s->dialect ? s->dialect : "pg");
	if (dl == NULL)
		return;					/* MySQL: read and written, not diffed */
	if (!vb_diff(a, dl, empty, s, NULL, &plan, &err))
	{
		check_error(&err, "vb_diff");
		return;
	}
	if (vb_result_write(a, plan, false, 0) == NULL)
		abort();
	s->schemas_given = true;
	first = vb_document_write(a, s);
	if (first == NULL)
		abort();
	if (!vb_document_read(a, first, &again, &err))
	{
		fprintf(stderr, "fuzz: a written document does not read back: [%s] %s\n%s\n",
				err.code, err.message ? err.message : "", first);
		abort();
	}
	second = vb_document_write(a, again);
	if (second == NULL || strcmp(first, second) != 0)
	{
		fprintf(stderr, "fuzz: written twice, two texts:\n%s\n%s\n", first,
				second ? second : "(null)");
		abort();
	}
}

int			LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	   *text = malloc(size + 1);
	vb_arena   *a = vb_heap_arena_new();
	vb_schema  *s;
	vb_options *o;
	vb_error	err;
	size_t		i;

	if (text == NULL || a == NULL)
		abort();
	memcpy(text, data, size);
	text[size] = '\0';
	memset(&err, 0, sizeof(err));

	if (vb_document_read(a, text, &s, &err))
		round_trip(a, s);
	else
		check_error(&err, "vb_document_read");
	for (i = 0; i < sizeof(dialects) / sizeof(dialects[0]); i++)
	{
		if (vb_model_read(a, text, dialects[i], &s, &err))
		{
			if (vb_document_write(a, s) == NULL)
				abort();
		}
		else
			check_error(&err, "vb_model_read");
	}
	if (!vb_options_read(a, text, &o, &err))
		check_error(&err, "vb_options_read");
	if (!vb_json_check_utf8(a, text, "the document", "", &err))
		check_error(&err, "vb_json_check_utf8");

	vb_arena_free(a);
	free(text);
	return 0;
}
