#!/usr/bin/env python3
"""Flake check: runs a part of the deployment suite many times in a row and
reports the failures of every round.

    python3 test/deploy/flake_check.py                         # 30 rounds of the fixture validation, FLAVOUR=cdktf
    python3 test/deploy/flake_check.py --rounds 10 -k "validate_fixture or validate_scenarios"
    FLAVOUR=cdktn python3 test/deploy/flake_check.py --rounds 5
    python3 test/deploy/flake_check.py --rounds 5 -k ''          # the whole suite, 5 times

Each round is one `test/deploy/run.sh -k <expression>` (its own pytest process,
temporary directory and Terraform working directories), with the JUnit report
written to this check's own directory so that the suite's report under
test-reports/ is left alone. The default expression selects the tests whose
Terraform commands run in parallel threads (the fixture validation), the part
of the suite where shared state between concurrent runs would show.

Prints one line per round (PASS or FAIL, seconds, the failed tests and the first
line of each failure that names an error), then `N passed, N failed` for the rounds.
Exits 1 if any round failed, 0 if none did, 2 for a usage error. A round that ran
no test counts as failed: a check that checks nothing passes nothing.
"""
from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
DEFAULT_EXPRESSION = "validate_fixture"


def failures(report: Path) -> tuple[int, list[tuple[str, str]]]:
    """(tests run, [(test id, first error line)]) from a pytest JUnit report."""
    if not report.is_file():
        return 0, [("(no report)", f"{report} was not written")]
    root = ET.parse(report).getroot()
    ran = 0
    failed: list[tuple[str, str]] = []
    for case in root.iter("testcase"):
        if case.find("skipped") is not None:
            continue
        ran += 1
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            continue
        text = (problem.text or problem.get("message") or "").splitlines()
        # pytest's exception lines ("E   ..."); the telling ones are Terraform's `Error...` and
        # the line after it (the cause), else the exception's first line.
        raised = [ln[1:].strip() for ln in text if ln.startswith("E ")] or [ln.strip() for ln in text]
        raised = [ln for ln in raised if ln]
        at = next((i for i, ln in enumerate(raised) if re.match(r"(Error|error)\b", ln)), None)
        line = " ".join(raised[at:at + 2]) if at is not None else (raised[0] if raised else "")
        failed.append((case.get("name", "?"), line[:300]))
    return ran, failed


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=30, help="rounds to run (default 30)")
    parser.add_argument("-k", dest="expression", default=DEFAULT_EXPRESSION,
                        help=f"pytest -k expression selecting the tests (default {DEFAULT_EXPRESSION!r}; "
                             "'' runs the whole suite)")
    parser.add_argument("--keep", action="store_true", help="keep every round's output and report")
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be at least 1")

    flavour = os.environ.get("FLAVOUR", "cdktf")
    work = Path(tempfile.mkdtemp(prefix=f"cdktf-ebc-flake-{flavour}-"))
    print(f"flake check: FLAVOUR={flavour}, {args.rounds} rounds of test/deploy/run.sh -k {args.expression!r}; "
          f"output in {work}", flush=True)
    started = time.monotonic()
    bad_rounds = 0
    for n in range(1, args.rounds + 1):
        report = work / f"round-{n:03d}-junit.xml"
        log = work / f"round-{n:03d}.log"
        t0 = time.monotonic()
        with open(log, "wb") as out:
            select = ["-k", args.expression] if args.expression else []
            proc = subprocess.run(["bash", str(HERE / "run.sh"), *select, "-q", f"--junitxml={report}"], cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, env={**os.environ, "FLAVOUR": flavour})
        seconds = time.monotonic() - t0
        text = log.read_text(errors="replace")
        skipped = next((ln for ln in text.splitlines() if ln.startswith("SKIPPED: ")), None)
        if skipped:
            print(skipped)
            return 0
        ran, failed = failures(report)
        ok = proc.returncode == 0 and ran > 0 and not failed
        if not ok:
            bad_rounds += 1
        print(f"round {n}/{args.rounds}: {'PASS' if ok else 'FAIL'} {seconds:5.1f}s, {ran} tests, "
              f"{len(failed)} failed, exit {proc.returncode}", flush=True)
        for name, line in failed:
            print(f"    {name}: {line}")
        if not ok and ran == 0 and not failed:
            print("    no test ran; the run's output ends with:\n      "
                  + "\n      ".join(text.splitlines()[-5:]))
        if not ok:
            print(f"    log: {log}")
    total = time.monotonic() - started
    print(f"flake check: {bad_rounds} of {args.rounds} rounds failed in {total:.0f}s "
          f"(FLAVOUR={flavour}, -k {args.expression!r})")
    print(f"rounds: {args.rounds - bad_rounds} passed, {bad_rounds} failed")
    if bad_rounds == 0 and not args.keep:
        for p in work.iterdir():
            p.unlink()
        work.rmdir()
    return 1 if bad_rounds else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
