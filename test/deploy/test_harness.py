"""The harness's own logic that needs no Terraform run: the mirror layouts and the
CLI config that keeps concurrent `terraform init`s from sharing anything they write."""
from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

import harness

BASE = Path(harness.PROVIDER_HOST) / harness.PROVIDER_NAMESPACE / harness.PROVIDER_TYPE
PLAT = "linux_amd64"


def packed_mirror(root: Path, version: str) -> harness.Mirror:
    archive = root / BASE / f"terraform-provider-aws_{version}_{PLAT}.zip"
    archive.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(archive, "w") as zf:
        binary = zipfile.ZipInfo(f"terraform-provider-aws_v{version}_x5")
        binary.external_attr = (stat.S_IFREG | 0o755) << 16
        zf.writestr(binary, "#!/bin/sh\n")
        zf.writestr("LICENSE.txt", "license\n")
    return harness.Mirror(root, harness.mirror_versions(root, PLAT))


def test_an_unpacked_mirror_is_used_as_it_is(tmp_path):
    plugin = tmp_path / "mirror" / BASE / "5.100.0" / PLAT / "terraform-provider-aws_v5.100.0_x5"
    plugin.parent.mkdir(parents=True)
    plugin.write_text("#!/bin/sh\n")
    mirror = harness.Mirror(tmp_path / "mirror", harness.mirror_versions(tmp_path / "mirror", PLAT))
    assert mirror.versions == ["5.100.0"]
    assert harness.unpacked_mirror(mirror, tmp_path / "run", PLAT) is mirror
    assert not (tmp_path / "run").exists()


def test_a_packed_mirror_is_unpacked_once_into_the_run_directory(tmp_path):
    mirror = packed_mirror(tmp_path / "mirror", "5.100.0")
    assert mirror.versions == ["5.100.0"]
    unpacked = harness.unpacked_mirror(mirror, tmp_path / "run", PLAT)
    assert unpacked.root == tmp_path / "run"
    assert unpacked.versions == ["5.100.0"]
    binary = tmp_path / "run" / BASE / "5.100.0" / PLAT / "terraform-provider-aws_v5.100.0_x5"
    assert binary.read_text() == "#!/bin/sh\n"
    assert os.access(binary, os.X_OK), "the provider binary keeps its executable bit"
    # Terraform reads the result as an unpacked mirror of the same versions.
    assert harness.mirror_versions(unpacked.root, PLAT) == ["5.100.0"]


def test_a_mixed_mirror_links_the_unpacked_versions_and_unpacks_the_others(tmp_path):
    mirror_root = tmp_path / "mirror"
    packed_mirror(mirror_root, "5.99.0")
    unpacked_plugin = mirror_root / BASE / "5.100.0" / PLAT / "terraform-provider-aws_v5.100.0_x5"
    unpacked_plugin.parent.mkdir(parents=True)
    unpacked_plugin.write_text("#!/bin/sh\n")
    mirror = harness.Mirror(mirror_root, harness.mirror_versions(mirror_root, PLAT))
    assert mirror.versions == ["5.99.0", "5.100.0"]
    unpacked = harness.unpacked_mirror(mirror, tmp_path / "run", PLAT)
    linked = tmp_path / "run" / BASE / "5.100.0" / PLAT / unpacked_plugin.name
    assert linked.is_symlink() and linked.resolve() == unpacked_plugin.resolve()
    assert (tmp_path / "run" / BASE / "5.99.0" / PLAT / "terraform-provider-aws_v5.99.0_x5").is_file()
    assert harness.mirror_versions(unpacked.root, PLAT) == ["5.99.0", "5.100.0"]


def test_the_cli_config_has_a_mirror_and_no_plugin_cache(tmp_path):
    config = harness.write_cli_config(tmp_path / "terraform.tfrc", harness.Mirror(tmp_path / "m", ["5.100.0"])).read_text()
    assert "plugin_cache_dir" not in config
    assert f'path    = "{tmp_path / "m"}"' in config
    assert f'include = ["{harness.MIRRORED_PROVIDER}"]' in config


def test_terraform_runs_without_a_plugin_cache_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("TF_PLUGIN_CACHE_DIR", str(tmp_path / "shared-cache"))
    env = harness.Terraform("terraform", tmp_path / "terraform.tfrc").env()
    assert "TF_PLUGIN_CACHE_DIR" not in env
    assert env["TF_CLI_CONFIG_FILE"] == str(tmp_path / "terraform.tfrc")
