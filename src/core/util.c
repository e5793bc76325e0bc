/*
 * util.c — arena, lists, string buffers, hash map and errors of the core.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vb_internal.h"

/* ---- arena ------------------------------------------------------------ */

void *
vb_alloc(vb_arena *arena, size_t size)
{
	return arena->alloc(arena->ctx, size == 0 ? 1 : size);
}

char *
vb_strndup(vb_arena *arena, const char *s, size_t n)
{
	char	   *copy = vb_alloc(arena, n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *
vb_strdup(vb_arena *arena, const char *s)
{
	return s ? vb_strndup(arena, s, strlen(s)) : NULL;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 0)))
#endif
static char *
vb_vprintf(vb_arena *arena, const char *fmt, va_list ap)
{
	va_list		ap2;
	int			n;
	char	   *out;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	out = vb_alloc(arena, (size_t) n + 1);
	vsnprintf(out, (size_t) n + 1, fmt, ap);
	return out;
}

char *
vb_printf(vb_arena *arena, const char *fmt,...)
{
	va_list		ap;
	char	   *out;

	va_start(ap, fmt);
	out = vb_vprintf(arena, fmt, ap);
	va_end(ap);
	return out;
}

/*
 * The heap arena keeps a singly linked list of zeroed blocks, each one
 * calloc'd chunk: small allocations are carved from the newest chunk (a
 * plan of 10,000 tables makes millions of them, one malloc each cost more
 * than the rest of a no-op push), a large one gets a block of its own.
 * Built with VB_ARENA_PER_ALLOC, or under AddressSanitizer, every
 * allocation is its own block, so that the tools see each one's bounds.
 */
typedef struct heap_block
{
	struct heap_block *next;
	max_align_t data[];
} heap_block;

typedef struct heap_arena
{
	vb_arena	base;
	heap_block *blocks;
	char	   *next;			/* free space in the newest chunk */
	size_t		left;
} heap_arena;

#if defined(__SANITIZE_ADDRESS__) && !defined(VB_ARENA_PER_ALLOC)
#define VB_ARENA_PER_ALLOC
#endif
#define HEAP_CHUNK ((size_t) 64 * 1024)

static void *
heap_block_new(heap_arena *ha, size_t size)
{
	heap_block *block = calloc(1, sizeof(heap_block) + size);

	if (block == NULL)
		return NULL;
	block->next = ha->blocks;
	ha->blocks = block;
	return block->data;
}

static void *
heap_alloc(void *ctx, size_t size)
{
	heap_arena *ha = ctx;
	size_t		align = sizeof(max_align_t);
	void	   *out;

	size = (size + align - 1) / align * align;
#ifndef VB_ARENA_PER_ALLOC
	if (size <= HEAP_CHUNK / 8)
	{
		if (size > ha->left)
		{
			char	   *chunk = heap_block_new(ha, HEAP_CHUNK);

			if (chunk == NULL)
				return NULL;
			ha->next = chunk;
			ha->left = HEAP_CHUNK;
		}
		out = ha->next;
		ha->next += size;
		ha->left -= size;
		return out;
	}
#endif
	out = heap_block_new(ha, size);
	return out;
}

static void
heap_release(void *ctx)
{
	heap_arena *ha = ctx;
	heap_block *block = ha->blocks;

	while (block)
	{
		heap_block *next = block->next;

		free(block);
		block = next;
	}
	ha->blocks = NULL;
	ha->next = NULL;
	ha->left = 0;
}

vb_arena *
vb_heap_arena_new(void)
{
	heap_arena *ha = calloc(1, sizeof(heap_arena));

	if (ha == NULL)
		return NULL;
	ha->base.alloc = heap_alloc;
	ha->base.release = heap_release;
	ha->base.ctx = ha;
	return &ha->base;
}

void
vb_arena_free(vb_arena *arena)
{
	if (arena == NULL)
		return;
	if (arena->release)
		arena->release(arena->ctx);
	if (arena->alloc == heap_alloc)
		free(arena->ctx);
}

/* ---- lists and buffers ------------------------------------------------ */

void
vb_list_push(vb_arena *arena, vb_list *list, void *item)
{
	if (list->count == list->capacity)
	{
		int			cap = list->capacity ? list->capacity * 2 : 8;
		void	  **items = vb_alloc(arena, sizeof(void *) * (size_t) cap);

		if (list->count)
			memcpy(items, list->items, sizeof(void *) * (size_t) list->count);
		list->items = items;
		list->capacity = cap;
	}
	list->items[list->count++] = item;
}

bool
vb_list_contains_str(const vb_list *list, const char *s)
{
	int			i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i], s) == 0)
			return true;
	return false;
}

bool
vb_strs_equal(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return strcmp(a, b) == 0;
}

bool
vb_str_lists_equal(const vb_list *a, const vb_list *b)
{
	int			i;

	if (a->count != b->count)
		return false;
	for (i = 0; i < a->count; i++)
		if (strcmp(a->items[i], b->items[i]) != 0)
			return false;
	return true;
}

void
vb_buf_init(vb_buf *buf, vb_arena *arena)
{
	buf->arena = arena;
	buf->cap = 64;
	buf->len = 0;
	buf->data = vb_alloc(arena, buf->cap);
}

void
vb_buf_appendn(vb_buf *buf, const char *s, size_t n)
{
	if (buf->len + n + 1 > buf->cap)
	{
		size_t		cap = buf->cap * 2;
		char	   *data;

		while (buf->len + n + 1 > cap)
			cap *= 2;
		data = vb_alloc(buf->arena, cap);
		memcpy(data, buf->data, buf->len);
		buf->data = data;
		buf->cap = cap;
	}
	memcpy(buf->data + buf->len, s, n);
	buf->len += n;
	buf->data[buf->len] = '\0';
}

void
vb_buf_append(vb_buf *buf, const char *s)
{
	vb_buf_appendn(buf, s, strlen(s));
}

void
vb_buf_appendc(vb_buf *buf, char c)
{
	vb_buf_appendn(buf, &c, 1);
}

void
vb_buf_appendf(vb_buf *buf, const char *fmt,...)
{
	va_list		ap;
	char	   *s;

	va_start(ap, fmt);
	s = vb_vprintf(buf->arena, fmt, ap);
	va_end(ap);
	vb_buf_append(buf, s);
}

/* ---- hash map ----------------------------------------------------------- */

static uint32_t
hash_string(const char *s)
{
	uint32_t	h = 2166136261u;	/* FNV-1a */

	while (*s)
	{
		h ^= (unsigned char) *s++;
		h *= 16777619u;
	}
	return h;
}

void
vb_map_init(vb_map *map, vb_arena *arena, int expected)
{
	int			cap = 16;

	while (cap < expected * 2)
		cap *= 2;
	map->arena = arena;
	map->capacity = cap;
	map->count = 0;
	map->entries = vb_alloc(arena, sizeof(vb_map_entry) * (size_t) cap);
}

static void
map_grow(vb_map *map)
{
	vb_map		bigger;
	int			i;

	vb_map_init(&bigger, map->arena, map->capacity);
	for (i = 0; i < map->capacity; i++)
		if (map->entries[i].key)
			vb_map_put(&bigger, map->entries[i].key, map->entries[i].value);
	*map = bigger;
}

void
vb_map_put(vb_map *map, const char *key, void *value)
{
	uint32_t	i;

	if ((map->count + 1) * 2 > map->capacity)
		map_grow(map);
	i = hash_string(key) & (uint32_t) (map->capacity - 1);
	while (map->entries[i].key)
	{
		if (strcmp(map->entries[i].key, key) == 0)
		{
			map->entries[i].value = value;
			return;
		}
		i = (i + 1) & (uint32_t) (map->capacity - 1);
	}
	map->entries[i].key = key;
	map->entries[i].value = value;
	map->count++;
}

void *
vb_map_get(const vb_map *map, const char *key)
{
	uint32_t	i;

	if (map->capacity == 0)
		return NULL;
	i = hash_string(key) & (uint32_t) (map->capacity - 1);
	while (map->entries[i].key)
	{
		if (strcmp(map->entries[i].key, key) == 0)
			return map->entries[i].value;
		i = (i + 1) & (uint32_t) (map->capacity - 1);
	}
	return NULL;
}

char *
vb_key2(vb_arena *arena, const char *a, const char *b)
{
	return vb_printf(arena, "%s\x1f%s", a, b);
}

char *
vb_key3(vb_arena *arena, const char *a, const char *b, const char *c)
{
	return vb_printf(arena, "%s\x1f%s\x1f%s", a, b, c);
}

/* ---- errors --------------------------------------------------------------- */

bool
vb_fail(vb_error *err, vb_arena *arena, const char *code, const char *path,
		const char *fmt,...)
{
	va_list		ap;

	if (err == NULL)
		return false;
	memset(err, 0, sizeof(*err));
	snprintf(err->code, sizeof(err->code), "%s", code);
	va_start(ap, fmt);
	err->message = vb_vprintf(arena, fmt, ap);
	va_end(ap);
	err->path = path ? vb_strdup(arena, path) : NULL;
	return false;
}

/* ---- lookups -------------------------------------------------------------- */

vb_table *
vb_find_table(const vb_schema *schema, const char *nsp, const char *name)
{
	int			i;

	for (i = 0; i < schema->tables.count; i++)
	{
		vb_table   *t = schema->tables.items[i];

		if (strcmp(t->schema, nsp) == 0 && strcmp(t->name, name) == 0)
			return t;
	}
	return NULL;
}

vb_enum *
vb_find_enum(const vb_schema *schema, const char *nsp, const char *name)
{
	int			i;

	for (i = 0; i < schema->enums.count; i++)
	{
		vb_enum    *e = schema->enums.items[i];

		if (strcmp(e->schema, nsp) == 0 && strcmp(e->name, name) == 0)
			return e;
	}
	return NULL;
}

vb_column *
vb_find_column(const vb_table *table, const char *name)
{
	int			i;

	for (i = 0; i < table->columns.count; i++)
	{
		vb_column  *c = table->columns.items[i];

		if (strcmp(c->name, name) == 0)
			return c;
	}
	return NULL;
}
