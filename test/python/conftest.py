"""Shared helpers of the Python suite. Run it with `bash test/python/run.sh` (FLAVOUR=cdktn for cdktn).

One suite, two flavours. The tests are written once, in the cdktf vocabulary:
`from cdktf import ...`, `from cdktf_cdktf_provider_aws.provider import AwsProvider`,
`from cdktf_eventbridge_connection import ...`. Under FLAVOUR=cdktn this file installs an
import alias (flavour.ModuleAlias, a `sys.meta_path` finder) before anything imports those
names, mapping them and all their submodules to the cdktn flavour's modules:

    cdktf                          -> cdktn
    cdktf_cdktf_provider_aws(.x)   -> cdktn_provider_aws(.x)
    cdktf_eventbridge_connection   -> cdktn_eventbridge_connection

`import cdktf_eventbridge_connection` then gives the real `cdktn_eventbridge_connection`
module object (its `__name__` and `__file__` are cdktn's), installed from the cdktn wheel in
dist/cdktn/python. The jest suite does the same with `moduleNameMapper`
(scripts/run-jest.js); test_flavour.py proves the modules loaded are the flavour's own.
The names come from scripts/flavours.js. What differs per flavour beyond module names (the
`terraform` block of the fixtures, module names in messages) is read from flavour.py.
"""
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(HERE))

import flavour  # noqa: E402


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
# Before the first import of cdktf, cdktf_cdktf_provider_aws or cdktf_eventbridge_connection.
flavour.install_alias()

import pytest  # noqa: E402
from cdktf import Testing, TerraformStack  # noqa: E402

from stacks import new_stack  # noqa: E402


@pytest.fixture
def stack() -> TerraformStack:
    """A fresh stack "test" with the default AWS provider in us-east-1 (`stacks.new_stack()`)."""
    return new_stack()


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
    """The warning annotations (cdktf `Annotations.of(x).addWarning`) on a construct.

    cdktn 0.24 keeps cdktf's metadata type `@cdktf/warn` (cdktn/lib/annotations.js), so
    this holds for both flavours; test_flavour.py checks it against each framework.
    """
    return [entry.data for entry in construct.node.metadata if entry.type == "@cdktf/warn"]
