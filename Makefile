# viborm: PostgreSQL extension (PGXS) plus the portable core and its tests.
EXTENSION   = viborm
EXTVERSION  = 0.1.0
MODULE_big  = viborm

CORE_SRCS   = $(sort $(wildcard src/core/*.c))
PG_SRCS     = $(sort $(wildcard src/pg/*.c))
OBJS        = $(CORE_SRCS:.c=.o) $(PG_SRCS:.c=.o)

DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
SHLIB_LINK  = -lcjson -lm
PG_CPPFLAGS = -Isrc/core
PG_CFLAGS   = -Werror

# pg_regress suites: sql/<name>.sql -> expected/<name>.out
REGRESS      = $(sort $(filter-out $(EXTENSION)%,$(notdir $(basename $(wildcard sql/*.sql)))))
REGRESS_OPTS = --inputdir=. --load-extension=$(EXTENSION)
ISOLATION    = $(sort $(notdir $(basename $(wildcard test/isolation/specs/*.spec))))
ISOLATION_OPTS = --inputdir=test/isolation --load-extension=$(EXTENSION)

EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql test/unit/run_unit test/unit/run_unit_asan \
              test/sqlite/run_sqlite test/sqlite/run_sqlite_asan

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# PGXS does not track headers: every object depends on all of them, so a
# struct change can never leave an object built against the old layout.
$(OBJS): $(wildcard src/core/*.h src/pg/*.h)

sql/$(EXTENSION)--$(EXTVERSION).sql: sql/$(EXTENSION).sql
	cp $< $@

# The core alone, strict C11, no PostgreSQL header.
CORE_CFLAGS = -std=c11 -Wall -Wextra -Werror -Wpedantic -Wdeclaration-after-statement \
              -Wmissing-prototypes -Wstrict-prototypes -O2 -g
.PHONY: core unit unit-asan unit-valgrind sqlite-unit sqlite-unit-asan sqlite-unit-valgrind \
        corpus bench test
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
bench:
	test/bench/run.sh
test:
	test/run
