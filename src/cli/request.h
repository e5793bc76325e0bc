/*
 * request.h — the options object (CONTRACT §2) that diff and push send,
 * built from the flags and from the answers to questions.
 *
 *	--rename FROM=TO      one entry of "resolutions" per pair it names
 *	--resolve HOW         entries for the pairs no --rename names
 *	--map-enum E.OLD=NEW  "enumValueMappings"
 *	--force, --lock-timeout, --schemas   "force", "lockTimeout", "schemas"
 *
 * Renames are matched against the pairs the target reports as ambiguous,
 * not guessed from the flag's shape: `a.b=a.c` is a column of table a or a
 * table of schema a, whichever pair exists. A flag that never matches a
 * pair is an error, so a typo cannot pass unnoticed.
 */
#ifndef CLI_REQUEST_H
#define CLI_REQUEST_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "options.h"
#include "vb.h"

typedef struct cli_request
{
	vb_arena   *arena;
	vb_list		renames;		/* cli_rename * (request.c), from --rename */
	const char *resolve;		/* --resolve: "rename", "add-drop" or NULL */
	cJSON	   *entries;		/* "resolutions" entries settled so far */
	cJSON	   *mappings;		/* "enumValueMappings" entries */
	bool		force;
	const char *lock_timeout;
	vb_list		schemas;		/* char *, from --schemas */
} cli_request;

/* From the parsed flags; a malformed --rename, --map-enum or --schemas is
 * a usage error naming it. */
bool		cli_request_init(cli_request *req, vb_arena *arena, const cli_options *opts,
							 vb_error *err);
void		cli_request_free(cli_request *req);

/* Split "a,b" into names (empty names are an error). */
bool		cli_split_schemas(vb_arena *arena, const char *csv, vb_list *out, vb_error *err);

/* The options object as JSON text. */
char	   *cli_request_options(const cli_request *req);

/* Settle the pairs of `ambiguous` (the result's array) that --rename flags
 * name; returns how many entries were added, or -1 (err) when one flag
 * names several pairs. */
int			cli_request_match_renames(cli_request *req, const cJSON *ambiguous, vb_error *err);

/* --resolve: entries for the pairs left. "rename" takes only the pairs
 * whose two sides have no other candidate (as the server's "rename" does);
 * returns how many entries were added. */
int			cli_request_apply_resolve(cli_request *req, const cJSON *ambiguous);

/* Settle one pair (an element of "ambiguous") as a rename or add+drop. */
void		cli_request_settle(cli_request *req, const cJSON *pair, bool rename);

/* Map a removed enum value (`to` NULL: SQL NULL). */
void		cli_request_map(cli_request *req, const char *schema, const char *enum_name,
							const char *value, const char *to);

/* Is the pair already settled by an entry? (The target must not list it
 * again.) */
bool		cli_request_settles(const cli_request *req, const cJSON *pair);

/* A --rename flag that matched no pair: usage error naming it. */
bool		cli_request_check_renames_used(const cli_request *req, vb_error *err);

/* The flags that settle a question, shell-quoted where needed:
 * "--rename users.username=users.handle", "--map-enum mood.sad=VALUE". */
const char *cli_rename_flag_for(vb_arena *arena, const cJSON *pair);
const char *cli_map_flag_for(vb_arena *arena, const char *schema, const char *enum_name,
							 const char *value);

/* "column public.users: username -> handle" */
const char *cli_pair_text(vb_arena *arena, const cJSON *pair);

/* A JSON string member of an object, or "" */
const char *cli_json_str(const cJSON *object, const char *key);

#endif							/* CLI_REQUEST_H */
