/*
 * json.c — JSON helpers shared by the document readers.
 */
#include <math.h>
#include <stdlib.h>

#include "vb_json.h"

const char *
vb_json_kind(const cJSON *v)
{
	if (cJSON_IsObject(v))
		return "an object";
	if (cJSON_IsArray(v))
		return "an array";
	if (cJSON_IsString(v))
		return "a string";
	if (cJSON_IsNumber(v))
		return "a number";
	if (cJSON_IsBool(v))
		return "a boolean";
	return "null";
}

cJSON *
vb_json_parse(vb_arena *arena, const char *text, const char *what, vb_error *err)
{
	const char *end = NULL;
	cJSON	   *root = text ? cJSON_ParseWithOpts(text, &end, true) : NULL;
	int			line = 1;
	int			column = 1;
	const char *p;

	if (root)
		return root;
	if (end == NULL)
		end = text;
	for (p = text; p && p < end && *p; p++)
	{
		if (*p == '\n')
		{
			line++;
			column = 1;
		}
		else
			column++;
	}
	vb_fail(err, arena, VB_ERR_INVALID, NULL, "%s is not valid JSON (line %d, column %d)",
			what, line, column);
	return NULL;
}

/*
 * A JSON number as SQL text: integers exactly (up to 2^53), others in the
 * shortest form that reads back as the same double. NULL when the number
 * cannot be represented exactly (larger integers, infinities).
 */
char *
vb_json_number_text(vb_arena *arena, double x)
{
	int			precision;

	if (!isfinite(x))
		return NULL;
	if (x == floor(x))
	{
		if (fabs(x) >= 9007199254740992.0)	/* 2^53 and up: not exact */
			return NULL;
		return vb_printf(arena, "%.0f", x);
	}
	for (precision = 1; precision <= 17; precision++)
	{
		char	   *s = vb_printf(arena, "%.*g", precision, x);

		if (strtod(s, NULL) == x)
			return s;
	}
	return NULL;
}
