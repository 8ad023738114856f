#!/usr/bin/env bash
# Mutation testing of the jest suite with StrykerJS (see tools/mutation/README.md).
#
#   bash tools/mutation/run.sh [stryker options]
#   bash tools/mutation/run.sh --mutate src/role-grant.ts    # one file
#   bash tools/mutation/run.sh --mutate 'src/connection.ts:350-400'
#
# Installs tools/mutation from its lockfile when its node_modules is missing, then runs
# Stryker from the repository root with tools/mutation/stryker.config.json (jest and
# ts-jest come from the root node_modules). Reports: test-reports/mutation/.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if [ ! -d "$ROOT/node_modules/jest" ]; then
  echo "[mutation] the root node_modules has no jest: install the project first (npm ci)" >&2
  exit 2
fi
if [ ! -x "$HERE/node_modules/.bin/stryker" ]; then
  echo "[mutation] installing tools/mutation from its lockfile" >&2
  npm ci --prefix "$HERE" --no-audit --no-fund
fi

cd "$ROOT"
if [ ! -f .jsii ]; then
  # null-props.test.ts reads the jsii assembly
  echo "[mutation] no .jsii yet: compiling (npx projen compile)" >&2
  npx projen compile
fi
exec "$HERE/node_modules/.bin/stryker" run tools/mutation/stryker.config.json "$@"
