/*
 * vb_json.h — JSON helpers shared by the core's two document readers
 * (document_read.c, model.c). Internal: includes cJSON.
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

/* A JSON number as SQL text: an integral value as its digits (exact up to
 * 2^53), any other in the shortest form that reads back as the same
 * double; NULL when it cannot be written exactly. */
char	   *vb_json_number_text(vb_arena *arena, double x);

#endif							/* VB_JSON_H */
