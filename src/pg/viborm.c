/*-------------------------------------------------------------------------
 *
 * viborm.c
 *	  SQL-callable entry points of the viborm extension: introspect(),
 *	  diff() and push(), and the glue between the backend and the portable
 *	  core (memory, errors, settings).
 *
 * The pipeline of every call:
 *
 *	  document --read--> desired --canonicalise--+
 *	  catalog ---introspect---> current ---------+--> diff --> plan
 *
 * and for push: check --> execute --> verify --> record.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/xact.h"
#include "catalog/pg_type.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "vb_pg.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(viborm_introspect);
PG_FUNCTION_INFO_V1(viborm_diff);
PG_FUNCTION_INFO_V1(viborm_push);

void		_PG_init(void);

static void *json_palloc(size_t size);
static void json_pfree(void *ptr);
static void *arena_alloc(void *ctx, size_t size);
static char *jsonb_text(Jsonb *jb);
static Datum run_diff_or_push(FunctionCallInfo fcinfo, bool push);
static Datum finish_call(const char *text, const char *extra, int guc_level,
						 MemoryContext caller, MemoryContext work);

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

void
_PG_init(void)
{
	vb_json_set_allocator(json_palloc, json_pfree);
}

static void *
arena_alloc(void *ctx, size_t size)
{
	return MemoryContextAllocExtended((MemoryContext) ctx, size,
									  MCXT_ALLOC_HUGE | MCXT_ALLOC_ZERO);
}

/* The core's arena on a memory context: released with the context. */
vb_arena *
vb_pg_arena(MemoryContext context)
{
	vb_arena   *arena = MemoryContextAllocZero(context, sizeof(vb_arena));

	arena->alloc = arena_alloc;
	arena->ctx = context;
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
			(errcode(MAKE_SQLSTATE(c[0], c[1], c[2], c[3], c[4])),
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
					(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
					 errmsg("schema names must not be null")));
		out = lappend(out, TextDatumGetCString(elems[i]));
	}
	return out;
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
 * transaction's abort).
 */
int
vb_pg_pin_settings(void)
{
	int			level = NewGUCNestLevel();

	vb_pg_set("search_path", "pg_catalog");
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

static char *
jsonb_text(Jsonb *jb)
{
	return JsonbToCString(NULL, &jb->root, VARSIZE(jb));
}

static void
list_to_vb(vb_arena *arena, List *names, vb_list *out)
{
	ListCell   *lc;

	foreach(lc, names)
		if (!vb_list_contains_str(out, lfirst(lc)))
			vb_list_push(arena, out, vb_strdup(arena, lfirst(lc)));
}

/*
 * End of every call: leave SPI, restore the pinned settings, and turn the
 * JSON text into the jsonb result in the caller's memory context. `extra`,
 * when not NULL, is a JSON object whose keys are added to the result.
 */
static Datum
finish_call(const char *text, const char *extra, int guc_level, MemoryContext caller,
			MemoryContext work)
{
	Datum		result;

	SPI_finish();
	AtEOXact_GUC(true, guc_level);
	MemoryContextSwitchTo(caller);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
	if (extra)
		result = DirectFunctionCall2(jsonb_concat, result,
									 DirectFunctionCall1(jsonb_in, CStringGetDatum(extra)));
	MemoryContextDelete(work);
	return result;
}

Datum
viborm_introspect(PG_FUNCTION_ARGS)
{
	ArrayType  *array = PG_GETARG_ARRAYTYPE_P(0);
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext, "viborm",
											   ALLOCSET_DEFAULT_SIZES);
	MemoryContext caller = MemoryContextSwitchTo(work);
	vb_arena   *arena = vb_pg_arena(work);
	vb_list		schemas;
	vb_schema  *current;
	char	   *text;
	int			level;

	memset(&schemas, 0, sizeof(schemas));
	list_to_vb(arena, vb_pg_text_array_to_list(array), &schemas);
	if (schemas.count == 0)
		ereport(ERROR,
				(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
				 errmsg("introspect needs at least one schema name")));
	if (vb_list_contains_str(&schemas, "viborm"))
		ereport(ERROR,
				(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
				 errmsg("schema \"viborm\" belongs to the extension and cannot be managed")));
	level = vb_pg_pin_settings();
	SPI_connect();
	current = vb_pg_introspect(arena, &schemas);
	MemoryContextSwitchTo(work);
	/*
	 * The document manages the requested schemas that exist, in the order
	 * asked (an empty list manages nothing), so diff(introspect()) is empty
	 * on any database.
	 */
	{
		vb_list		existing = current->schemas;
		int			i;

		memset(&current->schemas, 0, sizeof(vb_list));
		for (i = 0; i < schemas.count; i++)
			if (vb_list_contains_str(&existing, schemas.items[i]))
				vb_list_push(arena, &current->schemas, schemas.items[i]);
		current->schemas_given = true;
	}
	text = vb_document_write(arena, current);
	PG_RETURN_DATUM(finish_call(text, NULL, level, caller, work));
}

Datum
viborm_diff(PG_FUNCTION_ARGS)
{
	return run_diff_or_push(fcinfo, false);
}

Datum
viborm_push(PG_FUNCTION_ARGS)
{
	return run_diff_or_push(fcinfo, true);
}

/*
 * After applying, the database must be what the document says: introspect
 * again and require an empty plan.
 */
static void
verify_converged(vb_arena *arena, const vb_schema *desired, vb_schema **after)
{
	vb_options	plain;
	vb_plan    *plan;
	vb_error	err;
	vb_buf		left;
	int			i;

	memset(&plain, 0, sizeof(plain));
	*after = vb_pg_introspect(arena, &desired->schemas);
	(*after)->schemas = desired->schemas;	/* as the document lists them */
	(*after)->schemas_given = true;
	if (!vb_diff(arena, &vb_dialect_pg, *after, desired, &plain, &plan, &err))
		vb_pg_raise(&err);
	if (plan->operations.count == 0 && plan->ambiguous.count == 0)
		return;
	vb_buf_init(&left, arena);
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		vb_buf_appendf(&left, "%s%s %s%s%s", i ? "; " : "", vb_op_kind_name(op->kind),
					   op->schema, op->table ? "." : "", op->table ? op->table : "");
		if (op->sql.count)
			vb_buf_appendf(&left, " (%s)", (char *) op->sql.items[0]);
	}
	ereport(ERROR,
			(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '5')),
			 errmsg("the database does not match the document after the push"),
			 errdetail_internal("Still to do: %s.", left.len ? left.data : "rename questions"),
			 errhint("Nothing was applied. Please report this with the document.")));
}

static Datum
run_diff_or_push(FunctionCallInfo fcinfo, bool push)
{
	Jsonb	   *desired_jb;
	Jsonb	   *options_jb = PG_ARGISNULL(1) ? NULL : PG_GETARG_JSONB_P(1);
	MemoryContext work = AllocSetContextCreate(CurrentMemoryContext, "viborm",
											   ALLOCSET_DEFAULT_SIZES);
	MemoryContext caller = MemoryContextSwitchTo(work);
	vb_arena   *arena = vb_pg_arena(work);
	TimestampTz started = GetCurrentTimestamp();
	vb_schema  *desired;
	vb_schema  *current;
	vb_options *opts;
	vb_plan    *plan;
	vb_error	err;
	vb_list		managed;
	bool		applied = false;
	int64		history_id = 0;
	char	   *text;
	char	   *extra = NULL;
	int			level;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
				 errmsg("the schema document must not be null")));
	desired_jb = PG_GETARG_JSONB_P(0);
	if (!vb_document_read(arena, jsonb_text(desired_jb), &desired, &err) ||
		!vb_options_read(arena, options_jb ? jsonb_text(options_jb) : "{}", &opts, &err))
		vb_pg_raise(&err);
	if (desired->dialect && strcmp(desired->dialect, "pg") != 0)
		ereport(ERROR,
				(errcode(MAKE_SQLSTATE('V', 'B', '0', '0', '1')),
				 errmsg("the document is for dialect \"%s\", not \"pg\"", desired->dialect),
				 errdetail("JSON path: dialect.")));

	if (push)
	{
		vb_pg_check_isolation();
		vb_pg_take_push_lock();
	}
	level = vb_pg_pin_settings();
	if (push)
		vb_pg_set("lock_timeout", opts->lock_timeout);

	memset(&managed, 0, sizeof(managed));
	vb_managed_schemas(arena, desired, opts, &managed);
	desired->schemas = managed;

	if (!vb_check_document(arena, desired, &err))
		vb_pg_raise(&err);

	SPI_connect();
	current = vb_pg_introspect(arena, &managed);
	MemoryContextSwitchTo(work);
	if (!vb_check_name_holders(arena, current, desired, &err))
		vb_pg_raise(&err);
	vb_pg_canonicalize(arena, desired, current);
	MemoryContextSwitchTo(work);
	if (!vb_diff(arena, &vb_dialect_pg, current, desired, opts, &plan, &err))
		vb_pg_raise(&err);

	/* diff tells which removed enum values rows still hold (push refuses
	 * them in its guards) */
	if (!push)
	{
		char	   *held = vb_pg_held_enum_values(plan);

		if (held)
			extra = psprintf("{\"heldEnumValues\": %s}", held);
	}
	if (push && !vb_plan_check(arena, plan, opts, &err))
		vb_pg_raise(&err);
	if (push)
		vb_pg_check_guards(plan);
	if (push && !opts->dry_run && plan->operations.count > 0)
	{
		vb_schema  *after;
		char	   *result_json;

		vb_pg_execute_plan(plan);
		verify_converged(arena, desired, &after);
		MemoryContextSwitchTo(work);
		result_json = vb_result_write(arena, plan, false, 0);
		history_id = vb_pg_record_history(result_json, plan,
										  vb_document_write(arena, after), started);
		applied = true;
	}
	MemoryContextSwitchTo(work);
	text = vb_result_write(arena, plan, applied, (long long) history_id);
	PG_RETURN_DATUM(finish_call(text, extra, level, caller, work));
}
