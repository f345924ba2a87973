# Bootstraps .venv (the pinned requirements, then the project itself, editable), then hands over to the invoke tasks in tasks.py.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: build test serve clean

build: $(INSTALLED)
	$(BIN)/invoke build

test: $(INSTALLED)
	$(BIN)/invoke test

serve: $(INSTALLED)
	$(BIN)/invoke serve

clean: $(INSTALLED)
	$(BIN)/invoke clean

# Set-up runs once, and again only when requirements.txt or pyproject.toml changes. The project
# is installed editable: digest, bench and every plugin import by name, from any folder.
$(INSTALLED): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --editable .
	touch $@
