/*
 * dynlib.c — loading libpq, libmariadb and libcrypto on first use
 * (dynlib.h).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <mysql.h>
#include <openssl/evp.h>

#include "cli.h"
#include "dynlib.h"

static cli_libpq libpq;
static cli_libmysql libmysql;
static cli_libcrypto libcrypto;

static const struct
{
	const char *title;
	const char *const sonames[3];	/* tried in turn */
	const char *package;		/* Debian's */
	void	   *table;
}			libs[CLI_DYNLIB_COUNT] = {
	[CLI_LIBPQ] = {"libpq", {"libpq.so.5", "libpq.so", NULL}, "libpq5", &libpq},
	[CLI_LIBMYSQL] = {"the MySQL client library", {"libmariadb.so.3", "libmariadb.so", NULL},
	"libmariadb3", &libmysql},
	[CLI_LIBCRYPTO] = {"libcrypto", {"libcrypto.so.3", "libcrypto.so", NULL}, "libssl3", &libcrypto},
};

static bool loaded[CLI_DYNLIB_COUNT];

/* One function's address into its slot of the table. */
static bool
symbol(void *handle, const char *name, void *slot, size_t size, const char **missing)
{
	void	   *p = dlsym(handle, name);

	if (p == NULL || size != sizeof(p))
	{
		*missing = name;
		return false;
	}
	memcpy(slot, &p, sizeof(p));
	return true;
}

#define FILL(f) ok = ok && symbol(handle, #f, &t->f, sizeof(t->f), missing);

static bool
fill(cli_dynlib lib, void *handle, const char **missing)
{
	bool		ok = true;

	switch (lib)
	{
		case CLI_LIBPQ:
			{
				cli_libpq  *t = &libpq;

				CLI_LIBPQ_FUNCTIONS(FILL)
			}
			break;
		case CLI_LIBMYSQL:
			{
				cli_libmysql *t = &libmysql;

				CLI_LIBMYSQL_FUNCTIONS(FILL)
			}
			break;
		case CLI_LIBCRYPTO:
			{
				cli_libcrypto *t = &libcrypto;

				CLI_LIBCRYPTO_FUNCTIONS(FILL)
			}
			break;
		default:
			ok = false;
	}
	return ok;
}

bool
cli_dynlib_load(cli_dynlib lib, vb_arena *arena, vb_error *err)
{
	void	   *handle = NULL;
	const char *missing = NULL;
	const char *why = NULL;
	int			i;

	if (loaded[lib])
		return true;
	for (i = 0; handle == NULL && libs[lib].sonames[i]; i++)
		if ((handle = dlopen(libs[lib].sonames[i], RTLD_NOW | RTLD_LOCAL)) == NULL && why == NULL)
			why = vb_strdup(arena, dlerror());
	if (handle == NULL)
	{
		vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "cannot load %s: %s", libs[lib].title,
				why ? why : "not found");
		err->hint = vb_printf(arena, "Install it (Debian's package %s).", libs[lib].package);
		return false;
	}
	if (!fill(lib, handle, &missing))
	{
		vb_fail(err, arena, CLI_ERR_CONNECTION, NULL, "%s (%s) has no function %s",
				libs[lib].title, libs[lib].sonames[i - 1], missing ? missing : "?");
		dlclose(handle);
		return false;
	}
	loaded[lib] = true;			/* the handle stays open for the process */
	return true;
}

const void *
cli_dynlib_table(cli_dynlib lib)
{
	if (!loaded[lib])
	{
		vb_arena   *arena = vb_heap_arena_new();
		vb_error	err;

		if (!cli_dynlib_load(lib, arena, &err))
		{
			fprintf(stderr, "viborm: %s\n", err.message);
			exit(CLI_EXIT_REFUSED);
		}
		vb_arena_free(arena);
	}
	return libs[lib].table;
}
