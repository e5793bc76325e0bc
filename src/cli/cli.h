/*
 * cli.h — what the files of the viborm command share: exit codes, the
 * commands, the session a command works in, and messages.
 *
 * The command is built like git's: main.c finds the command word and calls
 * cmd_<name>(argc, argv) in cmd_<name>.c; every command parses its flags
 * with the one option parser (options.c), opens its target through a driver
 * (driver.h) and prints through output.c.
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "vb.h"

#define VIBORM_VERSION "0.2.0"

/* Exit codes (CONTRACT §3; listed by `viborm --help`). */
#define CLI_EXIT_OK			0	/* success, also "nothing to do" */
#define CLI_EXIT_REFUSED	1	/* the database or the plan refused */
#define CLI_EXIT_USAGE		2	/* bad usage, unreadable or invalid document */
#define CLI_EXIT_PENDING	3	/* diff --exit-code found changes */
#define CLI_EXIT_QUESTION	4	/* a question needs an answer, no terminal */
#define CLI_EXIT_INTERRUPTED 130	/* Ctrl-C: nothing applied */

/* The commands (one file each). */
int			cmd_pull(int argc, const char **argv);
int			cmd_diff(int argc, const char **argv);
int			cmd_push(int argc, const char **argv);
int			cmd_history(int argc, const char **argv);
int			cmd_migrate(int argc, const char **argv);

/* ---- messages (output.c) ------------------------------------------------
 * Everything but results goes to stderr: "error: ...", "hint: ...",
 * "warning: ...". cli_report prints a vb_error the way psql would show a
 * server error (code, message, detail, hint) and returns the exit code
 * that error means (cli_exit_code). */
void		cli_error(const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 1, 2)))
#endif
		   ;
void		cli_hint(const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 1, 2)))
#endif
		   ;
void		cli_warning(const char *fmt,...)
#if defined(__GNUC__)
			__attribute__((format(printf, 1, 2)))
#endif
		   ;
int			cli_report(const vb_error *err);
int			cli_exit_code(const vb_error *err);

/* The command's arena: it never returns NULL (out of memory: a message,
 * then exit 1). */
vb_arena   *cli_arena_new(void);
/* cJSON's allocator (at start), and the windows in which it allocates
 * from a region: reading a schema document (everything cJSON allocates is
 * given back at its end), and planning or pushing (windows that nest; its
 * trees may outlive them): output.c. */
void		cli_json_memory_init(void);
void		cli_json_document_begin(void);
void		cli_json_document_end(void);
void		cli_json_region_begin(void);
void		cli_json_region_end(void);

/* CLI-side error codes in vb_error.code (besides the server's SQLSTATEs and
 * VBnnn): usage errors exit 2, an interrupted call exits 130. */
#define CLI_ERR_USAGE		"usage"
#define CLI_ERR_INTERRUPTED "57014"	/* PostgreSQL's query_canceled */
#define CLI_ERR_CONNECTION	"08001"	/* unable to establish a connection */

/* ---- the terminal (term.c) ---------------------------------------------- */

/* Both stdin and stdout are terminals: questions may be asked. */
bool		cli_interactive(void);

/* Colour escape for `stream`, or "" when the stream is not a terminal,
 * NO_COLOR is set or TERM is dumb. */
typedef enum cli_colour
{
	CLI_RESET,
	CLI_BOLD,
	CLI_DIM,
	CLI_RED,
	CLI_GREEN,
	CLI_YELLOW,
	CLI_BLUE,
	CLI_MAGENTA,
	CLI_CYAN
} cli_colour;
const char *cli_colour_of(FILE *stream, cli_colour colour);

/* Ctrl-C and SIGTERM: the handlers only record the signal; whoever waits
 * (a prompt, a driver waiting for the server) checks cli_interrupted()
 * and stops the work in hand. */
void		cli_install_signal_handlers(void);
int			cli_interrupted(void);	/* the signal number, or 0 */

/* A progress line on stderr while the server works (a terminal only,
 * shown after a short delay): start, tick while waiting, end. */
void		cli_progress_start(const char *label);
void		cli_progress_tick(void);
void		cli_progress_end(void);

/* ---- small helpers (util in output.c) ----------------------------------- */

/* The whole contents of a file ("-": stdin), NUL-terminated, or NULL with
 * err filled (CLI_ERR_USAGE, naming the path). */
char	   *cli_read_file(vb_arena *arena, const char *path, vb_error *err);

#endif							/* CLI_H */
