#!/usr/bin/env bash
# Runs the Python test suite against the freshly built wheel.
#
#   npx jsii --silence-warnings=reserved-word
#   npx jsii-pacmak -v --target python      # writes dist/python/*.whl
#   bash test/python/run.sh [pytest args...]
#
# Creates (or reuses) a virtualenv, installs the wheel from dist/python and the
# pinned test dependencies (test/python/requirements.txt), then runs pytest on
# test/python with a JUnit report in test-reports/python-junit.xml. Exits with
# pytest's exit code.
#
# Environment:
#   PYTHON            the interpreter to create the virtualenv with (default: python3)
#   PY_TEST_VENV      the virtualenv directory (default: <repo>/.venv-test)
#
# A second run with the same wheel and pins skips pip entirely; a new wheel
# is reinstalled alone. pip's download cache is used as usual, so the large
# provider binding is downloaded once per machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

PYTHON="${PYTHON:-python3}"
VENV="${PY_TEST_VENV:-$ROOT/.venv-test}"
REQUIREMENTS="$ROOT/test/python/requirements.txt"
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '[python-tests] %s\n' "$*" >&2; }
die() { printf '[python-tests] error: %s\n' "$*" >&2; exit 2; }

# The wheel: exactly one, built by `npx jsii-pacmak --target python`.
shopt -s nullglob
wheels=("$ROOT"/dist/python/cdktf_eventbridge_connection-*.whl)
shopt -u nullglob
if [ "${#wheels[@]}" -eq 0 ]; then
  die "no wheel in dist/python. Build it first:
    npx jsii --silence-warnings=reserved-word && npx jsii-pacmak -v --target python"
fi
if [ "${#wheels[@]}" -gt 1 ]; then
  die "more than one wheel in dist/python (${wheels[*]##*/}): remove the stale ones, or rebuild from a clean dist/"
fi
WHEEL="${wheels[0]}"

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (set PYTHON to a Python >= 3.10 interpreter)"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || die "$PYTHON is $("$PYTHON" -V 2>&1); the library needs Python >= 3.10"

# The jsii Python runtime at the version of the jsii-pacmak that built the wheel.
JSII_VERSION="$(node -p 'require("jsii-pacmak/package.json").version' 2>/dev/null || true)"

if [ ! -x "$VENV/bin/python" ]; then
  log "creating virtualenv $VENV"
  "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"

hash_of() { "$PY" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }
deps_key="$(hash_of "$REQUIREMENTS") jsii=${JSII_VERSION:-any} $("$PY" -V 2>&1)"
wheel_key="$(hash_of "$WHEEL")"
deps_stamp="$VENV/.deps-installed"
wheel_stamp="$VENV/.wheel-installed"

if [ "$(cat "$deps_stamp" 2>/dev/null || true)" != "$deps_key" ]; then
  log "installing pinned test dependencies (pip's cache is reused)"
  rm -f "$deps_stamp" "$wheel_stamp"
  "$PY" -m pip install --quiet -r "$REQUIREMENTS" ${JSII_VERSION:+"jsii==$JSII_VERSION"}
  printf '%s' "$deps_key" > "$deps_stamp"
else
  log "test dependencies up to date"
fi

if [ "$(cat "$wheel_stamp" 2>/dev/null || true)" != "$wheel_key" ]; then
  log "installing ${WHEEL##*/}"
  rm -f "$wheel_stamp"
  # --no-deps: the dependencies are the pins above; `pip check` proves they fit the wheel's ranges.
  "$PY" -m pip install --quiet --no-deps --force-reinstall "$WHEEL"
  "$PY" -m pip check >&2 || die "the wheel's requirements do not fit the pins in $REQUIREMENTS"
  printf '%s' "$wheel_key" > "$wheel_stamp"
else
  log "${WHEEL##*/} already installed"
fi

mkdir -p "$ROOT/test-reports"
set +e
"$PY" -m pytest "$ROOT/test/python" \
  --junitxml="$ROOT/test-reports/python-junit.xml" -o junit_suite_name=python "$@"
code=$?
set -e
exit "$code"
