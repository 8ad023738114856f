"""Helpers for the deployment test suite: the Terraform provider mirror, a
private Terraform CLI configuration, a Terraform runner, the moto server,
and the comparison of DescribeConnection with what a scenario asked for.

The suite runs for one entry of the test matrix, chosen with the environment
variable FLAVOUR (default `cdktf`; see scripts/flavours.js): `matrix_target()`
says which compiled library, provider binding and Node.js binary it uses.

Run as a script, `python3 harness.py discover-mirror` prints the mirror the
suite would use (exit 0) or nothing (exit 1): test/deploy/run.sh uses it to
decide whether to skip. `python3 harness.py target` prints the matrix entry as
JSON (exit 2 with a message for an unknown FLAVOUR).
"""
from __future__ import annotations

import ctypes
import functools
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PROVIDER_HOST = "registry.terraform.io"
PROVIDER_NAMESPACE = "hashicorp"
PROVIDER_TYPE = "aws"
# The provider the CLI config installs from the filesystem mirror (its `include`).
MIRRORED_PROVIDER = f"{PROVIDER_HOST}/{PROVIDER_NAMESPACE}/{PROVIDER_TYPE}"

FLAVOURS_JS = REPO / "scripts" / "flavours.js"

# Things worth knowing that are not failures (provider pin rewrites, what the
# emulator does not emulate, Terraform warnings), printed in pytest's summary.
NOTES: list[str] = []
_NOTES_LOCK = threading.Lock()


def note(text: str) -> None:
    # Called from the fixture validation's threads too.
    with _NOTES_LOCK:
        if text not in NOTES:
            NOTES.append(text)


# --------------------------------------------------------------------------
# The matrix entry (FLAVOUR)
# --------------------------------------------------------------------------

# Printed by Node from scripts/flavours.js, the one definition of the matrix:
# the entry, the Node.js binary to run it with (Node 22 for cdktn when
# tools/cdktn is installed), the AWS provider version its binding pins and the
# binding's npm version.
_TARGET_JS = """
const fs = require('fs');
const path = require('path');
const f = require(process.argv[1]);
const t = f.currentTarget();
const pkg = JSON.parse(fs.readFileSync(path.join(t.providerDir, 'package.json'), 'utf-8'));
process.stdout.write(JSON.stringify({
  name: t.name, title: t.title, framework: t.framework, providerPackage: t.providerPackage,
  providerDir: t.providerDir, libDir: t.libDir, node: f.nodeFor(t), node22: Boolean(t.node22),
  awsProviderVersion: f.awsProviderVersion(t), bindingVersion: pkg.version,
  bindingNodeEngine: (pkg.engines || {}).node || null,
}));
"""


@functools.lru_cache(maxsize=None)
def matrix_target() -> dict[str, Any]:
    """The matrix entry named by FLAVOUR (default `cdktf`), as scripts/flavours.js defines it."""
    proc = subprocess.run(["node", "-e", _TARGET_JS, str(FLAVOURS_JS)], cwd=REPO,
                          capture_output=True, text=True, timeout=60)
    if proc.returncode != 0:
        errors = [line for line in proc.stderr.splitlines() if line.startswith("Error: ")]
        raise RuntimeError("scripts/flavours.js could not name the matrix entry: "
                           + (errors[0][len("Error: "):] if errors else proc.stderr.strip()))
    return json.loads(proc.stdout)


# --------------------------------------------------------------------------
# Synthesis, and the record of what was synthesized
# --------------------------------------------------------------------------

# Where a run that applies its stacks records every synthesis (DEPLOY_RECORD), so that the runs
# of the other matrix entries can compare their JSON with it (check_same_json.py).
RECORD_ENV = "DEPLOY_RECORD"
_RECORD_LOCK = threading.Lock()


def run_synth(script: Path, outdir: Path, args: list[str], timeout: int = 120) -> dict[str, Any]:
    """Runs one of the suite's synthesis scripts (synth.js, synth_adoption.js, synth_delivery.js)
    with the matrix entry's library on the entry's Node.js, into `outdir`; returns the manifest it
    prints, with the stack's JSON under `config`. With DEPLOY_RECORD set, records the call."""
    target = matrix_target()
    proc = synth_process(target, script, outdir, args, timeout)
    if proc.returncode != 0:
        raise AssertionError(f"{script.name} failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    manifest = json.loads(proc.stdout)
    manifest["config"] = json.loads((Path(manifest["stackDir"]) / "cdk.tf.json").read_text())
    record = os.environ.get(RECORD_ENV)
    if record:
        _record_synth(Path(record), script, outdir, args)
    return manifest


def synth_process(target: dict[str, Any], script: Path, outdir: Path, args: list[str],
                  timeout: int = 120) -> subprocess.CompletedProcess:
    """One run of a synthesis script for a matrix entry (its FLAVOUR and Node.js)."""
    env = dict(os.environ, FLAVOUR=target["name"], JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION="1")
    return subprocess.run([target["node"], str(script), "--outdir", str(outdir), *args],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout)


def _record_synth(record: Path, script: Path, outdir: Path, args: list[str]) -> None:
    """Copies every stack a synthesis wrote into the record, with the call that wrote it:
    <n>.call.json ({script, args, test, stacks}) and <n>.<stack>.tf.json."""
    with _RECORD_LOCK:
        record.mkdir(parents=True, exist_ok=True)
        n = len(list(record.glob("*.call.json"))) + 1
        stacks = sorted(p.parent.name for p in (outdir / "stacks").glob("*/cdk.tf.json"))
        for stack in stacks:
            shutil.copyfile(outdir / "stacks" / stack / "cdk.tf.json", record / f"{n:03d}.{stack}.tf.json")
        call = {"script": script.name, "args": args, "stacks": stacks,
                "test": os.environ.get("PYTEST_CURRENT_TEST", "").rsplit(" (", 1)[0],
                "entry": matrix_target()["name"]}
        (record / f"{n:03d}.call.json").write_text(json.dumps(call, indent=2) + "\n")


def comparable_json(text: str) -> str:
    """A stack's JSON without what may differ between matrix entries that synthesize the same
    resources: the `terraform` block (each entry's provider pin and source, checked per entry by
    `terraform init`) and the top-level `//` comment (the framework's name and version, which
    Terraform never reads). Key order is kept, so equal texts mean byte-equal blocks."""
    doc = json.loads(text)
    doc.pop("terraform", None)
    doc.pop("//", None)
    return json.dumps(doc, indent=2)


def _node_satisfies(version: str, engine: str | None) -> bool | None:
    """Whether a Node.js version (v22.11.0) meets an `engines.node` range of the
    form `>= X.Y.Z` (all the bindings use); None for another form."""
    if not engine:
        return True
    m = re.fullmatch(r"\s*>=\s*(\d+)\.(\d+)\.(\d+)\s*", engine)
    if not m:
        return None
    have = tuple(int(p) for p in version.lstrip("v").split(".")[:3])
    return have >= tuple(int(p) for p in m.groups())


def check_runtime(runtime: dict[str, Any], target: dict[str, Any]) -> None:
    """Asserts that synth.js (its manifest's `runtime`) used the entry's library, framework and
    binding (one copy of each, the instances the library uses, deep imports only) on a Node.js
    the binding supports."""
    assert runtime["flavour"] == target["name"]
    assert runtime["libDir"] == os.path.realpath(target["libDir"])
    assert runtime["framework"]["name"] == target["framework"]
    binding = runtime["binding"]
    assert (binding["name"], binding["version"], binding["dir"], binding["awsProviderVersion"]) == (
        target["providerPackage"], target["bindingVersion"], os.path.realpath(target["providerDir"]),
        target["awsProviderVersion"]), f"synth.js loaded the wrong provider binding: {binding}"
    loaded = runtime["loaded"]
    assert set(loaded) == {target["framework"], "constructs", target["providerPackage"]}, loaded
    duplicated = {name: dirs for name, dirs in loaded.items() if len(dirs) != 1}
    assert not duplicated, f"more than one copy loaded (script and library do not share instances): {duplicated}"
    assert loaded[target["providerPackage"]] == [binding["dir"]]
    assert not runtime["bindingIndexLoaded"], f"the index of {binding['name']} was loaded (deep imports only)"
    ok = _node_satisfies(runtime["node"], target["bindingNodeEngine"])
    if ok is None:
        note(f"engines.node of {binding['name']} is {target['bindingNodeEngine']!r}: not checked")
    assert ok is not False, (
        f"{binding['name']} {binding['version']} needs Node.js {target['bindingNodeEngine']}, synth.js ran on "
        f"{runtime['node']} ({target['node']})" + (
            "; the cdktn entry runs on Node 22 from tools/cdktn: `npx projen tools:cdktn`" if target["node22"] else ""))


def check_provider_pin(config: dict[str, Any], target: dict[str, Any], tf: Any, stack_dir: Path,
                       entry_blocks: Path) -> None:
    """Asserts that a stack's pin is the entry's binding's AWS provider version, with the
    entry's source (as entry_blocks/<entry>.json has it); that the working copy in `stack_dir`
    (written by tf.prepare) kept it when the mirror holds it and was rewritten to the mirror's
    newest otherwise, with a note either way; and that `terraform init` there locked the
    mirror's provider at the version used."""
    requirement = aws_requirement(config)
    assert requirement.get("version") == target["awsProviderVersion"], requirement
    block_file = entry_blocks / f"{target['name']}.json"
    if block_file.is_file():
        expected = json.loads(block_file.read_text())["terraform"]["required_providers"]["aws"]
        assert requirement == expected, f"the stack's AWS provider requirement differs from {block_file}"
    else:
        note(f"{block_file} does not exist: the pin's source ({requirement.get('source')!r}) is not checked")

    pin = tf.pins[stack_dir]
    assert pin.pinned == target["awsProviderVersion"]
    if target["awsProviderVersion"] in tf.mirror.versions:
        assert not pin.rewritten, pin.describe()
    else:
        assert pin.rewritten and pin.used == tf.mirror.newest, pin.describe()
    assert pin.describe() in NOTES

    # The source (`aws` for cdktf, `hashicorp/aws` for cdktn) is the provider the
    # filesystem mirror serves: init locked that provider at the version used.
    address = provider_address(requirement["source"])
    assert address == MIRRORED_PROVIDER, (
        f"source {requirement['source']!r} means {address}; the mirror serves {MIRRORED_PROVIDER}")
    locked = locked_providers(stack_dir)
    assert locked == {address: pin.used}, f".terraform.lock.hcl: {locked}"


# --------------------------------------------------------------------------
# Provider mirror
# --------------------------------------------------------------------------


def terraform_binary() -> str | None:
    """The Terraform CLI: $TERRAFORM if set, else `terraform` on PATH."""
    explicit = os.environ.get("TERRAFORM")
    if explicit:
        return explicit if os.access(explicit, os.X_OK) else None
    return shutil.which("terraform")


def platform_name() -> str:
    machine = platform.machine().lower()
    arch = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(machine, machine)
    return f"{platform.system().lower()}_{arch}"


def mirror_candidates() -> list[Path]:
    """Directories that may hold a Terraform filesystem mirror, in order of preference."""
    roots: list[Path] = []
    env = os.environ.get("TF_PLUGIN_MIRROR")
    if env:
        roots.extend(Path(p) for p in env.split(os.pathsep) if p)
    home = Path.home()
    xdg = Path(os.environ.get("XDG_DATA_HOME", home / ".local" / "share"))
    roots.extend([
        Path("/opt/tf-plugins"),
        home / ".terraform.d" / "plugins",
        xdg / "terraform" / "plugins",
        Path("/usr/local/share/terraform/plugins"),
        Path("/usr/share/terraform/plugins"),
    ])
    seen: list[Path] = []
    for root in roots:
        if root not in seen:
            seen.append(root)
    return seen


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"[.\-+]", version))


def mirror_versions(root: Path, plat: str | None = None) -> list[str]:
    """AWS provider versions for this platform in a mirror (unpacked or packed layout)."""
    plat = plat or platform_name()
    base = root / PROVIDER_HOST / PROVIDER_NAMESPACE / PROVIDER_TYPE
    versions: set[str] = set()
    if not base.is_dir():
        return []
    for entry in base.iterdir():
        # Unpacked layout: <base>/<version>/<os_arch>/terraform-provider-aws_*
        if entry.is_dir() and (entry / plat).is_dir():
            if any(p.name.startswith("terraform-provider-aws") for p in (entry / plat).iterdir()):
                versions.add(entry.name)
        # Packed layout: <base>/terraform-provider-aws_<version>_<os_arch>.zip
        m = re.fullmatch(rf"terraform-provider-aws_(.+)_{re.escape(plat)}\.zip", entry.name)
        if m and entry.is_file():
            versions.add(m.group(1))
    return sorted(versions, key=_version_key)


@dataclass
class Mirror:
    root: Path
    versions: list[str]

    @property
    def newest(self) -> str:
        return self.versions[-1]


def discover_mirror() -> Mirror | None:
    """The first candidate directory holding at least one AWS provider for this platform."""
    for root in mirror_candidates():
        try:
            versions = mirror_versions(root)
        except OSError:
            continue
        if versions:
            return Mirror(root, versions)
    return None


def unpacked_mirror(mirror: Mirror, into: Path, plat: str | None = None) -> Mirror:
    """The mirror in the unpacked layout, which `terraform init` links instead of copying.

    From an unpacked mirror Terraform installs a provider by a symbolic link to the
    mirror's directory: nothing is copied and nothing shared is written, so any number
    of `init`s can run at once. A packed mirror (`terraform-provider-aws_<v>_<os_arch>.zip`)
    would be extracted by every `init` (hundreds of MB each), so its archives for this
    platform are extracted here, once, into `into` (the run's own directory), before any
    Terraform command runs. Versions the mirror holds unpacked are linked from it as they are.
    """
    plat = plat or platform_name()
    base = mirror.root / PROVIDER_HOST / PROVIDER_NAMESPACE / PROVIDER_TYPE
    packed = {v: base / f"terraform-provider-aws_{v}_{plat}.zip" for v in mirror.versions}
    if not any(p.is_file() and not (base / v / plat).is_dir() for v, p in packed.items()):
        return mirror
    import zipfile

    target = into / PROVIDER_HOST / PROVIDER_NAMESPACE / PROVIDER_TYPE
    for version, archive in packed.items():
        destination = target / version / plat
        destination.mkdir(parents=True, exist_ok=True)
        if (base / version / plat).is_dir():
            for item in (base / version / plat).iterdir():
                (destination / item.name).symlink_to(item)
            continue
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                extracted = Path(zf.extract(info, destination))
                mode = (info.external_attr >> 16) & 0o777
                if mode:
                    extracted.chmod(mode)
    return Mirror(into, list(mirror.versions))


def write_cli_config(path: Path, mirror: Mirror) -> Path:
    """A Terraform CLI config that installs the AWS provider from the mirror only.

    It sets no `plugin_cache_dir`: Terraform's plugin cache is not safe for `init`s
    that run at once (two of them writing the same provider into it fail with "file
    exists" or "still not detected in .terraform/providers"), and with an unpacked
    mirror (see `unpacked_mirror`) `init` links the provider, so a cache saves nothing.
    """
    path.write_text(
        "# Written by test/deploy (harness.py); used only by the suite's subprocesses.\n"
        "disable_checkpoint = true\n"
        "provider_installation {\n"
        "  filesystem_mirror {\n"
        f"    path    = {json.dumps(str(mirror.root))}\n"
        f'    include = ["{MIRRORED_PROVIDER}"]\n'
        "  }\n"
        "}\n"
    )
    return path


# --------------------------------------------------------------------------
# Synthesized JSON
# --------------------------------------------------------------------------

@dataclass
class Pin:
    """What happened to a config's AWS provider pin on its way to the working directory."""
    source: str | None
    pinned: str | None
    used: str | None
    mirror: Mirror

    @property
    def rewritten(self) -> bool:
        return self.pinned != self.used

    def describe(self) -> str:
        versions = ", ".join(self.mirror.versions)
        if self.pinned is None:
            return "no terraform.required_providers.aws.version pin: nothing to rewrite"
        if self.rewritten:
            return (f"terraform.required_providers.aws.version rewritten from {self.pinned!r} to {self.used!r} "
                    f"(source {self.source!r}; AWS provider version(s) in the mirror {self.mirror.root}: {versions})")
        return (f"terraform.required_providers.aws.version {self.pinned!r} (source {self.source!r}) is in the "
                f"mirror {self.mirror.root}: no version rewrite")


def aws_requirement(config: dict) -> dict:
    return ((config.get("terraform") or {}).get("required_providers") or {}).get("aws") or {}


def pinned_aws_version(config: dict) -> str | None:
    return aws_requirement(config).get("version")


def prepare_config(config: dict, mirror: Mirror) -> tuple[dict, Pin]:
    """A copy of a synthesized config whose AWS provider pin the mirror can satisfy.

    Returns the copy and what happened to the pin: kept when the mirror holds
    the pinned version (with @cdktf/provider-aws 20.1.0 the pin is 5.100.0),
    else rewritten to the mirror's newest version. The library's own output is
    never modified: callers write the copy into their work directory.
    """
    config = json.loads(json.dumps(config))
    requirement = aws_requirement(config)
    pinned = requirement.get("version")
    pin = Pin(requirement.get("source"), pinned, pinned, mirror)
    if pinned is None or pinned in mirror.versions:
        return config, pin
    config["terraform"]["required_providers"]["aws"]["version"] = mirror.newest
    pin.used = mirror.newest
    return config, pin


def provider_address(source: str) -> str:
    """The full address Terraform gives a `required_providers` source: cdktf writes
    `aws` (namespace hashicorp implied), cdktn `hashicorp/aws`; both name
    registry.terraform.io/hashicorp/aws, the provider the mirror's `include` allows."""
    parts = source.lower().split("/")
    if len(parts) == 1:
        parts = [PROVIDER_NAMESPACE, *parts]
    if len(parts) == 2:
        parts = [PROVIDER_HOST, *parts]
    return "/".join(parts)


def locked_providers(directory: Path) -> dict[str, str]:
    """Provider address -> version from the .terraform.lock.hcl `terraform init` wrote."""
    lock = directory / ".terraform.lock.hcl"
    if not lock.is_file():
        return {}
    return dict(re.findall(r'provider\s+"([^"]+)"\s*\{\s*version\s*=\s*"([^"]+)"', lock.read_text()))


def is_terraform_json(data: Any) -> bool:
    keys = {"resource", "data", "provider", "terraform", "module", "output", "variable", "locals"}
    return isinstance(data, dict) and bool(keys & set(data))


# --------------------------------------------------------------------------
# Terraform runner
# --------------------------------------------------------------------------

class TerraformError(AssertionError):
    pass


@dataclass
class Result:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    @property
    def output(self) -> str:
        return (self.stdout + ("\n" + self.stderr if self.stderr else "")).strip()


@dataclass
class Terraform:
    binary: str
    cli_config: Path
    log: list[str] = field(default_factory=list)
    timeout: int = 600

    def env(self) -> dict[str, str]:
        # None of the runner's Terraform or AWS configuration: no TF_* variable (TF_CLI_ARGS_*,
        # TF_DATA_DIR, TF_PLUGIN_CACHE_DIR, which would bring back a cache shared by concurrent
        # `init`s, ...) and no AWS_* variable (profiles, credential files, endpoint URLs) but
        # those set here; the CLI configuration is the suite's own file.
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "AWS_"))}
        env.update({
            "TF_CLI_CONFIG_FILE": str(self.cli_config),
            "TF_IN_AUTOMATION": "1",
            "TF_INPUT": "0",
            "CHECKPOINT_DISABLE": "1",
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
        })
        return env

    def run(self, cwd: Path, *args: str, ok: Iterable[int] = (0,)) -> Result:
        argv = [self.binary, *args]
        started = time.monotonic()
        proc = subprocess.run(argv, cwd=cwd, env=self.env(), capture_output=True, text=True,
                              timeout=self.timeout, stdin=subprocess.DEVNULL)
        result = Result(argv, proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started)
        self.log.append(f"{result.seconds:6.1f}s  terraform {' '.join(args)}  ({cwd.name}) -> {proc.returncode}")
        if proc.returncode not in ok:
            raise TerraformError(
                f"`terraform {' '.join(args)}` in {cwd} exited {proc.returncode}:\n{result.output}")
        return result

    def init(self, cwd: Path, backend: bool = True) -> Result:
        args = ["init", "-input=false", "-no-color"]
        if not backend:
            args.append("-backend=false")
        return self.run(cwd, *args)

    def validate(self, cwd: Path) -> Result:
        return self.run(cwd, "validate", "-no-color")

    def apply(self, cwd: Path) -> Result:
        return self.run(cwd, "apply", "-auto-approve", "-input=false", "-no-color", "-parallelism=10")

    def plan_changes(self, cwd: Path) -> Result:
        """`plan -detailed-exitcode`: 0 no changes, 2 changes (the caller decides)."""
        return self.run(cwd, "plan", "-detailed-exitcode", "-input=false", "-no-color", "-parallelism=10",
                        ok=(0, 2))

    def destroy(self, cwd: Path) -> Result:
        return self.run(cwd, "destroy", "-auto-approve", "-input=false", "-no-color", "-parallelism=10")

    def outputs(self, cwd: Path) -> dict[str, Any]:
        data = json.loads(self.run(cwd, "output", "-json", "-no-color").stdout or "{}")
        return {k: v.get("value") for k, v in data.items()}


# --------------------------------------------------------------------------
# moto server
# --------------------------------------------------------------------------

def aws_client(service: str, endpoint: str, region: str = "us-east-1"):
    """A boto3 client for `service` on a moto server (fake keys, us-east-1 unless `region`)."""
    import boto3

    return boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing",
                                 region_name=region).client(service, endpoint_url=endpoint)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """In the child: get SIGTERM if the test process dies, even by SIGKILL (Linux)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        PR_SET_PDEATHSIG = 1
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except OSError:
        pass


class MotoServer:
    """moto's server (`moto_server.py`: moto.server with a stand-in for one action it lacks) on
    127.0.0.1 and a free port, in its own process group."""

    def __init__(self, log_path: Path, env: dict[str, str] | None = None):
        self.log_path = log_path
        # Variables added to the server's environment (e.g. MOTO_EVENTS_INVOKE_HTTP), its own only.
        self.env = dict(env or {})
        self.proc: subprocess.Popen | None = None
        self.port: int | None = None

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, attempts: int = 3, timeout: float = 30.0) -> "MotoServer":
        last = ""
        for _ in range(attempts):
            self.port = free_port()
            log = open(self.log_path, "ab")
            self.proc = subprocess.Popen(
                [sys.executable, str(Path(__file__).with_name("moto_server.py")), "-H", "127.0.0.1", "-p", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env={**os.environ, **self.env},
                start_new_session=True, preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
            log.close()
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                        return self
                except OSError:
                    time.sleep(0.2)
            last = self.log_path.read_text(errors="replace")[-2000:]
            self.stop()
        raise RuntimeError(f"moto server did not start; its log ends with:\n{last}")

    def stop(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            return
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=10)


# --------------------------------------------------------------------------
# Comparing DescribeConnection with what was asked
# --------------------------------------------------------------------------

# Values the real EventBridge API never returns in DescribeConnection.
SECRET_FIELDS = {"ApiKeyValue", "Password", "ClientSecret"}
PARAMETER_LISTS = {"HeaderParameters", "QueryStringParameters", "BodyParameters"}


def _empty(value: Any) -> bool:
    return value is None or value == {} or value == []


def compare_auth(expected: Any, actual: Any, path: str = "AuthParameters",
                 notes: list[str] | None = None) -> list[str]:
    """Differences between the expected and returned auth parameters.

    Secret values (ApiKeyValue, Password, ClientSecret, and parameter values
    with IsValueSecret) are compared when the API returns them (moto does;
    AWS does not); their absence is recorded in `notes`, not as a difference.
    Keys the API returns beyond the expected ones must be empty.
    """
    problems: list[str] = []
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{path}: expected an object, got {actual!r}"]
        for key, want in expected.items():
            where = f"{path}.{key}"
            if key in SECRET_FIELDS:
                if key in actual:
                    if actual[key] != want:
                        problems.append(f"{where}: the API returned a different secret value")
                elif notes is not None:
                    notes.append(f"{where}: not returned by the API (secret)")
                continue
            if key not in actual:
                problems.append(f"{where}: missing (expected {want!r})")
                continue
            if key in PARAMETER_LISTS:
                problems.extend(_compare_parameters(want, actual[key], where, notes))
            else:
                problems.extend(compare_auth(want, actual[key], where, notes))
        for key, got in actual.items():
            if key not in expected and not _empty(got):
                problems.append(f"{path}.{key}: unexpected {got!r}")
        return problems
    if expected != actual:
        problems.append(f"{path}: expected {expected!r}, got {actual!r}")
    return problems


def _compare_parameters(expected: list[dict], actual: Any, path: str, notes: list[str] | None) -> list[str]:
    if not isinstance(actual, list):
        return [f"{path}: expected a list, got {actual!r}"]
    problems: list[str] = []
    by_key = {p.get("Key"): p for p in actual}
    if len(by_key) != len(actual):
        problems.append(f"{path}: duplicate keys in {[p.get('Key') for p in actual]}")
    if set(by_key) != {p["Key"] for p in expected}:
        problems.append(f"{path}: keys {sorted(by_key)} != expected {sorted(p['Key'] for p in expected)}")
    for want in expected:
        got = by_key.get(want["Key"])
        if got is None:
            continue
        where = f"{path}[{want['Key']}]"
        if got.get("IsValueSecret", False) != want["IsValueSecret"]:
            problems.append(f"{where}.IsValueSecret: expected {want['IsValueSecret']}, got {got.get('IsValueSecret')!r}")
        if "Value" in got:
            if got["Value"] != want["Value"]:
                problems.append(f"{where}.Value: " + (
                    "the API returned a different secret value" if want["IsValueSecret"]
                    else f"expected {want['Value']!r}, got {got['Value']!r}"))
        elif want["IsValueSecret"]:
            if notes is not None:
                notes.append(f"{where}.Value: not returned by the API (secret)")
        else:
            problems.append(f"{where}.Value: missing (expected {want['Value']!r})")
    return problems


def secret_values(expected: Any) -> list[str]:
    """Every secret value in an expected AuthParameters structure."""
    found: list[str] = []
    if isinstance(expected, dict):
        for key, value in expected.items():
            if key in SECRET_FIELDS:
                found.append(value)
            elif key in PARAMETER_LISTS:
                found.extend(p["Value"] for p in value if p["IsValueSecret"])
            else:
                found.extend(secret_values(value))
    return found


def main(argv: list[str]) -> int:
    if argv[1:] == ["discover-mirror"]:
        mirror = discover_mirror()
        if mirror is None:
            return 1
        print(f"{mirror.root} {' '.join(mirror.versions)}")
        return 0
    if argv[1:] == ["target"]:
        try:
            print(json.dumps(matrix_target()))
        except RuntimeError as e:
            print(e, file=sys.stderr)
            return 2
        return 0
    print("usage: harness.py discover-mirror | target", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
