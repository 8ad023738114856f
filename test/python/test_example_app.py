"""examples/python: the app runs as the cdktf CLI runs it and synthesizes what its README says.

The example is written in the cdktf vocabulary, like the tests. For another flavour it runs
with the same import alias as the suite (flavour.py), installed by a small bootstrap before
main.py runs as `__main__`; for cdktf it runs exactly as the CLI runs it. (The cdktn CLI
sets the same CDKTF_OUTDIR, and cdktn 0.24's App reads it.)
"""
import json
import os
import subprocess
import sys

import pytest

import flavour
from conftest import HERE, REPO

EXAMPLE = REPO / "examples" / "python"


def example_command() -> list:
    """`python main.py`; for a flavour other than cdktf, with the import alias installed first."""
    if not flavour.ALIASES:
        return [sys.executable, "main.py"]
    bootstrap = "; ".join([
        "import runpy, sys",
        f"sys.path.append({str(HERE)!r})",
        "import flavour",
        "flavour.install_alias()",
        "sys.argv = ['main.py']",
        "runpy.run_path('main.py', run_name='__main__')",
    ])
    return [sys.executable, "-c", bootstrap]


@pytest.fixture(scope="module")
def synthesized(tmp_path_factory):
    """Runs `python main.py` in examples/python as `cdktf synth` does: CDKTF_OUTDIR set."""
    outdir = tmp_path_factory.mktemp("cdktf.out")
    result = subprocess.run(example_command(), cwd=EXAMPLE, env={**os.environ, "CDKTF_OUTDIR": str(outdir)},
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return outdir, result


@pytest.fixture(scope="module")
def document(synthesized):
    outdir, _ = synthesized
    return json.loads((outdir / "stacks" / "webhooks" / "cdk.tf.json").read_text(encoding="utf-8"))


def test_cdktf_json_runs_main_py_with_the_virtualenv_python():
    config = json.loads((EXAMPLE / "cdktf.json").read_text(encoding="utf-8"))
    assert config["language"] == "python"
    assert config["app"] == ".venv/bin/python main.py"


def test_writes_the_stack_and_manifest_into_cdktf_outdir(synthesized):
    outdir, result = synthesized
    assert (outdir / "manifest.json").is_file()
    assert (outdir / "stacks" / "webhooks" / "cdk.tf.json").is_file()
    assert "Error" not in result.stderr


def test_has_one_connection_of_each_authorization_type(document):
    found = document["resource"]["aws_cloudwatch_event_connection"]
    assert len(found) == 3
    by_type = {block["authorization_type"]: block for block in found.values()}
    assert set(by_type) == {"API_KEY", "BASIC", "OAUTH_CLIENT_CREDENTIALS"}
    assert by_type["API_KEY"]["name"] == "payments-webhook"
    assert by_type["BASIC"]["name"] == "webhooks-Fulfilment"
    assert by_type["OAUTH_CLIENT_CREDENTIALS"]["name"] == "crm"


def test_reads_secrets_at_plan_time(document):
    data = document["data"]
    assert sorted(block["secret_id"] for block in data["aws_secretsmanager_secret_version"].values()) == [
        "shop/crm", "shop/payments"]
    assert [block["name"] for block in data["aws_ssm_parameter"].values()] == ["/shop/fulfilment/password"]
    assert document["variable"]["crm_client_secret"]["sensitive"] is True


def secret_values(document):
    """Every value the connections hold as a secret."""
    for block in document["resource"]["aws_cloudwatch_event_connection"].values():
        auth = block["auth_parameters"]
        if "api_key" in auth:
            yield auth["api_key"]["value"]
        if "basic" in auth:
            yield auth["basic"]["password"]
        if "oauth" in auth:
            yield auth["oauth"]["client_parameters"]["client_secret"]
        for parameters in (auth.get("invocation_http_parameters", {}),
                           auth.get("oauth", {}).get("oauth_http_parameters", {})):
            for entries in parameters.values():
                yield from (entry["value"] for entry in entries if entry["is_value_secret"])


def test_no_secret_literal(document):
    values = list(secret_values(document))
    assert len(values) == 4
    for value in values:
        assert value.startswith("${") and value.endswith("}"), value


def test_outputs_the_connection_arns(document):
    assert sorted(document["output"]) == ["CrmArn", "FulfilmentArn", "PaymentsArn"]


def test_uses_the_provider_binding_of_this_flavour(document):
    """The child ran with this flavour's binding: its provider pin is the flavour's reviewed one."""
    reviewed = json.loads((REPO / "test" / "fixtures" / "expected" / "terraform" / f"{flavour.NAME}.json")
                          .read_text(encoding="utf-8"))
    assert document["terraform"]["required_providers"] == reviewed["terraform"]["required_providers"]
