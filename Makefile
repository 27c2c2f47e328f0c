PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench clean install-desktop

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/hashiye $(ARGS)

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean:
	rm -rf $(VENV) build *.egg-info

# Install the desktop entry and icon for the current user (freedesktop menus).
install-desktop: $(STAMP)
	mkdir -p $(HOME)/.local/share/applications $(HOME)/.local/share/icons/hicolor/scalable/apps
	sed "s|^Exec=hashiye|Exec=$(abspath $(BIN))/hashiye|" resources/hashiye.desktop > $(HOME)/.local/share/applications/hashiye.desktop
	cp resources/icons/hashiye.svg $(HOME)/.local/share/icons/hicolor/scalable/apps/hashiye.svg
