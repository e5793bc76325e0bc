/*
 * history.h — what the drivers that keep their own history (SQLite, MySQL)
 * share: the checksum of a push's statements and their JSON forms, as the
 * extension records them in viborm.history.
 */
#ifndef CLI_HISTORY_H
#define CLI_HISTORY_H

#include "vb.h"

/* Seconds since the epoch, with fractions. */
double		cli_now(void);

/* SHA-256 of the bytes, as 64 lower-case hex digits (OpenSSL's libcrypto). */
char	   *cli_sha256_hex(vb_arena *arena, const char *data, size_t len);

/* Every statement of the plan, in order: joined by ";\n" (what the
 * checksum is computed over, as the extension does), and as a JSON array. */
char	   *cli_plan_statements_joined(vb_arena *arena, const vb_plan *plan);
char	   *cli_plan_statements_json(vb_arena *arena, const vb_plan *plan);

/* The first `count` statements of the plan as a JSON array (the journal of
 * a push on MySQL: the statements applied so far). */
char	   *cli_plan_statements_json_upto(vb_arena *arena, const vb_plan *plan, int count);

/* The strings of a JSON array text, appended to out. */
void		cli_json_string_list(vb_arena *arena, const char *json, vb_list *out);

#endif							/* CLI_HISTORY_H */
