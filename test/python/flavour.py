"""The test-matrix entry this Python run is for, and the import alias that runs the suite on it.

The entry is named by the environment variable FLAVOUR (default `cdktf`) and described by
scripts/flavours.js, the one place that knows the flavours: this module reads it with
`node` (already needed by the jsii runtime) instead of keeping a second copy of the names.

The tests are written once, in the cdktf vocabulary: `cdktf`, `cdktf_cdktf_provider_aws`,
`cdktf_eventbridge_connection`. For another flavour, `install_alias()` makes those names
import the flavour's own modules (see `ModuleAlias`).

A plain module with no pytest in it: test_example_app.py's child process imports it too.
"""
import importlib
import importlib.abc
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Dict, Optional

REPO = Path(__file__).resolve().parents[2]


def _read_flavours() -> dict:
    """`currentTarget()` of scripts/flavours.js, the cdktf names, the entries with a Python suite
    and the Node.js 22 of tools/cdktn (`node22()`)."""
    script = (
        "const f = require(process.argv[1]);"
        "process.stdout.write(JSON.stringify({"
        "  target: f.currentTarget(),"
        "  vocabulary: f.FLAVOURS.cdktf,"
        "  pythonTargets: Object.keys(f.TARGETS).filter((name) => f.TARGETS[name].wheelDir),"
        "  node22: f.node22() || null,"
        "}))"
    )
    try:
        result = subprocess.run(["node", "-e", script, str(REPO / "scripts" / "flavours.js")],
                                capture_output=True, text=True, check=False)
    except OSError as error:
        raise RuntimeError(f"cannot run node to read scripts/flavours.js: {error}") from error
    if result.returncode != 0:
        raise RuntimeError(f"scripts/flavours.js: {result.stderr.strip()}")
    return json.loads(result.stdout)


_FLAVOURS = _read_flavours()

#: The matrix entry (scripts/flavours.js `currentTarget()`): name, flavour, pythonModule, ...
TARGET: dict = _FLAVOURS["target"]
if "wheelDir" not in TARGET:
    raise RuntimeError(f"FLAVOUR={TARGET['name']} is not a Python target: the Python suite runs for "
                       f"{', '.join(_FLAVOURS['pythonTargets'])} (FLAVOUR=<name> bash test/python/run.sh)")

#: The entry's name: `cdktf` or `cdktn`.
NAME: str = TARGET["name"]
#: The library's Python module, framework module and provider binding module of this flavour.
LIBRARY: str = TARGET["pythonModule"]
FRAMEWORK: str = TARGET["pythonCore"]
PROVIDER: str = TARGET["pythonProvider"]
#: The library's PyPI distribution and jsii assembly (npm) name.
LIBRARY_DIST: str = TARGET["pythonDist"]
ASSEMBLY: str = TARGET["npmName"]
#: Where run.sh takes the library's wheel from.
WHEEL_DIR = Path(TARGET["wheelDir"])
#: Whether the entry runs on Node.js 22 (cdktn: @cdktn/provider-aws asks for Node >= 22.11), and
#: that Node.js binary from tools/cdktn when installed (run.sh puts it first on PATH).
WANTS_NODE22: bool = bool(TARGET.get("node22"))
NODE22: Optional[str] = _FLAVOURS["node22"]

_VOCABULARY: dict = _FLAVOURS["vocabulary"]

#: The module names the tests are written with, mapped to this flavour's (empty for cdktf).
ALIASES: Dict[str, str] = {
    _VOCABULARY[key]: TARGET[key]
    for key in ("pythonCore", "pythonProvider", "pythonModule")
    if _VOCABULARY[key] != TARGET[key]
}


def distribution_of(module: str) -> str:
    """The PyPI distribution that installs a top-level module of this flavour.

    jsii names it after the module (`cdktn_provider_aws` -> `cdktn-provider-aws`,
    `cdktf_cdktf_provider_aws` -> `cdktf-cdktf-provider-aws`).
    """
    return module.replace("_", "-")


class ModuleAlias(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Imports the module names in `aliases`, and their submodules, as other, real modules.

    With `{"cdktf": "cdktn"}`, `import cdktf` and `from cdktf.x import y` import `cdktn` and
    `cdktn.x`, and `sys.modules["cdktf"]` is the `cdktn` module object itself: no copy and no
    wrapper, so classes, `isinstance`, jsii's type registry and `__name__`/`__file__` are
    the real module's. Installed first on `sys.meta_path`, so an installed package of the
    aliased name could not win either.
    """

    def __init__(self, aliases: Dict[str, str]) -> None:
        self.aliases = dict(aliases)

    def real_name(self, fullname: str) -> Optional[str]:
        """The real module behind `fullname`, or None when it is not aliased."""
        top, dot, rest = fullname.partition(".")
        real = self.aliases.get(top)
        return None if real is None else real + dot + rest

    def find_spec(self, fullname, path=None, target=None):
        if self.real_name(fullname) is None:
            return None
        return importlib.util.spec_from_loader(fullname, self)

    def create_module(self, spec):
        # The real module, imported under its own name; importlib stores it under the alias
        # too and leaves its attributes (__name__, __spec__, __path__, __file__) alone.
        return importlib.import_module(self.real_name(spec.name))

    def exec_module(self, module) -> None:
        """Nothing to run: the real import ran the module."""


def installed_alias() -> Optional[ModuleAlias]:
    """The alias `install_alias()` put on `sys.meta_path`, if any."""
    return next((finder for finder in sys.meta_path if isinstance(finder, ModuleAlias)), None)


def install_alias() -> Optional[ModuleAlias]:
    """Maps the cdktf vocabulary to this flavour's modules; nothing to do for cdktf.

    Call it before anything imports `cdktf`, `cdktf_cdktf_provider_aws` or
    `cdktf_eventbridge_connection`: a name already imported keeps what it was imported as.
    """
    if not ALIASES:
        return None
    early = sorted(name for name in sys.modules if name.partition(".")[0] in ALIASES)
    if early and installed_alias() is None:
        raise RuntimeError(f"imported before the {NAME} import alias was installed: {', '.join(early)}")
    finder = installed_alias()
    if finder is None:
        finder = ModuleAlias(ALIASES)
        sys.meta_path.insert(0, finder)
    return finder

