/*
 * util.c — arena, lists, string buffers, hash map and errors of the core.
 */
#if defined(__linux__) && !defined(_DEFAULT_SOURCE)
#define _DEFAULT_SOURCE			/* mmap's MAP_ANONYMOUS, madvise */
#endif
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>

#include "vb_internal.h"

#if defined(__linux__) && !defined(__SANITIZE_ADDRESS__)
#include <sys/mman.h>
#if defined(MAP_ANONYMOUS) && defined(MADV_HUGEPAGE)
#define HEAP_HUGE_PAGES 1
#endif
#endif

/* ---- arena ------------------------------------------------------------ */

void *
vb_alloc(vb_arena *arena, size_t size)
{
	return arena->alloc(arena->ctx, size == 0 ? 1 : size);
}

struct vb_map *
vb_arena_memo(vb_arena *arena)
{
	if (arena->memo == NULL)
	{
		vb_map	   *memo = vb_alloc(arena, sizeof(vb_map));

		vb_map_init(memo, arena, 64);
		arena->memo = memo;
	}
	return arena->memo;
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
	char		small[256];
	int			n;
	char	   *out;

	/* one formatting when the text is short (most are), two otherwise */
	va_copy(ap2, ap);
	n = vsnprintf(small, sizeof(small), fmt, ap2);
	va_end(ap2);
	if (n < 0)
		n = 0;
	if ((size_t) n < sizeof(small))
		return vb_strndup(arena, small, (size_t) n);
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
 * The heap arena hands out zeroed memory from blocks of 64 kB to 4 MB
 * (a larger request gets a block of its own) and frees the blocks all at
 * once: a schema of thousands of tables makes millions of small
 * allocations, which one malloc each made slow to get and to free. Where
 * there are transparent huge pages (Linux) every block of 1 MB and more is
 * a mapping of its own (heap_block_map), and the first block is 2 MB, so
 * that all of an arena is in huge pages; elsewhere blocks come from calloc
 * and start at 64 kB. Built with AddressSanitizer (which then sees every
 * overrun), each allocation is its own block again.
 */
#define HEAP_HUGE (2 * 1024 * 1024)
#if defined(__SANITIZE_ADDRESS__)
#define HEAP_BLOCK_MIN 0
#elif defined(HEAP_HUGE_PAGES)
#define HEAP_BLOCK_MIN (HEAP_HUGE - sizeof(heap_block))
#else
#define HEAP_BLOCK_MIN (64 * 1024)
#endif
/* with its header, a block of the largest size fills 4 MB exactly */
#define HEAP_BLOCK_MAX (4 * 1024 * 1024 - sizeof(heap_block))
#define HEAP_MAP_MIN (1024 * 1024)

typedef struct heap_block
{
	struct heap_block *next;
	size_t		size;			/* bytes of data */
	size_t		used;			/* bytes handed out */
	size_t		mapped;			/* a huge-page mapping of this length, else 0 */
	max_align_t data[];
} heap_block;

typedef struct heap_arena
{
	vb_arena	base;
	heap_block *blocks;			/* the first is the one being filled */
	void		(*out_of_memory) (size_t size);
} heap_arena;

/* Without a face's own: say so on stderr and abort, never return NULL. */
static void
heap_out_of_memory(size_t size)
{
	fprintf(stderr, "out of memory: could not allocate %zu bytes\n", size);
	abort();
}

/*
 * Blocks double from their first size up to 4 MB as the arena grows: a
 * large schema takes few of them, and blocks that large come from mmap,
 * whose pages are zero already (calloc skips clearing them). A request
 * larger than a quarter of the block it would land in gets a block of its
 * own.
 */
static size_t
next_block_size(heap_arena *ha, size_t size)
{
	size_t		bytes = HEAP_BLOCK_MIN;

	if (HEAP_BLOCK_MIN == 0)
		return size;
	if (ha->blocks && ha->blocks->size >= bytes)
		bytes = ha->blocks->size >= HEAP_BLOCK_MAX / 2 ? HEAP_BLOCK_MAX :
			ha->blocks->size * 2 + sizeof(heap_block);
	return size > bytes / 4 ? size : bytes;
}

/*
 * A block of HEAP_MAP_MIN bytes and more, on Linux: its own mapping,
 * aligned to 2 MB and offered to transparent huge pages. The pages of a
 * block are written once each as the arena fills it; one fault per 4 kB
 * page was a fifth of the time of a no-op push of 1000 SQLite tables on a
 * virtual machine (and the first 4 MB of an arena, in calloc'd blocks that
 * doubled from 64 kB, another fifth), and one per 2 MB is nothing. Where
 * the kernel gives no huge pages the mapping behaves as calloc's did. NULL
 * when mmap fails (the caller falls back to calloc).
 */
static heap_block *
heap_block_map(size_t bytes)
{
#ifdef HEAP_HUGE_PAGES
	size_t		len = (sizeof(heap_block) + bytes + HEAP_HUGE - 1) / HEAP_HUGE * HEAP_HUGE;
	char	   *m = mmap(NULL, len + HEAP_HUGE, PROT_READ | PROT_WRITE,
						 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char	   *a;
	heap_block *block;

	if (m == MAP_FAILED)
		return NULL;
	/* keep the aligned len bytes, give the rest back */
	a = (char *) (((uintptr_t) m + HEAP_HUGE - 1) & ~(uintptr_t) (HEAP_HUGE - 1));
	if (a > m)
		munmap(m, (size_t) (a - m));
	munmap(a + len, (size_t) (m + HEAP_HUGE - a));
	(void) madvise(a, len, MADV_HUGEPAGE);
	block = (heap_block *) a;
	block->mapped = len;
	return block;
#else
	(void) bytes;
	return NULL;
#endif
}

static void
heap_block_free(heap_block *block)
{
#ifdef HEAP_HUGE_PAGES
	if (block->mapped)
	{
		munmap(block, block->mapped);
		return;
	}
#endif
	free(block);
}

static void *
heap_alloc(void *ctx, size_t size)
{
	heap_arena *ha = ctx;
	heap_block *block = ha->blocks;
	size_t		align = sizeof(max_align_t);

	size = (size + align - 1) / align * align;
	if (block == NULL || block->size - block->used < size)
	{
		size_t		bytes = next_block_size(ha, size);

		block = bytes >= HEAP_MAP_MIN ? heap_block_map(bytes) : NULL;
		if (block == NULL)
			block = calloc(1, sizeof(heap_block) + bytes);
		if (block == NULL)
		{
			ha->out_of_memory(bytes);
			abort();			/* out_of_memory does not return */
		}
		block->size = bytes;
		if (bytes == size && ha->blocks)
		{
			/* a large request: behind the block being filled */
			block->next = ha->blocks->next;
			ha->blocks->next = block;
		}
		else
		{
			block->next = ha->blocks;
			ha->blocks = block;
		}
	}
	block->used += size;
	return (char *) block->data + block->used - size;
}

static void
heap_release(void *ctx)
{
	heap_arena *ha = ctx;
	heap_block *block = ha->blocks;

	while (block)
	{
		heap_block *next = block->next;

		heap_block_free(block);
		block = next;
	}
	ha->blocks = NULL;
}

vb_arena *
vb_heap_arena_new(void)
{
	heap_arena *ha = calloc(1, sizeof(heap_arena));

	if (ha == NULL)
		heap_out_of_memory(sizeof(heap_arena));
	ha->out_of_memory = heap_out_of_memory;
	ha->base.alloc = heap_alloc;
	ha->base.release = heap_release;
	ha->base.ctx = ha;
	return &ha->base;
}

void
vb_heap_arena_on_out_of_memory(vb_arena *arena, void (*fn) (size_t size))
{
	((heap_arena *) arena->ctx)->out_of_memory = fn ? fn : heap_out_of_memory;
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

/* The table is allocated on the first put: most maps stay empty. */
void
vb_map_init(vb_map *map, vb_arena *arena, int expected)
{
	int			cap = 8;

	while (cap < expected * 2)
		cap *= 2;
	map->arena = arena;
	map->entries = NULL;
	map->capacity = 0;
	map->count = 0;
	map->initial = cap;
}

static void
map_grow(vb_map *map)
{
	vb_map		bigger;
	int			i;

	vb_map_init(&bigger, map->arena, map->capacity ? map->capacity : map->initial / 2);
	bigger.capacity = bigger.initial;
	bigger.entries = vb_alloc(map->arena, sizeof(vb_map_entry) * (size_t) bigger.capacity);
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

/*
 * The n (2 or 3) parts joined by \x1f, as printf("%s\x1f%s") made them
 * (NULL as "(null)"), without printf: a diff makes its map keys by the
 * hundred thousand, and printf took a tenth of a no-op push.
 */
static char *
join_key(vb_arena *arena, int n, const char *a, const char *b, const char *c)
{
	const char *parts[3];
	size_t		len[3];
	size_t		total = 0;
	char	   *out;
	char	   *p;
	int			i;

	parts[0] = a;
	parts[1] = b;
	parts[2] = c;
	for (i = 0; i < n; i++)
	{
		if (parts[i] == NULL)
			parts[i] = "(null)";
		len[i] = strlen(parts[i]);
		total += len[i] + 1;
	}
	out = p = vb_alloc(arena, total);
	for (i = 0; i < n; i++)
	{
		if (i)
			*p++ = '\x1f';
		memcpy(p, parts[i], len[i]);
		p += len[i];
	}
	*p = '\0';
	return out;
}

char *
vb_key2(vb_arena *arena, const char *a, const char *b)
{
	return join_key(arena, 2, a, b, NULL);
}

char *
vb_key3(vb_arena *arena, const char *a, const char *b, const char *c)
{
	return join_key(arena, 3, a, b, c);
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

bool
vb_canceled(vb_error *err, vb_arena *arena)
{
	return vb_fail(err, arena, VB_ERR_CANCELED, NULL, "canceled");
}

bool
vb_should_stop(vb_arena *arena)
{
	if (!arena->stopped && arena->stop && arena->stop(arena->stop_ctx))
		arena->stopped = true;
	return arena->stopped;
}

/* ---- sets ------------------------------------------------------------------ */

void
vb_set_init(vb_set *set, vb_arena *arena)
{
	memset(set, 0, sizeof(*set));
	set->arena = arena;
}

bool
vb_set_has(const vb_set *set, const char *key)
{
	int			i;

	if (set->count > VB_SET_FEW)
		return vb_map_get(&set->map, key) != NULL;
	for (i = 0; i < set->count; i++)
		if (strcmp(set->few[i], key) == 0)
			return true;
	return false;
}

bool
vb_set_add(vb_set *set, const char *key)
{
	int			i;

	if (vb_set_has(set, key))
		return false;
	if (set->count < VB_SET_FEW)
	{
		set->few[set->count++] = key;
		return true;
	}
	if (set->count == VB_SET_FEW)
	{
		vb_map_init(&set->map, set->arena, 2 * VB_SET_FEW);
		for (i = 0; i < VB_SET_FEW; i++)
			vb_map_put(&set->map, set->few[i], (void *) 1);
	}
	vb_map_put(&set->map, key, (void *) 1);
	set->count++;
	return true;
}

void
vb_column_index_init(vb_column_index *index, vb_arena *arena)
{
	index->arena = arena;
	vb_map_init(&index->tables, arena, 8);
}

vb_column *
vb_column_lookup(vb_column_index *index, const vb_table *table, const char *name)
{
	char		key[32];
	vb_map	   *columns;
	int			i;

	if (table->columns.count <= VB_SET_FEW)
		return vb_find_column(table, name);
	snprintf(key, sizeof(key), "%p", (const void *) table);
	columns = vb_map_get(&index->tables, key);
	if (columns == NULL || columns->count != table->columns.count)
	{
		columns = vb_alloc(index->arena, sizeof(vb_map));
		vb_map_init(columns, index->arena, table->columns.count);
		for (i = 0; i < table->columns.count; i++)
			vb_map_put(columns, ((vb_column *) table->columns.items[i])->name,
					   table->columns.items[i]);
		vb_map_put(&index->tables, vb_strdup(index->arena, key), columns);
	}
	return vb_map_get(columns, name);
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

/* The item of `list` whose name (at `offset` in the struct) is `name`;
 * unnamed items never match. */
static void *
find_named(const vb_list *list, size_t offset, const char *name)
{
	int			i;

	for (i = 0; i < list->count; i++)
	{
		const char *n = *(const char *const *) ((const char *) list->items[i] + offset);

		if (n && strcmp(n, name) == 0)
			return list->items[i];
	}
	return NULL;
}

vb_key *
vb_find_unique(const vb_table *table, const char *name)
{
	return find_named(&table->uniques, offsetof(vb_key, name), name);
}

vb_index *
vb_find_index(const vb_table *table, const char *name)
{
	return find_named(&table->indexes, offsetof(vb_index, name), name);
}

vb_foreign_key *
vb_find_foreign_key(const vb_table *table, const char *name)
{
	return find_named(&table->foreign_keys, offsetof(vb_foreign_key, name), name);
}

vb_check *
vb_find_check(const vb_table *table, const char *name)
{
	return find_named(&table->checks, offsetof(vb_check, name), name);
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
