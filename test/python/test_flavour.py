"""The modules this run tests are the flavour's own.

The suite is written with the cdktf names (`cdktf`, `cdktf_cdktf_provider_aws`,
`cdktf_eventbridge_connection`); under FLAVOUR=cdktn conftest.py's import alias maps them
to cdktn's. These tests make sure the alias cannot silently test the wrong thing: each
name gives the flavour's real module (its `__name__`, its file inside the flavour's installed
distribution), the library is byte for byte the flavour's wheel, and the library's own type
hints are the very classes the tests use.
"""
import importlib
import importlib.metadata as metadata
import os
import subprocess
import sys
import typing
import zipfile
from pathlib import Path

import pytest
from cdktf import Annotations, TerraformVariable

import cdktf_eventbridge_connection as lib
import flavour
from conftest import warnings

#: What each flavour maps, written out here independently of scripts/flavours.js.
EXPECTED_ALIASES = {
    "cdktf": {},
    "cdktn": {
        "cdktf": "cdktn",
        "cdktf_cdktf_provider_aws": "cdktn_provider_aws",
        "cdktf_eventbridge_connection": "cdktn_eventbridge_connection",
    },
}
EXPECTED_DISTRIBUTIONS = {
    "cdktf": {"framework": "cdktf", "provider": "cdktf-cdktf-provider-aws", "library": "cdktf-eventbridge-connection"},
    "cdktn": {"framework": "cdktn", "provider": "cdktn-provider-aws", "library": "cdktn-eventbridge-connection"},
}

#: (name in the tests, the distribution that must have installed the module it gives)
MODULES = [
    ("cdktf", "framework"),
    ("cdktf_cdktf_provider_aws", "provider"),
    ("cdktf_cdktf_provider_aws.provider", "provider"),
    ("cdktf_cdktf_provider_aws.cloudwatch_event_connection", "provider"),
    ("cdktf_eventbridge_connection", "library"),
]


def real_name(name: str) -> str:
    """The module a name in the tests must give in this flavour, by EXPECTED_ALIASES."""
    top, dot, rest = name.partition(".")
    return EXPECTED_ALIASES[flavour.NAME].get(top, top) + dot + rest


def test_the_alias_is_installed_exactly_for_another_flavour():
    assert flavour.ALIASES == EXPECTED_ALIASES[flavour.NAME]
    alias = flavour.installed_alias()
    if flavour.ALIASES:
        assert alias is not None and alias.aliases == flavour.ALIASES
    else:
        assert alias is None


@pytest.mark.parametrize("name, kind", MODULES, ids=[m[0] for m in MODULES])
def test_each_name_gives_the_flavours_own_module(name, kind):
    module = importlib.import_module(name)
    real = real_name(name)
    assert module.__name__ == real
    # One module object under both names, not a second copy of it.
    assert sys.modules[name] is module is importlib.import_module(real)
    dist = metadata.distribution(EXPECTED_DISTRIBUTIONS[flavour.NAME][kind])
    installed = {Path(dist.locate_file(file)).resolve() for file in dist.files}
    assert Path(module.__file__).resolve() in installed


def test_the_library_is_the_wheel_of_this_flavour():
    wheels = sorted(flavour.WHEEL_DIR.glob(f"{flavour.LIBRARY}-*.whl"))
    assert len(wheels) == 1, wheels
    with zipfile.ZipFile(wheels[0]) as wheel:
        assert Path(lib.__file__).read_bytes() == wheel.read(f"{flavour.LIBRARY}/__init__.py")
    assert metadata.distribution(flavour.LIBRARY_DIST).metadata["Name"] == flavour.LIBRARY_DIST


def test_the_jsii_assembly_is_this_flavours():
    jsii_module = importlib.import_module(f"{lib.__name__}._jsii")
    assert jsii_module.__jsii_assembly__.name == flavour.ASSEMBLY


def test_the_library_takes_the_classes_the_tests_use():
    hints = typing.get_type_hints(lib.SecretValue.from_terraform_variable)
    assert hints["variable"] is TerraformVariable
    assert TerraformVariable.__module__ == flavour.FRAMEWORK


@pytest.mark.skipif(not flavour.ALIASES, reason="cdktf: the names in the tests are the real packages")
def test_no_package_of_the_aliased_names_is_installed():
    """Nothing could be imported from a real `cdktf` or cdktf-flavoured library by mistake."""
    for dist in EXPECTED_DISTRIBUTIONS["cdktf"].values():
        with pytest.raises(metadata.PackageNotFoundError):
            metadata.distribution(dist)


def test_warnings_reads_the_warning_type_of_this_framework(stack):
    Annotations.of(stack).add_warning("from the framework itself")
    assert warnings(stack) == ["from the framework itself"]


@pytest.mark.skipif(not (flavour.WANTS_NODE22 and flavour.NODE22),
                    reason="only the cdktn runs use Node.js 22, and only when tools/cdktn is installed")
def test_the_jsii_runtime_starts_node_22():
    # jsii's Python runtime starts $JSII_NODE or `node` from PATH; run.sh puts tools/cdktn's Node.js 22 first.
    node = os.environ.get("JSII_NODE", "node")
    version = subprocess.run([node, "-p", "process.versions.node"], capture_output=True, text=True,
                             check=True).stdout.strip()
    assert tuple(int(part) for part in version.split(".")) >= (22, 11, 0), version
