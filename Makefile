# The short commands of README.md. Every entry point installs what it needs first.
SHELL := /bin/bash
JOBS ?= $(shell nproc)
DEMO_DB ?= demo/pipecrm-demo.db
DEMO_LISTEN ?= 127.0.0.1:8080

.PHONY: setup build demo test test-asan bench bench-board fuzz format tidy clean

setup:
	@scripts/setup

# The release binary at build/release/pipecrm.
build: setup
	@cmake --preset release > /dev/null
	@cmake --build build/release -j $(JOBS) --target pipecrm

# Builds, creates the demo database if absent, and serves it on http://$(DEMO_LISTEN).
demo: build
	@scripts/demo "$(DEMO_DB)" "$(DEMO_LISTEN)"

# Builds everything once (warnings are errors), runs every test suite through ctest, then the
# fast tier again under ASan+UBSan.
test: setup
	@scripts/test

# The fast tier again under AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: setup
	@cmake --preset asan > /dev/null
	@cmake --build build/asan -j $(JOBS)
	@cd build/asan && ctest -j $(JOBS) -L fast --output-on-failure

# Benchmarks (see bench/README.md): write throughput against raw SQLite, then a page of a
# stage read from 100k deals against nginx serving the same bytes, then a 1M-row CSV import
# against sqlite3's .import.
bench:
	@scripts/setup bench
	@cmake --preset release > /dev/null
	@cmake --build build/release -j $(JOBS) --target pipecrm pipecrm_write_bench pipecrm_generate
	@build/release/pipecrm_write_bench --binary build/release/pipecrm
	@bench/read_bench.sh
	@bench/import_bench.sh 1000000 build/release/pipecrm
	@node bench/board_bench.mjs

# The pipeline board of 100k deals in headless Chromium: time to first paint and page memory,
# against a 100-deal board in the same run.
bench-board: setup
	@cmake --preset release > /dev/null
	@cmake --build build/release -j $(JOBS) --target pipecrm pipecrm_generate
	@node bench/board_bench.mjs

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

tidy: setup
	@cmake --preset tidy > /dev/null
	@cmake --build build/tidy -j $(JOBS)

clean:
	@rm -rf build

# libFuzzer targets (clang, ASan+UBSan) over their committed corpora, FUZZ_SECONDS each.
FUZZ_SECONDS ?= 60
fuzz: setup
	@cmake --preset fuzz > /dev/null
	@cmake --build build/fuzz -j $(JOBS) --target json_body_fuzzer query_fuzzer csv_reader_fuzzer
	@set -o pipefail; for target in json_body query csv_reader; do \
	  mkdir -p build/fuzz/work/$$target; \
	  echo "fuzz: $$target for $(FUZZ_SECONDS)s"; \
	  build/fuzz/fuzz/$${target}_fuzzer -max_total_time=$(FUZZ_SECONDS) \
	    -artifact_prefix=build/fuzz/$$target- build/fuzz/work/$$target fuzz/corpus/$$target \
	    2>&1 | tail -1 || exit 1; \
	done
