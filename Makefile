# The front door: `make run` starts the app on the sample data, `make test` runs every test.
# Both create the virtual environment and install requirements.txt first (only when it changed).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.requirements-installed
PORT ?= 8501

.PHONY: run test lint format bench lexicon samples clean ocr-deps browser-deps

$(STAMP): requirements.txt
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $(STAMP)

# OCR of scanned résumés: Tesseract and its English model from the Debian packages (nothing is downloaded at
# run time). Installed with apt-get when missing; without it scans are reported as unread and OCR tests skip.
OCR_PACKAGES := tesseract-ocr tesseract-ocr-eng
ocr-deps:
	@if command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx eng; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo "sudo -n"); \
	  $$SUDO apt-get install -y -qq --no-install-recommends $(OCR_PACKAGES) >/dev/null 2>&1 \
	  || { $$SUDO apt-get update -qq >/dev/null 2>&1 && $$SUDO apt-get install -y -qq --no-install-recommends $(OCR_PACKAGES) >/dev/null 2>&1; } \
	  || echo "OCR not installed (apt-get install $(OCR_PACKAGES) failed): scanned résumés will not be read"; \
	else echo "OCR not installed (no apt-get): install $(OCR_PACKAGES) to read scanned résumés"; fi

# Browser tests (tests/browser): Playwright (requirements.txt) drives Debian's Chromium, installed with apt-get
# when missing; no browser is downloaded by Playwright. Without it (no root, no network) those tests skip, one line.
browser-deps:
	@if command -v chromium >/dev/null 2>&1; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo "sudo -n"); \
	  $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1 \
	  || { $$SUDO apt-get update -qq >/dev/null 2>&1 && $$SUDO apt-get install -y -qq chromium >/dev/null 2>&1; } \
	  || echo "Chromium not installed (apt-get install chromium failed): the browser tests will be skipped"; \
	else echo "Chromium not installed (no apt-get): the browser tests will be skipped"; fi

run: $(STAMP) ocr-deps
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(STAMP) ocr-deps browser-deps
	$(PY) -m ruff check screener ui app.py tests scripts benchmarks
	$(PY) -m pytest -q

lint: $(STAMP)
	$(PY) -m ruff check screener ui app.py tests scripts benchmarks
	$(PY) -m mypy screener

format: $(STAMP)
	$(PY) -m ruff format screener ui app.py tests scripts benchmarks

bench: $(STAMP)
	$(PY) benchmarks/throughput.py
	$(PY) benchmarks/accuracy.py

# Rebuild the compiled skills lexicon from ../shared/data/taxonomy (developers only; the result is committed).
lexicon: $(STAMP)
	$(PY) scripts/build_lexicon.py

# Regenerate sample_data/ from scripts/make_samples.py (the result is committed).
samples: $(STAMP)
	$(PY) scripts/make_samples.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
