#!/usr/bin/env bash
# Deployment test suite: synthesizes scenario stacks with the library, then
# validates, deploys, re-plans, updates and destroys them against a local
# moto server (see test/deploy/README.md).
#
# Exit status: pytest's; 0 with one line "SKIPPED: <reason>" when Terraform
# or an AWS provider mirror is missing. Arguments are passed to pytest.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$REPO"

PYTHON="${PYTHON:-python3}"
export JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION=1

# --- Skip when the tools are not there -----------------------------------
if [[ -n "${TERRAFORM:-}" ]]; then
  [[ -x "$TERRAFORM" ]] || { echo "SKIPPED: TERRAFORM=$TERRAFORM is not executable"; exit 0; }
elif ! command -v terraform >/dev/null 2>&1; then
  echo "SKIPPED: terraform CLI not found on PATH"
  exit 0
fi
if ! command -v "$PYTHON" >/dev/null 2>&1; then
  echo "error: $PYTHON not found; the suite needs Python 3 with pip" >&2
  exit 1
fi
if ! MIRROR="$("$PYTHON" "$HERE/harness.py" discover-mirror 2>/dev/null)"; then
  echo "SKIPPED: no hashicorp/aws provider in a Terraform filesystem mirror (TF_PLUGIN_MIRROR, /opt/tf-plugins, ~/.terraform.d/plugins, ~/.local/share/terraform/plugins, /usr/share/terraform/plugins)"
  exit 0
fi
echo "deploy suite: provider mirror $MIRROR"

# --- The compiled library --------------------------------------------------
if [[ ! -d node_modules/cdktf || ! -d node_modules/@cdktf/provider-aws ]]; then
  echo "deploy suite: installing node modules (npm ci)"
  npm ci --no-audit --no-fund
fi
if [[ ! -f lib/index.js ]] || [[ -n "$(find src -newer lib/index.js -name '*.ts' -print -quit)" ]]; then
  echo "deploy suite: compiling the library (npx jsii)"
  npx jsii --silence-warnings=reserved-word
fi

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
cd "$HERE"
set +e
mkdir -p "$REPO/test-reports"
"$PYTHON" -m pytest -p no:cacheprovider -rfEs --junitxml="$REPO/test-reports/deploy-junit.xml" "$@"
status=$?
exit $status
