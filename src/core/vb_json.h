/*
 * vb_json.h — the core's JSON toolkit (json.c), the one both document
 * readers (document_read.c, model.c) and the options reader use: parsing
 * with located errors, members, JSON paths, kinds and the error a value of
 * the wrong kind gets. Internal: includes cJSON.
 */
#ifndef VB_JSON_H
#define VB_JSON_H

#include <cjson/cJSON.h>

#include "vb_internal.h"

/* "an object", "an array", "a string", "a number", "a boolean" or "null" */
const char *vb_json_kind(const cJSON *v);

/* Parse JSON text; on failure fill err (VB001) with the line and column of
 * the error, naming `what` ("the schema document"), and return NULL. Text
 * nested deeper than the library's limit is reported as such, with the JSON
 * path (after `base`: "" for a document, "options" for the options). */
cJSON	   *vb_json_parse(vb_arena *arena, const char *text, const char *what, const char *base,
						  vb_error *err);

/* The member `key` of an object, by exact (case-sensitive) name; NULL if
 * there is none or obj is no object. */
cJSON	   *vb_json_member(const cJSON *obj, const char *key);

/* The result object of vb_result_write as a tree, the caller's to delete
 * (NULL: stopped); vb_result_mark_applied turns one of applied = false
 * into the result of the push that applied it, as history entry
 * history_id. */
cJSON	   *vb_result_json(vb_arena *arena, const vb_plan *plan, bool applied,
						   long long history_id);
void		vb_result_mark_applied(cJSON *result, long long history_id);

/* JSON text of a tree, in the arena; the tree stays the caller's. */
char	   *vb_json_print_keep(vb_arena *arena, const cJSON *tree);

/* Absent: no value, or JSON null (which stands for absent in documents). */
static inline bool
vb_json_absent(const cJSON *v)
{
	return v == NULL || cJSON_IsNull(v);
}

/* JSON paths: "base.key" (just "key" when base is NULL or ""), "base[i]". */
char	   *vb_json_key_path(vb_arena *arena, const char *base, const char *key);
char	   *vb_json_item_path(vb_arena *arena, const char *base, size_t i);

/* The kinds a reader asks for. */
typedef enum vb_json_want
{
	VB_JSON_STRING,
	VB_JSON_BOOL,
	VB_JSON_OBJECT,
	VB_JSON_ARRAY,
	VB_JSON_COUNT,				/* an integer from 1 to 100,000 */
	VB_JSON_LITERAL				/* a string, a number, a boolean or null */
} vb_json_want;

/* Is v of that kind? */
bool		vb_json_is(const cJSON *v, vb_json_want want);

/* The kind in words: "a string", "an object", "a positive integer", ... */
const char *vb_json_wanted(vb_json_want want);

/* True when v is of that kind; else fails (VB001 at `path`) with "PATH
 * must be WHAT, not KIND", WHAT being vb_json_wanted(want) unless given. */
bool		vb_json_expect(vb_arena *arena, vb_error *err, const cJSON *v, vb_json_want want,
						   const char *path, const char *what);

/* A JSON number as SQL text: an integral value as its digits (exact up to
 * 2^53), any other in the shortest form that reads back as the same
 * double; NULL when it cannot be written exactly. */
char	   *vb_json_number_text(vb_arena *arena, double x);

/* A tree done with (a parsed document, one printed): freed, unless
 * vb_json_set_bulk_free is on (then the allocator frees it with
 * everything else). */
void		vb_json_discard(cJSON *tree);

/* The tree printed (unformatted) into the arena; the tree is discarded. */
char	   *vb_json_print(vb_arena *arena, cJSON *tree);

#endif							/* VB_JSON_H */
