/*
 * migrate_down.h — the document and the options `migrate generate` plans
 * its down file with (migrate_down.c): the up plan's renames reversed.
 */
#ifndef CLI_MIGRATE_DOWN_H
#define CLI_MIGRATE_DOWN_H

#include <cjson/cJSON.h>

#include "vb.h"

/* The snapshot (JSON text) with "renamedFrom" on each object the desired
 * document renamed with "renamedFrom", naming the document's name. */
char	   *cli_down_document(vb_arena *arena, const char *snapshot, const vb_schema *desired,
							  const char *dialect);

/* {"force": true, "schemas": `schemas` (omitted when NULL or empty),
 * "resolutions": the settled `entries` reversed}: from and to swapped, a
 * column's table and an enum value's enum named as in the snapshot. */
char	   *cli_down_options(vb_arena *arena, const cJSON *entries, const vb_schema *desired,
							 const vb_list *schemas);

/* -- WARNING: lines (into `out`) for the values of the document's enums
 * that the snapshot's lack: the down file removes them, and with no
 * mapping back, rows holding one make it fail. */
void		cli_down_enum_warnings(const char *snapshot, const vb_schema *desired,
								   const cJSON *entries, const char *dialect, vb_buf *out);

#endif							/* CLI_MIGRATE_DOWN_H */
