"""The Pages workflow: what it runs, what it may do, and what it deploys."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path

import pytest

from publish.workflow import (
    PAGES_WORKFLOW,
    all_steps,
    commands,
    git,
    load_workflow,
    readme_test_command,
    step_using,
    workflow_files,
)

SHA_PIN = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
# `uses: owner/repo@<40 hex> # v1.2.3` on one line, as Dependabot keeps it.
PINNED_LINE = re.compile(r"uses:\s*(?P<ref>\S+@[0-9a-f]{40})\s+#\s*v\d+(?:\.\d+){0,2}\s*$")
DEPLOY_ONLY_FROM_MAIN = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


@pytest.fixture(scope="module")
def workflow() -> dict:
    return load_workflow()


def _build_step(workflow: dict) -> tuple[str, dict]:
    found = [(job, step) for job, step in all_steps(workflow)
             if any(re.search(r"\bmkdocs build\b", line) for line in commands(step))]
    assert len(found) == 1, f"expected one step running `mkdocs build`, found {len(found)}"
    return found[0]


def _step_index(workflow: dict, job_id: str, step: dict) -> int:
    return workflow["jobs"][job_id]["steps"].index(step)


def test_triggers_are_pull_requests_and_pushes_to_main(workflow):
    assert "pull_request" in workflow["on"]
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert "pull_request_target" not in workflow["on"]


def test_runs_the_readme_test_command_before_building(workflow):
    command = readme_test_command()
    runs = [(job, step) for job, step in all_steps(workflow) if command in commands(step)]
    assert runs, f"no step runs the README's test command {command!r}"
    build_job, build = _build_step(workflow)
    assert any(job == build_job and _step_index(workflow, job, step) < _step_index(workflow, build_job, build)
               for job, step in runs), "the tests must run before the site is built, in the same job"


def test_build_step_builds_strict_for_the_pages_address(workflow, tmp_path):
    """Run the build step's own script with a stand-in mkdocs that records how
    it was called, for a project site, a root site and a pull request."""
    job_id, step = _build_step(workflow)
    _, configure = step_using(workflow, "actions/configure-pages")
    base_url_expr = "${{ steps.%s.outputs.base_url }}" % configure["id"]
    url_vars = [name for name, value in step.get("env", {}).items() if value == base_url_expr]
    assert url_vars, f"the build step takes no env var from {base_url_expr}"

    record = tmp_path / "mkdocs-call.json"
    mkdocs = tmp_path / ".venv" / "bin" / "mkdocs"
    mkdocs.parent.mkdir(parents=True)
    mkdocs.write_text(
        "#!/usr/bin/env python3\nimport json, os, sys\n"
        f"json.dump({{'argv': sys.argv[1:], 'SITE_URL': os.environ.get('SITE_URL'),"
        f" 'SOURCE_DATE_EPOCH': os.environ.get('SOURCE_DATE_EPOCH')}}, open({str(record)!r}, 'w'))\n"
    )
    mkdocs.chmod(0o755)
    script = tmp_path / "build-step.sh"
    script.write_text(step["run"])
    git_dir = git("rev-parse", "--absolute-git-dir")
    commit_time = git("log", "-1", "--format=%ct")

    def run_step(base_url: str) -> dict:
        env = {key: value for key, value in os.environ.items() if key not in ("SITE_URL", "SOURCE_DATE_EPOCH")}
        env.update({k: str(v) for k, v in workflow["jobs"][job_id].get("env", {}).items()})
        env.update({name: base_url for name in url_vars})
        env["GIT_DIR"] = git_dir
        record.unlink(missing_ok=True)
        # GitHub runs `run:` scripts with this exact bash command line.
        subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                       cwd=tmp_path, env=env, check=True)
        return json.loads(record.read_text())

    project = run_step("https://octo.github.io/study-notes")
    assert project["argv"][0] == "build" and "--strict" in project["argv"]
    assert project["SITE_URL"] == "https://octo.github.io/study-notes/"
    assert project["SOURCE_DATE_EPOCH"] == commit_time

    assert run_step("https://notes.example.org")["SITE_URL"] == "https://notes.example.org/"
    # Pull requests skip configure-pages and build for mkdocs.yml's default.
    assert run_step("")["SITE_URL"] is None

    # The uploaded folder is the one the build wrote.
    argv = project["argv"]
    site_dir = argv[argv.index("--site-dir") + 1]
    upload_job, upload = step_using(workflow, "actions/upload-pages-artifact")
    assert upload_job == job_id and upload["with"]["path"] == site_dir
    assert _step_index(workflow, job_id, upload) > _step_index(workflow, job_id, step)


def test_no_expression_is_pasted_into_a_shell_script(workflow):
    for job, step in all_steps(workflow):
        assert "${{" not in step.get("run", ""), f"{job}: pass expressions through env:, not into run:"


def test_permissions_are_least_privilege(workflow):
    assert workflow["permissions"] == {}
    jobs = workflow["jobs"]
    assert set(jobs) == {"build", "deploy"}
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_every_action_is_pinned_to_a_commit_with_its_version(workflow):
    for path in workflow_files():
        parsed = [step["uses"] for _, step in all_steps(load_workflow(path)) if "uses" in step]
        parsed += [job["uses"] for job in load_workflow(path)["jobs"].values() if "uses" in job]
        for ref in parsed:
            assert SHA_PIN.match(ref), f"{path.name}: {ref} is not pinned to a full commit SHA"
        lines = [line for line in path.read_text(encoding="utf-8").splitlines()
                 if re.match(r"\s*(-\s+)?uses:", line)]
        assert len(lines) == len(parsed)
        for line in lines:
            assert PINNED_LINE.search(line), f"{path.name}: no '# vX.Y.Z' comment after the SHA: {line.strip()}"
    assert parsed, "the Pages workflow uses no action at all"


def test_checkout_keeps_no_token_and_fetches_full_history(workflow):
    checkouts = [step for _, step in all_steps(workflow) if step.get("uses", "").startswith("actions/checkout@")]
    assert checkouts
    for step in checkouts:
        assert step.get("with", {}).get("persist-credentials") is False
        # A shallow clone gives every page the newest commit's date, so the
        # site would differ from a build of a full clone of the same commit.
        assert step["with"].get("fetch-depth") == 0


def test_deploys_main_with_the_pages_actions(workflow):
    text = PAGES_WORKFLOW.read_text(encoding="utf-8")
    assert "gh-deploy" not in text
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["if"] == DEPLOY_ONLY_FROM_MAIN
    job_id, step = step_using(workflow, "actions/deploy-pages")
    assert job_id == "deploy"
    assert deploy["environment"] == {
        "name": "github-pages",
        "url": "${{ steps.%s.outputs.page_url }}" % step["id"],
    }
    # Reading the Pages address and uploading happen only when deploying.
    for action in ("actions/configure-pages", "actions/upload-pages-artifact"):
        assert step_using(workflow, action)[1]["if"] == DEPLOY_ONLY_FROM_MAIN


def test_deployments_queue_instead_of_cancelling(workflow):
    concurrency = workflow["concurrency"]
    assert concurrency["cancel-in-progress"] is False
    assert "'pages'" in concurrency["group"] or concurrency["group"] == "pages"


def test_python_and_browser_match_the_runner(workflow):
    _, setup_python = step_using(workflow, "actions/setup-python")
    assert str(setup_python["with"]["python-version"]) == "3.11"
    browser = workflow["jobs"]["build"]["env"]["CHROMIUM_PATH"]
    # GitHub's Ubuntu images ship Google Chrome; apt's chromium there is a snap stub.
    assert Path(browser).name.startswith("google-chrome")
