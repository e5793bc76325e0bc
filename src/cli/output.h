/*
 * output.h — the human form of results (the JSON form is the result
 * object itself, printed as the target returned it).
 */
#ifndef CLI_OUTPUT_H
#define CLI_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include <cjson/cJSON.h>

#include "vb.h"

/* JSON indented by two spaces, arrays of plain values on one line. */
char	   *cli_json_pretty(vb_arena *arena, const cJSON *value);

/* The size of one of the result's arrays ("operations", "ambiguous"…). */
int			cli_count(const cJSON *result, const char *key);

/* "public.users.email": schema, table and object of an operation */
const char *cli_operation_object(vb_arena *arena, const cJSON *op);

/*
 * The plan as an indented list, one line per operation (+ adds, - drops,
 * > renames, ~ changes), destructive ones marked; with `sql` each
 * operation's statements below it; with `verbose` its hazards, and the
 * objects viborm leaves alone.
 */
void		cli_print_plan(FILE *f, vb_arena *arena, const cJSON *result, bool sql, bool verbose);

/* What diff leaves open: rename candidates and removed enum values rows
 * still hold, each with the flag that settles it. */
void		cli_print_open_questions(FILE *f, vb_arena *arena, const cJSON *result);

#endif							/* CLI_OUTPUT_H */
