/*
 * plan.c — operations of a plan: kinds, phases, hazards, ordering, and the checks
 * that decide whether a push may run it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diff_internal.h"

static const struct
{
	const char *name;
	int			phase;
	unsigned	hazards;
}			vb_op_info[VB_OP__COUNT] = {
	[VB_OP_CREATE_SCHEMA] = {"createSchema", PH_CREATE_SCHEMA, 0},
	[VB_OP_CREATE_ENUM] = {"createEnum", PH_ENUM_CHANGE, 0},
	[VB_OP_RENAME_ENUM] = {"renameEnum", PH_ENUM_CHANGE, 0},
	[VB_OP_RENAME_ENUM_VALUE] = {"renameEnumValue", PH_ENUM_CHANGE, 0},
	[VB_OP_ADD_ENUM_VALUE] = {"addEnumValue", PH_ENUM_CHANGE, 0},
	[VB_OP_RECREATE_ENUM] = {"recreateEnum", PH_RECREATE_ENUM,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_REWRITE},
	[VB_OP_DROP_FOREIGN_KEY] = {"dropForeignKey", PH_DROP_FOREIGN_KEY, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_INDEX] = {"dropIndex", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_UNIQUE] = {"dropUnique", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_DROP_PRIMARY_KEY] = {"dropPrimaryKey", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_TABLE] = {"renameTable", PH_RENAME_TABLE, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_COLUMN] = {"renameColumn", PH_RENAME_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_RENAME_CONSTRAINT] = {"renameConstraint", PH_RENAME_OTHER, VB_HAZARD_ACCESS_EXCLUSIVE},
	/* ALTER INDEX ... RENAME takes SHARE UPDATE EXCLUSIVE: blocks no one */
	[VB_OP_RENAME_INDEX] = {"renameIndex", PH_RENAME_OTHER, 0},
	[VB_OP_RENAME_SEQUENCE] = {"renameSequence", PH_RENAME_OTHER, 0},
	[VB_OP_CREATE_TABLE] = {"createTable", PH_CREATE_TABLE, 0},
	[VB_OP_ADD_COLUMN] = {"addColumn", PH_ADD_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_ALTER_COLUMN] = {"alterColumn", PH_ALTER_COLUMN, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_ADD_PRIMARY_KEY] = {"addPrimaryKey", PH_ADD_PRIMARY_KEY,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_ADD_UNIQUE] = {"addUnique", PH_ADD_UNIQUE,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_CREATE_INDEX] = {"createIndex", PH_CREATE_INDEX,
	VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN | VB_HAZARD_INDEX_BUILD},
	[VB_OP_ADD_FOREIGN_KEY] = {"addForeignKey", PH_ADD_FOREIGN_KEY,
	VB_HAZARD_SHARE_LOCK | VB_HAZARD_TABLE_SCAN},
	[VB_OP_DROP_COLUMN] = {"dropColumn", PH_DROP_COLUMN,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA},
	[VB_OP_DROP_TABLE] = {"dropTable", PH_DROP_TABLE,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_DELETES_DATA},
	[VB_OP_DROP_ENUM] = {"dropEnum", PH_DROP_ENUM, 0},
	[VB_OP_ADD_CHECK] = {"addCheck", PH_ADD_CHECK,
	VB_HAZARD_ACCESS_EXCLUSIVE | VB_HAZARD_TABLE_SCAN},
	[VB_OP_DROP_CHECK] = {"dropCheck", PH_DROP_KEY_INDEX, VB_HAZARD_ACCESS_EXCLUSIVE},
	[VB_OP_VALIDATE_CONSTRAINT] = {"validateConstraint", PH_VALIDATE, VB_HAZARD_TABLE_SCAN},
	[VB_OP_SET_COMMENT] = {"setComment", PH_COMMENT, 0},
	/* ALTER CONSTRAINT (a foreign key's deferrability): ACCESS EXCLUSIVE on
	 * the table, no scan */
	[VB_OP_ALTER_CONSTRAINT] = {"alterConstraint", PH_VALIDATE, VB_HAZARD_ACCESS_EXCLUSIVE},
	/* ALTER TABLE/INDEX ... SET/RESET: SHARE UPDATE EXCLUSIVE for most
	 * parameters; the differ adds accessExclusiveLock for the others */
	[VB_OP_SET_STORAGE] = {"setStorageParameters", PH_SET_STORAGE, 0},
};

const char *
vb_op_kind_name(vb_op_kind kind)
{
	return vb_op_info[kind].name;
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
	op->phase = vb_op_info[kind].phase;
	op->hazards = vb_op_info[kind].hazards;
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
vb_add_sql(vb_differ *d, vb_operation *op, char *sql)
{
	vb_list_push(d->a, &op->sql, sql);
}

void
vb_make_destructive(vb_operation *op, const char *reason)
{
	op->destructive = true;
	op->destructive_reason = reason;
}

int
vb_compare_ops(const void *x, const void *y)
{
	const vb_operation *a = *(vb_operation *const *) x;
	const vb_operation *b = *(vb_operation *const *) y;

	if (a->phase != b->phase)
		return a->phase < b->phase ? -1 : 1;
	return a->seq < b->seq ? -1 : (a->seq > b->seq);
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
