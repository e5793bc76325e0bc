/*
 * plan.c — operations of a plan: kinds, phases and ordering, the dialect
 * writing them, and the checks that decide whether a push may run it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

static const struct
{
	const char *name;
	vb_phase_id phase;
}			op_info[VB_OP__COUNT] = {
	[VB_OP_CREATE_SCHEMA] = {"createSchema", VB_PH_CREATE_SCHEMA},
	[VB_OP_CREATE_ENUM] = {"createEnum", VB_PH_ENUM_CHANGE},
	[VB_OP_RENAME_ENUM] = {"renameEnum", VB_PH_ENUM_CHANGE},
	[VB_OP_RENAME_ENUM_VALUE] = {"renameEnumValue", VB_PH_ENUM_CHANGE},
	[VB_OP_ADD_ENUM_VALUE] = {"addEnumValue", VB_PH_ENUM_CHANGE},
	[VB_OP_RECREATE_ENUM] = {"recreateEnum", VB_PH_RECREATE_ENUM},
	[VB_OP_DROP_FOREIGN_KEY] = {"dropForeignKey", VB_PH_DROP_FOREIGN_KEY},
	[VB_OP_DROP_INDEX] = {"dropIndex", VB_PH_DROP_KEY_INDEX},
	[VB_OP_DROP_UNIQUE] = {"dropUnique", VB_PH_DROP_KEY_INDEX},
	[VB_OP_DROP_PRIMARY_KEY] = {"dropPrimaryKey", VB_PH_DROP_KEY_INDEX},
	[VB_OP_RENAME_TABLE] = {"renameTable", VB_PH_RENAME_TABLE},
	[VB_OP_RENAME_COLUMN] = {"renameColumn", VB_PH_RENAME_COLUMN},
	[VB_OP_RENAME_CONSTRAINT] = {"renameConstraint", VB_PH_RENAME_OTHER},
	[VB_OP_RENAME_INDEX] = {"renameIndex", VB_PH_RENAME_OTHER},
	[VB_OP_RENAME_SEQUENCE] = {"renameSequence", VB_PH_RENAME_OTHER},
	[VB_OP_CREATE_TABLE] = {"createTable", VB_PH_CREATE_TABLE},
	[VB_OP_ADD_COLUMN] = {"addColumn", VB_PH_ADD_COLUMN},
	[VB_OP_ALTER_COLUMN] = {"alterColumn", VB_PH_ALTER_COLUMN},
	[VB_OP_ADD_PRIMARY_KEY] = {"addPrimaryKey", VB_PH_ADD_PRIMARY_KEY},
	[VB_OP_ADD_UNIQUE] = {"addUnique", VB_PH_ADD_UNIQUE},
	[VB_OP_CREATE_INDEX] = {"createIndex", VB_PH_CREATE_INDEX},
	[VB_OP_ADD_FOREIGN_KEY] = {"addForeignKey", VB_PH_ADD_FOREIGN_KEY},
	[VB_OP_DROP_COLUMN] = {"dropColumn", VB_PH_DROP_COLUMN},
	[VB_OP_DROP_TABLE] = {"dropTable", VB_PH_DROP_TABLE},
	[VB_OP_DROP_ENUM] = {"dropEnum", VB_PH_DROP_ENUM},
	[VB_OP_ADD_CHECK] = {"addCheck", VB_PH_ADD_CHECK},
	[VB_OP_DROP_CHECK] = {"dropCheck", VB_PH_DROP_KEY_INDEX},
	[VB_OP_VALIDATE_CONSTRAINT] = {"validateConstraint", VB_PH_VALIDATE},
	[VB_OP_SET_COMMENT] = {"setComment", VB_PH_COMMENT},
	[VB_OP_ALTER_CONSTRAINT] = {"alterConstraint", VB_PH_VALIDATE},
	[VB_OP_SET_STORAGE] = {"setStorageParameters", VB_PH_SET_STORAGE},
	[VB_OP_REBUILD_TABLE] = {"rebuildTable", VB_PH_ALTER_COLUMN},
	[VB_OP_SET_TABLE_OPTIONS] = {"setTableOptions", VB_PH_SET_STORAGE},
	[VB_OP_ALTER_INDEX] = {"alterIndex", VB_PH_VALIDATE},
};

const char *
vb_op_kind_name(vb_op_kind kind)
{
	return op_info[kind].name;
}

/*
 * The core's order: the phase of the kind, except generated columns,
 * added once the columns they read are final, and the finishing step of
 * an enum swap, which drops the old type once nothing converts from it.
 */
int
vb_phase(const vb_operation *op)
{
	if (op->kind == VB_OP_ADD_COLUMN && op->change.column->generated)
		return VB_PH_ADD_GENERATED;
	if (op->kind == VB_OP_RECREATE_ENUM && op->change.finish)
		return VB_PH_DROP_ENUM;
	return op_info[op->kind].phase;
}

/* ---- operations ---------------------------------------------------------- */

vb_operation *
vb_new_op(vb_differ *d, vb_op_kind kind, const char *schema, const char *table,
		  const char *object)
{
	vb_operation *op = vb_alloc(d->a, sizeof(vb_operation));

	op->kind = kind;
	op->schema = schema;
	op->table = table;
	op->object = object;
	op->seq = d->seq++;
	if (table)
	{
		/* model-form documents: the model the table came from */
		vb_table   *t = vb_map_get(&d->des_tables, vb_key2(d->a, schema, table));

		op->model = t ? t->model : NULL;
	}
	vb_list_push(d->a, &d->plan->operations, op);
	return op;
}

void
vb_make_destructive(vb_operation *op, const char *reason)
{
	op->destructive = true;
	op->destructive_reason = reason;
}

void
vb_sql_add(vb_sql *out, char *statement)
{
	vb_list_push(out->arena, &out->op->sql, statement);
}

static int
compare_ops(const void *x, const void *y)
{
	const vb_operation *a = *(vb_operation *const *) x;
	const vb_operation *b = *(vb_operation *const *) y;

	if (a->phase != b->phase)
		return a->phase < b->phase ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
}

/*
 * The dialect's part of a plan: lowering, then every operation's
 * statements, guard queries, hazards and phase; then the order.
 */
bool
vb_plan_write(vb_differ *d)
{
	const vb_dialect *dl = d->dl;
	vb_list    *ops = &d->plan->operations;
	int			i;
	int			j;

	if (dl->lower && !dl->lower(d->a, d->plan, d->err))
		return false;
	for (i = 0; i < ops->count; i++)
	{
		vb_operation *op = ops->items[i];
		vb_sql		out = {d->a, op};

		STOP_CHECK(d);
		if (dl->write[op->kind] == NULL)
			return vb_fail(d->err, d->a, VB_ERR_INVALID, NULL,
						   "the %s dialect cannot %s", dl->name, vb_op_kind_name(op->kind));
		dl->write[op->kind] (&out, &op->change);
		for (j = 0; j < op->guards.count; j++)
		{
			vb_guard   *g = op->guards.items[j];

			/* NULL: the database cannot fail that way */
			if ((g->sql = dl->guard_query(d->a, g)) == NULL)
			{
				op->guards.items[j--] = op->guards.items[--op->guards.count];
				continue;
			}
		}
		op->hazards = dl->hazards(op);
		op->phase = dl->phase ? dl->phase(op) : vb_phase(op);
	}
	if (ops->count > 1)
		qsort(ops->items, (size_t) ops->count, sizeof(void *), compare_ops);
	return true;
}

int
vb_plan_destructive_count(const vb_plan *plan)
{
	int			i;
	int			n = 0;

	for (i = 0; i < plan->operations.count; i++)
		if (((vb_operation *) plan->operations.items[i])->destructive)
			n++;
	return n;
}

bool
vb_plan_check(vb_arena *arena, const vb_plan *plan, const vb_options *opts, vb_error *err)
{
	vb_buf		detail;
	int			i;

	if (plan->ambiguous.count > 0)
	{
		vb_buf_init(&detail, arena);
		for (i = 0; i < plan->ambiguous.count; i++)
		{
			const vb_ambiguity *amb = plan->ambiguous.items[i];

			if (vb_should_stop(arena))
				return vb_canceled(err, arena);
			if (strcmp(amb->kind, "table") == 0)
				vb_buf_appendf(&detail, "%stable %s.%s -> %s.%s", i ? "; " : "",
							   amb->schema, amb->from, amb->schema, amb->to);
			else if (strcmp(amb->kind, "column") == 0)
				vb_buf_appendf(&detail, "%scolumn %s.%s.%s -> %s", i ? "; " : "",
							   amb->schema, amb->table, amb->from, amb->to);
			else
				vb_buf_appendf(&detail, "%senum value %s.%s '%s' -> '%s'", i ? "; " : "",
							   amb->schema, amb->table, amb->from, amb->to);
		}
		vb_fail(err, arena, VB_ERR_AMBIGUOUS, NULL,
				"%d change%s could be a rename or a drop and add",
				plan->ambiguous.count, plan->ambiguous.count == 1 ? "" : "s");
		err->detail = vb_printf(arena, "Rename candidates: %s.", detail.data);
		err->hint = vb_strdup(arena, "Set options.resolutions (\"rename\", \"addAndDrop\" or one entry per pair), or add renamedFrom to the document.");
		return false;
	}
	if (!opts->force && vb_plan_destructive_count(plan) > 0)
	{
		int			n = 0;

		vb_buf_init(&detail, arena);
		for (i = 0; i < plan->operations.count; i++)
		{
			const vb_operation *op = plan->operations.items[i];

			if (vb_should_stop(arena))
				return vb_canceled(err, arena);
			if (!op->destructive)
				continue;
			vb_buf_appendf(&detail, "%soperation %d (%s): %s", n++ ? "; " : "", i,
						   vb_op_kind_name(op->kind), op->destructive_reason);
		}
		vb_fail(err, arena, VB_ERR_DESTRUCTIVE, NULL,
				"the plan has %d destructive operation%s", n, n == 1 ? "" : "s");
		err->detail = vb_printf(arena, "Destructive: %s.", detail.data);
		err->hint = vb_strdup(arena, "Set options.force to true to allow them.");
		return false;
	}
	return true;
}
