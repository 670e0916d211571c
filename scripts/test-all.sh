#!/usr/bin/env bash
# npm test — the whole suite: typecheck, lint and format check, unit and database tests (PGlite and
# PostgreSQL), production build, the built server's own tests beside the end-to-end tests in Chromium.
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
# The built server's tests run beside the end-to-end step: Playwright starts its five servers one
# after another (about a minute, an idle core most of it), and the built tests (about a minute
# alone) fit there — the pair took as long as end-to-end alone (BENCHMARKS.md, "The test loop").
# Their log is printed whole when both are done.
step "end-to-end (Chromium) ‖ built server: signals, shutdown, logs"
npm run --silent test:built >"$logs/built" 2>&1 &
built=$!
e2e_status=0
npm run --silent test:e2e || e2e_status=$?
built_status=0
wait "$built" || built_status=$?
printf -- '\n-- built server: signals, shutdown, logs --\n' && cat "$logs/built"
[ "$built_status" -eq 0 ] || echo "The built server's tests failed (exit $built_status)." >&2
[ "$e2e_status" -eq 0 ] || echo "The end-to-end tests failed (exit $e2e_status)." >&2
[ "$built_status" -eq 0 ] && [ "$e2e_status" -eq 0 ]
