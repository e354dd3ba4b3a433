# plan-build — the two set-up commands are `make site` and `make test`.
SWIFT ?= swift
APT_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev tzdata pkg-config
CONTENT ?= content
OUTPUT ?= output
BIN := .build/debug/plan-build

.PHONY: all deps build site check test site-check clean

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

# Builds the example plan into site-check-out/site (today inside the plan, so the
# today marker shows) and checks it in a real browser: HTML validity, WCAG 2 AA
# (axe), links, console errors, filters with and without JavaScript, iCalendar
# feeds, screenshots at 1280 and 390 px, the playbook printed to PDF.
# Installs its own tools (Debian packages, a venv in .venv-site-check/).
SITE_CHECK_OUT ?= site-check-out
SITE_CHECK_TODAY ?= 2026-12-10
site-check: build
	@mkdir -p $(SITE_CHECK_OUT)
	$(BIN) build --content $(CONTENT) --output $(SITE_CHECK_OUT)/site --today $(SITE_CHECK_TODAY)
	@# the same plan in English (locale: en), to check the English interface too
	rm -rf $(SITE_CHECK_OUT)/content-en && cp -R $(CONTENT) $(SITE_CHECK_OUT)/content-en
	sed -i '/^locale:/d' $(SITE_CHECK_OUT)/content-en/plan.yml && echo 'locale: en' >> $(SITE_CHECK_OUT)/content-en/plan.yml
	$(BIN) build --content $(SITE_CHECK_OUT)/content-en --output $(SITE_CHECK_OUT)/site-en --today $(SITE_CHECK_TODAY) >/dev/null 2>&1
	scripts/site-check.sh $(SITE_CHECK_OUT)/site $(SITE_CHECK_OUT) $(SITE_CHECK_OUT)/site-en

clean:
	rm -rf .build $(OUTPUT) $(SITE_CHECK_OUT)
