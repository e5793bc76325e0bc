/*-------------------------------------------------------------------------
 *
 * common.c
 *	  What the extension's other files share: the core's arena on a memory
 *	  context, the JSON library on palloc, core errors raised as ereports
 *	  with their SQLSTATE, text arrays, the settings pinned for every call,
 *	  and the subtransaction that is always rolled back.
 *
 * viborm.c (the entry points), introspect.c, canonical.c and execute.c
 * use this file; it uses none of them.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/memutils.h"
#include "utils/resowner.h"

#include "utils/jsonb.h"

#include "vb_pg.h"

/*
 * cJSON allocates through palloc, so an error thrown while a JSON tree
 * is alive cannot leak it: the memory goes with the call's context.
 */
static void *
json_palloc(size_t size)
{
	return palloc_extended(size, MCXT_ALLOC_HUGE | MCXT_ALLOC_NO_OOM);
}

static void
json_pfree(void *ptr)
{
	if (ptr)
		pfree(ptr);
}

static void *
arena_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

/*
 * The core asks in every loop whether to stop: a cancel request or a
 * statement_timeout raises its error right here (the core's memory, and
 * the JSON library's, belong to the call's memory context, so nothing
 * leaks), else the core goes on.
 */
static bool
stop_on_interrupt(void *ctx)
{
	(void) ctx;
	CHECK_FOR_INTERRUPTS();
	return false;
}

/* The core's arena on a memory context: released with the context. */
vb_arena *
vb_pg_arena(MemoryContext context)
{
	vb_arena   *arena = MemoryContextAllocZero(context, sizeof(vb_arena));

	arena->alloc = arena_alloc;
	arena->ctx = context;
	arena->stop = stop_on_interrupt;
	return arena;
}

/* Turn a core error into an ereport. */
void
vb_pg_raise(const vb_error *err)
{
	const char *c = err->code;
	char	   *detail = err->detail;

	if (err->path && err->path[0])
		detail = detail ? psprintf("%s JSON path: %s.", detail, err->path)
			: psprintf("JSON path: %s.", err->path);
	ereport(ERROR,
			(errcode(vb_pg_sqlstate(c)),
			 errmsg_internal("%s", err->message),
			 detail ? errdetail_internal("%s", detail) : 0,
			 err->hint ? errhint("%s", err->hint) : 0));
	pg_unreachable();
}

/* text[] -> List of C strings; NULL elements are an error. */
List *
vb_pg_text_array_to_list(ArrayType *array)
{
	Datum	   *elems;
	bool	   *nulls;
	int			n;
	int			i;
	List	   *out = NIL;

	deconstruct_array(array, TEXTOID, -1, false, TYPALIGN_INT, &elems, &nulls, &n);
	for (i = 0; i < n; i++)
	{
		if (nulls[i])
			ereport(ERROR,
					(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
					 errmsg("schema names must not be null")));
		out = lappend(out, TextDatumGetCString(elems[i]));
	}
	return out;
}

/* The text of a jsonb value. */
char *
vb_pg_jsonb_text(Jsonb *jb)
{
	return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
}

void
vb_pg_set(const char *name, const char *value)
{
	(void) set_config_option(name, value, PGC_USERSET, PGC_S_SESSION,
							 GUC_ACTION_SAVE, true, 0, false);
}

/*
 * Pin every setting that changes how the catalog prints types and
 * expressions, so canonical texts are the same in every session. The
 * settings are restored by AtEOXact_GUC at the end of the call (or by the
 * transaction's abort). search_path names pg_temp last: left out, it would
 * be searched first for relations and types, and a temporary table or type
 * could stand in for a catalog's or a document's.
 */
int
vb_pg_pin_settings(void)
{
	int			level = NewGUCNestLevel();

	vb_pg_set("search_path", VB_PG_SEARCH_PATH);
	vb_pg_set("DateStyle", "ISO, YMD");
	vb_pg_set("IntervalStyle", "postgres");
	vb_pg_set("TimeZone", "UTC");
	vb_pg_set("extra_float_digits", "1");
	vb_pg_set("bytea_output", "hex");
	vb_pg_set("standard_conforming_strings", "on");
	vb_pg_set("quote_all_identifiers", "off");
	vb_pg_set("lc_monetary", "C");
	return level;
}

/* The SQLSTATE of a core error code (VB_ERR_*: five characters). */
int
vb_pg_sqlstate(const char *code)
{
	Assert(strlen(code) == 5);
	return MAKE_SQLSTATE(code[0], code[1], code[2], code[3], code[4]);
}

/* The JSON library allocates through palloc from here on (_PG_init). */
void
vb_pg_use_palloc_for_json(void)
{
	vb_json_set_allocator(json_palloc, json_pfree);
}

/*
 * Run fn(arg) inside an internal subtransaction that is rolled back
 * whatever happens, with everything it did (and the settings it changed).
 * Returns NULL when fn returned, or the error it raised, copied into the
 * caller's memory context and no longer pending: the caller decides
 * whether to throw it again (ReThrowError) or report it otherwise.
 */
ErrorData *
vb_pg_rolled_back_subtransaction(void (*fn) (void *arg), void *arg)
{
	MemoryContext oldcontext = CurrentMemoryContext;
	ResourceOwner oldowner = CurrentResourceOwner;
	ErrorData  *edata = NULL;

	BeginInternalSubTransaction(NULL);
	MemoryContextSwitchTo(oldcontext);
	PG_TRY();
	{
		fn(arg);
	}
	PG_CATCH();
	{
		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
	}
	PG_END_TRY();
	RollbackAndReleaseCurrentSubTransaction();
	MemoryContextSwitchTo(oldcontext);
	CurrentResourceOwner = oldowner;
	return edata;
}
