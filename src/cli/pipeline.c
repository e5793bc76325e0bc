/*
 * pipeline.c — the core pipeline for the targets the command plans for
 * itself (SQLite, MySQL/MariaDB), on the local members of their driver:
 *
 *   lock -> read the live schema -> canonicalise the document -> vb_diff
 *   (the driver's dialect) -> refuse ambiguity and destruction -> data
 *   guards -> execute each statement -> read the schema again and require
 *   an empty diff -> record history -> commit
 *
 * so that every target returns the result object of CONTRACT §2. A driver
 * points its introspect and plan members at cli_pipeline_introspect and
 * cli_pipeline_plan. On a target whose DDL is transactional (SQLite) the
 * whole push is one transaction and any failure leaves nothing behind; on
 * one whose DDL commits by itself (MySQL: the driver has `journal`) the
 * server checks every statement and every guard runs before the first
 * statement, each statement is journalled as it is applied, and a failure
 * reports exactly which steps ran (apply_journaled).
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialect.h"
#include "vb_json.h"
#include "history.h"
#include "pipeline.h"
#include "session.h"

/* The dialect of the connection's server (MySQL 8 or MariaDB: one driver). */
static const vb_dialect *
dialect_of(const cli_driver *self, cli_conn *conn)
{
	return self->dialect_of ? self->dialect_of(conn) : self->dialect;
}

bool
cli_pipeline_introspect(const cli_driver *self, cli_conn *conn, vb_arena *arena,
						const vb_list *schemas, char **document, vb_error *err)
{
	vb_schema  *current;

	if (!self->read_schema(conn, arena, schemas, &current, err))
		return false;
	current->dialect = (char *) self->dialect->name;
	*document = vb_document_write(arena, current);
	return true;
}

/*
 * A database without schemas has one namespace (vb_default_namespace), in
 * which the model keeps all its tables; the model form's serializer puts
 * them in "public", so they move there. A document that names another
 * schema is refused.
 */
static bool
one_namespace(const vb_dialect *dl, vb_arena *arena, vb_schema *desired, vb_error *err)
{
	const char *ns = vb_default_namespace(dl->name);
	int			i;
	int			j;

	if (dl->can.schemas)
		return true;
	for (i = 0; i < desired->tables.count; i++)
	{
		vb_table   *t = desired->tables.items[i];

		if (strcmp(t->schema, ns) != 0 && strcmp(t->schema, "public") != 0)
			return vb_fail(err, arena, VB_ERR_INVALID, t->path,
						   "%s: the %s dialect has no schemas (table \"%s\" names schema \"%s\")",
						   t->path ? t->path : t->name, dl->name, t->name, t->schema);
		t->schema = (char *) ns;
		for (j = 0; j < t->foreign_keys.count; j++)
			((vb_foreign_key *) t->foreign_keys.items[j])->ref_schema = (char *) ns;
	}
	desired->schemas.count = 0;
	vb_list_push(arena, &desired->schemas, (void *) ns);
	desired->schemas_given = false;
	return true;
}

/* Run every data guard; all failures in one VB006, as the extension does. */
static bool
check_guards(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_plan *plan,
			 vb_error *err)
{
	vb_buf		detail;
	const vb_guard *first = NULL;
	long long	first_count = 0;
	int			failed = 0;
	int			i;
	int			j;

	vb_buf_init(&detail, arena);
	for (i = 0; i < plan->operations.count; i++)
	{
		const vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->guards.count; j++)
		{
			const vb_guard *g = op->guards.items[j];
			long long	n;
			vb_error	gerr;

			memset(&gerr, 0, sizeof(gerr));
			if (!self->count_rows(conn, g->sql, &n, &gerr))
			{
				vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL,
						"the data guard of operation %d (%s %s) could not run: %s", i,
						vb_op_kind_name(op->kind), op->object, gerr.message);
				err->detail = vb_printf(arena, "Guard query: %s", g->sql);
				err->hint = vb_strdup(arena, "Nothing was applied. Please report this with the document.");
				return false;
			}
			if (n == 0)
				continue;
			if (failed++ == 0)
			{
				first = g;
				first_count = n;
			}
			vb_buf_appendf(&detail, "%sOperation %d (%s %s): %lld row%s of %s: %s.",
						   detail.len ? "\n" : "", i, vb_op_kind_name(op->kind), op->object,
						   n, n == 1 ? "" : "s", g->object, g->problem);
		}
	}
	if (failed == 0)
		return true;
	vb_fail(err, arena, VB_ERR_GUARD, NULL, "data guard failed: %lld row%s of %s: %s%s",
			first_count, first_count == 1 ? "" : "s", first->object, first->problem,
			failed > 1 ? vb_printf(arena, " (and %d more)", failed - 1) : "");
	err->detail = detail.data;
	err->hint = vb_printf(arena, "%s Nothing was applied.", first->hint ? first->hint : "");
	return false;
}

static bool verify(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_dialect *dl,
				   const vb_schema *desired, vb_schema **after, vb_error *err);

/* The statements of the plan, in order. */
static void
plan_statements(vb_arena *arena, const vb_plan *plan, vb_list *out)
{
	int			i;
	int			j;

	for (i = 0; i < plan->operations.count; i++)
	{
		const vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
			vb_list_push(arena, out, op->sql.items[j]);
	}
}

/*
 * Where DDL commits by itself, the server checks every statement before
 * the first one runs (a statement it cannot even parse would otherwise
 * fail half way).
 */
static bool
check_statements(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_plan *plan,
				 vb_error *err)
{
	vb_list		all = {0};
	int			k;

	if (self->prepare == NULL)
		return true;
	plan_statements(arena, plan, &all);
	for (k = 0; k < all.count; k++)
	{
		vb_error	serr;

		memset(&serr, 0, sizeof(serr));
		if (self->prepare(conn, all.items[k], &serr))
			continue;
		if (strcmp(serr.code, CLI_ERR_INTERRUPTED) == 0 || strcmp(serr.code, CLI_ERR_CONNECTION) == 0)
		{
			*err = serr;
			return false;
		}
		vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL, "the server refuses step %d of %d: %s",
				k + 1, all.count, serr.message);
		err->detail = vb_printf(arena, "Step %d: %s%s%s", k + 1, (char *) all.items[k],
								serr.detail ? "\n" : "", serr.detail ? serr.detail : "");
		err->hint = vb_strdup(arena, "Nothing was applied: every statement is checked before the first one runs. "
							  "Check the document's expressions; if they are right, please report this with the document.");
		return false;
	}
	return true;
}

/* "  1. SQL" lines of the statements from..to-1, or "  (none)" */
static char *
step_lines(vb_arena *arena, const vb_list *all, int from, int to)
{
	vb_buf		b;
	int			k;

	vb_buf_init(&b, arena);
	vb_buf_append(&b, "");
	for (k = from; k < to; k++)
		vb_buf_appendf(&b, "\n  %d. %s", k + 1, (char *) all->items[k]);
	if (from >= to)
		vb_buf_append(&b, "\n  (none)");
	return b.data;
}

/*
 * The report of a push that stopped at step k (1-based) of a target whose
 * DDL commits by itself: which steps were applied, which failed, which
 * were not run; a lost connection leaves step k itself unknown.
 */
static void
report_partial(const cli_driver *self, vb_arena *arena, const vb_list *all, int k,
			   const vb_error *serr, long long history_id, vb_error *err)
{
	bool		lost = strcmp(serr->code, CLI_ERR_CONNECTION) == 0;
	bool		interrupted = strcmp(serr->code, CLI_ERR_INTERRUPTED) == 0;
	const char *entry = history_id ? vb_printf(arena, "history entry #%lld", history_id) :
		"history entry";

	if (interrupted)
		vb_fail(err, arena, CLI_ERR_INTERRUPTED, NULL, "stopped during step %d of %d (%d applied)",
				k, all->count, k - 1);
	else if (lost)
		vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL,
				"lost the connection to the server during step %d of %d", k, all->count);
	else
		vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL, "step %d of %d failed: %s", k, all->count,
				serr->message);
	err->detail = vb_printf(arena, "Applied (each statement commits by itself on %s):%s\n"
							"%s:\n  %d. %s%s%s\nNot applied:%s",
							self->name, step_lines(arena, all, 0, k - 1),
							lost ? "Unknown (the server may have committed it before the connection broke)" :
							interrupted ? "Stopped (rolled back)" : "Failed",
							k, (char *) all->items[k - 1],
							serr->detail && !lost ? "\n     " : "", serr->detail && !lost ? serr->detail : "",
							step_lines(arena, all, k, all->count));
	err->hint = vb_printf(arena, "%s does not roll DDL back: the steps above stay applied, and %s "
						  "says \"failed at step %d\"%s. Fix the cause and push again: the next push "
						  "plans from the database as it is now and finishes the job.",
						  self->name, entry, k,
						  lost ? " once the next push sees it (the connection that would have written it is gone)" : "");
}

/*
 * Apply on a target whose DDL commits by itself: the journal row before
 * the first statement, brought up to date after each one; a failure is
 * journalled ("failed at step k") and reported with the steps applied and
 * not applied; after the last, the database is read back and must match.
 */
static bool
apply_journaled(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_plan *plan,
				const vb_schema *desired, cli_history_record *rec, long long *history_id,
				vb_error *err)
{
	const vb_dialect *dl = dialect_of(self, conn);
	vb_list		all = {0};
	cli_journal j;
	vb_schema  *after;
	int			k;

	plan_statements(arena, plan, &all);
	memset(&j, 0, sizeof(j));
	j.record = rec;
	j.total = all.count;
	j.state = "running";
	if (!self->journal(conn, &j, err))
		return false;
	*history_id = j.id;
	for (k = 0; k < all.count; k++)
	{
		vb_error	serr;
		vb_error	jerr;

		memset(&serr, 0, sizeof(serr));
		if (self->execute(conn, all.items[k], &serr))
		{
			j.applied = k + 1;
			if (!self->journal(conn, &j, err))
				return false;
			continue;
		}
		j.state = vb_printf(arena, "failed at step %d", k + 1);
		j.error = serr.message;
		memset(&jerr, 0, sizeof(jerr));
		(void) self->journal(conn, &j, &jerr);	/* a lost connection cannot */
		report_partial(self, arena, &all, k + 1, &serr, j.id, err);
		return false;
	}
	if (!verify(self, conn, arena, dl, desired, &after, err))
	{
		vb_error	jerr;

		j.state = "failed at verification";
		j.error = err->message;
		memset(&jerr, 0, sizeof(jerr));
		(void) self->journal(conn, &j, &jerr);
		err->hint = vb_printf(arena, "Every step was applied (history entry #%lld); the database "
							  "differs from the document as above. Please report this with the document.",
							  j.id);
		return false;
	}
	after->dialect = (char *) dl->name;
	rec->snapshot_json = vb_document_write(arena, after);
	j.state = "applied";
	return self->journal(conn, &j, err);
}

/* Every statement of the plan, in order; a failure names its step. */
static bool
execute_plan(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_plan *plan,
			 vb_error *err)
{
	int			total = 0;
	int			number = 0;
	int			i;
	int			j;

	for (i = 0; i < plan->operations.count; i++)
		total += ((vb_operation *) plan->operations.items[i])->sql.count;
	for (i = 0; i < plan->operations.count; i++)
	{
		const vb_operation *op = plan->operations.items[i];

		for (j = 0; j < op->sql.count; j++)
		{
			vb_error	serr;

			number++;
			memset(&serr, 0, sizeof(serr));
			if (self->execute(conn, op->sql.items[j], &serr))
				continue;
			if (strcmp(serr.code, CLI_ERR_INTERRUPTED) == 0 || strcmp(serr.code, VB_ERR_DEPENDENCY) == 0)
			{
				*err = serr;
				err->detail = vb_printf(arena, "Step %d of %d: %s", number, total,
										(char *) op->sql.items[j]);
				return false;
			}
			vb_fail(err, arena, VB_ERR_STEP_FAILED, NULL, "step %d of %d failed: %s", number, total,
					serr.message);
			err->detail = vb_printf(arena, "Step %d: %s%s%s", number, (char *) op->sql.items[j],
									serr.detail ? "\n" : "", serr.detail ? serr.detail : "");
			err->hint = vb_strdup(arena, "Nothing was applied.");
			return false;
		}
	}
	return true;
}

/* After applying, the database must be what the document says. */
static bool
verify(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_dialect *dl,
	   const vb_schema *desired, vb_schema **after, vb_error *err)
{
	vb_plan    *plan;
	vb_buf		left;
	int			i;

	if (!self->read_schema(conn, arena, &desired->schemas, after, err) ||
		!vb_diff(arena, dl, *after, desired, NULL, &plan, err))
		return false;
	if (plan->operations.count == 0 && plan->ambiguous.count == 0)
		return true;
	vb_buf_init(&left, arena);
	for (i = 0; i < plan->operations.count; i++)
	{
		vb_operation *op = plan->operations.items[i];

		vb_buf_appendf(&left, "%s%s %s", i ? "; " : "", vb_op_kind_name(op->kind), op->object);
		if (op->sql.count)
			vb_buf_appendf(&left, " (%s)", (char *) op->sql.items[0]);
	}
	vb_fail(err, arena, VB_ERR_CONVERGENCE, NULL,
			"the database does not match the document after the push");
	err->detail = vb_printf(arena, "Still to do: %s.", left.len ? left.data : "rename questions");
	err->hint = vb_strdup(arena, "Nothing was applied. Please report this with the document.");
	return false;
}

/*
 * What a push's CLI_PLAN_SETTLE planned under the push's lock — the
 * catalog it read and the plan — kept for the CLI_PLAN_APPLY or
 * CLI_PLAN_DRY_RUN that follows on the same connection with the same
 * document and options: reading the catalog and planning again would
 * double the time of a push. It is used once, and only while the lock is
 * held; a question asked in between drops it (cli_pipeline_forget). On a
 * journalled target (MySQL) the lock is a session lock; where the lock is
 * the push's own transaction (SQLite's BEGIN IMMEDIATE), the settling plan
 * opens that transaction and the kept plan holds it open, and dropping the
 * plan rolls it back: a person's answer is never waited for under it.
 */
static struct
{
	cli_conn   *conn;
	const char *document;		/* the text planned (the session's) */
	const char *options;		/* a copy */
	vb_schema  *current;
	vb_schema  *desired;
	vb_options *opts;
	vb_plan    *plan;
	const cli_driver *self;		/* set when a transaction is left open */
}			kept;

/* The session's read of the document, until the first plan takes it. */
static struct
{
	const char *document;
	const char *dialect;
	vb_schema  *desired;
}			offered;

void
cli_pipeline_offer_document(const char *document, const char *dialect, vb_schema *desired)
{
	offered.document = document;
	offered.dialect = dialect;
	offered.desired = desired;
}

/* The offered read of `document` for `dialect`, once; else NULL. */
static vb_schema *
take_offered(const char *document, const char *dialect)
{
	vb_schema  *desired = NULL;

	if (offered.document == document && offered.dialect &&
		strcmp(offered.dialect, dialect) == 0)
		desired = offered.desired;
	memset(&offered, 0, sizeof(offered));
	return desired;
}

/*
 * The tree of the last result text written, until the command takes it
 * (cli_pipeline_take_result): a push's result of 3000 statements took as
 * long to parse again as to write.
 */
static struct
{
	const char *text;
	cJSON	   *tree;
}			handed;

cJSON *
cli_pipeline_take_result(const char *text)
{
	cJSON	   *tree = NULL;

	if (text != NULL && handed.text == text)
		tree = handed.tree;
	else
		cJSON_Delete(handed.tree);
	memset(&handed, 0, sizeof(handed));
	return tree;
}

/* The result text of a tree (NULL for none: stopped), the tree handed on. */
static char *
result_text(vb_arena *arena, cJSON *tree)
{
	cJSON_Delete(cli_pipeline_take_result(NULL));
	if (tree == NULL)
		return NULL;
	handed.text = vb_json_print_keep(arena, tree);
	handed.tree = tree;
	return (char *) handed.text;
}

void
cli_pipeline_forget(void)
{
	if (kept.self)
		kept.self->rollback(kept.conn);
	memset(&kept, 0, sizeof(kept));
}

/*
 * Plan, and per mode check or apply. The lock (and, where DDL is
 * transactional, the transaction) is taken before the schema is read, so
 * no other push changes it between the plan and its statements.
 */
static bool
pipeline_plan(const cli_driver *self, cli_conn *conn, vb_arena *arena,
			  const char *document, const char *options, cli_plan_mode mode,
			  char **result, vb_error *err)
{
	const vb_dialect *dl = dialect_of(self, conn);
	double		started = cli_now();
	vb_schema  *desired;
	vb_schema  *current;
	vb_schema  *after;
	vb_options *opts;
	vb_plan    *plan;
	cli_history_record rec;
	long long	history_id = 0;
	cJSON	   *tree = NULL;
	bool		locked = false;
	bool		settle = mode == CLI_PLAN_SETTLE;
	bool		reuse;
	bool		in_transaction;

	if (options == NULL)
		options = "{}";
	reuse = mode != CLI_PLAN_DIFF && mode != CLI_PLAN_SETTLE && kept.conn == conn &&
		kept.document == document && strcmp(kept.options, options) == 0;
	in_transaction = reuse && kept.self != NULL;
	if (reuse)
	{
		desired = kept.desired;
		opts = kept.opts;
	}
	else
	{
		cli_pipeline_forget();	/* and roll back a transaction it held */
		if ((!(desired = take_offered(document, dl->name)) &&
			 !cli_document_parse(arena, document, dl->name, &desired, err)) ||
			!vb_options_read(arena, options, &opts, err) ||
			!one_namespace(dl, arena, desired, err))
			return false;
	}
	if (mode != CLI_PLAN_DIFF)
	{
		/* a kept plan's transaction is still open: the lock is held */
		if (!in_transaction && !self->lock(conn, opts->lock_timeout, err))
			return false;
		locked = true;
		/* a journalled target's settling plan needs no transaction */
		if (!in_transaction && !(settle && self->journal) && !self->begin(conn, err))
			goto fail;
	}
	if (reuse)
	{
		current = kept.current;
		plan = kept.plan;
	}
	memset(&kept, 0, sizeof(kept));	/* used once; its transaction is ours now */
	if (!reuse &&
		(!self->read_schema(conn, arena, &desired->schemas, &current, err) ||
		 !vb_check_document(arena, desired, err) || !vb_check_dialect(arena, dl, desired, err) ||
		 !self->canonicalize(conn, arena, desired, current, err) ||
		 !vb_diff(arena, dl, current, desired, opts, &plan, err)))
		goto fail;
	if (mode == CLI_PLAN_DIFF || mode == CLI_PLAN_SETTLE)
	{
		if (settle)
		{
			kept.conn = conn;
			kept.document = document;
			kept.options = vb_strdup(arena, options);
			kept.current = current;
			kept.desired = desired;
			kept.opts = opts;
			kept.plan = plan;
			kept.self = self->journal ? NULL : self;
		}
		*result = result_text(arena, vb_result_json(arena, plan, false, 0));
		return true;
	}
	if (!vb_plan_check(arena, plan, opts, err) || !check_statements(self, conn, arena, plan, err) ||
		!check_guards(self, conn, arena, plan, err))
		goto fail;
	if (mode == CLI_PLAN_DRY_RUN || plan->operations.count == 0)
	{
		self->rollback(conn);
		*result = result_text(arena, vb_result_json(arena, plan, false, 0));
		return true;
	}
	/* the result is written once: the history keeps its operations, and
	 * once applied it says so */
	tree = vb_result_json(arena, plan, false, 0);
	memset(&rec, 0, sizeof(rec));
	rec.plan = plan;
	rec.operations_json = tree ?
		vb_json_print_keep(arena, cJSON_GetObjectItemCaseSensitive(tree, "operations")) : "[]";
	rec.started = started;
	rec.applied_by = getenv("USER") ? getenv("USER") : "unknown";
	if (self->journal)
	{
		if (!apply_journaled(self, conn, arena, plan, desired, &rec, &history_id, err))
			goto fail;
	}
	else
	{
		if (!execute_plan(self, conn, arena, plan, err) ||
			!verify(self, conn, arena, dl, desired, &after, err))
			goto fail;
		after->dialect = (char *) dl->name;
		rec.snapshot_json = vb_document_write(arena, after);
		if (!self->record_history(conn, &rec, &history_id, err) || !self->commit(conn, err))
			goto fail;
	}
	if (tree)
		vb_result_mark_applied(tree, history_id);
	*result = result_text(arena, tree);
	return true;

fail:
	cJSON_Delete(tree);
	if (locked)
		self->rollback(conn);
	return false;
}

/*
 * The plan, and the push when mode says so. cJSON allocates from the CLI's
 * region meanwhile (cli_json_region_begin): the result of a plan of
 * thousands of operations, the history row's copy of them and the
 * snapshot are trees of hundreds of thousands of values, which one malloc
 * and one free each made a tenth of an initial push.
 */
bool
cli_pipeline_plan(const cli_driver *self, cli_conn *conn, vb_arena *arena,
				  const char *document, const char *options, cli_plan_mode mode,
				  char **result, vb_error *err)
{
	bool		ok;

	cli_json_region_begin();
	ok = pipeline_plan(self, conn, arena, document, options, mode, result, err);
	cli_json_region_end();
	return ok;
}
