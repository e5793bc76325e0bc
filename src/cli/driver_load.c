/*
 * driver_load.c — the driver of a kind of target (driver.h).
 *
 * SQLite's driver is built into the command. PostgreSQL's and MySQL's are
 * modules, viborm-postgresql.so and viborm-mysql.so, loaded the first time
 * a URL of their kind is given, the way the PostgreSQL server loads
 * libpqwalreceiver instead of linking libpq: a command working on a SQLite
 * file never loads libpq or libmariadb and the two dozen libraries they
 * bring (Kerberos, LDAP, GnuTLS, ...), whose loading and initialisation
 * made every start take 13 ms instead of 6.5, a tenth of a no-op push of
 * 1000 SQLite tables.
 *
 * A module is looked for next to the running program first (the build
 * tree, where `make` leaves them beside ./viborm), then in ../lib/viborm
 * from it (where `make install` puts them, $(PREFIX)/lib/viborm, whatever
 * PREFIX it was given), then in VIBORM_LIBDIR (CLI_LIBDIR at build). It takes the
 * command's own functions (the core, the pipeline) from the program, which
 * is linked with -rdynamic for that. A program that has a driver linked in
 * (the sanitizer build, the unit tests) uses that one.
 */
#include <dlfcn.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "driver.h"

#ifndef VIBORM_LIBDIR
#define VIBORM_LIBDIR "/usr/local/lib/viborm"
#endif

/* The directory of the running program, or NULL where it cannot be told. */
static char *
program_dir(vb_arena *arena)
{
#ifdef __linux__
	char		path[PATH_MAX];
	ssize_t		n = readlink("/proc/self/exe", path, sizeof(path) - 1);
	char	   *slash;

	if (n <= 0)
		return NULL;
	path[n] = '\0';
	slash = strrchr(path, '/');
	if (slash == NULL)
		return NULL;
	*slash = '\0';
	return vb_strdup(arena, path);
#else
	(void) arena;
	return NULL;
#endif
}

/* The driver `symbol`, linked in or from the module `file`; kept in *loaded. */
static const cli_driver *
load_module(const char *what, const char *file, const char *symbol,
			const cli_driver **loaded, vb_arena *arena, vb_error *err)
{
	const char *dirs[3];
	void	   *handle;
	const cli_driver *driver;
	int			i;

	if (*loaded)
		return *loaded;

	/* linked in */
	handle = dlopen(NULL, RTLD_NOW);
	driver = handle ? dlsym(handle, symbol) : NULL;

	dirs[0] = program_dir(arena);
	dirs[1] = dirs[0] ? vb_printf(arena, "%s/../lib/viborm", dirs[0]) : NULL;
	dirs[2] = VIBORM_LIBDIR;
	for (i = 0; i < 3 && driver == NULL; i++)
	{
		char	   *path;

		if (dirs[i] == NULL)
			continue;
		path = vb_printf(arena, "%s/%s", dirs[i], file);
		if (access(path, F_OK) != 0)
			continue;
		handle = dlopen(path, RTLD_NOW | RTLD_LOCAL);
		if (handle == NULL)
		{
			const char *why = dlerror();

			vb_fail(err, arena, "58P01", NULL, "cannot load the %s driver: %s", what,
					why ? why : path);
			err->hint = vb_strdup(arena, "The module needs its client library (libpq or libmariadb) installed; else build and install viborm again (make && make install).");
			return NULL;
		}
		driver = dlsym(handle, symbol);
		if (driver == NULL)
		{
			vb_fail(err, arena, "58P01", NULL, "cannot load the %s driver: %s has no %s",
					what, path, symbol);
			return NULL;
		}
	}
	if (driver == NULL)
	{
		/* dirs[1] is there when dirs[0] is */
		vb_fail(err, arena, "58P01", NULL, "the %s driver is not installed: no %s in %s",
				what, file, dirs[0] ? vb_printf(arena, "%s, %s or %s", dirs[0], dirs[1], dirs[2]) :
				dirs[2]);
		err->hint = vb_strdup(arena, "Run make install: it installs the driver modules with the viborm command.");
		return NULL;
	}
	*loaded = driver;
	return driver;
}

const cli_driver *
cli_driver_for(cli_target_kind kind, vb_arena *arena, vb_error *err)
{
	static const cli_driver *postgres;
	static const cli_driver *mysql;

	switch (kind)
	{
		case CLI_TARGET_SQLITE:
			return &cli_driver_sqlite;
		case CLI_TARGET_POSTGRES:
			return load_module("PostgreSQL", "viborm-postgresql.so", "cli_driver_postgres",
							   &postgres, arena, err);
		case CLI_TARGET_MYSQL:
			return load_module("MySQL", "viborm-mysql.so", "cli_driver_mysql", &mysql,
							   arena, err);
	}
	vb_fail(err, arena, CLI_ERR_USAGE, NULL, "unknown kind of database");
	return NULL;
}
