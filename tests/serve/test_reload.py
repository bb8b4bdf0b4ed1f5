"""`mkdocs serve` shows an edit of the site's data (the term list, a diagram)
on the next rebuild: data/ is watched, and nothing read from it is kept for
the whole process."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from devconcepts_testkit import ROOT, note_build

pytestmark = pytest.mark.slow

COPIED = ["docs", "data", "overrides", "seed", "mkdocs.yml", ".cache"]
"""What a site needs beside the installed package (.cache only saves time)."""
SHOWN_WITHIN = 15.0
"""Seconds from saving a file to seeing the change in the served page. The
marks are Latin: a new Korean word would also load the Korean analyser's
model for the search index, which is not what these tests are about."""
STARTS_WITHIN = 300.0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, OSError):
        return None


def _wait_for(url: str, seen, within: float) -> str | None:
    """The page at `url` once `seen(page)` holds, or None after `within` seconds."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        page = _get(url)
        if page is not None and seen(page):
            return page
        time.sleep(0.25)
    return None


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(project copy, base URL) of `mkdocs serve` running on a copy of the repository."""
    project = tmp_path_factory.mktemp("serve")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name)
        elif source.is_file():
            shutil.copyfile(source, project / name)
    port = _free_port()
    base = f"http://127.0.0.1:{port}/"
    # The server's first build is a build of the whole site.
    note_build(project / "docs", project / "site")
    log = (project / "serve.log").open("w", encoding="utf-8")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": base},
    )
    try:
        if _wait_for(base, lambda page: True, STARTS_WITHIN) is None:
            pytest.fail(f"mkdocs serve did not start:\n{(project / 'serve.log').read_text(encoding='utf-8')[-3000:]}",
                        pytrace=False)
        yield project, base
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            # How it shuts down is not under test, and after SIGINT it can
            # take many seconds to.
            server.wait(timeout=3)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} is not once in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _log(project: Path) -> str:
    return (project / "serve.log").read_text(encoding="utf-8")[-3000:]


def test_an_edited_definition_shows_on_the_glossary(served):
    project, base = served
    terms = project / "data" / "terms.yml"
    definition = yaml.safe_load(terms.read_text(encoding="utf-8"))[0]["definitions"]["ko"].strip()
    marker = "serve-reload-definition-mark"
    assert marker not in (_get(base + "glossary/") or "")
    _edit(terms, f"ko: {definition}\n", f"ko: {marker} {definition}\n")
    page = _wait_for(base + "glossary/", lambda page: marker in page, SHOWN_WITHIN)
    assert page is not None, f"the edit did not show within {SHOWN_WITHIN} s:\n{_log(project)}"


def test_an_edited_diagram_label_shows_on_its_page(served):
    project, base = served
    diagram = project / "data" / "diagrams" / "kubernetes-cluster.yml"
    node = yaml.safe_load(diagram.read_text(encoding="utf-8"))["nodes"][0]
    marker = "serve-reload-label-mark"
    assert marker not in (_get(base + "kubernetes-cluster/") or "")
    _edit(diagram, f"label: {{ko: [{node['label']['ko'][0]},", f"label: {{ko: [{marker},")
    page = _wait_for(base + "kubernetes-cluster/", lambda page: marker in page, SHOWN_WITHIN)
    assert page is not None, f"the edit did not show within {SHOWN_WITHIN} s:\n{_log(project)}"
