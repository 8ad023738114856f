#!/usr/bin/env bash
# Deployment test suite: synthesizes scenario stacks with the library, then
# validates, deploys, re-plans, updates and destroys them against a local
# moto server (see test/deploy/README.md).
#
# It runs for one entry of the test matrix, FLAVOUR (default cdktf): a row of TARGETS in
# scripts/flavours.js, which says which compiled library and provider binding it uses
# (`node scripts/test-all.js --list` shows every entry's steps).
#
# Two more ways to run, which `npm run test:all` uses so that the scenarios are applied once:
#
#   DEPLOY_RECORD=DIR     the run records every synthesis (script, arguments, stacks) into DIR,
#                         emptied first, and writes DIR/passed when it passes.
#   DEPLOY_REFERENCE=DIR  the entry makes every synthesis recorded in DIR again and compares its
#                         stacks with those that were applied (check_same_json.py), without
#                         applying them; when a stack differs, the whole suite then runs for the
#                         entry, applying its own stacks. One `NOTE: ` line says which happened.
#
# Exit status: pytest's; 0 with one line "SKIPPED: <reason>" when Terraform
# or an AWS provider mirror is missing; 2 when the entry is unknown or its
# build is missing. Arguments are passed to pytest.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"

PYTHON="${PYTHON:-python3}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1
export FLAVOUR="${FLAVOUR:-cdktf}"
started=$SECONDS

# --- The matrix entry ------------------------------------------------------
if ! error="$(node -e "require('./scripts/flavours').currentTarget()" 2>&1)"; then
  echo "error: $(printf '%s\n' "$error" | grep -m1 '^Error: ' | sed 's/^Error: //' || true)" >&2
  echo "error: FLAVOUR must name an entry of TARGETS in scripts/flavours.js" >&2
  exit 2
fi

# --- Skip when the tools are not there -----------------------------------
skip() {
  echo "SKIPPED: deploy suite (FLAVOUR=$FLAVOUR): $1"
  exit 0
}
if [[ -n "${TERRAFORM:-}" ]]; then
  [[ -x "$TERRAFORM" ]] || skip "TERRAFORM=$TERRAFORM is not executable"
elif ! command -v terraform >/dev/null 2>&1; then
  skip "terraform CLI not found on PATH"
fi
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: $PYTHON not found; the suite needs Python 3 with pip" >&2
  exit 1
fi
if ! MIRROR="$("$PYTHON" "$HERE/harness.py" discover-mirror 2>/dev/null)"; then
  skip "no hashicorp/aws provider in a Terraform filesystem mirror (TF_PLUGIN_MIRROR, /opt/tf-plugins, ~/.terraform.d/plugins, ~/.local/share/terraform/plugins, /usr/share/terraform/plugins)"
fi
echo "deploy suite: FLAVOUR=$FLAVOUR ($(node -p "require('./scripts/flavours').currentTarget().title"))"
echo "deploy suite: provider mirror $MIRROR"

# --- The entry's compiled library -------------------------------------------
# The entry's framework and provider binding (all are devDependencies of the repository).
if ! node -e "
  const fs = require('fs'), path = require('path');
  const t = require('./scripts/flavours').currentTarget();
  process.exit(fs.existsSync(path.join('node_modules', t.framework)) && fs.existsSync(t.providerDir) ? 0 : 1);"; then
  echo "deploy suite: installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi

# The entry's library: built when missing or behind, as its row in scripts/flavours.js says
# (`node scripts/build-flavour.js --ensure`); a generated entry is not rebuilt here, only
# reported when missing (exit 2) or behind src/ (a warning).
node scripts/build-flavour.js --ensure "$FLAVOUR"
if [[ "$(node -p "require('./scripts/flavours').currentTarget().node22 ? 'yes' : 'no'")" == yes ]] \
    && [[ -z "$(node -e "process.stdout.write(require('./scripts/flavours').node22() || '')")" ]]; then
  echo "error: FLAVOUR=$FLAVOUR runs on Node.js 22 from tools/cdktn (its provider binding needs Node >= 22.11)," \
    "which is not installed: run \`npx projen tools:cdktn\`" >&2
  exit 2
fi
echo "deploy suite: library $(node -p "require('path').relative('.', require('./scripts/flavours').currentTarget().libDir)"), Node.js $(
  "$(node -p "const f = require('./scripts/flavours'); f.nodeFor(f.currentTarget())")" --version)"

# --- Python dependencies: pytest, boto3, moto in server mode ---------------
pip_install() {
  "$PYTHON" -m pip install --quiet --disable-pip-version-check "$@" \
    || "$PYTHON" -m pip install --quiet --disable-pip-version-check --break-system-packages "$@"
}
if ! "$PYTHON" -c 'import pytest, boto3' >/dev/null 2>&1; then
  echo "deploy suite: installing pytest and boto3"
  pip_install pytest boto3
fi
if ! "$PYTHON" -c 'import moto.server, moto.events, moto.secretsmanager, moto.ssm, moto.sts, moto.iam' >/dev/null 2>&1; then
  MOTO_VERSION="$("$PYTHON" -c 'import moto; print(moto.__version__)' 2>/dev/null || true)"
  echo "deploy suite: installing moto[server]${MOTO_VERSION:+==$MOTO_VERSION}"
  pip_install "moto[server]${MOTO_VERSION:+==$MOTO_VERSION}${MOTO_VERSION:->=5.1,<6}"
fi

# --- Run -------------------------------------------------------------------
# A temporary directory of this run's own (pytest's --basetemp): runs of several entries,
# one after the other or at once, and other pytest suites never share or prune it. It is
# removed after a passing run and kept, for its Terraform and moto logs, after a failing one.
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cdktf-ebc-deploy-$FLAVOUR.XXXXXX")"
REPORT="$REPO/test-reports/deploy-$FLAVOUR-junit.xml"
mkdir -p "$REPO/test-reports"
cd "$HERE"
run_pytest() {
  "$PYTHON" -m pytest -p no:cacheprovider -rfEs --basetemp="$WORK/pytest${1:+-$1}" \
    --junitxml="$REPORT" -o junit_suite_name="deploy-$FLAVOUR" "${@:2}"
}
set +e
if [[ -n "${DEPLOY_REFERENCE:-}" ]]; then
  unset DEPLOY_RECORD
  export DEPLOY_REFERENCE DEPLOY_DIFFERENCES="$WORK/differences.txt"
  applied_by="$(cat "$DEPLOY_REFERENCE"/001.call.json 2>/dev/null | "$PYTHON" -c 'import json, sys; print(json.load(sys.stdin)["entry"])' 2>/dev/null || echo '?')"
  run_pytest same check_same_json.py "$@"
  status=$?
  stacks="$(ls "$DEPLOY_REFERENCE" 2>/dev/null | grep -c '\.tf\.json$')"
  if [[ $status -eq 0 ]]; then
    echo "NOTE: the same JSON as the stacks $applied_by applied ($stacks stacks, but the terraform block and the // comment): not applied again"
  elif [[ -s "$DEPLOY_DIFFERENCES" ]]; then
    echo "NOTE: other JSON than $applied_by applied, in $(wc -l < "$DEPLOY_DIFFERENCES") of $stacks stacks ($(head -1 "$DEPLOY_DIFFERENCES" | cut -d' ' -f2-)...): applied FLAVOUR=$FLAVOUR itself"
    sed 's/^/deploy suite: differs: /' "$DEPLOY_DIFFERENCES"
    unset DEPLOY_REFERENCE
    run_pytest "" "$@"
    status=$?
  fi
else
  if [[ -n "${DEPLOY_RECORD:-}" ]]; then
    rm -rf "$DEPLOY_RECORD" && mkdir -p "$DEPLOY_RECORD"
    export DEPLOY_RECORD
  fi
  run_pytest "" "$@"
  status=$?
  if [[ $status -eq 0 && -n "${DEPLOY_RECORD:-}" ]]; then
    touch "$DEPLOY_RECORD/passed"
    echo "NOTE: applied; $(ls "$DEPLOY_RECORD" | grep -c '\.tf\.json$') stacks recorded for the other entries to compare with"
  fi
fi
set -e
if [[ $status -eq 0 ]]; then
  rm -rf "$WORK"
else
  echo "deploy suite (FLAVOUR=$FLAVOUR): work files kept in $WORK"
fi
echo "deploy suite (FLAVOUR=$FLAVOUR): exit $status after $((SECONDS - started))s; report ${REPORT#"$REPO"/}"
exit $status
