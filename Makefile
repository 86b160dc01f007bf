# Vielfalt: two commands for a fresh Debian machine with Swift.
#   make demo   installs what is missing, builds, creates a demo store in data/demo (synthetic data)
#               and starts the web application on http://127.0.0.1:8080 with demo logins
#   make test   the whole test suite: unit, integration and command-line tests, then the browser test
SWIFT ?= swift
DEMO_DATA ?= data/demo
PORT ?= 8080

.PHONY: demo test deps browser-deps build release bench bench-web e2e clean-demo

deps:
	@./.ci/install-deps

browser-deps:
	@./.ci/install-deps --browser

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product vielfalt

demo: build
	@if [ -e "$(DEMO_DATA)" ]; then echo "using the existing demo store in $(DEMO_DATA) (make clean-demo to start afresh)"; \
	else $(SWIFT) run vielfalt demo --data "$(DEMO_DATA)"; fi
	$(SWIFT) run vielfalt serve --data "$(DEMO_DATA)" --port $(PORT)

clean-demo:
	rm -rf "$(DEMO_DATA)"

test: deps browser-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	/usr/bin/python3 Tests/e2e/e2e.py

e2e: browser-deps
	$(SWIFT) build
	/usr/bin/python3 Tests/e2e/e2e.py

bench: release
	rm -rf /tmp/vielfalt-bench && .build/release/vielfalt bench import --responses 1000000 --into /tmp/vielfalt-bench
	.build/release/vielfalt bench report --data /tmp/vielfalt-bench/store --forms /tmp/vielfalt-bench/forms
	$(SWIFT) build -c release --product vielfalt-bench
	.build/release/vielfalt-bench --responses 2400
	.build/release/vielfalt-bench --responses 24000

bench-web: release
	/usr/bin/python3 Benchmarks/web_load.py --binary .build/release/vielfalt
