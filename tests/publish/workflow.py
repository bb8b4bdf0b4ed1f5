"""Read the Pages workflow, and the README's test command it must run."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import yaml

from devconcepts_testkit import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
PAGES_WORKFLOW = WORKFLOWS / "pages.yml"
LINKS_WORKFLOW = WORKFLOWS / "links.yml"
DEPENDABOT = ROOT / ".github" / "dependabot.yml"
README = ROOT / "README.md"

_FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.S | re.M)


def workflow_files() -> list[Path]:
    return sorted([*WORKFLOWS.glob("*.yml"), *WORKFLOWS.glob("*.yaml")])


def load_workflow(path: Path = PAGES_WORKFLOW) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the bare key `on` as the boolean true.
    if True in data:
        data["on"] = data.pop(True)
    return data


def readme_test_command() -> str:
    """The command in the first fenced block after README's "Run every test"."""
    text = README.read_text(encoding="utf-8")
    start = text.find("Run every test")
    if start < 0:
        raise LookupError("README.md has no 'Run every test' paragraph")
    block = _FENCE.search(text, start)
    if block is None:
        raise LookupError("README.md has no fenced block after 'Run every test'")
    lines = [line.strip() for line in block.group(1).splitlines() if line.strip()]
    if len(lines) != 1:
        raise LookupError(f"expected one command after 'Run every test', found {lines}")
    return lines[0]


def all_steps(workflow: dict) -> list[tuple[str, dict]]:
    """(job id, step) for every step of every job, in file order."""
    return [(job_id, step) for job_id, job in workflow["jobs"].items() for step in job.get("steps", [])]


def commands(step: dict) -> list[str]:
    """The shell lines of a `run:` step, without blank and comment lines."""
    lines = (line.strip() for line in step.get("run", "").splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def step_using(workflow: dict, action: str) -> tuple[str, dict]:
    """The one step that uses `action` (owner/name), with its job id."""
    found = [(job_id, step) for job_id, step in all_steps(workflow)
             if step.get("uses", "").split("@")[0] == action]
    if len(found) != 1:
        raise LookupError(f"expected one step using {action}, found {len(found)}")
    return found[0]


def git(*args: str) -> str:
    """Output of a read-only git command in the repository (a git checkout,
    as in CI and on GitHub's runners)."""
    result = subprocess.run(["git", "-C", str(ROOT), *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(f"git {' '.join(args)} failed (not a git checkout?): {result.stderr.strip()}")
    return result.stdout.strip()
