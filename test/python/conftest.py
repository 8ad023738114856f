"""Shared helpers of the Python suite. Run it with `bash test/python/run.sh`."""
import json
import os
import subprocess
import sys
from pathlib import Path


def _silence_node_version_banners() -> None:
    """Keep the jsii runtime's Node.js support banners out of the test output.

    Must run before the first jsii import starts the Node.js runtime. The end-of-life
    banner is silenced per major version (a comma-separated list), the others by any value.
    """
    os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")
    os.environ.setdefault("JSII_SILENCE_WARNING_UNTESTED_NODE_VERSION", "1")
    if "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION" not in os.environ:
        try:
            major = subprocess.run(["node", "-p", "process.versions.node.split('.')[0]"],
                                   capture_output=True, text=True, check=True).stdout.strip()
            os.environ["JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION"] = major
        except (OSError, subprocess.CalledProcessError):
            pass


_silence_node_version_banners()

import pytest  # noqa: E402
from cdktf import Testing, TerraformStack  # noqa: E402
from cdktf_cdktf_provider_aws.provider import AwsProvider  # noqa: E402

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))


@pytest.fixture
def stack() -> TerraformStack:
    """A fresh stack with the default AWS provider, like the TypeScript tests' `newStack()`."""
    s = TerraformStack(Testing.app(), "test")
    AwsProvider(s, "aws", region="us-east-1")
    return s


def synth_json(stack: TerraformStack) -> dict:
    """The stack's synthesized Terraform JSON, parsed."""
    return json.loads(Testing.synth(stack))


def connections(stack: TerraformStack) -> dict:
    """The stack's aws_cloudwatch_event_connection resources, by logical id."""
    return synth_json(stack)["resource"]["aws_cloudwatch_event_connection"]


def only_connection(stack: TerraformStack) -> dict:
    """The stack's one aws_cloudwatch_event_connection resource block."""
    found = connections(stack)
    assert len(found) == 1, found
    return next(iter(found.values()))


def warnings(construct) -> list:
    """The warning annotations (cdktf `Annotations.of(x).addWarning`) on a construct."""
    return [entry.data for entry in construct.node.metadata if entry.type == "@cdktf/warn"]
