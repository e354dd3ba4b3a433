# plan-build — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev tzdata pkg-config
CONTENT ?= content
OUTPUT ?= output
BIN := .build/debug/plan-build

.PHONY: all deps build site check test fuzz clean

all: site

# Installs the Debian packages a fresh machine lacks (needs root or sudo).
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

# Builds the example plan in content/ into output/.
site: build
	$(BIN) build --content $(CONTENT) --output $(OUTPUT)

check: build
	$(BIN) check --content $(CONTENT)

# Every test; swift test runs last so its summary line ends the output.
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test

# libFuzzer over front matter splitting, YAML decoding and Markdown rendering
# (Sources/PlannerFuzz), built with ASan into its own scratch path. libFuzzer
# comes without its main (fuzzer_no_main): SwiftPM links the theme-embedding
# build tool with the same flags, and it has a main of its own.
FUZZ_SECONDS ?= 60
FUZZ_SCRATCH := .build-fuzz
FUZZ_LIB := $(firstword $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-$(shell uname -m).a))
FUZZ_FLAGS := -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp \
	-Xswiftc -DFUZZING -Xswiftc -use-ld=lld -Xlinker $(FUZZ_LIB) -Xlinker -lstdc++

fuzz: deps
	@if [ -z "$(FUZZ_LIB)" ]; then \
	  echo "make fuzz: SKIPPED: this Swift toolchain has no libFuzzer (libclang_rt.fuzzer_no_main)."; exit 0; fi; \
	if ! ASAN_OPTIONS=detect_leaks=0 $(SWIFT) build -c debug --product PlannerFuzz --scratch-path $(FUZZ_SCRATCH) $(FUZZ_FLAGS); then \
	  echo "make fuzz: SKIPPED: the libFuzzer target does not build with this toolchain."; exit 0; fi; \
	mkdir -p $(FUZZ_SCRATCH)/corpus; \
	ASAN_OPTIONS=detect_leaks=0 $(FUZZ_SCRATCH)/debug/PlannerFuzz $(FUZZ_SCRATCH)/corpus Tests/PlannerTests/Fixtures content \
	  -max_total_time=$(FUZZ_SECONDS) -max_len=16384 -timeout=10 -rss_limit_mb=4096 -detect_leaks=0 \
	  -artifact_prefix=$(FUZZ_SCRATCH)/ -print_final_stats=1

clean:
	rm -rf .build $(FUZZ_SCRATCH) $(OUTPUT)
