"""The fixture stacks, built in Python, against the reviewed files the TypeScript suite uses.

One source of truth: test/fixtures/expected/<name>.json is written (and
reviewed) from the TypeScript fixtures; the Python twins in fixtures.py must
synthesize to the very same bytes.

Those files are the whole stack for FLAVOUR=cdktf. Another flavour synthesizes the same
stack but for the `terraform` block, which pins the AWS provider its binding was generated
from (cdktn also writes the source as `hashicorp/aws`): that block is kept per matrix entry
in expected/terraform/<entry>.json, and the whole stack an entry must synthesize is the
shared fixture with that block in place of its own, as in test/fixtures.test.ts. Those
files are written and reviewed from the TypeScript suite (UPDATE_FIXTURES=1, see there).
"""
import json
import re

import pytest
from cdktf import Testing

import flavour
from conftest import REPO
from fixtures import FIXTURES

EXPECTED = REPO / "test" / "fixtures" / "expected"
TERRAFORM_BLOCK = EXPECTED / "terraform" / f"{flavour.NAME}.json"


def to_json(document) -> str:
    """`JSON.stringify(document, null, 2) + "\\n"`: how the TypeScript suite writes the fixtures."""
    return json.dumps(document, indent=2, separators=(",", ": "), ensure_ascii=False) + "\n"


def expected_stack(name: str) -> str:
    """The reviewed whole stack this flavour must synthesize, as text."""
    shared = (EXPECTED / f"{name}.json").read_text(encoding="utf-8")
    if flavour.NAME == "cdktf":
        return shared
    block = json.loads(TERRAFORM_BLOCK.read_text(encoding="utf-8"))["terraform"]
    # The block replaced in place: the keys keep the shared fixture's order.
    return to_json({**json.loads(shared), "terraform": block})


def test_every_expected_file_has_a_python_fixture():
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == sorted(FIXTURES)


def test_this_flavour_has_a_reviewed_terraform_block():
    assert TERRAFORM_BLOCK.is_file(), f"{TERRAFORM_BLOCK} is missing: write it from the TypeScript suite"
    assert set(json.loads(TERRAFORM_BLOCK.read_text(encoding="utf-8"))) == {"terraform"}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_the_shared_fixture_is_written_as_the_typescript_suite_writes_it(name):
    # What makes expected_stack()'s re-serialization byte-exact for the other flavours.
    text = (EXPECTED / f"{name}.json").read_text(encoding="utf-8")
    assert to_json(json.loads(text)) == text


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_synthesizes_the_reviewed_terraform_json(name):
    synthesized = Testing.synth(FIXTURES[name](Testing.app()))
    assert synthesized + "\n" == expected_stack(name)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_is_valid_terraform_json_with_no_secret_literal(name):
    synthesized = Testing.synth(FIXTURES[name](Testing.app()))
    assert json.loads(synthesized)
    # Fixtures only use secret sources that keep the secret out of cdk.tf.json.
    assert not re.search(r'"(password|client_secret)": "[^$]', synthesized)
