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
              test/fuzz/fuzz_document test/bench/scale

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
.PHONY: core unit unit-asan unit-valgrind corpus bench fuzz fuzz-long test
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

corpus:
	test/corpus/run.sh

# The core's scaling (time and memory as the document doubles), then the
# server's figures on a 1000-table schema.
test/bench/scale: test/bench/scale.c $(CORE_SRCS) $(wildcard src/core/*.h)
	$(CC) $(CORE_CFLAGS) -D_POSIX_C_SOURCE=200809L -Isrc/core -o $@ test/bench/scale.c $(CORE_SRCS) -lcjson -lm
bench: test/bench/scale
	test/bench/scale $(VB_SCALE_N)
	test/bench/run.sh

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
