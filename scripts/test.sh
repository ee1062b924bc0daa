#!/usr/bin/env bash
# The whole test suite, as CI runs it on a clean checkout: formatting, lints, the Rust tests
# (PostgreSQL included), then the artifacts in their real consumers (Node + Chromium, Python).
# It installs what a fresh machine lacks: Debian's chromium and CJK fonts, the npm packages of
# tests/consumers (npm ci), a Python virtual environment, and a throwaway PostgreSQL cluster
# when none listens on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

step() { printf '\n== %s\n' "$*"; }

# --- system packages -------------------------------------------------------------------------
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# --- PostgreSQL --------------------------------------------------------------------------------
# The tests read YJS_TEST_POSTGRES. Use the machine's server when one listens on 5432 (trust
# auth, database `test`); otherwise start a throwaway cluster and stop it on exit.
if [ -z "${YJS_TEST_POSTGRES:-}" ]; then
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    export YJS_TEST_POSTGRES="postgres://postgres@127.0.0.1:5432/test"
  else
    step "starting a throwaway PostgreSQL cluster on 127.0.0.1:54329"
    pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
    pgdir=$(mktemp -d /tmp/yjs-pg.XXXXXX)
    as=""
    if [ "$(id -u)" -eq 0 ]; then chown postgres "$pgdir"; as="runuser -u postgres --"; fi
    $as "$pgbin/initdb" -A trust -U postgres -D "$pgdir/data" >/dev/null
    $as "$pgbin/pg_ctl" -D "$pgdir/data" -o "-h 127.0.0.1 -p 54329 -k $pgdir" -l "$pgdir/log" -w start >/dev/null
    trap '$as "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true' EXIT
    $as "$pgbin/createdb" -h 127.0.0.1 -p 54329 -U postgres test
    export YJS_TEST_POSTGRES="postgres://postgres@127.0.0.1:54329/test"
  fi
fi

# --- Rust ----------------------------------------------------------------------------------------
# Incremental caches roughly double target/ and buy nothing on a clean checkout.
export CARGO_INCREMENTAL="${CARGO_INCREMENTAL:-0}"

step "cargo fmt, clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
step "cargo test"
cargo test --workspace --locked
step "release build for the consumer tests"
cargo build --release --locked
export YJS_BIN="$root/target/release/yjs"

# --- consumers -----------------------------------------------------------------------------------
step "npm ci (tests/consumers)"
(cd tests/consumers && npm ci --no-audit --no-fund --loglevel=error)
step "Python consumers (tests/consumers/requirements.txt)"
venv="$root/target/consumers-venv"
if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/consumers/requirements.txt "$venv/requirements.txt"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r tests/consumers/requirements.txt
  cp tests/consumers/requirements.txt "$venv/requirements.txt"
fi
export YJS_PYTHON="$venv/bin/python"
# The consumer tests include yjs serve's: schemathesis against its /openapi.json
# (tests/consumers/serve/, with YJS_PYTHON's venv) and its pages in Chromium (tests/consumers/pages/).
step "consumer tests (Node, Chromium, Python, schemathesis against yjs serve)"
(cd tests/consumers && node --test --test-concurrency=1)
step "all tests passed"
