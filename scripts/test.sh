#!/usr/bin/env bash
# The whole test suite. It runs with no network at all (unshare -n, loopback only) where the machine
# allows it, which proves the offline claim on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
export HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 ANONYMIZED_TELEMETRY=False
# The browser test needs Debian's Chromium (and CJK fonts for readable screenshots); fetch them now,
# while the registries are reachable.
if ! command -v chromium >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null) \
    || echo "test.sh: could not install chromium; the browser test will be skipped" >&2
fi
# tests/test_servers.py starts a real PostgreSQL (Debian's package: initdb, pg_ctl) on loopback; fetch it too.
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 \
    && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
    || echo "test.sh: could not install postgresql; the server tests will be skipped" >&2
fi
# The browser test's accessibility pass runs axe-core (npm) when it is here: vendored once into the venv.
AXE=.venv/share/axe-core/axe.min.js
if [ ! -f "$AXE" ] && command -v npm >/dev/null 2>&1; then
  (tmp=$(mktemp -d) && cd "$tmp" && npm pack axe-core@4 --silent >/dev/null && tar -xzf axe-core-*.tgz package/axe.min.js \
    && mkdir -p "$OLDPWD/.venv/share/axe-core" && mv package/axe.min.js "$OLDPWD/$AXE" && rm -rf "$tmp") \
    || echo "test.sh: could not fetch axe-core; the accessibility pass uses its own checks only" >&2
fi
if [ "${BUDGETQA_NETWORK_TESTS:-}" != "1" ] && unshare -n true 2>/dev/null; then
  exec unshare -n bash -c 'ip link set lo up 2>/dev/null || true; exec .venv/bin/python -m pytest "$@"' _ "$@"
fi
exec .venv/bin/python -m pytest "$@"
