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
 * one whose DDL commits (MySQL) the driver journals each statement and a
 * failure reports exactly which steps ran.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "dialect.h"
#include "history.h"
#include "pipeline.h"
#include "session.h"

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
			err->hint = vb_strdup(arena, self->dialect->can.transactional_ddl ?
								  "Nothing was applied." :
								  "The steps before it were applied; push again to finish.");
			return false;
		}
	}
	return true;
}

/* After applying, the database must be what the document says. */
static bool
verify(const cli_driver *self, cli_conn *conn, vb_arena *arena, const vb_schema *desired,
	   vb_schema **after, vb_error *err)
{
	vb_plan    *plan;
	vb_buf		left;
	int			i;

	if (!self->read_schema(conn, arena, &desired->schemas, after, err) ||
		!vb_diff(arena, self->dialect, *after, desired, NULL, &plan, err))
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
 * Plan, and per mode check or apply. The lock (and, where DDL is
 * transactional, the transaction) is taken before the schema is read, so
 * no other push changes it between the plan and its statements.
 */
bool
cli_pipeline_plan(const cli_driver *self, cli_conn *conn, vb_arena *arena,
				  const char *document, const char *options, cli_plan_mode mode,
				  char **result, vb_error *err)
{
	const vb_dialect *dl = self->dialect;
	double		started = cli_now();
	vb_schema  *desired;
	vb_schema  *current;
	vb_schema  *after;
	vb_options *opts;
	vb_plan    *plan;
	cli_history_record rec;
	long long	history_id = 0;
	bool		locked = false;

	if (!cli_document_parse(arena, document, dl->name, &desired, err) ||
		!vb_options_read(arena, options ? options : "{}", &opts, err) ||
		!one_namespace(dl, arena, desired, err))
		return false;
	if (mode != CLI_PLAN_DIFF)
	{
		if (!self->lock(conn, opts->lock_timeout, err))
			return false;
		locked = true;
		if (!self->begin(conn, err))
			goto fail;
	}
	if (!self->read_schema(conn, arena, &desired->schemas, &current, err) ||
		!vb_check_document(arena, desired, err) || !vb_check_dialect(arena, dl, desired, err) ||
		!self->canonicalize(conn, arena, desired, current, err) ||
		!vb_diff(arena, dl, current, desired, opts, &plan, err))
		goto fail;
	if (mode == CLI_PLAN_DIFF)
	{
		*result = vb_result_write(arena, plan, false, 0);
		return true;
	}
	if (!vb_plan_check(arena, plan, opts, err) || !check_guards(self, conn, arena, plan, err))
		goto fail;
	if (mode == CLI_PLAN_DRY_RUN || plan->operations.count == 0)
	{
		self->rollback(conn);
		*result = vb_result_write(arena, plan, false, 0);
		return true;
	}
	if (!execute_plan(self, conn, arena, plan, err) ||
		!verify(self, conn, arena, desired, &after, err))
		goto fail;
	memset(&rec, 0, sizeof(rec));
	rec.plan = plan;
	rec.result_json = vb_result_write(arena, plan, false, 0);
	after->dialect = (char *) dl->name;
	rec.snapshot_json = vb_document_write(arena, after);
	rec.started = started;
	rec.applied_by = getenv("USER") ? getenv("USER") : "unknown";
	if (!self->record_history(conn, &rec, &history_id, err) || !self->commit(conn, err))
		goto fail;
	*result = vb_result_write(arena, plan, true, history_id);
	return true;

fail:
	if (locked)
		self->rollback(conn);
	return false;
}
