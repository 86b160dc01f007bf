# Vielfalt: two commands for a fresh Debian machine with Swift.
#   make demo   installs what is missing, builds, creates a demo store in data/demo (synthetic data)
#               and starts the web application on http://127.0.0.1:8080 with demo logins
#   make test   the whole test suite: unit, integration and command-line tests, the browser test
#               (with axe-core's accessibility check of every page), then the API contract test
#               (schemathesis, every role)
SWIFT ?= swift
DEMO_DATA ?= data/demo
PORT ?= 8080

# The API contract test's tool, pinned with the Hypothesis it works with (newer ones break it), in
# a virtual environment of its own (not the system Python); the stamp file names the pins.
VENV ?= .build-venv
CONTRACT_PINS ?= schemathesis==3.39.16 hypothesis==6.120.0
CONTRACT_STAMP = $(VENV)/.pins-$(subst ==,-,$(subst $() ,_,$(CONTRACT_PINS)))

# The browser test's accessibility check (axe-selenium-python, which bundles axe-core), pinned, in a
# virtual environment of the system Python that also sees its packages: selenium stays Debian's
# python3-selenium, matched to Debian's chromium-driver, and --no-deps keeps out what the package
# declares but never imports (pytest). The browser test runs with this environment's python.
E2E_VENV ?= .build-venv-e2e
E2E_PINS ?= axe-selenium-python==2.1.6
E2E_STAMP = $(E2E_VENV)/.pins-$(subst ==,-,$(subst $() ,_,$(E2E_PINS)))

.PHONY: demo test deps browser-deps e2e-deps contract-deps build release bench bench-web e2e contract clean-demo

deps:
	@./.ci/install-deps

browser-deps:
	@./.ci/install-deps --browser

e2e-deps: browser-deps
	@./.ci/install-deps --contract
	@[ -f "$(E2E_STAMP)" ] || { /usr/bin/python3 -m venv --system-site-packages "$(E2E_VENV)" && "$(E2E_VENV)/bin/pip" install -q --no-deps $(E2E_PINS) && touch "$(E2E_STAMP)"; }

contract-deps:
	@./.ci/install-deps --contract
	@[ -f "$(CONTRACT_STAMP)" ] || { /usr/bin/python3 -m venv "$(VENV)" && "$(VENV)/bin/pip" install -q $(CONTRACT_PINS) && touch "$(CONTRACT_STAMP)"; }

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product vielfalt

demo: build
	@if [ -e "$(DEMO_DATA)" ]; then echo "using the existing demo store in $(DEMO_DATA) (make clean-demo to start afresh)"; \
	else $(SWIFT) run vielfalt demo --data "$(DEMO_DATA)"; fi
	$(SWIFT) run vielfalt serve --data "$(DEMO_DATA)" --port $(PORT)

clean-demo:
	rm -rf "$(DEMO_DATA)" "$(DEMO_DATA)-keys"

test: deps e2e-deps contract-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	"$(E2E_VENV)/bin/python" Tests/e2e/e2e.py
	SCHEMATHESIS="$(VENV)/bin/st" /usr/bin/python3 Tests/contract/contract.py

contract: contract-deps
	$(SWIFT) build
	SCHEMATHESIS="$(VENV)/bin/st" /usr/bin/python3 Tests/contract/contract.py

e2e: e2e-deps
	$(SWIFT) build
	"$(E2E_VENV)/bin/python" Tests/e2e/e2e.py

bench: release
	$(SWIFT) build -c release --product vielfalt-bench
	rm -rf /tmp/vielfalt-bench && .build/release/vielfalt-bench import --responses 1000000 --into /tmp/vielfalt-bench
	.build/release/vielfalt-bench report --data /tmp/vielfalt-bench/store --forms /tmp/vielfalt-bench/forms
	.build/release/vielfalt-bench --responses 2400
	.build/release/vielfalt-bench --responses 24000

bench-web: release
	/usr/bin/python3 Benchmarks/web_load.py --binary .build/release/vielfalt
