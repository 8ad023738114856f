"""Session fixtures of the deployment suite: the test-matrix entry (FLAVOUR),
Terraform with a private CLI config and the provider mirror, and a moto server
started and stopped by the suite itself."""
from __future__ import annotations

import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import harness  # noqa: E402

NOTES = harness.NOTES
note = harness.note
# One line per Terraform command run: duration, command, directory, exit code.
TIMINGS: list[str] = []


def _terminate(signum, frame):  # pragma: no cover - signal path
    # Turn SIGTERM into KeyboardInterrupt so that pytest runs the fixture
    # finalizers (which stop the moto server). SIGKILL is covered by the
    # server's parent-death signal.
    raise KeyboardInterrupt(f"signal {signum}")


def pytest_configure(config):
    signal.signal(signal.SIGTERM, _terminate)


@dataclass
class TerraformEnv:
    terraform: harness.Terraform
    mirror: harness.Mirror
    workdir: Path
    notes: list[str] = field(default_factory=lambda: NOTES)
    # What happened to the AWS provider pin of each config written, by directory.
    pins: dict[Path, harness.Pin] = field(default_factory=dict)

    def prepare(self, config: dict, directory: Path) -> Path:
        """Writes a synthesized config into `directory` with a pin the mirror satisfies.

        The pin is kept when the mirror holds it and rewritten to the mirror's
        newest version otherwise; either way the suite's notes say which.
        """
        prepared, pin = harness.prepare_config(config, self.mirror)
        self.pins[directory] = pin
        note(pin.describe())
        directory.mkdir(parents=True, exist_ok=True)
        written = directory / "cdk.tf.json"
        written.write_text(harness.json.dumps(prepared, indent=2) + "\n")
        return written


@pytest.fixture(scope="session")
def target() -> dict:
    """The test-matrix entry (FLAVOUR, default cdktf) as scripts/flavours.js defines it."""
    entry = harness.matrix_target()
    note(f"matrix entry {entry['name']}: {entry['title']}; library {entry['libDir']}; "
         f"Node.js {entry['node']}")
    return entry


@pytest.fixture(scope="session")
def tf(tmp_path_factory, target) -> TerraformEnv:
    binary = harness.terraform_binary()
    if binary is None:
        pytest.skip("terraform CLI not found (set TERRAFORM or put terraform on PATH)")
    mirror = harness.discover_mirror()
    if mirror is None:
        pytest.skip("no AWS provider in a filesystem mirror (looked in: "
                    + ", ".join(str(p) for p in harness.mirror_candidates()) + ")")
    workdir = tmp_path_factory.mktemp(f"deploy-{target['name']}")
    # No plugin cache: every `init` links the provider from an unpacked mirror (a packed
    # one is unpacked here, once, before any Terraform command), so the Terraform runs that
    # go at once (the fixture validation's threads) share nothing they write.
    installed_from = harness.unpacked_mirror(mirror, workdir / "mirror")
    cli_config = harness.write_cli_config(workdir / "terraform.tfrc", installed_from)
    note(f"provider mirror: {mirror.root} (aws {', '.join(mirror.versions)})"
         + (f", unpacked into {installed_from.root}" if installed_from.root != mirror.root else "")
         + f"; work dir: {workdir}")
    return TerraformEnv(harness.Terraform(binary, cli_config, log=TIMINGS), mirror, workdir)


@pytest.fixture(scope="session")
def moto_server(tf):
    server = harness.MotoServer(tf.workdir / "moto.log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _keep_raw_auth_parameters(http_response, parsed, **kwargs):
    # botocore drops response fields its model lacks, such as the secret
    # ApiKeyValue, Password and ClientSecret, which AWS never returns but
    # moto does. Keep the raw AuthParameters so the suite can check that a
    # new secret value reached the API.
    try:
        raw = harness.json.loads(http_response.content or b"{}")
    except ValueError:
        return
    if isinstance(parsed, dict) and "AuthParameters" in raw:
        parsed["RawAuthParameters"] = raw["AuthParameters"]


class Clients:
    """boto3 clients on the emulator, in one region (us-east-1, the stack's provider's, unless
    asked): `in_region()` gives those of another region (a scenario placed elsewhere)."""

    def __init__(self, endpoint: str, region: str = "us-east-1", regions: dict | None = None):
        self.region = region
        self.events = harness.aws_client("events", endpoint, region)
        self.secretsmanager = harness.aws_client("secretsmanager", endpoint, region)
        self.ssm = harness.aws_client("ssm", endpoint, region)
        self.iam = harness.aws_client("iam", endpoint, region)
        self.sqs = harness.aws_client("sqs", endpoint, region)
        self.pipes = harness.aws_client("pipes", endpoint, region)
        self.stepfunctions = harness.aws_client("stepfunctions", endpoint, region)
        self.events.meta.events.register("after-call.events.DescribeConnection", _keep_raw_auth_parameters)
        self._endpoint = endpoint
        self._regions = regions if regions is not None else {}
        self._regions[region] = self

    def in_region(self, region: str | None) -> "Clients":
        region = region or "us-east-1"
        if region not in self._regions:
            Clients(self._endpoint, region, self._regions)
        return self._regions[region]


@pytest.fixture(scope="session")
def aws(moto_server):
    return Clients(moto_server.endpoint)


def pytest_terminal_summary(terminalreporter):
    if NOTES:
        terminalreporter.section("deployment suite notes")
        for line in NOTES:
            terminalreporter.write_line(f"- {line}")
    if TIMINGS:
        terminalreporter.section("terraform commands")
        for line in TIMINGS:
            terminalreporter.write_line(line)
