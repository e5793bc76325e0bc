/*
 * pipeline.h — the core pipeline for targets the command plans for
 * (pipeline.c): a driver of such a target points its introspect and plan
 * members here, and fills the local members these call.
 */
#ifndef CLI_PIPELINE_H
#define CLI_PIPELINE_H

#include <cjson/cJSON.h>

#include "driver.h"

/* read_schema, written as the snapshot-form document (`viborm pull`). */
bool		cli_pipeline_introspect(const cli_driver *self, cli_conn *conn, vb_arena *arena,
									const vb_list *schemas, char **document, vb_error *err);

/* Plan the document under the options, and per mode check or apply it:
 * lock, begin, read, canonicalise, diff, check, guard, execute, verify,
 * record, commit. */
bool		cli_pipeline_plan(const cli_driver *self, cli_conn *conn, vb_arena *arena,
							  const char *document, const char *options, cli_plan_mode mode,
							  char **result, vb_error *err);

/*
 * The session's own read of this very document text for `dialect`, not
 * canonicalised yet: the next plan of that text takes it instead of reading
 * the text a second time (once; canonicalising then changes it in place,
 * so the caller must not look at it again).
 */
void		cli_pipeline_offer_document(const char *document, const char *dialect,
										vb_schema *desired);

/*
 * The tree of the result text the last plan returned, when `text` is that
 * text (else NULL, and the tree is dropped): the command takes it instead
 * of parsing the text again. The caller deletes it.
 */
cJSON	   *cli_pipeline_take_result(const char *text);

/* Drop the catalog a CLI_PLAN_SETTLE kept: time passed (a question was
 * asked), so the push reads the database again. */
void		cli_pipeline_forget(void);

#endif							/* CLI_PIPELINE_H */
