"""The fixture stacks, built in Python, against the reviewed files the TypeScript suite uses.

One source of truth: test/fixtures/expected/<name>.json is written (and
reviewed) from the TypeScript fixtures; the Python twins in fixtures.py must
synthesize to the very same bytes.
"""
import json
import re

import pytest
from cdktf import Testing

from conftest import REPO
from fixtures import FIXTURES

EXPECTED = REPO / "test" / "fixtures" / "expected"


def test_every_expected_file_has_a_python_fixture():
    assert sorted(p.stem for p in EXPECTED.glob("*.json")) == sorted(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_synthesizes_the_reviewed_terraform_json(name):
    synthesized = Testing.synth(FIXTURES[name](Testing.app()))
    expected = (EXPECTED / f"{name}.json").read_text(encoding="utf-8")
    assert synthesized + "\n" == expected


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_is_valid_terraform_json_with_no_secret_literal(name):
    synthesized = Testing.synth(FIXTURES[name](Testing.app()))
    assert json.loads(synthesized)
    # Fixtures only use secret sources that keep the secret out of cdk.tf.json.
    assert not re.search(r'"(password|client_secret)": "[^$]', synthesized)
