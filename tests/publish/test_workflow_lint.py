"""Static checks of the workflows and the Dependabot config: zizmor's security
audits (strictest persona, offline) and actionlint with ShellCheck."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from devconcepts_testkit import ROOT
from publish.workflow import DEPENDABOT, workflow_files

BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    path = BIN / name
    if not path.exists():
        pytest.fail(f"{name} is not installed in the virtual environment; run scripts/setup", pytrace=False)
    return str(path)


def _relative(paths: list[Path]) -> list[str]:
    return [str(path.relative_to(ROOT)) for path in paths]


def _where(location: dict) -> str:
    """file:line of a zizmor JSON location."""
    path = location["symbolic"]["key"]["Local"]["verbatim_path"]
    return f"{path}:{location['concrete']['location']['start_point']['row'] + 1}"


def test_workflows_exist():
    assert workflow_files(), "no workflow under .github/workflows"


def test_zizmor_finds_nothing():
    inputs = _relative([*workflow_files(), DEPENDABOT])
    result = subprocess.run(
        # --offline: no GitHub API here (nor needed: every action is pinned).
        # The pedantic persona reports everything the regular one does and more.
        [_tool("zizmor"), "--offline", "--no-progress", "--persona", "pedantic",
         "--format", "json", "--", *inputs],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.stdout.strip(), f"zizmor printed no report:\n{result.stderr}"
    findings = json.loads(result.stdout)
    summary = [f"{_where(f['locations'][0])}: {f['ident']}: {f['desc']}" for f in findings]
    assert findings == [], "\n".join(summary)
    assert result.returncode == 0, result.stderr
    # Every input was audited, not skipped.
    for name in inputs:
        assert f"completed {name}" in result.stderr, result.stderr


def test_actionlint_finds_nothing():
    shellcheck = shutil.which("shellcheck")
    if shellcheck is None:
        pytest.fail("shellcheck is missing, so actionlint would skip the run: scripts; run scripts/setup",
                    pytrace=False)
    result = subprocess.run(
        [_tool("actionlint"), "-no-color", "-format", "{{json .}}", f"-shellcheck={shellcheck}",
         "-pyflakes=", *_relative(workflow_files())],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.stdout.strip(), f"actionlint printed no report:\n{result.stderr}"
    problems = json.loads(result.stdout)
    assert problems == [], "\n".join(f"{p['filepath']}:{p['line']}: {p['message']}" for p in problems)
    assert result.returncode == 0, result.stderr
