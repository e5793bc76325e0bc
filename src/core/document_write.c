/*
 * document_write.c — the core's model and plans, out as JSON text: the
 * snapshot form that introspect returns, and the result object of diff and
 * push (CONTRACT §2).
 */
#include <stdlib.h>
#include <string.h>

#include "dialect.h"
#include "vb_json.h"

static const char *const fk_action_names[] = {
	"noAction", "restrict", "cascade", "setNull", "setDefault"
};

static cJSON *
num(long long n)
{
	return cJSON_CreateNumber((double) n);
}

static cJSON *
obj1(const char *key, const char *value)
{
	cJSON	   *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, key, cJSON_CreateString(value));
	return o;
}

/* {"operation": i, "kind": k, "object": o [, extra_key: extra]} */
static cJSON *
entry(int operation, const char *kind, const char *object, const char *extra_key,
	  const char *extra)
{
	cJSON	   *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "operation", num(operation));
	cJSON_AddItemToObject(o, "kind", cJSON_CreateString(kind));
	cJSON_AddItemToObject(o, "object", cJSON_CreateString(object));
	if (extra_key)
		cJSON_AddItemToObject(o, extra_key, cJSON_CreateString(extra));
	return o;
}

static cJSON *
name_array(const vb_list *names)
{
	cJSON	   *arr = cJSON_CreateArray();
	int			i;

	for (i = 0; i < names->count; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(names->items[i]));
	return arr;
}

static void
add_string_if(cJSON *o, const char *key, const char *value)
{
	if (value)
		cJSON_AddItemToObject(o, key, cJSON_CreateString(value));
}

static void
add_true_if(cJSON *o, const char *key, bool value)
{
	if (value)
		cJSON_AddItemToObject(o, key, cJSON_CreateTrue());
}

/*
 * A storage parameter's value in the form that reads back as the same
 * text: true and false as booleans, a number whose digits read back
 * exactly (70, 0.5) as a number, anything else (on, 1e3, auto) as a string.
 */
static cJSON *
option_value_json(vb_arena *arena, const char *value)
{
	char	   *end;
	double		x;
	const char *digits;

	if (strcmp(value, "true") == 0 || strcmp(value, "false") == 0)
		return cJSON_CreateBool(value[0] == 't');
	x = strtod(value, &end);
	digits = value[0] != '\0' && *end == '\0' ? vb_json_number_text(arena, x) : NULL;
	if (digits && strcmp(digits, value) == 0)
		return cJSON_CreateNumber(x);
	return cJSON_CreateString(value);
}

/* "with": {name: value, ...}, in the order PostgreSQL stores them */
static void
add_options(vb_arena *arena, cJSON *o, const vb_list *options)
{
	cJSON	   *w;
	int			i;

	if (options->count == 0)
		return;
	w = cJSON_CreateObject();
	for (i = 0; i < options->count; i++)
	{
		const vb_option *opt = options->items[i];

		cJSON_AddItemToObject(w, opt->name, option_value_json(arena, opt->value));
	}
	cJSON_AddItemToObject(o, "with", w);
}

static cJSON *
key_json(const vb_key *k)
{
	cJSON	   *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "name", cJSON_CreateString(k->name));
	cJSON_AddItemToObject(o, "columns", name_array(&k->columns));
	add_true_if(o, "nullsNotDistinct", k->nulls_not_distinct);
	add_true_if(o, "deferrable", k->deferrable);
	add_true_if(o, "initiallyDeferred", k->initially_deferred);
	add_string_if(o, "comment", k->comment);
	return o;
}

/* A bigint: a JSON number while exact (below 2^53), else a string. */
static void
add_int64(vb_arena *arena, cJSON *o, const char *key, long long v)
{
	if (v > -9007199254740992LL && v < 9007199254740992LL)
		cJSON_AddItemToObject(o, key, num(v));
	else
		cJSON_AddItemToObject(o, key, cJSON_CreateString(vb_printf(arena, "%lld", v)));
}

static cJSON *
identity_json(vb_arena *arena, const vb_column *c)
{
	cJSON	   *o = obj1("generation", c->identity == VB_IDENTITY_ALWAYS ? "always" : "byDefault");
	const vb_seq_options *q = &c->seq;

	if (q->given & VB_SEQ_START)
		add_int64(arena, o, "start", q->start);
	if (q->given & VB_SEQ_INCREMENT)
		add_int64(arena, o, "increment", q->increment);
	if (q->given & VB_SEQ_MIN)
		add_int64(arena, o, "min", q->min);
	if (q->given & VB_SEQ_MAX)
		add_int64(arena, o, "max", q->max);
	if (q->given & VB_SEQ_CACHE)
		add_int64(arena, o, "cache", q->cache);
	if (q->cycle)
		cJSON_AddItemToObject(o, "cycle", cJSON_CreateTrue());
	return o;
}

/* A plain ascending column is written as its name; anything else as an object. */
static cJSON *
index_elem_json(const vb_index_elem *el)
{
	cJSON	   *o;

	if (el->column && !el->desc && el->nulls == VB_NULLS_DEFAULT && !el->opclass &&
		!el->collation && el->length == 0)
		return cJSON_CreateString(el->column);
	o = cJSON_CreateObject();
	add_string_if(o, "column", el->column);
	add_string_if(o, "expression", el->expression);
	if (el->desc)
		cJSON_AddItemToObject(o, "order", cJSON_CreateString("desc"));
	if (el->nulls != VB_NULLS_DEFAULT)
		cJSON_AddItemToObject(o, "nulls", cJSON_CreateString(el->nulls == VB_NULLS_FIRST ? "first" : "last"));
	add_string_if(o, "opclass", el->opclass);
	add_string_if(o, "collation", el->collation);
	if (el->length > 0)
		cJSON_AddItemToObject(o, "length", num(el->length));
	return o;
}

/*
 * What differs between the dialects' documents. A MySQL document names no
 * schema (an FK's referencedSchema only when it is another database) and
 * no deferrability, which MySQL lacks; a SQLite document has one schema, no
 * index methods and no enums.
 */
typedef struct writer
{
	vb_arena   *arena;
	bool		mysql;
	bool		sqlite;
} writer;

static cJSON *
index_json(const writer *w, const vb_index *ix)
{
	cJSON	   *io = cJSON_CreateObject();
	cJSON	   *cols = cJSON_CreateArray();
	int			i;

	for (i = 0; i < ix->elements.count; i++)
		cJSON_AddItemToArray(cols, index_elem_json(ix->elements.items[i]));
	cJSON_AddItemToObject(io, "name", cJSON_CreateString(ix->name));
	cJSON_AddItemToObject(io, "columns", cols);
	cJSON_AddItemToObject(io, "unique", cJSON_CreateBool(ix->unique));
	if (!w->sqlite)
		cJSON_AddItemToObject(io, "type", cJSON_CreateString(ix->method));
	if (ix->include.count > 0)
		cJSON_AddItemToObject(io, "include", name_array(&ix->include));
	if (ix->nulls_not_distinct)
		cJSON_AddItemToObject(io, "nullsNotDistinct", cJSON_CreateTrue());
	add_string_if(io, "where", ix->where);
	add_options(w->arena, io, &ix->with);
	if (ix->invisible)
		cJSON_AddItemToObject(io, "visible", cJSON_CreateFalse());
	add_string_if(io, "comment", ix->comment);
	return io;
}

static cJSON *
check_json(const vb_check *ck)
{
	cJSON	   *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "name", cJSON_CreateString(ck->name));
	cJSON_AddItemToObject(o, "expression", cJSON_CreateString(ck->expression));
	add_true_if(o, "notValid", ck->not_valid);
	add_true_if(o, "noInherit", ck->no_inherit);
	add_string_if(o, "comment", ck->comment);
	if (ck->not_enforced)
		cJSON_AddItemToObject(o, "enforced", cJSON_CreateFalse());
	return o;
}

static cJSON *
column_json(vb_arena *arena, const vb_column *c)
{
	cJSON	   *o = cJSON_CreateObject();

	cJSON_AddItemToObject(o, "name", cJSON_CreateString(c->name));
	cJSON_AddItemToObject(o, "type", cJSON_CreateString(c->type));
	cJSON_AddItemToObject(o, "nullable", cJSON_CreateBool(c->nullable));
	if (c->default_expr)
		cJSON_AddItemToObject(o, "default", cJSON_CreateString(c->default_expr));
	if (c->auto_increment)
		cJSON_AddItemToObject(o, "autoIncrement", cJSON_CreateTrue());
	if (c->identity != VB_IDENTITY_NONE)
		cJSON_AddItemToObject(o, "identity", identity_json(arena, c));
	add_string_if(o, "generated", c->generated);
	if (c->generated && c->generated_virtual)
		cJSON_AddItemToObject(o, "generatedStorage", cJSON_CreateString("virtual"));
	add_string_if(o, "onUpdate", c->on_update);
	add_string_if(o, "charset", c->charset);
	add_string_if(o, "collation", c->collation);
	if (c->invisible)
		cJSON_AddItemToObject(o, "invisible", cJSON_CreateTrue());
	add_string_if(o, "comment", c->comment);
	return o;
}

static cJSON *
table_json(const writer *w, const vb_table *t)
{
	vb_arena   *arena = w->arena;
	cJSON	   *o = cJSON_CreateObject();
	cJSON	   *arr;
	int			i;

	if (!w->mysql && !w->sqlite)
		cJSON_AddItemToObject(o, "schema", cJSON_CreateString(t->schema));
	cJSON_AddItemToObject(o, "name", cJSON_CreateString(t->name));
	if (t->strict)
		cJSON_AddItemToObject(o, "strict", cJSON_CreateTrue());
	if (t->without_rowid)
		cJSON_AddItemToObject(o, "withoutRowid", cJSON_CreateTrue());
	arr = cJSON_CreateArray();
	for (i = 0; i < t->columns.count; i++)
		cJSON_AddItemToArray(arr, column_json(arena, t->columns.items[i]));
	cJSON_AddItemToObject(o, "columns", arr);
	if (t->primary_key)
		cJSON_AddItemToObject(o, "primaryKey", key_json(t->primary_key));

	arr = cJSON_CreateArray();
	for (i = 0; i < t->uniques.count; i++)
		cJSON_AddItemToArray(arr, key_json(t->uniques.items[i]));
	cJSON_AddItemToObject(o, "uniqueConstraints", arr);

	arr = cJSON_CreateArray();
	for (i = 0; i < t->indexes.count; i++)
		cJSON_AddItemToArray(arr, index_json(w, t->indexes.items[i]));
	cJSON_AddItemToObject(o, "indexes", arr);

	arr = cJSON_CreateArray();
	for (i = 0; i < t->foreign_keys.count; i++)
	{
		const vb_foreign_key *fk = t->foreign_keys.items[i];
		cJSON	   *fo = cJSON_CreateObject();

		cJSON_AddItemToObject(fo, "name", cJSON_CreateString(fk->name));
		cJSON_AddItemToObject(fo, "columns", name_array(&fk->columns));
		if (!w->sqlite && (!w->mysql || strcmp(fk->ref_schema, t->schema) != 0))
			cJSON_AddItemToObject(fo, "referencedSchema", cJSON_CreateString(fk->ref_schema));
		cJSON_AddItemToObject(fo, "referencedTable", cJSON_CreateString(fk->ref_table));
		cJSON_AddItemToObject(fo, "referencedColumns", name_array(&fk->ref_columns));
		cJSON_AddItemToObject(fo, "onDelete", cJSON_CreateString(fk_action_names[fk->on_delete]));
		cJSON_AddItemToObject(fo, "onUpdate", cJSON_CreateString(fk_action_names[fk->on_update]));
		if (!w->mysql)
		{
			cJSON_AddItemToObject(fo, "deferrable", cJSON_CreateBool(fk->deferrable));
			cJSON_AddItemToObject(fo, "initiallyDeferred", cJSON_CreateBool(fk->initially_deferred));
		}
		if (fk->match_full)
			cJSON_AddItemToObject(fo, "match", cJSON_CreateString("full"));
		add_true_if(fo, "notValid", fk->not_valid);
		add_string_if(fo, "comment", fk->comment);
		cJSON_AddItemToArray(arr, fo);
	}
	cJSON_AddItemToObject(o, "foreignKeys", arr);

	arr = cJSON_CreateArray();
	for (i = 0; i < t->checks.count; i++)
		cJSON_AddItemToArray(arr, check_json(t->checks.items[i]));
	cJSON_AddItemToObject(o, "checks", arr);
	add_options(arena, o, &t->with);
	add_string_if(o, "comment", t->comment);
	add_string_if(o, "engine", t->engine);
	add_string_if(o, "charset", t->charset);
	add_string_if(o, "collation", t->collation);
	return o;
}

/* Print a cJSON tree into the arena and free the tree (NULL, without
 * printing, when the face asked to stop). */
static char *
dump_and_free(vb_arena *arena, cJSON *root)
{
	if (arena->stopped)
	{
		cJSON_Delete(root);
		return NULL;
	}
	return vb_json_print(arena, root);
}

char *
vb_document_write(vb_arena *arena, const vb_schema *schema)
{
	cJSON	   *root = cJSON_CreateObject();
	cJSON	   *arr;
	int			i;
	int			j;
	const char *dialect = schema->dialect ? schema->dialect : "pg";
	writer		w = {arena, strcmp(dialect, "mysql") == 0, strcmp(dialect, "sqlite") == 0};

	cJSON_AddItemToObject(root, "version", num(1));
	cJSON_AddItemToObject(root, "dialect", cJSON_CreateString(dialect));
	if (!w.sqlite && (schema->schemas_given || schema->schemas.count > 0))
		cJSON_AddItemToObject(root, "schemas", name_array(&schema->schemas));
	arr = cJSON_CreateArray();
	for (i = 0; i < schema->tables.count && !vb_should_stop(arena); i++)
		cJSON_AddItemToArray(arr, table_json(&w, schema->tables.items[i]));
	cJSON_AddItemToObject(root, "tables", arr);
	if (w.sqlite)
		return dump_and_free(arena, root);
	arr = cJSON_CreateArray();
	for (i = 0; i < schema->enums.count && !vb_should_stop(arena); i++)
	{
		const vb_enum *e = schema->enums.items[i];
		cJSON	   *vals = cJSON_CreateArray();

		for (j = 0; j < e->values.count; j++)
			cJSON_AddItemToArray(vals, cJSON_CreateString(((vb_enum_value *) e->values.items[j])->name));
		{
			cJSON	   *eo = cJSON_CreateObject();

			cJSON_AddItemToObject(eo, "schema", cJSON_CreateString(e->schema));
			cJSON_AddItemToObject(eo, "name", cJSON_CreateString(e->name));
			cJSON_AddItemToObject(eo, "values", vals);
			cJSON_AddItemToArray(arr, eo);
		}
	}
	if (w.mysql && schema->enums.count == 0)
		cJSON_Delete(arr);		/* MySQL's enums are column types */
	else
		cJSON_AddItemToObject(root, "enums", arr);
	return dump_and_free(arena, root);
}

static const char *const hazard_names[] = {
	"accessExclusiveLock", "shareLock", "tableRewrite", "tableScan",
	"indexBuild", "deletesData"
};

/* What each hazard means, for the result's "detail" (object: %s). */
static const char *const hazard_details[] = {
	"takes an ACCESS EXCLUSIVE lock on %s: reads and writes wait until the transaction ends",
	"takes a lock that blocks writes on %s (SHARE, or SHARE ROW EXCLUSIVE for a foreign key): writes wait until the transaction ends",
	"rewrites %s and its indexes",
	"reads every row of %s",
	"builds an index on %s",
	"deletes data of %s"
};

/* The object a hazard is about: the table, else the object itself. */
static const char *
hazard_object(vb_arena *arena, const vb_operation *op)
{
	return vb_printf(arena, "%s.%s", op->schema, op->table ? op->table : op->object);
}

static const char *
operation_object(vb_arena *arena, const vb_operation *op)
{
	if (op->table && op->object && strcmp(op->table, op->object) != 0)
		return vb_printf(arena, "%s.%s.%s", op->schema, op->table, op->object);
	return vb_printf(arena, "%s.%s", op->schema, op->object);
}

char *
vb_result_write(vb_arena *arena, const vb_plan *plan, bool applied,
				long long history_id)
{
	cJSON	   *root = vb_result_json(arena, plan, applied, history_id);

	return root ? vb_json_print(arena, root) : NULL;
}

/*
 * A result object of applied = false made one of applied = true with its
 * history id, in place (historyId right after applied, as vb_result_write
 * puts it).
 */
void
vb_result_mark_applied(cJSON *result, long long history_id)
{
	cJSON	   *atomic = cJSON_DetachItemFromObjectCaseSensitive(result, "atomic");

	cJSON_ReplaceItemInObjectCaseSensitive(result, "applied", cJSON_CreateTrue());
	cJSON_DeleteItemFromObjectCaseSensitive(result, "historyId");
	cJSON_AddItemToObject(result, "historyId", num(history_id));
	if (atomic)
		cJSON_AddItemToObject(result, "atomic", atomic);
}

cJSON *
vb_result_json(vb_arena *arena, const vb_plan *plan, bool applied,
			   long long history_id)
{
	cJSON	   *root = cJSON_CreateObject();
	cJSON	   *ops = cJSON_CreateArray();
	cJSON	   *all_sql = cJSON_CreateArray();
	cJSON	   *destructive = cJSON_CreateArray();
	cJSON	   *hazards = cJSON_CreateArray();
	cJSON	   *ambiguous = cJSON_CreateArray();
	cJSON	   *unmanaged = cJSON_CreateArray();
	const char *const *details = plan->dialect && plan->dialect->hazard_details ?
		plan->dialect->hazard_details : hazard_details;
	int			i;
	int			j;

	for (i = 0; i < plan->operations.count && !vb_should_stop(arena); i++)
	{
		const vb_operation *op = plan->operations.items[i];
		cJSON	   *o = cJSON_CreateObject();
		cJSON	   *sql = cJSON_CreateArray();
		cJSON	   *hz = cJSON_CreateArray();

		cJSON_AddItemToObject(o, "kind", cJSON_CreateString(vb_op_kind_name(op->kind)));
		cJSON_AddItemToObject(o, "schema", cJSON_CreateString(op->schema));
		if (op->table)
			cJSON_AddItemToObject(o, "table", cJSON_CreateString(op->table));
		cJSON_AddItemToObject(o, "object", cJSON_CreateString(op->object));
		for (j = 0; j < op->sql.count; j++)
		{
			cJSON_AddItemToArray(sql, cJSON_CreateString(op->sql.items[j]));
			cJSON_AddItemToArray(all_sql, cJSON_CreateString(op->sql.items[j]));
		}
		cJSON_AddItemToObject(o, "sql", sql);
		cJSON_AddItemToObject(o, "destructive", cJSON_CreateBool(op->destructive));
		for (j = 0; j < (int) (sizeof(hazard_names) / sizeof(hazard_names[0])); j++)
		{
			if (!(op->hazards & (1u << j)))
				continue;
			cJSON_AddItemToArray(hz, cJSON_CreateString(hazard_names[j]));
			cJSON_AddItemToArray(hazards,
								 entry(i, hazard_names[j], hazard_object(arena, op), "detail",
									   vb_printf(arena, details[j],
												 hazard_object(arena, op))));
		}
		cJSON_AddItemToObject(o, "hazards", hz);
		if (op->model)
			cJSON_AddItemToObject(o, "model", cJSON_CreateString(op->model));
		cJSON_AddItemToArray(ops, o);
		if (op->destructive)
			cJSON_AddItemToArray(destructive,
								 entry(i, vb_op_kind_name(op->kind), operation_object(arena, op),
									   "reason", op->destructive_reason ? op->destructive_reason : ""));
	}
	for (i = 0; i < plan->ambiguous.count && !vb_should_stop(arena); i++)
	{
		const vb_ambiguity *a = plan->ambiguous.items[i];
		cJSON	   *o = obj1("kind", a->kind);

		cJSON_AddItemToObject(o, "schema", cJSON_CreateString(a->schema));

		if (strcmp(a->kind, "column") == 0)
			cJSON_AddItemToObject(o, "table", cJSON_CreateString(a->table));
		else if (strcmp(a->kind, "enumValue") == 0)
			cJSON_AddItemToObject(o, "enum", cJSON_CreateString(a->table));
		cJSON_AddItemToObject(o, "from", cJSON_CreateString(a->from));
		cJSON_AddItemToObject(o, "to", cJSON_CreateString(a->to));
		cJSON_AddItemToArray(ambiguous, o);
	}
	for (i = 0; i < plan->unmanaged.count && !vb_should_stop(arena); i++)
	{
		const vb_unmanaged *u = plan->unmanaged.items[i];

		cJSON	   *o = obj1("kind", u->kind);

		cJSON_AddItemToObject(o, "object", cJSON_CreateString(u->object));
		cJSON_AddItemToArray(unmanaged, o);
	}
	cJSON_AddItemToObject(root, "operations", ops);
	cJSON_AddItemToObject(root, "sql", all_sql);
	cJSON_AddItemToObject(root, "ambiguous", ambiguous);
	cJSON_AddItemToObject(root, "destructive", destructive);
	cJSON_AddItemToObject(root, "hazards", hazards);
	cJSON_AddItemToObject(root, "unmanaged", unmanaged);
	cJSON_AddItemToObject(root, "applied", cJSON_CreateBool(applied));
	if (applied)
		cJSON_AddItemToObject(root, "historyId", num(history_id));
	/* DDL that commits by itself (MySQL): a push is statement by statement */
	if (plan->dialect && !plan->dialect->can.transactional_ddl)
		cJSON_AddItemToObject(root, "atomic", cJSON_CreateFalse());
	if (arena->stopped)
	{
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}
