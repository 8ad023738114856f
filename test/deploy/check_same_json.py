"""The deployment suite for a matrix entry whose stacks another entry's run applied.

`test:all` applies the deployment scenarios with one entry (cdktf), whose run records every
synthesis it made (DEPLOY_RECORD: the script, its arguments and the stacks it wrote; see
harness.run_synth). For each other entry, run.sh runs this module with DEPLOY_REFERENCE set
to that record: it makes every recorded synthesis again, with the same arguments, this entry's
library and Node.js, and compares each stack with the one that was applied, byte for byte but
for the `terraform` block and the top-level `//` comment (harness.comparable_json). Whatever the
entry writes differently there is checked here, in this entry's own terms: that synth.js ran with
the entry's library, framework and binding, and that the entry's provider pin installs the
mirrored provider with `terraform init` and validates.

A stack that differs fails its test, and run.sh then applies the entry itself (the whole suite),
so a divergence is deployed, never assumed away. The stacks that differed are written, one per
line, to the file DEPLOY_DIFFERENCES names.
"""
from __future__ import annotations

import difflib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import harness

HERE = Path(__file__).resolve().parent
REFERENCE = Path(os.environ.get("DEPLOY_REFERENCE", HERE / "no-reference"))
DIFFERENCES = os.environ.get("DEPLOY_DIFFERENCES")
ENTRY_BLOCKS_DIR = harness.REPO / "test" / "fixtures" / "expected" / "terraform"


def _calls() -> list[dict]:
    calls = []
    for path in sorted(REFERENCE.glob("*.call.json")):
        call = json.loads(path.read_text())
        call["n"] = path.name.split(".")[0]
        calls.append(call)
    return calls


CALLS = _calls()
STACKS = [pytest.param(call, stack, id=f"{call['n']}-{call['script'].removesuffix('.js')}-{stack}")
          for call in CALLS for stack in call["stacks"]]


def test_the_reference_run_passed_and_recorded_stacks():
    """The record is of a run that applied its stacks and passed (run.sh writes `passed` then)."""
    assert (REFERENCE / "passed").is_file(), f"{REFERENCE} is not the record of a passing deployment run"
    assert STACKS, f"{REFERENCE} records no stack"


@pytest.fixture(scope="module")
def resynthesized(target, tmp_path_factory) -> dict[str, tuple[dict, Path]]:
    """Every recorded synthesis made again with this entry: call number -> (manifest, outdir)."""
    root = tmp_path_factory.mktemp(f"same-json-{target['name']}")
    script_dir = Path(harness.__file__).resolve().parent

    def again(call: dict):
        outdir = root / call["n"]
        proc = harness.synth_process(target, script_dir / call["script"], outdir, call["args"])
        if proc.returncode != 0:
            return call["n"], AssertionError(f"{call['script']} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
        return call["n"], (json.loads(proc.stdout), outdir)

    with ThreadPoolExecutor(max_workers=max(1, min(2, os.cpu_count() or 1))) as pool:
        return dict(pool.map(again, CALLS))


@pytest.mark.parametrize("call, stack", STACKS)
def test_same_json_as_applied(resynthesized, target, call, stack):
    """The stack this entry writes is the one that was applied (but the terraform block and `//`)."""
    result = resynthesized[call["n"]]
    if isinstance(result, Exception):
        raise result
    _, outdir = result
    applied = harness.comparable_json((REFERENCE / f"{call['n']}.{stack}.tf.json").read_text())
    written = harness.comparable_json((outdir / "stacks" / stack / "cdk.tf.json").read_text())
    if written != applied:
        if DIFFERENCES:
            with open(DIFFERENCES, "a") as f:
                f.write(f"{call['n']} {call['script']} {stack} ({call['test']})\n")
        diff = list(difflib.unified_diff(applied.splitlines(), written.splitlines(),
                                         f"applied by {call['entry']}", f"written by {target['name']}", lineterm="", n=2))
        raise AssertionError(f"{call['script']} {' '.join(call['args'])}\nwrites another stack {stack} than the one "
                             f"{call['entry']} applied in {call['test']}:\n" + "\n".join(diff[:60]))


def _synth_js_calls() -> list:
    return [pytest.param(call, id=f"{call['n']}-synth") for call in CALLS if call["script"] == "synth.js"]


@pytest.mark.parametrize("call", _synth_js_calls())
def test_synth_ran_with_the_matrix_entry(resynthesized, target, call):
    """synth.js used this entry's library, framework and binding on a Node.js the binding supports."""
    result = resynthesized[call["n"]]
    if isinstance(result, Exception):
        raise result
    harness.check_runtime(result[0]["runtime"], target)


def test_provider_pin_installs_and_validates(resynthesized, target, tf):
    """The entry's own stack, with its own `terraform` block: the pin and source are the entry's,
    `terraform init` installs the mirrored provider for it, and `terraform validate` passes."""
    first = next((c for c in CALLS if c["script"] == "synth.js"), None)
    assert first is not None, f"{REFERENCE} records no synth.js run"
    result = resynthesized[first["n"]]
    if isinstance(result, Exception):
        raise result
    _, outdir = result
    config = json.loads((outdir / "stacks" / first["stacks"][0] / "cdk.tf.json").read_text())
    directory = tf.workdir / "entry-stack"
    tf.prepare(config, directory)
    tf.terraform.init(directory, backend=False)
    harness.check_provider_pin(config, target, tf, directory, ENTRY_BLOCKS_DIR)
    validated = tf.terraform.validate(directory)
    assert "Success! The configuration is valid." in validated.stdout, validated.output
