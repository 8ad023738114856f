"""Shared helpers of the Python suite. Run it with `bash test/python/run.sh`."""
import json
import os
import sys
from pathlib import Path

# Before the first jsii import starts the Node.js runtime: keep its banner out of the output.
os.environ.setdefault("JSII_SILENCE_WARNING_DEPRECATED_NODE_VERSION", "1")

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
