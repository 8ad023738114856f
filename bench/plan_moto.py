"""moto and boto3 side of the plan-time benchmark (bench/plan.js).

    python3 bench/plan_moto.py check
        prints {"moto": ..., "boto3": ..., "python": ...} as JSON and exits 0 when
        `python3 -m moto.server` and boto3 can run here; else prints the reason
        and exits 1.
    python3 bench/plan_moto.py serve --port P
        becomes the moto server on 127.0.0.1:P (exec), after asking Linux to
        send it SIGTERM when its parent (bench/plan.js) dies, even by SIGKILL,
        so that no server outlives the benchmark. The request recorder writes
        to $MOTO_RECORDER_FILEPATH (set by plan.js).
    python3 bench/plan_moto.py secrets --endpoint URL --k K [--prefix bench/secret-]
        creates (or, when present, puts a new value into) the K Secrets Manager
        secrets <prefix>0 .. <prefix>K-1, each holding {"key": "bench-key-<j>"}.
    python3 bench/plan_moto.py count --recording FILE
        counts the AWS API calls in a moto recording by service action, as JSON
        ({"secretsmanager.GetSecretValue": 3, ...}).

It reuses test/deploy/harness.py for the parent-death signal.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import sys
from pathlib import Path
from urllib.parse import parse_qs

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "test" / "deploy"))


def check() -> int:
    try:
        import boto3  # noqa: F401
        import moto
        import moto.server  # noqa: F401  (needs flask, werkzeug: moto[server])
    except Exception as e:  # ImportError and whatever moto.server raises without its extras
        print(f"python3 -m moto.server or boto3 cannot run ({type(e).__name__}: {e})")
        return 1
    import boto3 as b
    print(json.dumps({"moto": moto.__version__, "boto3": b.__version__,
                      "python": sys.version.split()[0]}))
    return 0


def serve(port: int) -> int:
    from harness import _die_with_parent  # prctl(PR_SET_PDEATHSIG, SIGTERM); kept across exec
    if sys.platform == "linux":
        _die_with_parent()
    os.execv(sys.executable, [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)])
    return 0  # not reached


def secrets(endpoint: str, k: int, prefix: str) -> int:
    import boto3
    client = boto3.client("secretsmanager", endpoint_url=endpoint, region_name="us-east-1",
                          aws_access_key_id="testing", aws_secret_access_key="testing")
    made = []
    for j in range(k):
        name = f"{prefix}{j}"
        value = json.dumps({"key": f"bench-key-{j}"})
        try:
            client.create_secret(Name=name, SecretString=value)
        except client.exceptions.ResourceExistsException:
            client.put_secret_value(SecretId=name, SecretString=value)
        made.append(name)
    print(json.dumps(made))
    return 0


def _action(entry: dict) -> str:
    headers = {k.lower(): v for k, v in (entry.get("headers") or {}).items()}
    target = headers.get("x-amz-target")
    if target:
        service, _, action = target.partition(".")
        service = {"AWSEvents": "events"}.get(service, service)
        return f"{service}.{action}"
    body = entry.get("body") or ""
    if entry.get("body_encoded"):
        body = base64.b64decode(body).decode("utf-8", "replace")
    action = (parse_qs(body).get("Action") or ["?"])[0]
    auth = headers.get("authorization", "")
    service = "?"
    if "Credential=" in auth:
        scope = auth.split("Credential=", 1)[1].split(",", 1)[0].split("/")
        if len(scope) >= 4:
            service = scope[3]
    return f"{service}.{action}"


def count(recording: str) -> int:
    counts: dict[str, int] = {}
    path = Path(recording)
    if path.is_file():
        for line in path.read_text().splitlines():
            if line.strip():
                a = _action(json.loads(line))
                counts[a] = counts.get(a, 0) + 1
    print(json.dumps(dict(sorted(counts.items()))))
    return 0


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="plan_moto.py")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("check")
    s = sub.add_parser("serve")
    s.add_argument("--port", type=int, required=True)
    s = sub.add_parser("secrets")
    s.add_argument("--endpoint", required=True)
    s.add_argument("--k", type=int, required=True)
    s.add_argument("--prefix", default="bench/secret-")
    s = sub.add_parser("count")
    s.add_argument("--recording", required=True)
    a = p.parse_args(argv)
    if a.cmd == "check":
        return check()
    if a.cmd == "serve":
        return serve(a.port)
    if a.cmd == "secrets":
        return secrets(a.endpoint, a.k, a.prefix)
    return count(a.recording)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
