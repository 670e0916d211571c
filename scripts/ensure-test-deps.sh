#!/usr/bin/env bash
# Installs or starts what the test suite needs beyond npm packages: Debian's Chromium for the
# end-to-end tests and a local PostgreSQL server for the database tests.
set -euo pipefail

# Debian's chromium-headless-shell: Chromium's own headless build (the binary Playwright runs
# headless by default), from the same Debian source package as `chromium` — the same Blink and V8
# without the desktop browser around them, 12–13 % less time per test (BENCHMARKS.md, "The test
# loop"). `CHROMIUM_PATH=/usr/bin/chromium` runs the specs in the full browser instead.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium-headless-shell >/dev/null 2>&1; then
  echo "Installing Debian's chromium-headless-shell (needed by the end-to-end tests)…"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  else
    sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium-headless-shell >/dev/null
  fi
fi

if [ -z "${TEST_DATABASE_URL:-}" ] && ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    echo "Starting the local PostgreSQL server…"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi
