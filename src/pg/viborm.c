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
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/timestamp.h"

#include "vb_pg.h"

PG_MODULE_MAGIC;

PG_FUNCTION_INFO_V1(viborm_introspect);
PG_FUNCTION_INFO_V1(viborm_diff);
PG_FUNCTION_INFO_V1(viborm_push);

void		_PG_init(void);

static Datum run_diff_or_push(FunctionCallInfo fcinfo, bool push);
static Datum finish_call(const char *text, const char *extra, int guc_level,
						 MemoryContext caller, MemoryContext work);

void
_PG_init(void)
{
	vb_pg_use_palloc_for_json();
	DefineCustomIntVariable("viborm.push_wait_timeout",
							"How long a push waits for another push to finish.",
							"Zero waits without limit. options.lockTimeout does not apply to this wait.",
							&vb_push_wait_timeout, 5 * 60 * 1000, 0, INT_MAX,
							PGC_USERSET, GUC_UNIT_MS, NULL, NULL, NULL);
	MarkGUCPrefixReserved("viborm");
}

/* A text the core wrote; NULL only when the core was stopped, which the
 * extension's stop hook never lets happen (it raises the error itself). */
static char *
written(char *text)
{
	if (text == NULL)
		elog(ERROR, "viborm: the core stopped writing JSON");
	return text;
}


/* The names, each once, in their order. */
static void
list_to_vb(vb_arena *arena, List *names, vb_list *out)
{
	ListCell   *lc;
	vb_set		seen;

	vb_set_init(&seen, arena);
	foreach(lc, names)
	{
		CHECK_FOR_INTERRUPTS();
		if (vb_set_add(&seen, lfirst(lc)))
			vb_list_push(arena, out, vb_strdup(arena, lfirst(lc)));
	}
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
	int			i;

	memset(&schemas, 0, sizeof(schemas));
	list_to_vb(arena, vb_pg_text_array_to_list(array), &schemas);
	if (schemas.count == 0)
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
				 errmsg("introspect needs at least one schema name")));
	for (i = 0; i < schemas.count; i++)
	{
		const char *why = vb_reserved_schema(schemas.items[i]);

		if (why)
			ereport(ERROR,
					(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
					 errmsg("schema \"%s\" %s and cannot be managed",
							(char *) schemas.items[i], why)));
	}
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
		vb_set		existing;

		vb_set_init(&existing, arena);
		for (i = 0; i < current->schemas.count; i++)
			vb_set_add(&existing, current->schemas.items[i]);
		memset(&current->schemas, 0, sizeof(vb_list));
		for (i = 0; i < schemas.count; i++)
		{
			CHECK_FOR_INTERRUPTS();
			if (vb_set_has(&existing, schemas.items[i]))
				vb_list_push(arena, &current->schemas, schemas.items[i]);
		}
		current->schemas_given = true;
	}
	text = written(vb_document_write(arena, current));
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
			(errcode(vb_pg_sqlstate(VB_ERR_CONVERGENCE)),
			 errmsg("the database does not match the document after the push"),
			 errdetail_internal("Still to do: %s.", left.len ? left.data : "rename questions"),
			 errhint("Nothing was applied. Please report this with the document.")));
}

/*
 * In a SQL_ASCII database text may hold any bytes, but the history row
 * stores the statements as UTF-8 (its checksum converts them): a document
 * whose names or texts are not UTF-8 would fail there, after every
 * statement ran. Refuse it before anything is read instead.
 */
static void
check_encoding(vb_arena *arena, const char *doc_text, const char *opts_text)
{
	vb_error	err;

	if (GetDatabaseEncoding() != PG_SQL_ASCII)
		return;
	if (!vb_json_check_utf8(arena, doc_text, "the schema document", "", &err) ||
		!vb_json_check_utf8(arena, opts_text, "the options", "options", &err))
	{
		err.hint = "The database's encoding is SQL_ASCII, which stores any bytes; viborm records names and statements as UTF-8, so every name and text of the document must be UTF-8.";
		vb_pg_raise(&err);
	}
}

/*
 * The same for names that come from the catalog (a table the plan drops
 * or renames): in a SQL_ASCII database, a statement that is not UTF-8
 * could not be recorded, so the plan is refused before it runs.
 */
static void
check_plan_encoding(const vb_plan *plan)
{
	int			number = 0;
	int			i;
	int			j;

	if (GetDatabaseEncoding() != PG_SQL_ASCII)
		return;
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
		{
			const char *sql = op->sql.items[j];

			number++;
			if (!pg_verify_mbstr(PG_UTF8, sql, strlen(sql), true))
				ereport(ERROR,
						(errcode(ERRCODE_CHARACTER_NOT_IN_REPERTOIRE),
						 errmsg("step %d of the plan names an object whose name is not valid UTF-8", number),
						 errdetail("Operation %d (%s).", i, vb_op_kind_name(op->kind)),
						 errhint("The database's encoding is SQL_ASCII; viborm records statements as UTF-8. Rename the object first. Nothing was applied.")));
		}
	}
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
	char	   *doc_text;
	char	   *opts_text;
	char	   *text;
	char	   *extra = NULL;
	int			level;

	if (PG_ARGISNULL(0))
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
				 errmsg("the schema document must not be null")));
	desired_jb = PG_GETARG_JSONB_P(0);
	doc_text = vb_pg_jsonb_text(desired_jb);
	opts_text = options_jb ? vb_pg_jsonb_text(options_jb) : "{}";
	check_encoding(arena, doc_text, opts_text);
	if (!vb_document_read(arena, doc_text, &desired, &err) ||
		!vb_options_read(arena, opts_text, &opts, &err))
		vb_pg_raise(&err);
	if (desired->dialect && strcmp(desired->dialect, "pg") != 0)
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
				 errmsg("the document is for dialect \"%s\", not \"pg\"", desired->dialect),
				 errdetail("JSON path: dialect.")));

	if (push)
	{
		vb_pg_check_isolation("viborm.push");
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

		check_plan_encoding(plan);
		vb_pg_execute_plan(plan);
		verify_converged(arena, desired, &after);
		MemoryContextSwitchTo(work);
		result_json = written(vb_result_write(arena, plan, false, 0));
		history_id = vb_pg_record_history(result_json, plan,
										  written(vb_document_write(arena, after)), started);
		applied = true;
	}
	MemoryContextSwitchTo(work);
	text = written(vb_result_write(arena, plan, applied, (long long) history_id));
	PG_RETURN_DATUM(finish_call(text, extra, level, caller, work));
}
