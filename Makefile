# Supported Pythons, newest first. `make test PY=python3.12` picks one; otherwise the
# existing .venv's Python, else the newest of these found on PATH.
SUPPORTED := 3.13 3.12 3.11
VENV := .venv
BIN := $(VENV)/bin

# The X.Y of a Python command, or nothing if it does not run (a pyenv shim for a version
# not selected prints an error and fails, so names on PATH are tried, not just looked up).
version_of = $(if $(1),$(shell $(1) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null))
supported = $(filter $(SUPPORTED),$(call version_of,$(1)))

ifeq ($(origin PY),undefined)
  ifneq ($(call supported,$(BIN)/python),)
    PY := $(BIN)/python
  else
    PY := $(firstword $(foreach v,$(SUPPORTED),$(if $(call supported,python$(v)),python$(v))) \
                      $(if $(call supported,python3),python3))
  endif
endif
PYVER := $(call version_of,$(PY))
STAMP := $(VENV)/.installed-$(PYVER)

.PHONY: run test bench clean install-desktop uninstall-desktop python i18n

# Say plainly what is missing before pip says it less plainly.
python:
	@if [ -z "$(PY)" ]; then \
	  echo "Hashiye needs Python 3.11, 3.12 or 3.13, and none was found on PATH (tried python3.13, python3.12, python3.11, python3)."; \
	  echo "Install one, e.g. on Debian or Ubuntu: sudo apt install python3 python3-venv"; \
	  echo "or name one: make run PY=/path/to/python3.12"; exit 1; fi
	@if [ -z "$(filter $(SUPPORTED),$(PYVER))" ]; then \
	  echo "$(PY) is Python $(or $(PYVER),that does not run); Hashiye needs Python 3.11, 3.12 or 3.13."; \
	  echo "Install one of those (e.g. sudo apt install python3.12 python3.12-venv) or name one: make run PY=python3.12"; exit 1; fi
	@$(PY) -c 'import venv, ensurepip' 2>/dev/null || { \
	  echo "$(PY) (Python $(PYVER)) cannot make a virtual environment: its venv module is missing."; \
	  echo "On Debian or Ubuntu: sudo apt install python$(PYVER)-venv"; exit 1; }
	@echo "Python: $(PY) (Python $(PYVER))"

$(STAMP): pyproject.toml | python
	@if [ -x $(BIN)/python ] && [ "$(call version_of,$(BIN)/python)" != "$(PYVER)" ]; then \
	  echo "$(VENV) holds Python $(call version_of,$(BIN)/python); making it anew with $(PY) (Python $(PYVER))"; \
	  rm -rf $(VENV); fi
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	rm -f $(VENV)/.installed*
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hashiye $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

# The quick benchmarks; bench/README.md gives every script's command (large folders, search).
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_startup.py
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/bench_switch.py
	$(BIN)/python bench/bench_store.py
	$(BIN)/python bench/bench_pythons.py

clean:
	rm -rf $(VENV) build *.egg-info

# Add Hashiye to the current user's desktop menu (freedesktop), or take it out again.
install-desktop: $(STAMP)
	$(BIN)/hashiye --install-desktop

uninstall-desktop: $(STAMP)
	$(BIN)/hashiye --uninstall-desktop

# UI texts: new tr()/N_() texts of gui/ (and English entries appended to gui/strings_en.py) into every
# resources/translations/*.ts, then the .qm files (README, "Translations").
i18n: $(STAMP)
	$(BIN)/python tools/i18n.py extract --from-dict gui/strings_en.py
	$(BIN)/python tools/i18n.py compile
