/*
 * json.c — JSON helpers shared by the document readers.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

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

/* One open array or object while walking JSON text. */
typedef struct json_frame
{
	bool		array;
	int			index;			/* arrays: the current element */
	const char *key;			/* objects: the current member's key, raw */
	size_t		keylen;
	bool		want_key;		/* objects: the next string is a key */
} json_frame;

/* Components of a path shown before it is cut short with "...". */
#define PATH_SHOWN 24

/*
 * When a parse stopped at `end` because the text nests arrays and objects
 * deeper than the library's limit, the JSON path of the value that opens
 * there (at most PATH_SHOWN components, then "..."); otherwise NULL. Walks
 * the text before `end`, which parsed, keeping the open containers.
 */
static char *
too_deep_path(vb_arena *arena, const char *text, const char *end, const char *base)
{
	json_frame *stack = NULL;
	int			depth = 0;
	int			cap = 0;
	const char *p;
	vb_buf		path;
	int			i;

	if (end == NULL || (*end != '[' && *end != '{'))
		return NULL;
	for (p = text; p < end; p++)
	{
		json_frame *top = depth ? &stack[depth - 1] : NULL;

		if (*p == '"')
		{
			const char *start = ++p;

			while (p < end && *p != '"')
				p += (*p == '\\' && p + 1 < end) ? 2 : 1;
			if (top && !top->array && top->want_key)
			{
				top->key = start;
				top->keylen = (size_t) (p - start);
			}
		}
		else if (*p == '[' || *p == '{')
		{
			if (depth == cap)
			{
				json_frame *bigger;

				cap = cap ? cap * 2 : 64;
				bigger = vb_alloc(arena, sizeof(json_frame) * (size_t) cap);
				if (depth)
					memcpy(bigger, stack, sizeof(json_frame) * (size_t) depth);
				stack = bigger;
			}
			memset(&stack[depth], 0, sizeof(json_frame));
			stack[depth].array = *p == '[';
			stack[depth].want_key = *p == '{';
			depth++;
		}
		else if ((*p == ']' || *p == '}') && depth)
			depth--;
		else if (*p == ',' && top)
		{
			top->index++;
			top->want_key = !top->array;
		}
		else if (*p == ':' && top)
			top->want_key = false;
	}
	if (depth < CJSON_NESTING_LIMIT)
		return NULL;
	vb_buf_init(&path, arena);
	vb_buf_append(&path, base);
	for (i = 0; i < depth && i < PATH_SHOWN; i++)
	{
		if (stack[i].array)
			vb_buf_appendf(&path, "[%d]", stack[i].index);
		else
		{
			if (path.len)
				vb_buf_appendc(&path, '.');
			vb_buf_appendn(&path, stack[i].key ? stack[i].key : "", stack[i].key ? stack[i].keylen : 0);
		}
	}
	if (depth > PATH_SHOWN)
		vb_buf_append(&path, "...");
	return path.data;
}

cJSON *
vb_json_parse(vb_arena *arena, const char *text, const char *what, const char *base,
			  vb_error *err)
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
	if (text)
	{
		char	   *deep = too_deep_path(arena, text, end, base);

		if (deep)
		{
			vb_fail(err, arena, VB_ERR_INVALID, deep,
					"%s nests arrays and objects more than %d levels deep, at %s",
					what, CJSON_NESTING_LIMIT, deep);
			return NULL;
		}
	}
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

/* The length of the valid UTF-8 sequence at p (RFC 3629: no overlong
 * forms, no surrogates, nothing above U+10FFFF), or 0. */
static int
utf8_sequence(const unsigned char *p)
{
	int			n;
	int			i;
	unsigned int cp;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xC2 && p[0] <= 0xDF)
		n = 2, cp = p[0] & 0x1F;
	else if (p[0] >= 0xE0 && p[0] <= 0xEF)
		n = 3, cp = p[0] & 0x0F;
	else if (p[0] >= 0xF0 && p[0] <= 0xF4)
		n = 4, cp = p[0] & 0x07;
	else
		return 0;
	for (i = 1; i < n; i++)
	{
		if ((p[i] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (p[i] & 0x3F);
	}
	if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
		(n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
		return 0;
	return n;
}

static bool
valid_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *) s;

	while (*p)
	{
		int			n = utf8_sequence(p);

		if (n == 0)
			return false;
		p += n;
	}
	return true;
}

/*
 * The first key or string of the tree that is not valid UTF-8: false, with
 * *path set to its JSON path (built on the way back up) and *in_key when it
 * is a key of the object at *path.
 */
static bool
utf8_tree(vb_arena *arena, const cJSON *node, char **path, bool *in_key)
{
	const cJSON *child;
	int			i = 0;

	if (cJSON_IsString(node) && !valid_utf8(node->valuestring))
	{
		*path = "";
		return false;
	}
	for (child = node->child; child; child = child->next, i++)
	{
		if (cJSON_IsObject(node) && !valid_utf8(child->string))
		{
			*path = "";
			*in_key = true;
			return false;
		}
		if (utf8_tree(arena, child, path, in_key))
			continue;
		*path = cJSON_IsArray(node) ? vb_printf(arena, "[%d]%s", i, *path)
			: vb_printf(arena, ".%s%s", child->string, *path);
		return false;
	}
	return true;
}

bool
vb_json_check_utf8(vb_arena *arena, const char *text, const char *what,
				   const char *base, vb_error *err)
{
	cJSON	   *root;
	char	   *path = NULL;
	bool		in_key = false;
	bool		ok;

	if (text == NULL || valid_utf8(text))
		return true;
	root = vb_json_parse(arena, text, what, base, err);
	if (root == NULL)
		return false;
	ok = utf8_tree(arena, root, &path, &in_key);
	cJSON_Delete(root);
	if (ok)
		return true;
	if (base[0] == '\0' && path[0] == '.')
		path++;
	else
		path = vb_printf(arena, "%s%s", base, path);
	if (path[0] == '\0')
		return vb_fail(err, arena, VB_ERR_INVALID, NULL, "a key of %s is not valid UTF-8", what);
	if (in_key)
		return vb_fail(err, arena, VB_ERR_INVALID, path, "a key of %s is not valid UTF-8", path);
	return vb_fail(err, arena, VB_ERR_INVALID, path, "%s is not valid UTF-8", path);
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

cJSON *
vb_json_member(const cJSON *obj, const char *key)
{
	const cJSON *item;

	if (obj == NULL || key == NULL)
		return NULL;
	/* as cJSON_GetObjectItemCaseSensitive, with the first byte compared
	 * before the call: most keys differ there */
	for (item = obj->child; item != NULL && item->string != NULL; item = item->next)
		if (item->string[0] == key[0] && strcmp(item->string, key) == 0)
			return (cJSON *) item;
	return NULL;
}

/* vb_json_set_bulk_free */
static bool bulk_free;

void
vb_json_set_bulk_free(bool on)
{
	bulk_free = on;
}

void
vb_json_discard(cJSON *tree)
{
	if (!bulk_free)
		cJSON_Delete(tree);
}

char *
vb_json_key_path(vb_arena *arena, const char *base, const char *key)
{
	size_t		blen;
	size_t		klen;
	char	   *out;

	if (base == NULL || base[0] == '\0')
		return vb_strdup(arena, key);
	if (key == NULL)
		key = "(null)";
	/* without printf: a document's reader makes one path per member */
	blen = strlen(base);
	klen = strlen(key);
	out = vb_alloc(arena, blen + klen + 2);
	memcpy(out, base, blen);
	out[blen] = '.';
	memcpy(out + blen + 1, key, klen + 1);
	return out;
}

char *
vb_json_item_path(vb_arena *arena, const char *base, size_t i)
{
	char		digits[24];
	int			n = 0;
	size_t		blen;
	char	   *out;

	if (base == NULL)
		base = "(null)";
	do
		digits[n++] = (char) ('0' + i % 10);
	while ((i /= 10) > 0);
	blen = strlen(base);
	out = vb_alloc(arena, blen + (size_t) n + 3);
	memcpy(out, base, blen);
	out[blen] = '[';
	for (i = 0; i < (size_t) n; i++)
		out[blen + 1 + i] = digits[n - 1 - i];
	out[blen + 1 + n] = ']';
	out[blen + 2 + n] = '\0';
	return out;
}

bool
vb_json_is(const cJSON *v, vb_json_want want)
{
	switch (want)
	{
		case VB_JSON_STRING:
			return cJSON_IsString(v);
		case VB_JSON_BOOL:
			return cJSON_IsBool(v);
		case VB_JSON_OBJECT:
			return cJSON_IsObject(v);
		case VB_JSON_ARRAY:
			return cJSON_IsArray(v);
		case VB_JSON_COUNT:
			return cJSON_IsNumber(v) && v->valuedouble == floor(v->valuedouble) &&
				v->valuedouble >= 1 && v->valuedouble <= 100000;
		case VB_JSON_LITERAL:
			return cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v) || cJSON_IsNull(v);
	}
	return false;
}

const char *
vb_json_wanted(vb_json_want want)
{
	static const char *const words[] = {
		"a string", "a boolean", "an object", "an array", "a positive integer",
		"a string, a number, a boolean or null"
	};

	return words[want];
}

bool
vb_json_expect(vb_arena *arena, vb_error *err, const cJSON *v, vb_json_want want,
			   const char *path, const char *what)
{
	if (vb_json_is(v, want))
		return true;
	return vb_fail(err, arena, VB_ERR_INVALID, path, "%s must be %s, not %s", path,
				   what ? what : vb_json_wanted(want), vb_json_kind(v));
}

char *
vb_json_print_keep(vb_arena *arena, const cJSON *tree)
{
	char	   *text = cJSON_PrintUnformatted(tree);
	char	   *copy = vb_strdup(arena, text ? text : "null");

	cJSON_free(text);
	return copy;
}

char *
vb_json_print(vb_arena *arena, cJSON *tree)
{
	char	   *text = cJSON_PrintUnformatted(tree);
	char	   *copy = vb_strdup(arena, text ? text : "null");

	cJSON_free(text);			/* with cJSON's own (possibly replaced) allocator */
	vb_json_discard(tree);
	return copy;
}
