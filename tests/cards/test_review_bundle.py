"""The committed review app is what its build makes from the locked
packages: rebuilding it with esbuild from package-lock.json's ts-fsrs and
review.mjs gives the same bytes."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "overrides/assets/javascripts/review.js"
BUILD = ROOT / "scripts/build-review.mjs"


def test_bundle_is_rebuilt_byte_for_byte(tmp_path):
    node = shutil.which("node")
    assert node, "node is needed to rebuild the bundle (scripts/setup installs the npm tools)"
    out = tmp_path / "review.js"
    result = subprocess.run([node, str(BUILD), str(out)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == BUNDLE.read_bytes(), (
        f"{BUNDLE.relative_to(ROOT)} is not what `node {BUILD.relative_to(ROOT)}` builds; run it and commit the result")


def test_bundle_tools_are_locked():
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    for name in ("ts-fsrs", "esbuild"):
        version = package["devDependencies"][name]
        assert lock["packages"][f"node_modules/{name}"]["version"] == version, name
    # The banner names the ts-fsrs version the bundle includes, with its licence.
    head = BUNDLE.read_text(encoding="utf-8")[:2000]
    assert f"ts-fsrs {package['devDependencies']['ts-fsrs']}" in head and "MIT License" in head
