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

#endif							/* VB_JSON_H */
