# viborm: PostgreSQL extension (PGXS) plus the portable core and its tests.
EXTENSION   = viborm
EXTVERSION  = 0.2.0
MODULE_big  = viborm

CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
# released install scripts and the upgrade scripts between versions
DATA        = sql/$(EXTENSION)--0.1.0.sql sql/$(EXTENSION)--0.1.0--0.2.0.sql
SHLIB_LINK  = -lcjson -lm
PG_CPPFLAGS = -Isrc/core
# Warnings are errors in the test build (test/run sets WERROR=-Werror), not
# in the build packagers run: a newer compiler's new warning must not break it.
WERROR     ?=
PG_CFLAGS   = $(WERROR)

# pg_regress suites: sql/<name>.sql -> expected/<name>.out
REGRESS      = $(sort $(filter-out $(EXTENSION)%,$(notdir $(basename $(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
ISOLATION    = $(sort $(notdir $(basename $(wildcard test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test/isolation --load-extension=$(EXTENSION)

EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql test/unit/run_unit test/unit/run_unit_asan \
              viborm viborm-asan viborm-postgresql.so viborm-mysql.so \
              test/cli/unit/run_cli_unit test/cli/unit/run_cli_unit_asan \
              test/mysql/introspect_test test/sqlite/run_sqlite test/sqlite/run_sqlite_asan \
              test/fuzz/fuzz_document test/bench/scale

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS does not track headers: every object depends on all of them, so a
# struct change can never leave an object built against the old layout.
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

# The install script of this version: 0.1.0's, then the upgrades from it,
# so that installing and upgrading end with the same objects.
sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION)--0.1.0.sql sql/$(EXTENSION)--0.1.0--0.2.0.sql
	cat sql/$(EXTENSION)--0.1.0.sql > $@
	grep -v '^\\echo' sql/$(EXTENSION)--0.1.0--0.2.0.sql >> $@

# The core alone, strict C11, no PostgreSQL header.
CORE_CFLAGS = -std=c11 -Wall -Wextra -Werror -Wpedantic -Wdeclaration-after-statement \
              -Wmissing-prototypes -Wstrict-prototypes -O2 -g
.PHONY: core unit unit-asan unit-valgrind sqlite-unit sqlite-unit-asan sqlite-unit-valgrind \
        corpus bench fuzz fuzz-long test
core:
	$(CC) $(CORE_CFLAGS) -fsyntax-only $(CORE_SRCS)

UNIT_SRCS = $(sort $(wildcard test/unit/*.c))
test/unit/run_unit: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(CORE_CFLAGS) -O0 -Isrc/core -o $@ $(UNIT_SRCS) $(CORE_SRCS) -lcjson -lcmocka -lm
test/unit/run_unit_asan: $(UNIT_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(CORE_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer -Isrc/core -o $@ $(UNIT_SRCS) $(CORE_SRCS) -lcjson -lcmocka -lm

unit: test/unit/run_unit
	test/unit/run_unit
unit-asan: test/unit/run_unit_asan
	test/unit/run_unit_asan
unit-valgrind: test/unit/run_unit
	valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite test/unit/run_unit

# The SQLite reading (src/cli/sqlite_introspect.c on the core) against real
# SQLite databases: test/sqlite/*.c with libsqlite3.
SQLITE_TEST_SRCS = $(sort $(wildcard test/sqlite/*.c)) src/cli/sqlite_introspect.c
SQLITE_TEST_DEPS = $(SQLITE_TEST_SRCS) $(CORE_SRCS) $(wildcard src/core/*.h src/cli/*.h test/sqlite/*.h)
SQLITE_TEST_LIBS = -lsqlite3 -lcjson -lcmocka -lm
test/sqlite/run_sqlite: $(SQLITE_TEST_DEPS)
	$(CC) $(CORE_CFLAGS) -O0 -Isrc/core -Isrc/cli -o $@ $(SQLITE_TEST_SRCS) $(CORE_SRCS) $(SQLITE_TEST_LIBS)
test/sqlite/run_sqlite_asan: $(SQLITE_TEST_DEPS)
	$(CC) $(CORE_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer -Isrc/core -Isrc/cli -o $@ $(SQLITE_TEST_SRCS) $(CORE_SRCS) $(SQLITE_TEST_LIBS)

sqlite-unit: test/sqlite/run_sqlite
	test/sqlite/run_sqlite test/sqlite
sqlite-unit-asan: test/sqlite/run_sqlite_asan
	test/sqlite/run_sqlite_asan test/sqlite
sqlite-unit-valgrind: test/sqlite/run_sqlite
	valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite \
	    test/sqlite/run_sqlite test/sqlite

corpus:
	test/corpus/run.sh

# The core's scaling (time and memory as the document doubles), then the
# server's figures on a 1000-table schema.
test/bench/scale: test/bench/scale.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(CORE_CFLAGS) -D_POSIX_C_SOURCE=200809L -Isrc/core -o $@ test/bench/scale.c $(CORE_SRCS) -lcjson -lm
bench: test/bench/scale
	test/bench/scale $(VB_SCALE_N)
	test/bench/run.sh
	test/bench/mysql.sh
	test/bench/sqlite.sh

# libFuzzer over the document readers and writers (clang): about a minute
# in the test command, an hour with fuzz-long (FUZZ_SECONDS to change).
FUZZ_CC ?= clang
FUZZ_SECONDS ?= 60
FUZZ_LONG_SECONDS ?= 3600
test/fuzz/fuzz_document: test/fuzz/fuzz_document.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(FUZZ_CC) -std=c11 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -Isrc/core -o $@ test/fuzz/fuzz_document.c $(CORE_SRCS) -lcjson -lm
fuzz: test/fuzz/fuzz_document
	test/fuzz/run.sh $(FUZZ_SECONDS)
fuzz-long: test/fuzz/fuzz_document
	test/fuzz/run.sh $(FUZZ_LONG_SECONDS)
test:
	test/run

# ---- the viborm command (src/cli) -------------------------------------------
# One program from src/cli/*.c and the core, linked with libsqlite3, cJSON and
# libcrypto, and two driver modules it loads when a URL of their kind is
# given (src/cli/driver_load.c): viborm-postgresql.so (src/cli/driver_pg.c,
# libpq) and viborm-mysql.so (driver_mysql.c and mysql_introspect.c, the
# MySQL client library). The program is linked with -rdynamic: the modules
# take the core and the pipeline from it.
# `make` builds them with the extension; `make install` puts viborm in
# $(DESTDIR)$(PREFIX)/bin and the modules in $(DESTDIR)$(CLI_LIBDIR), where
# the program looks for them (after its own directory). WERROR=-Werror (the
# test command sets it) turns warnings into errors; a packager's build does
# not need it.
PREFIX      ?= /usr/local
CLI_LIBDIR  ?= $(PREFIX)/lib/viborm
MYSQL_CONFIG ?= mariadb_config
MYSQL_CFLAGS  = $(shell $(MYSQL_CONFIG) --cflags)
MYSQL_LIBS    = $(shell $(MYSQL_CONFIG) --libs)
CLI_SRCS     = $(sort $(wildcard src/cli/*.c))
CLI_LIB_SRCS = $(filter-out src/cli/main.c,$(CLI_SRCS))
CLI_PG_SRCS  = src/cli/driver_pg.c
CLI_MY_SRCS  = src/cli/driver_mysql.c src/cli/mysql_introspect.c
CLI_MAIN_SRCS = $(filter-out $(CLI_PG_SRCS) $(CLI_MY_SRCS),$(CLI_SRCS))
CLI_HEADERS  = $(wildcard src/cli/*.h src/core/*.h)
CLI_CPPFLAGS = -D_POSIX_C_SOURCE=200809L -Isrc/core -Isrc/cli \
               -I$(shell $(PG_CONFIG) --includedir) $(MYSQL_CFLAGS)
CLI_WARNINGS = -std=c11 -Wall -Wextra -Wpedantic -Wmissing-prototypes -Wstrict-prototypes
CLI_MAIN_LIBS = -lsqlite3 -lcrypto -lcjson -lm -ldl
CLI_LIBS     = -lpq $(CLI_MAIN_LIBS) $(MYSQL_LIBS)
SANITIZE     = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: cli cli-asan install-cli uninstall-cli cli-unit cli-unit-asan cli-unit-valgrind cli-e2e
all: cli
install: install-cli
uninstall: uninstall-cli
cli: viborm viborm-postgresql.so viborm-mysql.so
cli-asan: viborm-asan

# (the modules are built with it: `make viborm` gives a program that works)
viborm: $(CLI_MAIN_SRCS) $(CORE_SRCS) $(CLI_HEADERS) | viborm-postgresql.so viborm-mysql.so
	$(CC) $(CLI_CPPFLAGS) -DVIBORM_LIBDIR='"$(CLI_LIBDIR)"' $(CLI_WARNINGS) $(WERROR) -O2 -g \
	    -rdynamic -o $@ $(CLI_MAIN_SRCS) $(CORE_SRCS) $(CLI_MAIN_LIBS)
viborm-postgresql.so: $(CLI_PG_SRCS) $(CLI_HEADERS)
	$(CC) $(CLI_CPPFLAGS) $(CLI_WARNINGS) $(WERROR) -O2 -g -fPIC -shared -o $@ $(CLI_PG_SRCS) -lpq
viborm-mysql.so: $(CLI_MY_SRCS) $(CLI_HEADERS)
	$(CC) $(CLI_CPPFLAGS) $(CLI_WARNINGS) $(WERROR) -O2 -g -fPIC -shared -o $@ $(CLI_MY_SRCS) \
	    $(MYSQL_LIBS)

# the sanitizer build the CLI tests also run (test/cli/run.sh with VIBORM_BIN):
# every driver linked in, so that the sanitizers see them too
viborm-asan: $(CLI_SRCS) $(CORE_SRCS) $(CLI_HEADERS)
	$(CC) $(CLI_CPPFLAGS) $(CLI_WARNINGS) -Werror $(SANITIZE) -rdynamic -o $@ $(CLI_SRCS) \
	    $(CORE_SRCS) $(CLI_LIBS)

install-cli: cli
	install -d '$(DESTDIR)$(PREFIX)/bin' '$(DESTDIR)$(CLI_LIBDIR)'
	install -m 755 viborm '$(DESTDIR)$(PREFIX)/bin/viborm'
	install -m 644 viborm-postgresql.so viborm-mysql.so '$(DESTDIR)$(CLI_LIBDIR)/'

uninstall-cli:
	rm -f '$(DESTDIR)$(PREFIX)/bin/viborm' '$(DESTDIR)$(CLI_LIBDIR)/viborm-postgresql.so' \
	    '$(DESTDIR)$(CLI_LIBDIR)/viborm-mysql.so'
	-rmdir '$(DESTDIR)$(CLI_LIBDIR)' 2>/dev/null

# unit tests of the CLI's parts that need no database (cmocka)
CLI_UNIT_SRCS = $(sort $(wildcard test/cli/unit/*.c))
test/cli/unit/run_cli_unit: $(CLI_UNIT_SRCS) $(CLI_LIB_SRCS) $(CORE_SRCS) $(CLI_HEADERS)
	$(CC) $(CLI_CPPFLAGS) $(CLI_WARNINGS) -Werror -O0 -g -rdynamic -o $@ $(CLI_UNIT_SRCS) $(CLI_LIB_SRCS) \
	    $(CORE_SRCS) -lcmocka $(CLI_LIBS)
test/cli/unit/run_cli_unit_asan: $(CLI_UNIT_SRCS) $(CLI_LIB_SRCS) $(CORE_SRCS) $(CLI_HEADERS)
	$(CC) $(CLI_CPPFLAGS) $(CLI_WARNINGS) -Werror $(SANITIZE) -rdynamic -o $@ $(CLI_UNIT_SRCS) $(CLI_LIB_SRCS) \
	    $(CORE_SRCS) -lcmocka $(CLI_LIBS)

cli-unit: test/cli/unit/run_cli_unit
	test/cli/unit/run_cli_unit
cli-unit-asan: test/cli/unit/run_cli_unit_asan
	test/cli/unit/run_cli_unit_asan
cli-unit-valgrind: test/cli/unit/run_cli_unit
	valgrind -q --error-exitcode=1 --leak-check=full --errors-for-leak-kinds=definite test/cli/unit/run_cli_unit

# end-to-end tests of the real binary against a PostgreSQL server with the
# extension (PGHOST/PGPORT/PGUSER of a running cluster; test/run sets them)
cli-e2e: viborm
	test/cli/run.sh

# ---- MySQL/MariaDB reading side -----------------------------------------------
# src/cli/mysql_introspect.c on libmysqlclient (Debian's libmariadb-dev-compat),
# tested against a private MariaDB server: test/mysql/run.sh (test/run starts
# the server and runs it).
.PHONY: mysql-check
test/mysql/introspect_test: test/mysql/introspect_test.c src/cli/mysql_introspect.c \
                            src/cli/mysql_introspect.h $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(CORE_CFLAGS) -D_DEFAULT_SOURCE -O0 -Isrc/core -Isrc/cli $(MYSQL_CFLAGS) -o $@ \
	    test/mysql/introspect_test.c src/cli/mysql_introspect.c $(CORE_SRCS) -lcjson -lm $(MYSQL_LIBS)
mysql-check: test/mysql/introspect_test
	test/mysql/run.sh
