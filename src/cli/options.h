/*
 * options.h — the one option parser of the viborm command.
 *
 * Every flag of every command is described once, in options.c's table;
 * a command says which of them it takes (a bit set of cli_opt_id) and
 * gets them parsed into a cli_options. As in git:
 *
 *	- long options anywhere on the line, as --name=value or --name value
 *	  (a value may start with '-': `--schema -` reads stdin);
 *	- `--` ends the options; -v may be repeated (-vv);
 *	- --help (or -h) on every command prints its usage, generated from the
 *	  table;
 *	- an unknown option, a flag the command does not take, a missing or
 *	  malformed value, or a stray argument is a usage error (exit 2).
 */
#ifndef CLI_OPTIONS_H
#define CLI_OPTIONS_H

#include <stdbool.h>
#include <stdio.h>

#include "vb.h"

typedef enum cli_opt_id
{
	OPT_URL,
	OPT_SCHEMA,
	OPT_SCHEMAS,
	OPT_OUT,
	OPT_JSON,
	OPT_EXIT_CODE,
	OPT_FORCE,
	OPT_DRY_RUN,
	OPT_YES,
	OPT_RENAME,
	OPT_RESOLVE,
	OPT_MAP_ENUM,
	OPT_LOCK_TIMEOUT,
	OPT_LIMIT,
	OPT_VERBOSE,
	OPT_DIR,
	OPT_NAME,
	OPT_DEV_URL,
	OPT_TO,
	OPT_STEPS,
	OPT_PER_FILE,
	OPT_ALLOW_OUT_OF_ORDER,
	OPT_RESUME,
	OPT_ROLLED_BACK,
	OPT_FROM,
	OPT__COUNT
} cli_opt_id;

#define CLI_OPT(id) (1u << (id))
/* The flags that settle questions (diff and push). */
#define CLI_OPTS_RESOLUTION (CLI_OPT(OPT_RENAME) | CLI_OPT(OPT_RESOLVE) | \
							 CLI_OPT(OPT_MAP_ENUM) | CLI_OPT(OPT_LOCK_TIMEOUT) | \
							 CLI_OPT(OPT_SCHEMAS))

/* Every parsed flag; a command reads those it takes. */
typedef struct cli_options
{
	const char *url;			/* --url, NULL: VIBORM_DATABASE_URL */
	const char *schema_file;	/* --schema FILE ("-": stdin) */
	const char *schemas;		/* --schemas a,b */
	const char *out;			/* --out FILE */
	bool		json;			/* --json */
	bool		exit_code;		/* --exit-code */
	bool		force;			/* --force */
	bool		dry_run;		/* --dry-run */
	bool		yes;			/* --yes */
	vb_list		renames;		/* --rename FROM=TO (const char *), in order */
	const char *resolve;		/* --resolve rename|add-drop */
	vb_list		map_enums;		/* --map-enum ENUM.OLD=NEW (const char *) */
	const char *lock_timeout;	/* --lock-timeout 5s */
	long		limit;			/* --limit N; 0 when not given */
	int			verbose;		/* -v, --verbose (repeatable) */
	/* migrate */
	const char *dir;			/* --dir DIR (default ./migrations) */
	const char *name;			/* --name NAME */
	const char *dev_url;		/* --dev-url URL */
	const char *to;				/* --to VERSION */
	long		steps;			/* --steps N; 0 when not given */
	bool		per_file;		/* --per-file */
	bool		allow_out_of_order; /* --allow-out-of-order */
	bool		resume;			/* --resume */
	const char *rolled_back;	/* --rolled-back VERSION */
	const char *from;			/* --from VERSION */
} cli_options;

/* What a command is, for its --help and for the parser. */
typedef struct cli_command_spec
{
	const char *name;			/* "push" */
	const char *usage;			/* the synopsis after "viborm <name> " */
	const char *description;	/* a paragraph for --help */
	unsigned	options;		/* CLI_OPT() bits of the flags it takes */
	unsigned	required;		/* CLI_OPT() bits of the flags it needs */
} cli_command_spec;

/*
 * Parse argv[1..argc-1] (argv[0] is the command word) into *opts (zeroed
 * first; lists are allocated in `arena`). Returns -1 when the command
 * should run, or the exit code to return at once: 0 after --help (usage on
 * `out`), 2 after a usage error (message and usage on `err`).
 */
int			cli_parse_options(const cli_command_spec *spec, vb_arena *arena, int argc,
							  const char **argv, cli_options *opts, FILE *out, FILE *err);

/* The usage of a command, as --help prints it. */
void		cli_print_usage(const cli_command_spec *spec, FILE *stream);

/* For main.c: does this argument (an option before the command word) take
 * the next argument as its value? ("--url" yes, "--url=x" and "--json" no) */
bool		cli_option_takes_value(const char *arg);

#endif							/* CLI_OPTIONS_H */
