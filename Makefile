# Vielfalt: two commands for a fresh Debian machine with Swift.
#   make demo   build, create a demo store with synthetic data in data/demo, and show what it holds
#   make test   run the whole test suite
SWIFT ?= swift
DEMO_DATA ?= data/demo

.PHONY: demo test deps build release bench clean-demo

deps:
	@./.ci/install-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product vielfalt

demo: build
	@if [ -e "$(DEMO_DATA)" ]; then echo "using the existing demo store in $(DEMO_DATA) (make clean-demo to start afresh)"; \
	else $(SWIFT) run vielfalt demo --data "$(DEMO_DATA)"; fi
	@VIELFALT_PASSPHRASE=vielfalt-demo $(SWIFT) run vielfalt keystore verify --data "$(DEMO_DATA)"

clean-demo:
	rm -rf "$(DEMO_DATA)"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: release
	rm -rf /tmp/vielfalt-bench && .build/release/vielfalt bench import --responses 1000000 --into /tmp/vielfalt-bench
	.build/release/vielfalt bench report --data /tmp/vielfalt-bench/store --forms /tmp/vielfalt-bench/forms
