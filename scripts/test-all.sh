#!/usr/bin/env bash
# npm test — the whole suite: typecheck, lint and format check, unit and database tests (PGlite and
# PostgreSQL), production build, the built server's own tests, end-to-end tests in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/ensure-test-deps.sh
step() { printf '\n== %s ==\n' "$1"; }

# Typecheck and lint each use one core: run side by side, each printed whole when done.
step "typecheck, lint and format check (side by side)"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
npm run --silent typecheck >"$logs/typecheck" 2>&1 &
typecheck=$!
npm run --silent lint >"$logs/lint" 2>&1 &
lint=$!
failed=0
wait "$typecheck" || failed=1
printf -- '-- typecheck --\n' && cat "$logs/typecheck"
wait "$lint" || failed=1
printf -- '-- lint --\n' && cat "$logs/lint"
[ "$failed" -eq 0 ]

step "unit and database tests" && npm run --silent test:unit
step "build" && npm run --silent build
step "built server: signals, shutdown, logs" && npm run --silent test:built
step "end-to-end (Chromium)" && npm run --silent test:e2e
