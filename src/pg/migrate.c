/*-------------------------------------------------------------------------
 *
 * migrate.c
 *	  Versioned migrations in the server: viborm.migrate_apply(),
 *	  viborm.migrate_status() and viborm.migrate_down().
 *
 * The files come in as data (CONTRACT §5: a jsonb array of {version, name,
 * sql, down, snapshot}); what was applied is recorded in viborm.migrations,
 * written only by the extension (as its owner). The core (migrate.c there)
 * reconciles the two and says what to run or to refuse; this file reads
 * the records, computes the checksums (SHA-256 of each file's text in
 * UTF-8, PostgreSQL's own cryptohash), runs the statements and records.
 *
 * apply and down serialise on the push lock (viborm.push_lock) and run
 * inside the caller's transaction, so a failed file leaves nothing of any
 * file behind. The files' statements run with the caller's settings
 * (search_path included), as psql would run them; viborm's own queries
 * run under the pinned settings, schema-qualified.
 *
 *-------------------------------------------------------------------------
 */
#include "postgres.h"

#include "catalog/dependency.h"
#include "catalog/namespace.h"
#include "catalog/objectaddress.h"
#include "catalog/pg_namespace.h"
#include "catalog/pg_type.h"
#include "common/cryptohash.h"
#include "common/sha2.h"
#include "executor/spi.h"
#include "fmgr.h"
#include "mb/pg_wchar.h"
#include "miscadmin.h"
#include "nodes/parsenodes.h"
#include "parser/parser.h"
#include "utils/acl.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/guc.h"
#include "utils/json.h"
#include "utils/jsonb.h"
#include "utils/memutils.h"
#include "utils/syscache.h"
#include "utils/timestamp.h"

#include "vb_migrate.h"
#include "vb_pg.h"

PG_FUNCTION_INFO_V1(viborm_migrate_apply);
PG_FUNCTION_INFO_V1(viborm_migrate_status);
PG_FUNCTION_INFO_V1(viborm_migrate_down);

/* SHA-256 of the text's UTF-8 bytes, as 64 lower-case hex digits. */
static char *
checksum_of(const char *text)
{
	static const char hex[] = "0123456789abcdef";
	char	   *utf8 = pg_server_to_any(text, strlen(text), PG_UTF8);
	uint8		digest[PG_SHA256_DIGEST_LENGTH];
	pg_cryptohash_ctx *ctx = pg_cryptohash_create(PG_SHA256);
	char	   *out = palloc(PG_SHA256_DIGEST_LENGTH * 2 + 1);
	int			i;

	if (pg_cryptohash_init(ctx) < 0 ||
		pg_cryptohash_update(ctx, (const uint8 *) utf8, strlen(utf8)) < 0 ||
		pg_cryptohash_final(ctx, digest, sizeof(digest)) < 0)
		elog(ERROR, "viborm: could not compute SHA-256: %s", pg_cryptohash_error(ctx));
	pg_cryptohash_free(ctx);
	for (i = 0; i < PG_SHA256_DIGEST_LENGTH; i++)
	{
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[2 * PG_SHA256_DIGEST_LENGTH] = '\0';
	return out;
}

/* The migrations argument, checksummed. */
static void
read_files(vb_arena *arena, FunctionCallInfo fcinfo, int argno, vb_list *files)
{
	vb_error	err;
	int			i;

	if (PG_ARGISNULL(argno))
		ereport(ERROR,
				(errcode(vb_pg_sqlstate(VB_ERR_INVALID)),
				 errmsg("the migrations must not be null")));
	if (!vb_migrations_read(arena, vb_pg_jsonb_text(PG_GETARG_JSONB_P(argno)), files, &err))
		vb_pg_raise(&err);
	for (i = 0; i < files->count; i++)
	{
		vb_migration *m = files->items[i];

		m->checksum = checksum_of(m->sql);
	}
}

static void
read_options(vb_arena *arena, FunctionCallInfo fcinfo, int argno, vb_migrate_options *opts)
{
	vb_error	err;

	if (!vb_migrate_options_read(arena, PG_ARGISNULL(argno) ? "{}" :
								 vb_pg_jsonb_text(PG_GETARG_JSONB_P(argno)), opts, &err))
		vb_pg_raise(&err);
}

static char *
value_or_null(int row, int col)
{
	return SPI_getvalue(SPI_tuptable->vals[row], SPI_tuptable->tupdesc, col);
}

/* Every row of viborm.migrations (under the pinned settings: UTC). */
static void
read_records(vb_arena *arena, vb_list *records)
{
	int			rc;
	uint64		i;

	rc = SPI_execute("SELECT version, name, checksum,"
					 " pg_catalog.to_char(applied_at, 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'),"
					 " applied_by, duration_ms::pg_catalog.text,"
					 " CASE WHEN baseline THEN 'baseline' ELSE 'applied' END,"
					 " down_sql, snapshot::pg_catalog.text"
					 " FROM viborm.migrations ORDER BY version", false, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "viborm: could not read viborm.migrations: %s", SPI_result_code_string(rc));
	for (i = 0; i < SPI_processed; i++)
	{
		vb_migration_record *r = palloc0(sizeof(vb_migration_record));

		r->version = value_or_null(i, 1);
		r->name = value_or_null(i, 2);
		r->checksum = value_or_null(i, 3);
		r->applied_at = value_or_null(i, 4);
		r->applied_by = value_or_null(i, 5);
		r->duration_ms = strtod(value_or_null(i, 6), NULL);
		r->state = value_or_null(i, 7);
		r->down = value_or_null(i, 8);
		r->snapshot = value_or_null(i, 9);
		vb_list_push(arena, records, r);
	}
}

/* Run a statement of viborm's own as the extension's owner. */
static void
run_as_owner(const char *sql, int nargs, Oid *types, Datum *values, const char *nulls,
			 int expected)
{
	Oid			save_userid;
	int			save_sec;
	int			rc;

	GetUserIdAndSecContext(&save_userid, &save_sec);
	SetUserIdAndSecContext(vb_pg_extension_owner(), save_sec | SECURITY_LOCAL_USERID_CHANGE |
						   SECURITY_RESTRICTED_OPERATION);
	rc = SPI_execute_with_args(sql, nargs, types, values, nulls, false, 0);
	SetUserIdAndSecContext(save_userid, save_sec);
	if (rc != expected)
		elog(ERROR, "viborm: could not write viborm.migrations: %s", SPI_result_code_string(rc));
}

static Datum
text_or_null(const char *s, char *null)
{
	*null = s ? ' ' : 'n';
	return s ? CStringGetTextDatum(s) : (Datum) 0;
}

static void
record_applied(const vb_migration *m, double duration_ms, bool baseline)
{
	Oid			types[8] = {TEXTOID, TEXTOID, TEXTOID, TEXTOID, TEXTOID, JSONBOID,
	FLOAT8OID, BOOLOID};
	Datum		values[8];
	char		nulls[9] = "        ";

	values[0] = CStringGetTextDatum(m->version);
	values[1] = CStringGetTextDatum(m->name);
	values[2] = CStringGetTextDatum(m->checksum);
	values[3] = CStringGetTextDatum(m->sql);
	values[4] = text_or_null(m->down, &nulls[4]);
	nulls[5] = m->snapshot ? ' ' : 'n';
	values[5] = m->snapshot ? DirectFunctionCall1(jsonb_in, CStringGetDatum(m->snapshot)) : (Datum) 0;
	values[6] = Float8GetDatum(duration_ms);
	values[7] = BoolGetDatum(baseline);
	run_as_owner("INSERT INTO viborm.migrations (version, name, checksum, up_sql, down_sql,"
				 " snapshot, applied_by, duration_ms, baseline)"
				 " VALUES ($1, $2, $3, $4, $5, $6, pg_catalog.\"current_user\"(), $7, $8)",
				 8, types, values, nulls, SPI_OK_INSERT);
}

static double
ms_since(TimestampTz start)
{
	long		secs;
	int			usecs;

	TimestampDifference(start, GetCurrentTimestamp(), &secs, &usecs);
	return secs * 1000.0 + usecs / 1000.0;
}

/* Run a file's statements with the caller's settings (the pinned ones
 * restored), lock_timeout from the options. */
static int
run_file(vb_arena *arena, const char *sql, const char *version, const char *name, const char *lock_timeout)
{
	vb_list		statements;
	int			level = NewGUCNestLevel();
	char	   *what = psprintf("migration %s (%s), statement ", version, name);
	int			i;

	memset(&statements, 0, sizeof(statements));
	vb_migration_statements(arena, sql, &statements);
	vb_pg_set("lock_timeout", lock_timeout);
	for (i = 0; i < statements.count; i++)
	{
		CHECK_FOR_INTERRUPTS();
		vb_pg_run_step(what, true, i + 1, statements.count, statements.items[i]);
	}
	AtEOXact_GUC(true, level);
	return statements.count;
}

typedef struct drift_call
{
	const char *snapshot;
	char	   *result;
} drift_call;

static void
diff_snapshot(void *arg)
{
	drift_call *call = arg;
	Oid			types[1] = {JSONBOID};
	Datum		values[1];
	int			rc;

	values[0] = DirectFunctionCall1(jsonb_in, CStringGetDatum(call->snapshot));
	rc = SPI_execute_with_args("SELECT viborm.diff($1, '{\"resolutions\": \"addAndDrop\"}')::pg_catalog.text",
							   1, types, values, NULL, true, 1);
	if (rc != SPI_OK_SELECT || SPI_processed != 1)
		elog(ERROR, "viborm: could not diff the snapshot: %s", SPI_result_code_string(rc));
	call->result = value_or_null(0, 1);
}

/*
 * Drift: the live schema against the snapshot of the last applied
 * migration, by viborm.diff (which changes nothing). A snapshot that
 * cannot be diffed is reported, not raised: the migrations stay applied.
 */
static const char *
drift_against(vb_arena *arena, const char *snapshot)
{
	drift_call	call;
	ErrorData  *edata;
	StringInfoData out;

	if (snapshot == NULL)
		return NULL;
	call.snapshot = snapshot;
	call.result = NULL;
	edata = vb_pg_rolled_back_subtransaction(diff_snapshot, &call);
	if (edata == NULL)
		return vb_migrate_drift(arena, call.result);
	initStringInfo(&out);
	appendStringInfoString(&out, "{\"error\": ");
	escape_json(&out, edata->message);
	appendStringInfoChar(&out, '}');
	return out.data;
}

/* One call: its memory, its pinned settings, its SPI connection. */
typedef struct call
{
	MemoryContext caller;
	MemoryContext work;
	vb_arena   *arena;
	int			level;
} call;

static void
call_start(call *c)
{
	c->work = AllocSetContextCreate(CurrentMemoryContext, "viborm", ALLOCSET_DEFAULT_SIZES);
	c->caller = MemoryContextSwitchTo(c->work);
	c->arena = vb_pg_arena(c->work);
}

/* Pin the settings, connect to SPI, read the records. */
static void
call_connect(call *c, vb_list *records)
{
	c->level = vb_pg_pin_settings();
	SPI_connect();
	MemoryContextSwitchTo(c->work);
	read_records(c->arena, records);
}

static Datum
call_finish(call *c, const char *text)
{
	Datum		result;

	SPI_finish();
	AtEOXact_GUC(true, c->level);
	MemoryContextSwitchTo(c->caller);
	result = DirectFunctionCall1(jsonb_in, CStringGetDatum(text));
	MemoryContextDelete(c->work);
	return result;
}

/*
 * The objects a reset drops: every table, view, materialized view, foreign
 * table, sequence, composite, enum, domain and range type, routine and
 * collation of the schemas, but what belongs to an extension and what goes
 * with another object (owned sequences, partitions, row types, array
 * types). Indexes, constraints, triggers, rules and policies go with their
 * tables.
 */
static const char reset_objects_sql[] =
"SELECT x.classid, x.objid, x.owner FROM ("
" SELECT 'pg_catalog.pg_class'::pg_catalog.regclass AS classid, c.oid AS objid,"
"  c.relowner AS owner, n.nspname, c.relname::pg_catalog.text AS name"
"  FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace"
"  WHERE n.nspname OPERATOR(pg_catalog.=) ANY ($1) AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S', 'c')"
" UNION ALL"
" SELECT 'pg_catalog.pg_type'::pg_catalog.regclass, t.oid, t.typowner, n.nspname, t.typname::pg_catalog.text"
"  FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) t.typnamespace"
"  WHERE n.nspname OPERATOR(pg_catalog.=) ANY ($1) AND t.typtype IN ('e', 'd', 'r')"
" UNION ALL"
" SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, p.oid, p.proowner, n.nspname, p.proname::pg_catalog.text"
"  FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) p.pronamespace"
"  WHERE n.nspname OPERATOR(pg_catalog.=) ANY ($1)"
" UNION ALL"
" SELECT 'pg_catalog.pg_collation'::pg_catalog.regclass, o.oid, o.collowner, n.nspname, o.collname::pg_catalog.text"
"  FROM pg_catalog.pg_collation o JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) o.collnamespace"
"  WHERE n.nspname OPERATOR(pg_catalog.=) ANY ($1)"
") x WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_depend d"
"  WHERE d.classid OPERATOR(pg_catalog.=) x.classid AND d.objid OPERATOR(pg_catalog.=) x.objid"
"  AND d.deptype IN ('e', 'i', 'a'))"
" ORDER BY x.nspname, x.name, x.classid, x.objid";

/*
 * Reset: drop the objects of the schemas all at once (dependencies among
 * them do not matter), RESTRICT: an object elsewhere that depends on one of
 * them stops the reset with PostgreSQL's error naming it. The caller must
 * own (be a member of the owner of) each object. Then forget every record.
 * Nothing is changed on a dry run, or when force is missing (VB003).
 */
/* Does the text name SCHEMA (any letter case)? A cheap filter before the
 * parser. */
static bool
mentions_schema(const char *sql)
{
	const char *p;

	for (p = sql; *p; p++)
		if (pg_strncasecmp(p, "schema", 6) == 0)
			return true;
	return false;
}

typedef struct parse_context
{
	const char *version;
	int			statement;
} parse_context;

static void
parse_error_context(void *arg)
{
	parse_context *pc = arg;

	errcontext("reading migration %s, statement %d, for a CREATE SCHEMA that reset must undo",
			   pc->version, pc->statement);
}

/*
 * Is the schema created by a file with a plain CREATE SCHEMA (no IF NOT
 * EXISTS), which would fail if the reset kept it? PostgreSQL's own parser
 * reads the statements that mention a schema.
 */
static bool
created_by_files(vb_arena *arena, const vb_list *files, const char *schema)
{
	ErrorContextCallback callback;
	parse_context pc;
	bool		found = false;
	int			i;
	int			k;

	callback.callback = parse_error_context;
	callback.arg = &pc;
	callback.previous = error_context_stack;
	error_context_stack = &callback;
	for (i = 0; i < files->count && !found; i++)
	{
		const vb_migration *m = files->items[i];
		vb_list		statements = {0};

		vb_migration_statements(arena, m->sql, &statements);
		pc.version = m->version;
		for (k = 0; k < statements.count && !found; k++)
		{
			ListCell   *lc;

			if (!mentions_schema(statements.items[k]))
				continue;
			pc.statement = k + 1;
			foreach(lc, raw_parser(statements.items[k], RAW_PARSE_DEFAULT))
			{
				Node	   *stmt = lfirst_node(RawStmt, lc)->stmt;

				if (IsA(stmt, CreateSchemaStmt) && !((CreateSchemaStmt *) stmt)->if_not_exists &&
					((CreateSchemaStmt *) stmt)->schemaname &&
					strcmp(((CreateSchemaStmt *) stmt)->schemaname, schema) == 0)
					found = true;
			}
		}
	}
	error_context_stack = callback.previous;
	return found;
}

/* Queue one object of a reset, after checking the caller owns it. */
static void
reset_object(call *c, vb_migrate_reset *reset, ObjectAddresses *objects, Oid classid,
			 Oid objid, Oid owner)
{
	ObjectAddress addr;
	char	   *identity;

	addr.classId = classid;
	addr.objectId = objid;
	addr.objectSubId = 0;
	/* gone since the query (another session): nothing to drop */
	identity = getObjectIdentity(&addr, true);
	if (identity == NULL)
		return;
	if (!has_privs_of_role(GetUserId(), owner))
		ereport(ERROR,
				(errcode(ERRCODE_INSUFFICIENT_PRIVILEGE),
				 errmsg("must be owner of %s to reset it", getObjectDescription(&addr, false)),
				 errhint("Nothing was changed.")));
	add_exact_object_address(&addr, objects);
	vb_list_push(c->arena, &reset->dropped_kinds, getObjectTypeDescription(&addr, false));
	vb_list_push(c->arena, &reset->dropped, identity);
}

static void
reset_target(call *c, const vb_migrate_options *opts, const vb_list *files,
			 const vb_list *statuses, const vb_list *records, vb_migrate_reset *reset)
{
	ObjectAddresses *objects = new_object_addresses();
	Datum	   *names;
	Oid			types[1] = {TEXTARRAYOID};
	Datum		values[1];
	vb_error	err;
	uint64		i;
	int			k;
	int			rc;

	if (!vb_migrate_reset_schemas(c->arena, opts, statuses, &reset->schemas, &err))
		vb_pg_raise(&err);
	names = palloc(sizeof(Datum) * (reset->schemas.count + 1));
	for (k = 0; k < reset->schemas.count; k++)
	{
		names[k] = CStringGetTextDatum(reset->schemas.items[k]);
		if (opts->schemas.count > 0 && !OidIsValid(get_namespace_oid(reset->schemas.items[k], true)))
		{
			vb_fail(&err, c->arena, VB_ERR_INVALID, vb_printf(c->arena, "options.schemas[%d]", k),
					"schema \"%s\" does not exist", (char *) reset->schemas.items[k]);
			vb_pg_raise(&err);
		}
	}
	values[0] = PointerGetDatum(construct_array(names, reset->schemas.count, TEXTOID, -1, false,
												TYPALIGN_INT));
	rc = SPI_execute_with_args(reset_objects_sql, 1, types, values, NULL, true, 0);
	if (rc != SPI_OK_SELECT)
		elog(ERROR, "viborm: could not read the objects to reset: %s", SPI_result_code_string(rc));
	for (i = 0; i < SPI_processed; i++)
	{
		bool		isnull;

		reset_object(c, reset, objects,
					 DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 1, &isnull)),
					 DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 2, &isnull)),
					 DatumGetObjectId(SPI_getbinval(SPI_tuptable->vals[i], SPI_tuptable->tupdesc, 3, &isnull)));
	}
	/* a schema a file creates without IF NOT EXISTS goes too */
	for (k = 0; k < reset->schemas.count; k++)
	{
		Oid			nsp = get_namespace_oid(reset->schemas.items[k], true);
		HeapTuple	tuple;

		if (!OidIsValid(nsp) || !created_by_files(c->arena, files, reset->schemas.items[k]))
			continue;
		tuple = SearchSysCache1(NAMESPACEOID, ObjectIdGetDatum(nsp));
		if (!HeapTupleIsValid(tuple))
			continue;
		reset_object(c, reset, objects, NamespaceRelationId, nsp,
					 ((Form_pg_namespace) GETSTRUCT(tuple))->nspowner);
		ReleaseSysCache(tuple);
	}
	for (k = 0; k < records->count; k++)
		vb_list_push(c->arena, &reset->forgotten, ((vb_migration_record *) records->items[k])->version);
	if (!vb_migrate_reset_check(c->arena, opts, files, reset, &err))
		vb_pg_raise(&err);
	if (opts->dry_run)
		return;
	PG_TRY();
	{
		performMultipleDeletions(objects, DROP_RESTRICT, 0);
	}
	PG_CATCH();
	{
		ErrorData  *edata;

		MemoryContextSwitchTo(c->work);
		edata = CopyErrorData();
		if (edata->sqlerrcode == ERRCODE_DEPENDENT_OBJECTS_STILL_EXIST)
			edata->hint = pstrdup("An object that reset does not drop (in another schema, of a kind reset leaves, or of an extension) depends on one it drops: drop it first, or name its schema in the schemas option too. Nothing was changed.");
		FlushErrorState();
		ReThrowError(edata);
	}
	PG_END_TRY();
	CommandCounterIncrement();
	run_as_owner("DELETE FROM viborm.migrations", 0, NULL, NULL, NULL, SPI_OK_DELETE);
}

Datum
viborm_migrate_apply(PG_FUNCTION_ARGS)
{
	call		c;
	vb_migrate_options opts;
	vb_list		files = {0};
	vb_list		records = {0};
	vb_list		statuses = {0};
	vb_list		pending = {0};
	vb_list		runs = {0};
	vb_list		after = {0};
	vb_error	err;
	vb_migrate_reset reset = {0};
	const char *drift = NULL;
	int			i;

	call_start(&c);
	read_files(c.arena, fcinfo, 0, &files);
	read_options(c.arena, fcinfo, 1, &opts);
	vb_pg_check_isolation("viborm.migrate_apply");
	vb_pg_take_push_lock();
	call_connect(&c, &records);
	vb_migrations_reconcile(c.arena, &files, &records, &statuses);
	if (opts.reset)
	{
		/* then every file is pending */
		reset_target(&c, &opts, &files, &statuses, &records, &reset);
		records.count = 0;
		statuses.count = 0;
		vb_migrations_reconcile(c.arena, &files, &records, &statuses);
	}
	if (!vb_migrations_pending(c.arena, &statuses, &opts, &pending, &err))
		vb_pg_raise(&err);
	for (i = 0; i < pending.count; i++)
	{
		const vb_migration *m = ((vb_migration_status *) pending.items[i])->file;
		vb_migration_run *run = vb_alloc(c.arena, sizeof(vb_migration_run));
		TimestampTz start = GetCurrentTimestamp();

		run->version = m->version;
		run->name = m->name;
		run->checksum = m->checksum;
		if (opts.dry_run)
		{
			vb_list		statements = {0};

			vb_migration_statements(c.arena, m->sql, &statements);
			run->statements = statements.count;
		}
		else
		{
			if (!opts.baseline)
			{
				/* the caller's settings for the file's statements */
				AtEOXact_GUC(true, c.level);
				run->statements = run_file(c.arena, m->sql, m->version, m->name,
										   opts.lock_timeout);
				c.level = vb_pg_pin_settings();
			}
			run->duration_ms = ms_since(start);
			record_applied(m, run->duration_ms, opts.baseline);
		}
		vb_list_push(c.arena, &runs, run);
	}
	if (!opts.dry_run)
	{
		records.count = 0;
		read_records(c.arena, &records);
		vb_migrations_reconcile(c.arena, &files, &records, &after);
		if (!opts.baseline)
			drift = drift_against(c.arena, vb_migrations_last_snapshot(&after));
	}
	else
		after = statuses;
	PG_RETURN_DATUM(call_finish(&c, vb_migrate_apply_result(c.arena, &runs, &after,
															opts.dry_run, drift,
															opts.reset ? &reset : NULL)));
}

Datum
viborm_migrate_status(PG_FUNCTION_ARGS)
{
	call		c;
	vb_migrate_options opts;
	vb_list		files = {0};
	vb_list		records = {0};
	vb_list		statuses = {0};
	vb_error	err;

	call_start(&c);
	read_files(c.arena, fcinfo, 0, &files);
	read_options(c.arena, fcinfo, 1, &opts);
	if (!vb_migrate_options_for(c.arena, &opts, "status", &err))
		vb_pg_raise(&err);
	call_connect(&c, &records);
	vb_migrations_reconcile(c.arena, &files, &records, &statuses);
	PG_RETURN_DATUM(call_finish(&c, vb_migrate_status_result(c.arena, &statuses,
															 drift_against(c.arena, vb_migrations_last_snapshot(&statuses)))));
}

Datum
viborm_migrate_down(PG_FUNCTION_ARGS)
{
	call		c;
	vb_migrate_options opts;
	vb_list		records = {0};
	vb_list		revert = {0};
	vb_error	err;
	int			i;

	call_start(&c);
	read_options(c.arena, fcinfo, 0, &opts);
	if (!vb_migrate_options_for(c.arena, &opts, "down", &err))
		vb_pg_raise(&err);
	vb_pg_check_isolation("viborm.migrate_down");
	vb_pg_take_push_lock();
	call_connect(&c, &records);
	if (!vb_migrations_to_revert(c.arena, &records, &opts, &revert, &err))
		vb_pg_raise(&err);
	for (i = 0; i < revert.count && !opts.dry_run; i++)
	{
		const vb_migration_record *r = revert.items[i];
		Oid			types[1] = {TEXTOID};
		Datum		values[1];

		AtEOXact_GUC(true, c.level);
		run_file(c.arena, r->down, r->version, r->name, opts.lock_timeout);
		c.level = vb_pg_pin_settings();
		values[0] = CStringGetTextDatum(r->version);
		run_as_owner("DELETE FROM viborm.migrations WHERE version OPERATOR(pg_catalog.=) $1",
					 1, types, values, NULL, SPI_OK_DELETE);
	}
	PG_RETURN_DATUM(call_finish(&c, vb_migrate_down_result(c.arena, &revert, opts.dry_run)));
}
