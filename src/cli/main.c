/*
 * main.c — the viborm command: finds the command word and hands the rest of
 * the line to cmd_<word>() (git's builtins are the model).
 *
 * Long options may come anywhere, also before the command word
 * (`viborm --url X pull`): those are moved behind it, so each command
 * parses one line with the shared parser.
 */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "options.h"

typedef struct command
{
	const char *name;
	int			(*run) (int argc, const char **argv);
	const char *summary;
} command;

static const command commands[] = {
	{"pull", cmd_pull, "print the live schema as a schema document"},
	{"diff", cmd_diff, "show what push would change (changes nothing, asks nothing)"},
	{"push", cmd_push, "bring the database to the document"},
	{"history", cmd_history, "list the pushes the database recorded"},
	{"migrate", cmd_migrate, "versioned migrations: generate, apply, status, down, baseline, resolve, squash"},
};

#define NUM_COMMANDS (sizeof(commands) / sizeof(commands[0]))

static void
print_help(FILE *f)
{
	size_t		i;

	fputs("usage: viborm <command> [--url URL] [options]\n"
		  "       viborm --version | --help | <command> --help\n"
		  "\n"
		  "viborm keeps a database's schema in step with a schema document.\n"
		  "\n"
		  "Commands:\n", f);
	for (i = 0; i < NUM_COMMANDS; i++)
		fprintf(f, "    %-9s %s\n", commands[i].name, commands[i].summary);
	fputs("\n"
		  "The database: --url URL (anywhere on the line), else $VIBORM_DATABASE_URL.\n"
		  "    postgres://user@host:5432/db, postgresql://..., 'host=... dbname=...'\n"
		  "                      PostgreSQL, through its viborm extension\n"
		  "    sqlite:PATH, or a path ending in .db, .sqlite or .sqlite3\n"
		  "                      SQLite (a file; nothing to start)\n"
		  "    mysql://user:password@host:3306/db[?socket=PATH], mariadb://...\n"
		  "                      MySQL/MariaDB\n"
		  "Passwords are never printed: messages show them as ***.\n"
		  "\n"
		  "Exit codes:\n"
		  "    0    success (also: nothing to do)\n"
		  "    1    the database or the plan refused (the message names the code, VBnnn)\n"
		  "    2    bad usage, or an unreadable or invalid document\n"
		  "    3    diff --exit-code: there are changes; migrate status --exit-code:\n"
		  "         migrations to apply, or drift\n"
		  "    4    a question needs an answer and there is no terminal\n"
		  "         (the message names the flags that answer it; nothing was applied)\n"
		  "    130  interrupted: nothing was applied\n"
		  "\n"
		  "See 'viborm <command> --help', and docs/cli.md.\n", f);
}

static const command *
find_command(const char *name)
{
	size_t		i;

	for (i = 0; i < NUM_COMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

int
main(int argc, char **argv)
{
	const char **args = calloc((size_t) argc + 2, sizeof(char *));
	const command *cmd;
	int			first;			/* index of the command word */
	int			rest;			/* index of what follows it */
	int			n = 0;
	int			i;
	int			rc;

	cli_install_signal_handlers();
	cli_json_memory_init();
	for (first = 1; first < argc && argv[first][0] == '-' && argv[first][1] != '\0'; first++)
	{
		if (strcmp(argv[first], "--version") == 0)
		{
			printf("viborm %s\n", VIBORM_VERSION);
			free(args);
			return CLI_EXIT_OK;
		}
		if (strcmp(argv[first], "--help") == 0 || strcmp(argv[first], "-h") == 0)
		{
			print_help(stdout);
			free(args);
			return CLI_EXIT_OK;
		}
		if (cli_option_takes_value(argv[first]) && first + 1 < argc)
			first++;
	}
	if (first >= argc)
	{
		print_help(stderr);
		free(args);
		return CLI_EXIT_USAGE;
	}
	if (strcmp(argv[first], "help") == 0)
	{
		/* viborm help [command] */
		if (first + 1 >= argc)
		{
			print_help(stdout);
			free(args);
			return CLI_EXIT_OK;
		}
		args[n++] = argv[first + 1];
		args[n++] = "--help";
		rest = argc;
	}
	else
	{
		args[n++] = argv[first];
		rest = first + 1;
	}
	cmd = find_command(args[0]);
	if (cmd == NULL)
	{
		cli_error("'%s' is not a viborm command. See 'viborm --help'.", args[0]);
		free(args);
		return CLI_EXIT_USAGE;
	}
	/* the options before the command word, then the rest of the line */
	for (i = 1; i < first; i++)
		args[n++] = argv[i];
	for (i = rest; i < argc; i++)
		args[n++] = argv[i];
	rc = cmd->run(n, args);
	free(args);
	return rc;
}
