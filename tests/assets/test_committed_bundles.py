"""The committed script bundles are what their build makes from the locked
packages: `node scripts/build-bundles.mjs NAME` gives the same bytes, and the
banner names the package version the lock file holds, with its licence."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "scripts" / "build-bundles.mjs"


def _node() -> str:
    node = shutil.which("node")
    assert node, "node is needed to rebuild the bundles (scripts/setup installs the npm tools)"
    return node


def _bundles() -> dict:
    listed = subprocess.run([_node(), str(BUILD), "--list"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60, check=True)
    return json.loads(listed.stdout)


BUNDLES = _bundles()


def test_every_bundle_is_listed():
    assert set(BUNDLES) == {"review", "search-tolerance", "service-worker", "site-scripts"}


@pytest.mark.parametrize("name", sorted(BUNDLES))
def test_bundle_is_rebuilt_byte_for_byte(tmp_path, name):
    committed = ROOT / BUNDLES[name]["out"]
    out = tmp_path / committed.name
    result = subprocess.run([_node(), str(BUILD), name, str(out)], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == committed.read_bytes(), (
        f"{committed.relative_to(ROOT)} is not what `node scripts/build-bundles.mjs {name}` builds; "
        "run it and commit the result")


@pytest.mark.parametrize("name", sorted(name for name, spec in BUNDLES.items() if "package" in spec))
def test_bundle_tools_are_locked(name):
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    bundled = BUNDLES[name]["package"]
    for tool in (bundled, "esbuild"):
        version = package["devDependencies"][tool]
        assert lock["packages"][f"node_modules/{tool}"]["version"] == version, tool
    head = (ROOT / BUNDLES[name]["out"]).read_text(encoding="utf-8")[:2000]
    assert f"{bundled} {package['devDependencies'][bundled]}" in head and "MIT License" in head
