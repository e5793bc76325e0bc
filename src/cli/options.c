/*
 * options.c — the option parser shared by every command (see options.h).
 *
 * One table describes every flag once: its name, what kind of value it
 * takes, where the value goes in cli_options, and its line of help. The
 * commands pick their flags by id, so a flag means the same everywhere and
 * every --help is generated from the same lines.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

typedef enum opt_kind
{
	KIND_FLAG,					/* bool, no value */
	KIND_COUNT,					/* int, incremented each time */
	KIND_STRING,				/* const char *, the last one wins */
	KIND_LIST,					/* vb_list of const char *, repeatable */
	KIND_COUNT_VALUE			/* long > 0 */
} opt_kind;

typedef struct opt_def
{
	const char *long_name;
	char		short_name;		/* 0: none */
	opt_kind	kind;
	size_t		offset;			/* into cli_options */
	const char *argh;			/* the value's placeholder in help */
	const char *const *choices; /* allowed values (NULL: any) */
	const char *help;
} opt_def;

static const char *const resolve_choices[] = {"rename", "add-drop", NULL};

#define AT(field) offsetof(cli_options, field)

static const opt_def opt_defs[OPT__COUNT] = {
	[OPT_URL] = {"url", 0, KIND_STRING, AT(url), "URL", NULL,
	"the database (default: $VIBORM_DATABASE_URL)"},
	[OPT_SCHEMA] = {"schema", 0, KIND_STRING, AT(schema_file), "FILE", NULL,
	"the schema document, either form ('-' reads stdin)"},
	[OPT_SCHEMAS] = {"schemas", 0, KIND_STRING, AT(schemas), "A,B", NULL,
	"the PostgreSQL schemas to manage (default: the document's, else public)"},
	[OPT_OUT] = {"out", 0, KIND_STRING, AT(out), "FILE", NULL,
	"write to FILE instead of stdout"},
	[OPT_JSON] = {"json", 0, KIND_FLAG, AT(json), NULL, NULL,
	"print the result object as JSON on stdout, and nothing else"},
	[OPT_EXIT_CODE] = {"exit-code", 0, KIND_FLAG, AT(exit_code), NULL, NULL,
	"exit with 3 when there are changes"},
	[OPT_FORCE] = {"force", 0, KIND_FLAG, AT(force), NULL, NULL,
	"allow destructive steps (drops, narrowing type changes)"},
	[OPT_DRY_RUN] = {"dry-run", 0, KIND_FLAG, AT(dry_run), NULL, NULL,
	"plan and check everything, show the SQL, apply nothing"},
	[OPT_YES] = {"yes", 0, KIND_FLAG, AT(yes), NULL, NULL,
	"answer the final confirmation (nothing else)"},
	[OPT_RENAME] = {"rename", 0, KIND_LIST, AT(renames), "FROM=TO", NULL,
	"settle one pair as a rename: table t=u, column t.c=t.d, enum value e:old=new"},
	[OPT_RESOLVE] = {"resolve", 0, KIND_STRING, AT(resolve), "HOW", resolve_choices,
	"settle every other pair: rename or add-drop"},
	[OPT_MAP_ENUM] = {"map-enum", 0, KIND_LIST, AT(map_enums), "E.OLD=NEW", NULL,
	"rows holding a removed enum value get NEW (nothing after '=': NULL)"},
	[OPT_LOCK_TIMEOUT] = {"lock-timeout", 0, KIND_STRING, AT(lock_timeout), "TIME", NULL,
	"give up on a table lock after TIME (default 5s)"},
	[OPT_LIMIT] = {"limit", 0, KIND_COUNT_VALUE, AT(limit), "N", NULL,
	"show the N most recent entries (default 20)"},
	[OPT_VERBOSE] = {"verbose", 'v', KIND_COUNT, AT(verbose), NULL, NULL,
	"show the SQL, hazards and objects left alone"},
	[OPT_DIR] = {"dir", 0, KIND_STRING, AT(dir), "DIR", NULL,
	"the migrations directory (default ./migrations)"},
	[OPT_NAME] = {"name", 0, KIND_STRING, AT(name), "NAME", NULL,
	"the new migration's name (default: from its first change)"},
	[OPT_DEV_URL] = {"dev-url", 0, KIND_STRING, AT(dev_url), "URL", NULL,
	"a scratch database to plan in (PostgreSQL, MySQL; left unchanged)"},
	[OPT_TO] = {"to", 0, KIND_STRING, AT(to), "VERSION", NULL,
	"apply up to and including VERSION; down: back to VERSION"},
	[OPT_STEPS] = {"steps", 0, KIND_COUNT_VALUE, AT(steps), "N", NULL,
	"revert the N newest migrations (default 1)"},
	[OPT_PER_FILE] = {"per-file", 0, KIND_FLAG, AT(per_file), NULL, NULL,
	"one transaction per file instead of one for all"},
	[OPT_ALLOW_OUT_OF_ORDER] = {"allow-out-of-order", 0, KIND_FLAG, AT(allow_out_of_order), NULL, NULL,
	"apply files that sort before the last applied one"},
	[OPT_RESUME] = {"resume", 0, KIND_FLAG, AT(resume), NULL, NULL,
	"MySQL: continue a failed migration after its last applied statement"},
	[OPT_ROLLED_BACK] = {"rolled-back", 0, KIND_STRING, AT(rolled_back), "VERSION", NULL,
	"forget the failed migration VERSION (repaired by hand)"},
	[OPT_FROM] = {"from", 0, KIND_STRING, AT(from), "VERSION", NULL,
	"the first migration to squash"},
};

static void
print_option(FILE *stream, const opt_def *d)
{
	char		left[64];
	char		flag[8] = "";	/* "-v, " for a switch that has one */

	if (d->short_name)
		snprintf(flag, sizeof(flag), "-%c, ", d->short_name);
	snprintf(left, sizeof(left), "%s--%s%s%s", flag, d->long_name,
			 d->argh ? " " : "", d->argh ? d->argh : "");
	fprintf(stream, "    %-22s  %s\n", left, d->help);
}

void
cli_print_usage(const cli_command_spec *spec, FILE *stream)
{
	int			id;

	fprintf(stream, "usage: viborm %s %s\n\n%s\n\n", spec->name, spec->usage, spec->description);
	for (id = 0; id < OPT__COUNT; id++)
		if (spec->options & CLI_OPT(id))
			print_option(stream, &opt_defs[id]);
	fprintf(stream, "    %-22s  %s\n", "-h, --help", "show this help");
}

static const opt_def *
find_long(const char *name, size_t len)
{
	int			id;

	for (id = 0; id < OPT__COUNT; id++)
		if (strlen(opt_defs[id].long_name) == len &&
			strncmp(opt_defs[id].long_name, name, len) == 0)
			return &opt_defs[id];
	return NULL;
}

bool
cli_option_takes_value(const char *arg)
{
	const opt_def *d;

	if (strncmp(arg, "--", 2) != 0 || strchr(arg, '='))
		return false;
	d = find_long(arg + 2, strlen(arg + 2));
	return d && d->kind != KIND_FLAG && d->kind != KIND_COUNT;
}

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int
usage_error(const cli_command_spec *spec, FILE *err, const char *fmt,...)
{
	va_list		ap;

	fputs("error: ", err);
	va_start(ap, fmt);
	vfprintf(err, fmt, ap);
	va_end(ap);
	fputs("\n\n", err);
	cli_print_usage(spec, err);
	return 2;
}

/* Store one value; returns -1, or 2 after a usage error. */
static int
store(const cli_command_spec *spec, vb_arena *arena, const opt_def *d, const char *value,
	  cli_options *opts, FILE *err)
{
	char	   *field = (char *) opts + d->offset;

	switch (d->kind)
	{
		case KIND_FLAG:
			*(bool *) field = true;
			break;
		case KIND_COUNT:
			(*(int *) field)++;
			break;
		case KIND_STRING:
			if (d->choices)
			{
				int			i;

				for (i = 0; d->choices[i]; i++)
					if (strcmp(d->choices[i], value) == 0)
						break;
				if (d->choices[i] == NULL)
					return usage_error(spec, err, "--%s must be %s or %s, not '%s'",
									   d->long_name, d->choices[0], d->choices[1], value);
			}
			*(const char **) field = value;
			break;
		case KIND_LIST:
			vb_list_push(arena, (vb_list *) field, (void *) value);
			break;
		case KIND_COUNT_VALUE:
			{
				char	   *end;
				long		n;

				errno = 0;
				n = strtol(value, &end, 10);
				if (errno || end == value || *end || n <= 0)
					return usage_error(spec, err, "--%s needs a positive whole number, not '%s'",
									   d->long_name, value);
				*(long *) field = n;
				break;
			}
	}
	return -1;
}

/* Does the command take this flag? Else a usage error naming it. */
static int
check_taken(const cli_command_spec *spec, const opt_def *d, FILE *err)
{
	if (spec->options & CLI_OPT(d - opt_defs))
		return -1;
	return usage_error(spec, err, "'viborm %s' does not take --%s", spec->name, d->long_name);
}

static int
parse_long(const cli_command_spec *spec, vb_arena *arena, int argc, const char **argv, int *i,
		   cli_options *opts, FILE *out, FILE *err)
{
	const char *name = argv[*i] + 2;
	const char *eq = strchr(name, '=');
	size_t		len = eq ? (size_t) (eq - name) : strlen(name);
	const char *value = eq ? eq + 1 : NULL;
	const opt_def *d;
	int			rc;

	if (len == 4 && strncmp(name, "help", 4) == 0)
	{
		cli_print_usage(spec, out);
		return 0;
	}
	d = find_long(name, len);
	if (d == NULL)
		return usage_error(spec, err, "unknown option '--%.*s'", (int) len, name);
	if ((rc = check_taken(spec, d, err)) >= 0)
		return rc;
	if (d->kind == KIND_FLAG || d->kind == KIND_COUNT)
	{
		if (value)
			return usage_error(spec, err, "--%s takes no value", d->long_name);
	}
	else if (value == NULL)
	{
		if (*i + 1 >= argc)
			return usage_error(spec, err, "--%s needs a value (%s)", d->long_name, d->argh);
		value = argv[++*i];
	}
	return store(spec, arena, d, value, opts, err);
}

static int
parse_short(const cli_command_spec *spec, vb_arena *arena, const char *arg, cli_options *opts,
			FILE *out, FILE *err)
{
	const char *c;

	for (c = arg + 1; *c; c++)
	{
		int			id;
		int			rc;

		if (*c == 'h')
		{
			cli_print_usage(spec, out);
			return 0;
		}
		for (id = 0; id < OPT__COUNT; id++)
			if (opt_defs[id].short_name == *c)
				break;
		if (id == OPT__COUNT)
			return usage_error(spec, err, "unknown switch '-%c'", *c);
		if ((rc = check_taken(spec, &opt_defs[id], err)) >= 0)
			return rc;
		/* short switches are all flags or counts: no values to take */
		if ((rc = store(spec, arena, &opt_defs[id], NULL, opts, err)) >= 0)
			return rc;
	}
	return -1;
}

int
cli_parse_options(const cli_command_spec *spec, vb_arena *arena, int argc, const char **argv,
				  cli_options *opts, FILE *out, FILE *err)
{
	bool		options_done = false;
	int			i;
	int			id;

	memset(opts, 0, sizeof(*opts));
	for (i = 1; i < argc; i++)
	{
		const char *a = argv[i];
		int			rc = -1;

		if (!options_done && strcmp(a, "--") == 0)
			options_done = true;
		else if (options_done || a[0] != '-' || a[1] == '\0')
			return usage_error(spec, err, "unexpected argument '%s'", a);
		else if (a[1] == '-')
			rc = parse_long(spec, arena, argc, argv, &i, opts, out, err);
		else
			rc = parse_short(spec, arena, a, opts, out, err);
		if (rc >= 0)
			return rc;
	}
	for (id = 0; id < OPT__COUNT; id++)
	{
		const opt_def *d = &opt_defs[id];
		bool		missing;

		if (!(spec->required & CLI_OPT(id)))
			continue;
		missing = d->kind == KIND_STRING && *(const char **) ((char *) opts + d->offset) == NULL;
		if (missing)
			return usage_error(spec, err, "'viborm %s' needs --%s %s", spec->name,
							   d->long_name, d->argh);
	}
	return -1;
}
