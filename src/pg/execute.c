/*-------------------------------------------------------------------------
 *
 * execute.c
 *	  Run a plan inside the caller's transaction, and record it.
 *
 * A push is serialised by a lock on viborm.push_lock taken before anything
 * is read and held until the transaction ends, requires READ COMMITTED (a
 * REPEATABLE READ snapshot would predate the lock and miss a schema another
 * push just committed),
 * runs each statement in order, and turns a failure into an error that
 * names the step. Nothing is caught and continued: any error aborts the
 * caller's transaction, so a failed push leaves nothing behind.
 *
 * History rows are written with the extension owner's rights, so the
 * roles that may push cannot write history directly.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "access/xact.h"
#include "catalog/namespace.h"
#include "catalog/pg_extension.h"
#include "catalog/pg_type.h"
#include "commands/extension.h"
#include "executor/spi.h"
#include "lib/stringinfo.h"
#include "storage/lmgr.h"
#include "utils/resowner.h"
#include "miscadmin.h"
#include "utils/builtins.h"
#include "utils/fmgrprotos.h"
#include "utils/json.h"
#include "utils/lsyscache.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "vb_pg.h"

/* viborm.push_wait_timeout: how long a push waits for another one */
int			vb_push_wait_timeout = 5 * 60 * 1000;

void
vb_pg_check_isolation(const char *function)
{
	if (XactIsoLevel != XACT_READ_COMMITTED)
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_ISOLATION)),
				 errmsg("%s requires the READ COMMITTED isolation level", function),
				 errdetail("The transaction runs at %s; its snapshot could miss a schema that another push has just committed.",
						   XactIsoLevel == XACT_SERIALIZABLE ? "SERIALIZABLE" :
						   XactIsoLevel == XACT_REPEATABLE_READ ? "REPEATABLE READ" :
						   "READ UNCOMMITTED"),
				 errhint("Run the %s in a READ COMMITTED transaction.",
						 strcmp(function, "viborm.push") == 0 ? "push" : "call")));
}

/*
 * Concurrent pushes queue here, on SHARE UPDATE EXCLUSIVE of the empty
 * table viborm.push_lock, held until the transaction ends. The lock is
 * taken directly (no privilege check: the call acts for the extension's
 * owner); no one else can hold it or a lock that conflicts with it: PUBLIC
 * has no right on the table, so LOCK TABLE, SELECT FOR UPDATE and DDL on
 * it are refused before they lock anything, and the ACCESS SHARE that any
 * role can take (pg_relation_size, a prepared statement) does not conflict.
 * An advisory lock, by contrast, can be taken by any role and would stall
 * every push.
 *
 * The wait has its own bound, viborm.push_wait_timeout (options.lockTimeout
 * applies to the DDL only, and is set after this): lock_timeout is set to
 * it for the wait alone, and running out is 55P03 with a message of its own.
 */
void
vb_pg_take_push_lock(void)
{
	Oid			nsp = get_namespace_oid("viborm", false);
	Oid			relid = get_relname_relid("push_lock", nsp);
	MemoryContext oldcontext = CurrentMemoryContext;
	int			level;

	if (!OidIsValid(relid))
		elog(ERROR, "viborm: relation viborm.push_lock does not exist");
	level = NewGUCNestLevel();
	vb_pg_set("lock_timeout", psprintf("%d", vb_push_wait_timeout));
	PG_TRY();
	{
		LockRelationOid(relid, ShareUpdateExclusiveLock);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		if (edata->sqlerrcode != ERRCODE_LOCK_NOT_AVAILABLE)
			PG_RE_THROW();
		FlushErrorState();
		ereport(ERROR,
				(errcode(ERRCODE_LOCK_NOT_AVAILABLE),
				 errmsg("timed out waiting for another push to finish"),
				 errdetail("A push waits for the push lock (relation viborm.push_lock), which another transaction holds, at most viborm.push_wait_timeout (%dms).",
						   vb_push_wait_timeout),
				 errhint("Retry when that push has committed or rolled back, or raise viborm.push_wait_timeout. Nothing was applied.")));
	}
	PG_END_TRY();
	AtEOXact_GUC(true, level);
}

/* SQLSTATEs that mean "an object outside the plan blocks this step" */
static bool
is_dependency_error(int sqlerrcode)
{
	return sqlerrcode == ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST ||
		sqlerrcode == ERRCODE_FEATURE_NOT_SUPPORTED;
}

/*
 * Run one statement; a failure becomes an error that names it: `what` is
 * "step " for a push, "migration 0002 (add-users), statement " for a
 * migration file (whose statements are the user's own: every failure but
 * a cancel or a lock timeout is VB004 there, with the server's error).
 */
void
vb_pg_run_step(const char *what, bool migration, int number, int total, const char *sql)
{
	MemoryContext oldcontext = CurrentMemoryContext;

	PG_TRY();
	{
		int			rc = SPI_execute(sql, false, 0);

		if (rc < 0)
			elog(ERROR, "SPI_execute failed: %s", SPI_result_code_string(rc));
	}
	PG_CATCH();
	{
		ErrorData  *edata;
		int			code;

		MemoryContextSwitchTo(oldcontext);
		edata = CopyErrorData();
		FlushErrorState();
		code = edata->sqlerrcode;
		if (code == ERRCODE_QUERY_CANCELED)
			ereport(ERROR,
					(errcode(code),
					 errmsg("%s%d of %d was canceled: %s", what, number, total, edata->message),
					 errdetail_internal("%s %d: %s", migration ? "Statement" : "Step", number, sql),
					 errhint("Nothing was applied.")));
		if (code == ERRCODE_LOCK_NOT_AVAILABLE)
			ereport(ERROR,
					(errcode(code),
					 errmsg("%s%d of %d timed out waiting for a lock: %s", what, number, total,
							edata->message),
					 errdetail_internal("%s %d: %s", migration ? "Statement" : "Step", number, sql),
					 errhint("Nothing was applied. Retry when the table is not in use, or raise options.lockTimeout.")));
		if (!migration && is_dependency_error(code))
			ereport(ERROR,
					(errcode(vb_pg_sqlstate(VB_ERR_DEPENDENCY)),
					 errmsg("%s%d of %d is blocked by an object outside the document: %s",
							what, number, total, edata->message),
					 errdetail_internal("Step %d: %s%s%s", number, sql,
										edata->detail ? "\n" : "",
										edata->detail ? edata->detail : ""),
					 errhint("Nothing was applied. viborm never uses CASCADE: drop or change the dependent object first.")));
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_STEP_FAILED)),
				 errmsg("%s%d of %d failed: %s", what, number, total, edata->message),
				 errdetail_internal("%s %d: %s%s%s%s%s", migration ? "Statement" : "Step", number, sql,
									edata->detail ? "\n" : "",
									edata->detail ? edata->detail : "",
									migration ? "\nSQLSTATE of the server's error: " : "",
									migration ? unpack_sql_state(code) : ""),
				 errhint("Nothing was applied.")));
	}
	PG_END_TRY();
}

typedef struct guard_run
{
	const vb_guard *guard;
	int64		count;
} guard_run;

static void
count_guard_rows(void *arg)
{
	guard_run  *run = arg;
	bool		isnull;

	if (SPI_execute(run->guard->sql, true, 1) != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "viborm: guard query returned no count");
	run->count = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0],
											 SPI_tuptable->tupdesc, 1, &isnull));
}

/*
 * Run the guard of operation `number`: the number of rows it counts, or -1
 * with *message set when evaluating the document's expressions on the rows
 * raises a data error (a value that does not convert, a division by zero):
 * the step would fail on those rows the same way, so that is a finding.
 * Any other error means the guard could not run, and it is raised naming
 * the guard: the core builds no guard that reads what the plan creates, so
 * a guard is never skipped. A cancel, a timeout or a lack of resources is
 * raised as it is.
 *
 * The subtransaction is always rolled back, also when the query succeeds:
 * a guard evaluates the document's expressions (checks, unique index
 * expressions and predicates) on existing rows, and a function they call
 * may write (create a table, import a large object, call viborm.push).
 * Whatever it did is undone here, so a dry run leaves nothing behind but
 * what PostgreSQL cannot roll back (a sequence's position).
 */
static int64
run_guard(int number, const vb_operation *op, const vb_guard *g, char **message)
{
	guard_run	run = {g, 0};
	ErrorData  *edata = vb_pg_rolled_back_subtransaction(count_guard_rows, &run);
	int			category;

	*message = NULL;
	if (edata == NULL)
		return run.count;
	category = ERRCODE_TO_CATEGORY(edata->sqlerrcode);
	if (category == ERRCODE_DATA_EXCEPTION)
	{
		*message = edata->message;
		return -1;
	}
	if (edata->sqlerrcode == ERRCODE_QUERY_CANCELED ||
		edata->sqlerrcode == ERRCODE_LOCK_NOT_AVAILABLE ||
		category == ERRCODE_INSUFFICIENT_RESOURCES ||
		category == ERRCODE_PROGRAM_LIMIT_EXCEEDED ||
		edata->elevel > ERROR)
		ReThrowError(edata);
	ereport(ERROR,
			(errcode(edata->sqlerrcode),
			 errmsg("the data guard of operation %d (%s %s) could not run: %s",
					number, vb_op_kind_name(op->kind), op->object, edata->message),
			 errdetail_internal("Guard query: %s", g->sql),
			 errhint("Nothing was applied.")));
	pg_unreachable();
}

/*
 * The data guards of every operation, before any statement of the plan:
 * all of them run, and every failure is listed in one VB006 error.
 */
void
vb_pg_check_guards(const vb_plan *plan)
{
	StringInfoData detail;
	const vb_guard *first = NULL;
	int64		first_count = 0;
	char	   *first_message = NULL;
	int			failed = 0;
	int			i;
	int			j;

	initStringInfo(&detail);
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->guards.count; j++)
		{
			vb_guard   *g = op->guards.items[j];
			char	   *message;
			int64		n = run_guard(i, op, g, &message);

			if (n == 0)
				continue;
			if (failed++ == 0)
			{
				first = g;
				first_count = n;
				first_message = message;
			}
			if (n > 0)
				appendStringInfo(&detail, "%sOperation %d (%s %s): " INT64_FORMAT " row%s of %s: %s.",
								 detail.len ? "\n" : "", i, vb_op_kind_name(op->kind), op->object,
								 n, n == 1 ? "" : "s", g->object, g->problem);
			else
				appendStringInfo(&detail, "%sOperation %d (%s %s): rows of %s: %s: %s.",
								 detail.len ? "\n" : "", i, vb_op_kind_name(op->kind), op->object,
								 g->object, g->problem, message);
		}
	}
	if (failed == 0)
		return;
	if (first_count > 0)
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_GUARD)),
				 errmsg("data guard failed: " INT64_FORMAT " row%s of %s: %s%s",
						first_count, first_count == 1 ? "" : "s", first->object, first->problem,
						failed > 1 ? psprintf(" (and %d more)", failed - 1) : ""),
				 errdetail_internal("%s", detail.data),
				 errhint("%s Nothing was applied.", first->hint ? first->hint : "")));
	ereport(ERROR,
			(errcode(vb_pg_sqlstate(VB_ERR_GUARD)),
			 errmsg("data guard failed: rows of %s: %s: %s%s", first->object, first->problem,
					first_message, failed > 1 ? psprintf(" (and %d more)", failed - 1) : ""),
			 errdetail_internal("%s", detail.data),
			 errhint("%s Nothing was applied.", first->hint ? first->hint : "")));
}

/*
 * For diff: the enum values the plan removes that rows still hold and no
 * mapping covers, counted by their guards (the rows a push would refuse
 * with VB006). A JSON array of {"operation", "schema", "enum", "value",
 * "object", "column", "rows"}, or NULL when there is none. The CLI asks
 * what to map each value to; see docs/results-and-errors.md.
 */
char *
vb_pg_held_enum_values(const vb_plan *plan)
{
	StringInfoData out;
	int			i;
	int			j;

	initStringInfo(&out);
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->guards.count; j++)
		{
			vb_guard   *g = op->guards.items[j];
			char	   *message;
			int64		n;

			if (g->kind != VB_GUARD_ENUM_VALUE || (n = run_guard(i, op, g, &message)) <= 0)
				continue;
			appendStringInfo(&out, "%s{\"operation\": %d, \"schema\": ", out.len ? ", " : "[", i);
			escape_json(&out, op->schema);
			appendStringInfoString(&out, ", \"enum\": ");
			escape_json(&out, op->object);
			appendStringInfoString(&out, ", \"value\": ");
			escape_json(&out, g->value);
			appendStringInfoString(&out, ", \"object\": ");
			escape_json(&out, g->object);
			appendStringInfoString(&out, ", \"column\": ");
			escape_json(&out, g->column);
			appendStringInfo(&out, ", \"rows\": " INT64_FORMAT "}", n);
		}
	}
	if (out.len == 0)
		return NULL;
	appendStringInfoChar(&out, ']');
	return out.data;
}

void
vb_pg_execute_plan(const vb_plan *plan)
{
	int			total = 0;
	int			number = 0;
	int			i;
	int			j;

	for (i = 0; i < plan->operations.count; i++)
		total += ((vb_operation *) plan->operations.items[i])->sql.count;
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		/* document texts (checks, generation and index expressions)
		 * resolve as canonicalisation read them; everything else viborm
		 * writes is schema-qualified */
		if (op->search_schema)
			vb_pg_set("search_path", psprintf("%s, public, pg_temp",
											  quote_identifier(op->search_schema)));
		for (j = 0; j < op->sql.count; j++)
			vb_pg_run_step("step ", false, ++number, total, op->sql.items[j]);
		if (op->search_schema)
			vb_pg_set("search_path", VB_PG_SEARCH_PATH);
	}
}

/*
 * Insert the history row and the snapshot as the extension's owner: the
 * pushing role has no INSERT right on these tables.
 */
/* The role that owns the extension: its tables are written as that role. */
Oid
vb_pg_extension_owner(void)
{
	Oid			ext_oid = get_extension_oid("viborm", false);
	HeapTuple	tup;
	Oid			owner;

	tup = SearchSysCache1(EXTENSIONOID, ObjectIdGetDatum(ext_oid));
	if (!HeapTupleIsValid(tup))
		elog(ERROR, "cache lookup failed for extension %u", ext_oid);
	owner = ((Form_pg_extension) GETSTRUCT(tup))->extowner;
	ReleaseSysCache(tup);
	return owner;
}

int64
vb_pg_record_history(const char *result_json, const vb_plan *plan,
					 const char *snapshot_json, TimestampTz started)
{
	Oid			owner;
	Oid			save_userid;
	int			save_sec;
	char	   *applied_by = GetUserNameFromId(GetUserId(), false);
	int			total = 0;
	Datum	   *sql_elems;
	int			nsql = 0;
	int			i;
	int			j;
	Oid			argtypes[5] = {TEXTOID, TEXTOID, TEXTARRAYOID, JSONBOID, FLOAT8OID};
	Datum		values[5];
	int64		id = 0;
	bool		isnull;
	int			rc;
	long		secs;
	int			usecs;

	owner = vb_pg_extension_owner();
	for (i = 0; i < plan->operations.count; i++)
		total += ((vb_operation *) plan->operations.items[i])->sql.count;
	sql_elems = palloc(sizeof(Datum) * (total + 1));
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
			sql_elems[nsql++] = CStringGetTextDatum(op->sql.items[j]);
	}
	TimestampDifference(started, GetCurrentTimestamp(), &secs, &usecs);

	values[0] = CStringGetTextDatum(applied_by);
	values[1] = CStringGetTextDatum(result_json);
	values[2] = PointerGetDatum(construct_array(sql_elems, nsql, TEXTOID, -1, false, TYPALIGN_INT));
	values[3] = DirectFunctionCall1(jsonb_in, CStringGetDatum(snapshot_json));
	values[4] = Float8GetDatum(secs * 1000.0 + usecs / 1000.0);

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(owner, save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	rc = SPI_execute_with_args(
							   "WITH h AS ("
							   " INSERT INTO viborm.history (applied_by, operations, sql, checksum, duration_ms)"
							   " VALUES ($1, ($2::pg_catalog.jsonb) OPERATOR(pg_catalog.->) 'operations', $3,"
							   "         pg_catalog.encode(pg_catalog.sha256(pg_catalog.convert_to("
							   "             pg_catalog.array_to_string($3, E';\\n'), 'UTF8')), 'hex'), $5)"
							   " RETURNING id)"
							   " INSERT INTO viborm.snapshot (history_id, document)"
							   " SELECT id, $4 FROM h RETURNING history_id",
							   5, argtypes, values, NULL, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec);
	if (rc != SPI_OK_INSERT_RETURNING || SPI_processed != 1)
		elog(ERROR, "viborm: could not record history: %s", SPI_result_code_string(rc));
	id = DatumGetInt64(SPI_getbinval(SPI_tuptable->vals[0], SPI_tuptable->tupdesc, 1, &isnull));
	return id;
}
