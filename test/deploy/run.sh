#!/usr/bin/env bash
# Deployment test suite: synthesizes scenario stacks with the library, then
# validates, deploys, re-plans, updates and destroys them against a local
# moto server (see test/deploy/README.md).
#
# It runs for one entry of the test matrix, FLAVOUR (see scripts/flavours.js):
#   FLAVOUR=cdktf       lib/ with @cdktf/provider-aws 21.x (the default)
#   FLAVOUR=cdktf-aws5  build/cdktf-aws5/lib with @cdktf/provider-aws 20.1.0
#   FLAVOUR=cdktn       build/cdktn/lib with @cdktn/provider-aws 25.x, on Node 22
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

# lib/: compiled here when missing or older than src/ (cdktf-aws5 is a copy of it).
compile_lib() {
  if [[ ! -f lib/index.js ]] || [[ -n "$(find src -newer lib/index.js -name '*.ts' -print -quit)" ]]; then
    echo "deploy suite: compiling the library (npx jsii)"
    npx jsii --silence-warnings=reserved-word
  fi
}

case "$FLAVOUR" in
  cdktf)
    compile_lib
    ;;
  cdktf-aws5)
    compile_lib
    # build/cdktf-aws5/lib is lib/ copied next to a node_modules/@cdktf/provider-aws link to
    # the 20.1.0 binding: made (a copy, a second) when missing or when it differs from lib/.
    if [[ ! -f build/cdktf-aws5/lib/index.js || ! -e build/cdktf-aws5/node_modules/@cdktf/provider-aws/package.json ]] \
        || ! diff -rq lib build/cdktf-aws5/lib >/dev/null 2>&1; then
      echo "deploy suite: copying lib/ to build/cdktf-aws5 (node scripts/build-flavour.js cdktf-aws5)"
      node scripts/build-flavour.js cdktf-aws5
    fi
    ;;
  cdktn)
    if [[ ! -f build/cdktn/lib/index.js ]]; then
      echo "error: build/cdktn/lib/index.js is missing: generate and compile the cdktn flavour first," \
        "with \`node scripts/build-flavour.js cdktn\` (or \`npx projen compile:cdktn\`)" >&2
      exit 2
    fi
    # The generated sources must be src/ as it is now (with rewritten imports); the suite
    # tests the compiled build as it is, so say so when it is behind.
    stale="$(node -e "
      const fs = require('fs'), path = require('path');
      const { rewriteSpecifiers } = require('./scripts/flavours');
      const list = (dir, base = dir) => fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? list(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))]);
      const want = list('src'), have = new Set(list('build/cdktn/src'));
      const differ = want.filter((f) => !have.has(f) || rewriteSpecifiers(fs.readFileSync(path.join('src', f), 'utf-8'), 'cdktn')
        !== fs.readFileSync(path.join('build/cdktn/src', f), 'utf-8'));
      differ.push(...[...have].filter((f) => !want.includes(f)));
      process.stdout.write(differ.map((f) => 'src/' + f).join(' '));
    ")"
    if [[ -n "$stale" ]]; then
      echo "deploy suite: WARNING: build/cdktn is behind src/ ($stale differ): testing the build as it is;" \
        "run \`node scripts/build-flavour.js cdktn\` to test the current sources" >&2
    fi
    if [[ -z "$(node -e "process.stdout.write(require('./scripts/flavours').node22() || '')")" ]]; then
      echo "error: FLAVOUR=cdktn runs on Node.js 22 from tools/cdktn (@cdktn/provider-aws needs Node >= 22.11)," \
        "which is not installed: run \`npx projen tools:cdktn\`" >&2
      exit 2
    fi
    ;;
esac
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
set +e
"$PYTHON" -m pytest -p no:cacheprovider -rfEs --basetemp="$WORK/pytest" \
  --junitxml="$REPORT" -o junit_suite_name="deploy-$FLAVOUR" "$@"
status=$?
set -e
if [[ $status -eq 0 ]]; then
  rm -rf "$WORK"
else
  echo "deploy suite (FLAVOUR=$FLAVOUR): work files kept in $WORK"
fi
echo "deploy suite (FLAVOUR=$FLAVOUR): exit $status after $((SECONDS - started))s; report ${REPORT#"$REPO"/}"
exit $status
