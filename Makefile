# mvec - the only build file. GNU make.
#
#   make run        install missing Debian packages, build, link ./mvec, run the Kazakhstan profile
#   make check      install; build with gcc -Werror, with ASan+UBSan, with clang -Werror, and
#                   the fuzz harnesses; tidy; run every test, Helgrind and the fuzz regressions
#   make            build build/release/{mvec,libmvec.a,libmvec.so}
#   make install PREFIX=/usr/local [DESTDIR=...]
#   make tsan       ThreadSanitizer build (clang) of the library; runs the thread test
#   make bench      time check against profile and a four-great-power profile (bench/README.md),
#                   simulate's paths x years (bench/simulate.sh), mvec serve under load
#                   (bench/serve.sh)
#                   and the flows benchmark against DuckDB, data.table, pandas [FLOWS_SIZE=1m]
#   make docs       the README's pictures in docs/img (triangle, dashboard) from the embedded data
#   make format / format-check, tidy, check-deps, update-golden, clean
#   make fuzz [FUZZ_TIME=30]   libFuzzer harnesses of the parsers (fuzz/README.md)
#   make check-clang           the tree built with clang -Werror, every test
#
# Variables: BUILD (output directory), SANITIZE=1 (ASan+UBSan build), SANITIZE=thread, CC.

CC       ?= cc
V        ?= 0
ifeq ($(V),0)
Q := @
SAY = @printf '  %-6s %s\n'
else
Q :=
SAY = @true
endif
PREFIX   ?= /usr/local
DESTDIR  ?=
BUILD    ?= build/release
FLOWS_SIZE ?= 1m
VERSION  := 0.1.0

PKGS     := jansson gsl sqlite3 nettle libzip zlib igraph lua5.4 xlsxwriter plplot libmicrohttpd
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# GLPK ships no pkg-config file on Debian.
LIBS     := $(PKG_LIBS) -lglpk -lm -lpthread

WARNINGS := -Wall -Wextra -Wpedantic -Wshadow -Wcast-qual -Wcast-align -Wstrict-prototypes \
            -Wmissing-prototypes -Wundef -Wpointer-arith -Wvla -Wformat=2 -Winit-self \
            -Wwrite-strings -Wredundant-decls -Wswitch-enum -Wfloat-equal -Werror
CFLAGS_BASE := -std=c11 -D_POSIX_C_SOURCE=200809L -Iinclude $(WARNINGS) $(PKG_CFLAGS) \
               -DMVEC_VERSION_TEXT='"$(VERSION)"' -MMD -MP
ifeq ($(SANITIZE),1)
CFLAGS_MODE := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
               -fno-sanitize-recover=all
LDFLAGS_MODE := -fsanitize=address,undefined
else ifeq ($(SANITIZE),thread)
# for races, not warnings: the clang -Werror build is separate
CFLAGS_MODE := -O1 -g -fno-omit-frame-pointer -fsanitize=thread -Wno-error
LDFLAGS_MODE := -fsanitize=thread
else
CFLAGS_MODE := -O2 -g
LDFLAGS_MODE :=
endif
CFLAGS_ALL := $(CFLAGS_BASE) $(CFLAGS_MODE) $(CFLAGS)
LIB_CFLAGS := $(CFLAGS_ALL) -fPIC -fvisibility=hidden

LIB_SRC  := $(sort $(wildcard src/lib/*/*.c))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
EXAMPLE_SRC := $(sort $(wildcard examples/*.c))
EMBEDDED_DATA := $(sort $(wildcard data/*.csv data/*/*.csv))

LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/embedded_files.o
CLI_OBJ  := $(CLI_SRC:%.c=$(BUILD)/%.o) $(BUILD)/gen/serve_assets.o
# mvec serve's pages and the scenarios it may run, compiled into the binary (serve_assets.h)
SERVE_ASSETS := $(sort $(wildcard web/*.html web/*.js web/*.css web/*.svg scenarios/*.lua))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
EXAMPLE_BIN := $(EXAMPLE_SRC:examples/%.c=$(BUILD)/examples/%)

.PHONY: all run check deps test-build install format format-check tidy check-deps docs \
        update-golden clean tsan bench

all: $(BUILD)/mvec $(BUILD)/libmvec.a $(BUILD)/libmvec.so

deps:
	@tools/install-deps.sh

# ./mvec (git-ignored) points at the build, so the README's commands run as written.
run: deps
	@$(MAKE) --no-print-directory all
	@ln -sf $(BUILD)/mvec mvec
	./mvec profile

# Two builds, every test in both, one summary line at the end.
check: deps
	@$(MAKE) --no-print-directory BUILD=build/release test-build
	@$(MAKE) --no-print-directory BUILD=build/asan SANITIZE=1 test-build
	@$(MAKE) --no-print-directory BUILD=build/clang CC=clang all
	@$(MAKE) --no-print-directory fuzz-build
	@$(MAKE) --no-print-directory tidy
	@tools/run_tests.sh build/release build/asan

test-build: all $(UNIT_BIN) $(EXAMPLE_BIN) check-deps

# Races in libmvec's own code (make check also runs test_threads under Helgrind, which sees
# inside GSL and GLPK too).
tsan:
	@$(MAKE) --no-print-directory BUILD=build/tsan SANITIZE=thread CC=clang \
	    build/tsan/tests/test_threads
	TSAN_OPTIONS=halt_on_error=1 build/tsan/tests/test_threads

$(BUILD)/libmvec.a: $(LIB_OBJ)
	@rm -f $@
	$(SAY) AR $@
	$(Q)ar rcs $@ $^

$(BUILD)/libmvec.so: $(LIB_OBJ)
	$(SAY) LD $@
	$(Q)$(CC) -shared -Wl,-soname,libmvec.so.0 $(LDFLAGS_MODE) -o $@ $^ $(LIBS)

$(BUILD)/mvec: $(CLI_OBJ) $(BUILD)/libmvec.a
	$(SAY) LD $@
	$(Q)$(CC) $(LDFLAGS_MODE) -o $@ $(CLI_OBJ) $(BUILD)/libmvec.a $(LIBS)

$(BUILD)/src/lib/%.o: src/lib/%.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -c -o $@ $<

$(BUILD)/src/cli/%.o: src/cli/%.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) -c -o $@ $<

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) -std=c11 -O1 -o $@ $<

$(BUILD)/gen/embedded_files.c: $(BUILD)/tools/embed $(EMBEDDED_DATA)
	@mkdir -p $(dir $@)
	$(SAY) EMBED $@
	$(Q)$(BUILD)/tools/embed $@ $(EMBEDDED_DATA)

$(BUILD)/gen/embedded_files.o: $(BUILD)/gen/embedded_files.c
	$(SAY) CC $@
	$(Q)$(CC) $(LIB_CFLAGS) -Isrc/lib -c -o $@ $<

$(BUILD)/gen/serve_assets.c: $(BUILD)/tools/embed $(SERVE_ASSETS)
	@mkdir -p $(dir $@)
	$(SAY) EMBED $@
	$(Q)$(BUILD)/tools/embed --table serve_assets.h serve_asset serve_assets serve_asset_count \
	    $@ $(SERVE_ASSETS)

$(BUILD)/gen/serve_assets.o: $(BUILD)/gen/serve_assets.c src/cli/serve_assets.h
	$(SAY) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc/cli -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c tests/unit/test.h $(BUILD)/libmvec.a
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) -Isrc/lib -o $@ $< $(BUILD)/libmvec.a $(LDFLAGS_MODE) $(LIBS)

$(BUILD)/examples/%: examples/%.c $(BUILD)/libmvec.a
	@mkdir -p $(dir $@)
	$(SAY) CC $@
	$(Q)$(CC) $(CFLAGS_ALL) -o $@ $< $(BUILD)/libmvec.a $(LDFLAGS_MODE) $(LIBS)

# The README's pictures (docs/img/), drawn from the embedded data: the balance triangle and the
# dashboard in headless Chromium.
docs: all
	$(Q)tools/make_docs.sh $(BUILD) docs/img

# Timings of bench/README.md (release build; the Bureau part, and the import timings against
# DuckDB, are skipped without the data).
bench:
	@$(MAKE) --no-print-directory BUILD=build/release all
	@bench/bench.sh build/release; a=$$?; bench/import_bench.sh build/release || a=1; \
	 bench/simulate.sh build/release || a=1; bench/serve.sh build/release || a=1; \
	 BUILD=build/release bench/flows/run.sh $(FLOWS_SIZE) || a=1; exit $$a

# The CLI and the examples may include only the public headers; public functions list their
# statuses; library messages name no CLI flag.
check-deps:
	@tools/check_deps.sh
	@tools/check_headers.sh

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include/mvec \
	           $(DESTDIR)$(PREFIX)/lib/pkgconfig $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BUILD)/mvec $(DESTDIR)$(PREFIX)/bin/mvec
	install -m 644 $(BUILD)/libmvec.a $(DESTDIR)$(PREFIX)/lib/libmvec.a
	install -m 755 $(BUILD)/libmvec.so $(DESTDIR)$(PREFIX)/lib/libmvec.so.$(VERSION)
	ln -sf libmvec.so.$(VERSION) $(DESTDIR)$(PREFIX)/lib/libmvec.so.0
	ln -sf libmvec.so.0 $(DESTDIR)$(PREFIX)/lib/libmvec.so
	install -m 644 include/mvec/*.h $(DESTDIR)$(PREFIX)/include/mvec/
	sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@VERSION@|$(VERSION)|g' tools/mvec.pc.in \
	    > $(DESTDIR)$(PREFIX)/lib/pkgconfig/mvec.pc
	install -m 644 docs/mvec.1 $(DESTDIR)$(PREFIX)/share/man/man1/mvec.1

format:
	clang-format -i $(LIB_SRC) $(CLI_SRC) $(UNIT_SRC) $(EXAMPLE_SRC) src/lib/*.h src/lib/*/*.h \
	    src/cli/*.h include/mvec/*.h

format-check:
	clang-format --dry-run --Werror $(LIB_SRC) $(CLI_SRC) include/mvec/*.h

# Static analysis (cppcheck, Debian package); part of make check.
tidy:
	$(SAY) TIDY "src examples"
	$(Q)cppcheck --quiet --enable=warning,performance,portability --error-exitcode=1 \
	    --inline-suppr -j 2 -Iinclude -Isrc/lib $(LIB_SRC) $(CLI_SRC) $(EXAMPLE_SRC)

update-golden: all
	tools/run_cli_tests.sh --update $(BUILD)

clean:
	rm -rf build
	rm -f mvec

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- fuzzing (fuzz/README.md): libFuzzer harnesses built with clang ------------------------
#   make fuzz [FUZZ_TIME=30] [FUZZ_TARGETS="observations bns"]   build, then run each FUZZ_TIME s
FUZZ_CC      ?= clang
FUZZ_TIME    ?= 30
FUZZ_BUILD   ?= build/fuzz
FUZZ_TARGETS ?= $(shell awk '!/^\#/ && NF { print $$1 }' fuzz/targets)
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined \
                -fno-sanitize-recover=all

.PHONY: fuzz fuzz-build
fuzz: fuzz-build
	@for t in $(FUZZ_TARGETS); do \
	    corpus=$(FUZZ_BUILD)/corpus/$$t; mkdir -p $$corpus; \
	    for seed in $$(awk -v t=$$t '$$1 == t { $$1 = ""; print }' fuzz/targets); do \
	        [ -f "$$seed" ] && cp "$$seed" $$corpus/; \
	    done; \
	    echo "  FUZZ   $$t for $(FUZZ_TIME) s"; \
	    LSAN_OPTIONS=suppressions=tools/lsan.supp:print_suppressions=0 \
	    $(FUZZ_BUILD)/fuzz_$$t -max_total_time=$(FUZZ_TIME) -max_len=4096 -dict=fuzz/mvec.dict \
	        -print_final_stats=1 -artifact_prefix=$(FUZZ_BUILD)/$$t- $$corpus \
	        2>$(FUZZ_BUILD)/$$t.log || { tail -60 $(FUZZ_BUILD)/$$t.log; exit 1; }; \
	    grep -E '^stat::(number_of_executed_units|average_exec_per_sec|new_units_added)' \
	        $(FUZZ_BUILD)/$$t.log | tr '\n' ' '; echo; \
	done

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) SANITIZE=1 \
	    CFLAGS=-fsanitize=fuzzer-no-link $(FUZZ_BUILD)/libmvec.a \
	    $(if $(filter serve_request,$(FUZZ_TARGETS)),$(FUZZ_BUILD)/libmvec_cli.a)
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=$(FUZZ_BUILD)/fuzz_%)

$(FUZZ_BUILD)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h fuzz/fuzz_importer.h fuzz/fuzz_flows.h \
                   $(FUZZ_BUILD)/libmvec.a
	$(SAY) FUZZCC $@
	$(Q)$(FUZZ_CC) $(CFLAGS_BASE) $(FUZZ_FLAGS) -o $@ $< $(FUZZ_BUILD)/libmvec.a $(LIBS)

# The server's harness links the CLI too: its objects but main.o, as an archive, so that only
# what serve_handle needs is pulled in.
$(BUILD)/libmvec_cli.a: $(filter-out $(BUILD)/src/cli/main.o,$(CLI_OBJ))
	@rm -f $@
	$(SAY) AR $@
	$(Q)ar rcs $@ $^

$(FUZZ_BUILD)/fuzz_serve_request: fuzz/fuzz_serve_request.c $(FUZZ_BUILD)/libmvec_cli.a \
                                  $(FUZZ_BUILD)/libmvec.a
	$(SAY) FUZZCC $@
	$(Q)$(FUZZ_CC) $(CFLAGS_BASE) $(FUZZ_FLAGS) -Isrc/cli -o $@ $< $(FUZZ_BUILD)/libmvec_cli.a \
	    $(FUZZ_BUILD)/libmvec.a $(LIBS)

# The whole tree built with clang (warnings are errors there too), every test run.
.PHONY: check-clang
check-clang:
	@$(MAKE) --no-print-directory BUILD=build/clang CC=clang test-build
	@tools/run_tests.sh build/clang
