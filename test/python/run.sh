#!/usr/bin/env bash
# Runs the Python test suite against the freshly built wheel of one flavour.
#
#   bash test/python/run.sh [pytest args...]                 # cdktf: npx projen test:python
#   FLAVOUR=cdktn bash test/python/run.sh [pytest args...]   # cdktn: npx projen test:python:cdktn
#
# FLAVOUR names an entry of the test matrix (scripts/flavours.js, default cdktf); the Python
# suite runs for the entries with a wheel: cdktf and cdktn (cdktf-aws5 is refused). Per entry:
#
#   FLAVOUR  wheel                                            virtualenv          pins
#   cdktf    dist/python/cdktf_eventbridge_connection-*.whl       .venv-test          requirements.txt
#   cdktn    dist/cdktn/python/cdktn_eventbridge_connection-*.whl .venv-test-cdktn    requirements-cdktn.txt
#
# (Build them with `npx projen package:python` and `npx projen package:cdktn`.)
#
# Creates (or reuses) the entry's virtualenv, installs the wheel and the pinned test
# dependencies, then runs pytest on test/python with a JUnit report in
# test-reports/python-<flavour>-junit.xml (suite name python-<flavour>). The tests are
# written once, in the cdktf vocabulary; for cdktn, conftest.py maps the module names (see
# there). The cdktn runs use the Node.js 22 of tools/cdktn (`npm run tools:cdktn`), first on
# PATH since the jsii runtime starts `node` from PATH; without it, PATH's node is used.
# Exits with pytest's exit code (2 for a set-up error).
#
# Environment:
#   FLAVOUR           cdktf (default) or cdktn
#   PYTHON            the interpreter to create the virtualenv with (default: python3)
#   PY_TEST_VENV      the virtualenv directory (default: the entry's, above)
#
# A second run with the same wheel and pins skips pip entirely; a new wheel
# is reinstalled alone. pip's download cache is used as usual, so the large
# provider bindings are downloaded once per machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

FLAVOUR="${FLAVOUR:-cdktf}"
PYTHON="${PYTHON:-python3}"
export PIP_DISABLE_PIP_VERSION_CHECK=1

log() { printf '[python-tests:%s] %s\n' "$FLAVOUR" "$*" >&2; }
die() { printf '[python-tests:%s] error: %s\n' "$FLAVOUR" "$*" >&2; exit 2; }

command -v node >/dev/null 2>&1 || die "node not found: the jsii runtime needs Node.js on PATH"

# The entry, as scripts/flavours.js describes it: module, wheel dir, virtualenv, pins, Node 22
# (or, exit code 1, why there is none).
target="$(node -e '
  const f = require(process.argv[1]);
  const name = process.argv[2];
  const python = Object.keys(f.TARGETS).filter((n) => f.TARGETS[n].wheelDir);
  if (!f.TARGETS[name]) {
    console.log(`FLAVOUR=${name} is not one of ${Object.keys(f.TARGETS).join(", ")}`);
    process.exit(1);
  }
  const t = f.currentTarget({ FLAVOUR: name });
  if (!t.wheelDir) {
    console.log(`FLAVOUR=${name} (${t.title}) is not a Python target: no wheel is built for it. ` +
      `The Python suite runs for ${python.map((n) => `FLAVOUR=${n}`).join(" and ")}; ` +
      `${name} is covered by the jest and deployment suites.`);
    process.exit(1);
  }
  console.log([t.pythonModule, t.wheelDir, t.pythonVenv, t.pythonRequirements,
    t.node22 ? "yes" : "no", f.node22() || ""].join("\n"));
' "$ROOT/scripts/flavours.js" "$FLAVOUR")" || die "$target"
{
  read -r MODULE
  read -r WHEEL_DIR
  read -r DEFAULT_VENV
  read -r REQUIREMENTS
  read -r WANTS_NODE22
  read -r NODE22 || true  # empty (and at the end of input) when tools/cdktn is not installed
} <<< "$target"
VENV="${PY_TEST_VENV:-$DEFAULT_VENV}"
export FLAVOUR

# Node.js 22 for cdktn (@cdktn/provider-aws asks for Node >= 22.11): the jsii runtime, the
# example app's child process and conftest's own node calls all find it first on PATH.
if [ "$WANTS_NODE22" = yes ]; then
  if [ -n "$NODE22" ]; then
    export PATH="$(dirname "$NODE22"):$PATH"
  else
    log "tools/cdktn's Node.js 22 is not installed (npm run tools:cdktn): using $(node -v) from PATH"
  fi
fi

# The wheel: exactly one, built by jsii-pacmak.
shopt -s nullglob
wheels=("$WHEEL_DIR"/"$MODULE"-*.whl)
shopt -u nullglob
rel_wheel_dir="${WHEEL_DIR#"$ROOT"/}"
if [ "${#wheels[@]}" -eq 0 ]; then
  if [ "$FLAVOUR" = cdktf ]; then
    die "no ${MODULE}-*.whl in $rel_wheel_dir. Build it first: npx projen package:python"
  fi
  die "no ${MODULE}-*.whl in $rel_wheel_dir. Build it first: npx projen package:$FLAVOUR"
fi
if [ "${#wheels[@]}" -gt 1 ]; then
  die "more than one wheel in $rel_wheel_dir (${wheels[*]##*/}): remove the stale ones, or rebuild from a clean dist/"
fi
WHEEL="${wheels[0]}"
# A wheel older than the sources fails the run with the command that rebuilds it (scripts/built.js).
stale="$(node "$ROOT/scripts/built.js" wheel "$FLAVOUR" 2>&1)" || die "$stale"
[ -f "$REQUIREMENTS" ] || die "no pins file $REQUIREMENTS"

command -v "$PYTHON" >/dev/null 2>&1 || die "$PYTHON not found (set PYTHON to a Python >= 3.10 interpreter)"
"$PYTHON" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)' \
  || die "$PYTHON is $("$PYTHON" -V 2>&1); the library needs Python >= 3.10"

# The jsii Python runtime at the version of the jsii-pacmak that built the wheels (both
# flavours are packed by the root jsii-pacmak). It fits the cdktn packages too: cdktn 0.24.0
# asks for jsii>=1.128.0 and cdktn-provider-aws 25.7.0 for jsii>=1.140.0, both <2 (`pip check`
# below proves it for every run).
JSII_VERSION="$(node -p 'require("jsii-pacmak/package.json").version' 2>/dev/null || true)"

if [ ! -x "$VENV/bin/python" ]; then
  log "creating virtualenv ${VENV#"$ROOT"/}"
  "$PYTHON" -m venv "$VENV"
fi
PY="$VENV/bin/python"

# pip runs with none of the runner's pip configuration but the index, certificates and cache
# (scripts/isolate.js), so a user setting cannot change what is installed.
PIP_HOME="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-ebc-pip-$FLAVOUR.XXXXXX")"
trap 'rm -rf "$PIP_HOME"' EXIT
pip() { ( eval "$(node "$ROOT/scripts/isolate.js" --shell "$PIP_HOME")" && "$PY" -m pip "$@" ); }

hash_of() { "$PY" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }
deps_key="$(hash_of "$REQUIREMENTS") jsii=${JSII_VERSION:-any} $("$PY" -V 2>&1)"
wheel_key="$(hash_of "$WHEEL")"
deps_stamp="$VENV/.deps-installed"
wheel_stamp="$VENV/.wheel-installed"

if [ "$(cat "$deps_stamp" 2>/dev/null || true)" != "$deps_key" ]; then
  log "installing pinned test dependencies from ${REQUIREMENTS#"$ROOT"/} (pip's cache is reused)"
  rm -f "$deps_stamp" "$wheel_stamp"
  pip install --quiet -r "$REQUIREMENTS" ${JSII_VERSION:+"jsii==$JSII_VERSION"}
  printf '%s' "$deps_key" > "$deps_stamp"
else
  log "test dependencies up to date"
fi

if [ "$(cat "$wheel_stamp" 2>/dev/null || true)" != "$wheel_key" ]; then
  log "installing ${WHEEL##*/}"
  rm -f "$wheel_stamp"
  # --no-deps: the dependencies are the pins above; `pip check` proves they fit the wheel's ranges.
  pip install --quiet --no-deps --force-reinstall "$WHEEL"
  pip check >&2 || die "the requirements of ${WHEEL##*/} (above) do not fit the pins in ${REQUIREMENTS#"$ROOT"/}"
  printf '%s' "$wheel_key" > "$wheel_stamp"
else
  log "${WHEEL##*/} already installed"
fi

log "pytest on ${WHEEL#"$ROOT"/} with Node.js $(node -v)"
mkdir -p "$ROOT/test-reports"
# The single report this script wrote before the flavours: it would be counted twice.
rm -f "$ROOT/test-reports/python-junit.xml"
# A temporary directory of this run's own (pytest's --basetemp): pytest's default, shared by
# every pytest run of the user, is pruned by whichever run starts next, so two runs at once
# (the two flavours, or this suite beside the deployment suite) could delete each other's files.
# Removed when the run ends.
BASETEMP="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-ebc-python-$FLAVOUR.XXXXXX")"
trap 'rm -rf "$BASETEMP" "$PIP_HOME"' EXIT
set +e
"$PY" -m pytest "$ROOT/test/python" -p no:cacheprovider --basetemp="$BASETEMP/pytest" \
  --junitxml="$ROOT/test-reports/python-$FLAVOUR-junit.xml" -o junit_suite_name="python-$FLAVOUR" "$@"
code=$?
set -e
exit "$code"
