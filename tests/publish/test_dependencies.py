"""Hash-locked installs: the lock covers requirements.in exactly, every
package in it carries hashes, scripts/setup installs with --require-hashes,
and Dependabot keeps the lock and the pinned actions current."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from devconcepts_testkit import ROOT
from publish.workflow import DEPENDABOT

REQUIREMENT = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[^\s;\\]+)")


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _locked() -> dict[str, tuple[str, list[str]]]:
    """requirements.txt as {name: (version, hashes)}."""
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    entries = {}
    for entry in re.sub(r"\\\n", " ", text).splitlines():
        entry = entry.split("#", 1)[0].strip()
        if not entry:
            continue
        match = REQUIREMENT.match(entry)
        assert match, f"requirements.txt: not an exact pin: {entry}"
        entries[_normal(match["name"])] = (match["version"], re.findall(r"--hash=sha256:([0-9a-f]{64})", entry))
    return entries


def test_every_locked_package_has_hashes():
    locked = _locked()
    assert locked
    missing = sorted(name for name, (_, hashes) in locked.items() if not hashes)
    assert missing == [], f"no --hash for {missing}; re-run scripts/lock"


def test_lock_matches_requirements_in():
    locked = _locked()
    for line in (ROOT / "requirements.in").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        match = REQUIREMENT.match(line)
        assert match, f"requirements.in: pin exactly with ==: {line}"
        name = _normal(match["name"])
        assert name in locked, f"{name} is not in requirements.txt; run scripts/lock"
        assert locked[name][0] == match["version"], f"{name}: requirements.txt is stale; run scripts/lock"


def test_dependabot_updates_python_packages_and_actions():
    config = yaml.safe_load(DEPENDABOT.read_text(encoding="utf-8"))
    assert config["version"] == 2
    ecosystems = {(update["package-ecosystem"], update["directory"]) for update in config["updates"]}
    assert {("pip", "/"), ("github-actions", "/")} <= ecosystems


def _fake_tools(bin_dir: Path, log: Path) -> None:
    """Stand-ins that log their arguments: dpkg-query reports nothing
    installed, apt-get and sudo succeed, python3 -m venv makes nothing."""
    for name, body in {
        "dpkg-query": "exit 1",
        "apt-get": f'echo "apt-get $*" >> {log}',
        "sudo": '"$@"',
        "python3": f'echo "python3 $*" >> {log}',
        "npm": f'echo "npm $*" >> {log}',
    }.items():
        tool = bin_dir / name
        tool.write_text(f"#!/bin/sh\n{body}\n")
        tool.chmod(0o755)


@pytest.fixture
def run_setup(tmp_path):
    """Run a copy of scripts/setup in an empty project with stand-in tools;
    returns the logged commands."""
    project = tmp_path / "project"
    (project / "scripts").mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "setup", project / "scripts" / "setup")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    log = tmp_path / "log"
    _fake_tools(bin_dir, log)
    venv_python = project / ".venv" / "bin" / "python"
    venv_python.parent.mkdir(parents=True)
    venv_python.write_text(f'#!/bin/sh\necho "venv-python $*" >> {log}\n')
    venv_python.chmod(0o755)

    def run(chromium_path: str | None) -> list[str]:
        env = {key: value for key, value in os.environ.items() if key != "CHROMIUM_PATH"}
        env["PATH"] = f"{bin_dir}:/usr/bin:/bin"
        if chromium_path is not None:
            env["CHROMIUM_PATH"] = chromium_path
        log.unlink(missing_ok=True)
        subprocess.run(["bash", str(project / "scripts" / "setup")], env=env, check=True,
                       capture_output=True, text=True)
        return log.read_text().splitlines()

    return run, tmp_path


def _apt_installs(lines: list[str]) -> list[str]:
    return [word for line in lines if line.startswith("apt-get ") and " install " in line
            for word in line.split() if not word.startswith("-") and word not in ("apt-get", "install")]


def test_setup_installs_locked_requirements_with_hashes_and_the_package_without_deps(run_setup):
    run, _ = run_setup
    pip_calls = [line for line in run(None) if line.startswith("venv-python -m pip install")]
    assert any("--require-hashes" in call and "-r requirements.txt" in call for call in pip_calls), pip_calls
    own = [call for call in pip_calls if call.endswith(" -e .")]
    assert own and all("--no-deps" in call for call in own), pip_calls
    # Nothing else is installed from an index without hashes.
    for call in pip_calls:
        assert "--require-hashes" in call or "--no-deps" in call or "pip>=" in call, call


def test_setup_installs_debian_chromium_by_default(run_setup):
    run, _ = run_setup
    installs = _apt_installs(run(None))
    assert {"chromium", "fonts-nanum", "poppler-utils"} <= set(installs)
    assert "chromium" in _apt_installs(run("/nonexistent/chrome"))


def test_setup_uses_the_browser_at_chromium_path(run_setup):
    run, tmp_path = run_setup
    browser = tmp_path / "google-chrome"
    browser.write_text("#!/bin/sh\n")
    browser.chmod(0o755)
    installs = _apt_installs(run(str(browser)))
    assert "chromium" not in installs
    # The font and the PDF tools still come from apt.
    assert {"fonts-nanum", "poppler-utils"} <= set(installs)
