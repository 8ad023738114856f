#!/usr/bin/env bash
# Consumer projects: the packed packages (npm tarballs and Python wheels of both flavours)
# installed in fresh projects by the README's quick start for their flavour and language, run as
# written with the packed file in place of the package name, on every Node.js line.
# See test/consumers/README.md.
#
#   bash test/consumers/run.sh [NAME_GLOB...]     e.g. 'npm/*' or 'pip/cdktn*'; default: all
#
# Environment: KEEP=1 keeps the temporary projects (and says where); PYTHON (default python3)
# creates the virtualenvs; STEP_TIMEOUT (default 900) bounds each step in seconds.
#
# Prints `PASS <name> (<seconds> s)` or `FAIL <name>: <reason>` per consumer, writes
# test-reports/consumers-junit.xml, and exits 1 when a consumer fails (2 when the packages
# are missing and cannot be built).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
HERE="$ROOT/test/consumers"
CHECK="$HERE/check.js"
PYTHON="${PYTHON:-python3}"
STEP_TIMEOUT="${STEP_TIMEOUT:-900}"
NODE_OWN="$(command -v node)"
NODE_OWN_MAJOR="$(node -p 'process.versions.node.split(".")[0]')"
# The Node.js lines of the compatibility table, where scripts/flavours.js finds them (22 in
# tools/cdktn, 24 and 26 in tools/node); empty when one is not installed, which the consumers
# that need it then report.
node_line() { node -e "process.stdout.write(require('./scripts/flavours').nodeLine('$1') || '')"; }
NODE22="$(node_line 22)"; NODE24="$(node_line 24)"; NODE26="$(node_line 26)"
# Consumers run two at a time (JOBS): most of their time is npm and pip waiting on installs.
JOBS="${JOBS:-2}"
export PIP_DISABLE_PIP_VERSION_CHECK=1 npm_config_update_notifier=false
SUITE_START=$SECONDS

die() { echo "consumers: error: $*" >&2; exit 2; }
note() { echo "consumers: $*" >&2; }

# --- The packages: build what is missing (never what exists) --------------------------------

# find_one <variable> <glob>: sets the variable to the single file matching the glob, or to ""
# when none does; two or more is an error. (Not run in $(...), so that `die` ends the script.)
find_one() {
  local files
  shopt -s nullglob; files=($2); shopt -u nullglob
  [ "${#files[@]}" -le 1 ] || die "more than one $2: ${files[*]} (remove the stale ones)"
  printf -v "$1" '%s' "${files[0]:-}"
}
find_all() {
  find_one CDKTF_TGZ 'dist/js/cdktf-eventbridge-connection@*.tgz'
  find_one CDKTF_WHL 'dist/python/cdktf_eventbridge_connection-*-py3-none-any.whl'
  find_one CDKTN_TGZ 'dist/cdktn/js/cdktn-eventbridge-connection@*.tgz'
  find_one CDKTN_WHL 'dist/cdktn/python/cdktn_eventbridge_connection-*-py3-none-any.whl'
}

find_all
if [ -z "$CDKTF_TGZ" ] || [ -z "$CDKTF_WHL" ]; then
  [ -f .jsii ] || die "dist/js or dist/python has no package, and there is no .jsii to package: run \`npx projen compile\` first"
fi
if [ -z "$CDKTF_TGZ" ]; then
  note "no dist/js/cdktf-eventbridge-connection@*.tgz: building it (npx projen package:js)"
  npx projen package:js >&2 || die "npx projen package:js failed"
fi
if [ -z "$CDKTF_WHL" ]; then
  note "no dist/python/cdktf_eventbridge_connection-*.whl: building it (npx projen package:python)"
  npx projen package:python >&2 || die "npx projen package:python failed"
fi
if [ -z "$CDKTN_TGZ" ] || [ -z "$CDKTN_WHL" ]; then
  note "no dist/cdktn/js/*.tgz or dist/cdktn/python/*.whl: building them (node scripts/build-flavour.js cdktn --package)"
  node scripts/build-flavour.js cdktn --package >&2 || die "node scripts/build-flavour.js cdktn --package failed"
fi
find_all
for f in CDKTF_TGZ CDKTF_WHL CDKTN_TGZ CDKTN_WHL; do
  [ -n "${!f}" ] || die "the build did not write $f (see its output above)"
done
# A package older than the sources fails the suite with the command that rebuilds it
# (scripts/built.js): its consumers would prove nothing about the sources.
for artifact in "tarball cdktf" "wheel cdktf" "tarball cdktn" "wheel cdktn"; do
  # shellcheck disable=SC2086 # two words: the artifact and the entry
  stale="$(node scripts/built.js $artifact 2>&1)" || die "$stale"
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/consumers.XXXXXX")"
cleanup() {
  if [ "${KEEP:-}" = 1 ]; then note "kept the consumer projects in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
# The projects are made as a new user would make them: none of the runner's npm, pip or git
# configuration, only where the registries are and the caches (scripts/isolate.js).
eval "$(node scripts/isolate.js --shell "$WORK/home")"
RESULTS="$WORK/results.tsv"
: > "$RESULTS"

# --- One consumer ---------------------------------------------------------------------------

# The most telling line of a failed step's output.
summarize() {
  local out="$1" line
  if grep -q 'ERESOLVE' "$out"; then
    line="$(grep -E 'ERESOLVE|Could not resolve dependency|Conflicting peer dependency|^npm (error|ERR!) +peer' "$out" | head -4 | sed 's/^npm \(error\|ERR!\) *//' | paste -sd'|' | sed 's/|/ | /g')"
  else
    line="$(grep -m1 -E '^check failed:|error TS[0-9]+|^[A-Za-z.]*(Error|Exception)\b|^ERROR:|^npm (error|ERR!)' "$out")"
    [ -n "$line" ] || line="$(grep -v '^[[:space:]]*$' "$out" | tail -1)"
  fi
  printf '%s' "$line" | tr '\t' ' ' | cut -c1-400
}

# step <what> <command...>: runs a step of the current consumer in its directory, its output
# appended to the consumer's log; on failure sets REASON.
step() {
  local what="$1" rc; shift
  printf '\n$ %s\n' "$*" >> "$LOG"
  local start=$SECONDS
  timeout "$STEP_TIMEOUT" "$@" > "$DIR/step.out" 2>&1
  rc=$?
  cat "$DIR/step.out" >> "$LOG"
  printf '[exit %s, %s s]\n' "$rc" "$((SECONDS - start))" >> "$LOG"
  [ "$rc" -eq 0 ] && return 0
  if [ "$rc" -eq 124 ]; then
    REASON="$what: timed out after $STEP_TIMEOUT s"
  else
    REASON="$what (exit $rc): $(summarize "$DIR/step.out")"
  fi
  return 1
}

selected() {
  [ "${#PATTERNS[@]}" -eq 0 ] && return 0
  local p
  for p in "${PATTERNS[@]}"; do
    # shellcheck disable=SC2053
    [[ "$1" == $p ]] && return 0
  done
  return 1
}

# consumer <name> <function> <args...>: runs `<function> <args...>` in a fresh directory, in
# the background (at most JOBS at a time), prints its PASS/FAIL line and records it.
consumer() {
  selected "$1" || return 0
  while [ "$(jobs -rp | wc -l)" -ge "$JOBS" ]; do wait -n || true; done
  run_consumer "$@" &
}

run_consumer() {
  local name="$1" fn="$2" start=$SECONDS status=pass seconds; shift 2
  DIR="$WORK/$(printf %s "$name" | tr '/ ' '--')"; LOG="$DIR/log.txt"; REASON=""
  mkdir -p "$DIR"
  (cd "$DIR" && "$fn" "$@") || status=fail
  # The subshell's REASON is lost: it wrote it to reason.txt.
  [ -f "$DIR/reason.txt" ] && REASON="$(cat "$DIR/reason.txt")"
  seconds=$((SECONDS - start))
  if [ "$status" = pass ]; then
    echo "PASS $name ($seconds s)"
  else
    [ -n "$REASON" ] || REASON="failed (see $LOG)"
    echo "FAIL $name: $REASON"
    sed 's/^/  | /' <(tail -25 "$LOG") >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$status" "$seconds" "$(printf '%s' "$REASON" | tr '\t\n' '  ')" "$LOG" >> "$RESULTS"
}

# Inside a consumer's subshell: record why it failed, then fail.
failed() { printf '%s' "$REASON" > "$DIR/reason.txt"; return 1; }

# use_node <major>: the node (and npm, through PATH) a consumer uses.
use_node() {
  local major="$1" node
  case "$major" in
    "$NODE_OWN_MAJOR") node="$NODE_OWN" ;;
    22) node="$NODE22" ;;
    24) node="$NODE24" ;;
    26) node="$NODE26" ;;
  esac
  if [ -z "$node" ] || [ ! -x "$node" ]; then
    local tools=tools/node; [ "$major" = 22 ] && tools=tools/cdktn
    REASON="Node.js $major is not installed in $tools (install it: npx projen ${tools/\//:})"; failed; return 1
  fi
  export PATH="$(dirname "$node"):$PATH"
  local got; got="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$got" = "$major" ] || { REASON="asked for Node.js $major, PATH gives $got"; failed; return 1; }
}

# quickstart <ts|python> <flavour> <library file> [replace...]: writes the README's quick start
# for the language and flavour into ./webhooks (an npm project takes its name from its folder),
# with the packed file in place of the library's name on its install line, and runs its
# commands there as written (bash -e: a failing command fails the step). `replace` words
# (<from>=<to>) change more of the install line: another provider binding version.
quickstart() {
  local language="$1" flavour="$2" file="$3" r; shift 3
  local replace=(); for r in "$@"; do replace+=(--replace "$r"); done
  step "README quick start ($flavour + $language)" node "$CHECK" quickstart "$ROOT/README.md" "$language" "$flavour" webhooks \
    --library "$ROOT/$file" "${replace[@]}" || { failed; return 1; }
  cd webhooks || return 1
  # Each command in the log with the seconds since the script started (bash takes PS4 from the
  # environment only when not run as root, so it is set in the shell that runs the script).
  # shellcheck disable=SC2016
  step "quickstart.sh" bash -c 'PS4="+ [\${SECONDS} s] "; set -ex; . ./quickstart.sh' || { failed; return 1; }
}

# npm_consumer <flavour> <node major> <aws provider version> <tarball> [replace...]
npm_consumer() {
  local flavour="$1" node="$2" version="$3" tarball="$4"; shift 4
  use_node "$node" || return 1
  # One install, as a user would run it, with npm's default peer dependency checks (an ERESOLVE
  # fails).
  quickstart ts "$flavour" "$tarball" "$@" || return 1
  # npm ls exits non-zero on a missing, invalid or extraneous package anywhere in the tree;
  # the tree goes to npm-ls.txt, the problems (stderr) to the log.
  step "npm ls --all" sh -c 'npm ls --all > npm-ls.txt' || { failed; return 1; }
  step "cdk.tf.json" node "$CHECK" verify cdktf.out/stacks/webhooks/cdk.tf.json "$version" || { failed; return 1; }
  if [ "$version" = 5.100.0 ]; then
    # The AWS provider 5 binding has no per-resource `region`: refused with the library's error.
    local tsc=(node_modules/.bin/tsc --strict --skipLibCheck --target ES2022 --module commonjs --esModuleInterop --types node)
    step "region app" node "$CHECK" region "$flavour" region.ts || { failed; return 1; }
    step "tsc region.ts" "${tsc[@]}" region.ts || { failed; return 1; }
    printf '\n$ node region.js (must fail)\n' >> "$LOG"
    local rc=0
    timeout "$STEP_TIMEOUT" node region.js > region.stdout 2> region.stderr || rc=$?
    cat region.stdout region.stderr >> "$LOG"
    if [ "$rc" -eq 0 ]; then
      REASON="region: an ApiKeyConnection with \`region\` and the AWS provider $version binding synthesized (exit 0): it must be refused"; failed; return 1
    elif ! grep -q 'ValidationError: `region` needs the `region` argument of aws_cloudwatch_event_connection' region.stderr; then
      REASON="region: node region.js failed (exit $rc) without the library's \`region\` message on stderr: $(summarize region.stderr)"; failed; return 1
    fi
    echo "refused as expected (exit $rc)" >> "$LOG"
  fi
}

# pip_consumer <flavour> <node major> <aws provider version> <wheel> [replace...]
pip_consumer() {
  local flavour="$1" node="$2" version="$3" wheel="$4"; shift 4
  use_node "$node" || return 1   # the jsii runtime starts `node` from PATH
  # The quick start makes its virtualenv with `python3`: the PYTHON of this suite.
  mkdir -p bin && ln -sf "$(command -v "$PYTHON")" bin/python3 && export PATH="$PWD/bin:$PATH"
  quickstart python "$flavour" "$wheel" "$@" || return 1
  step "pip check" .venv/bin/python -m pip check || { failed; return 1; }
  step "cdk.tf.json" node "$CHECK" verify cdktf.out/stacks/webhooks/cdk.tf.json "$version" || { failed; return 1; }
}

# --- The consumers --------------------------------------------------------------------------

PATTERNS=("$@")
# Each consumer on every Node.js line its flavour supports: cdktf on the machine's own Node.js
# (the root install's) and on 22, 24 and 26; cdktn (Node.js 22.11 or later) on 22, 24 and 26.
# Provider 20.1.0 (AWS provider 5) differs from 21.x only in the binding, not in what Node.js
# does with it: on the machine's Node.js and the newest line.
CDKTF_NODES=("$NODE_OWN_MAJOR" 22 24 26)
[ "$NODE_OWN_MAJOR" -ge 22 ] && CDKTF_NODES=(22 24 26)
for major in "${CDKTF_NODES[@]}"; do
  if [ "$major" = "$NODE_OWN_MAJOR" ] || [ "$major" = 26 ]; then
    consumer "npm/cdktf-0.21.0+provider-aws-20.1.0 on Node $major" npm_consumer cdktf "$major" 5.100.0 "$CDKTF_TGZ" \
      @cdktf/provider-aws@21.22.1=@cdktf/provider-aws@20.1.0
  fi
  consumer "npm/cdktf-0.21.0+provider-aws-21.22.1 on Node $major" npm_consumer cdktf "$major" 6.25.0 "$CDKTF_TGZ"
  consumer "pip/cdktf-0.21.0+provider-aws-21.22.1 on Node $major" pip_consumer cdktf "$major" 6.25.0 "$CDKTF_WHL"
done
for major in 22 24 26; do
  consumer "npm/cdktn-0.24.0+provider-aws-25.7.0 on Node $major" npm_consumer cdktn "$major" 6.66.0 "$CDKTN_TGZ"
  consumer "pip/cdktn-0.24.0+provider-aws-25.7.0 on Node $major" pip_consumer cdktn "$major" 6.66.0 "$CDKTN_WHL"
done
wait

# --- Report ---------------------------------------------------------------------------------

[ -s "$RESULTS" ] || die "no consumer matches ${PATTERNS[*]} (the report is left as it was)"
mkdir -p test-reports
node - "$RESULTS" test-reports/consumers-junit.xml "$ROOT/scripts/junit.js" <<'EOF' || die "could not write test-reports/consumers-junit.xml"
const fs = require('fs');
const [results, out, junit] = process.argv.slice(2);
const { writeJUnit } = require(junit);
const rows = fs.readFileSync(results, 'utf-8').split('\n').filter(Boolean).map((l) => l.split('\t'));
writeJUnit(out, 'consumers', rows.map(([name, status, seconds, reason, log]) => ({
  classname: 'consumers',
  name,
  seconds: Number(seconds),
  failure: status === 'pass' ? undefined
    : { message: reason, text: fs.existsSync(log) ? fs.readFileSync(log, 'utf-8').split('\n').slice(-60).join('\n') : '' },
})));
EOF
total="$(wc -l < "$RESULTS")"
failures="$(grep -c $'\tfail\t' "$RESULTS")"
note "$((total - failures)) of $total consumers passed in $((SECONDS - SUITE_START)) s (test-reports/consumers-junit.xml)"
[ "$failures" -eq 0 ]
