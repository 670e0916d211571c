#!/usr/bin/env bash
# npm test — the whole suite: typecheck, lint and format check, unit and database tests (PGlite and
# PostgreSQL), production build, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh
step() { printf '\n== %s ==\n' "$1"; }
step "typecheck" && npm run --silent typecheck
step "lint" && npm run --silent lint
step "unit and database tests" && npm run --silent test:unit
step "build" && npm run --silent build
step "end-to-end (Chromium)" && npm run --silent test:e2e
