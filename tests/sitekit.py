"""What only the tests share besides fixtures: where the test data is, the
site's languages, and builds shared by every pytest-xdist worker. (A module
of its own, not conftest.py, so `from sitekit import …` means the same file
everywhere.) What the benchmarks use too (the project's paths, building,
serving, Chromium) is devconcepts_testkit (src/devconcepts_testkit/)."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import typing
from pathlib import Path

from devconcepts_testkit import ROOT, build_site, read_config
from devconcepts_testkit.serving import mount_path

DATA = ROOT / "data"
TERMS_FILE = DATA / "terms.yml"
"""The site's term list, as devconcepts-glossary reads it."""
DIAGRAMS_DIR = DATA / "diagrams"


def _site_locales() -> tuple[str, ...]:
    """The languages mkdocs.yml builds, the default first (its i18n plugin's
    `languages`), read as the plugins read them: from mkdocs.yml only."""
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    i18n = next(entry["i18n"] for entry in plugins if isinstance(entry, dict) and "i18n" in entry)
    languages = sorted(i18n["languages"], key=lambda language: not language.get("default"))
    return tuple(language["locale"] for language in languages)


LOCALES = _site_locales()
"""The site's languages, the default first."""

MAX_WHOLE_SITE_BUILDS = 8
"""Whole-site builds a full run may make: each costs seconds of the suite."""


def shared_build(tmp_path_factory, name: str, build) -> tuple[Path, subprocess.CompletedProcess]:
    """(folder, result) of `build(folder)`, run once for the whole test run:
    under pytest-xdist each worker's session fixtures run on their own, so
    the first worker to ask builds in a folder every worker sees, holding a
    lock, and the others wait for it and read what it kept. The built site
    is read, never changed, by the tests that share it."""
    import fcntl
    import json

    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # the run's folder, above each worker's own
    folder, kept = root / f"shared-{name}", root / f"shared-{name}.json"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if kept.is_file():
                found = json.loads(kept.read_text(encoding="utf-8"))
                return folder, subprocess.CompletedProcess(found["args"], found["returncode"], "", found["stderr"])
            folder.mkdir(exist_ok=True)
            result = build(folder)
            kept.write_text(json.dumps({"args": [str(arg) for arg in result.args], "returncode": result.returncode,
                                        "stderr": result.stderr}), encoding="utf-8")
            return folder, result
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


RUN_PID = "DEVCONCEPTS_TEST_RUN_PID"
"""Environment variable with the id of the run's controlling pytest process
(conftest.py sets it; the workers inherit it): a server that a shared build
starts (`shared_served_build`) serves until that process is gone."""


class SharedSite(typing.NamedTuple):
    """A site built once for the whole run and served at the address it was
    built for, for as long as the run lasts (`shared_served_build`)."""

    site_dir: Path
    result: subprocess.CompletedProcess
    base_url: str
    """Where the site is served, and the site_url it is built for."""


class RunServer(typing.NamedTuple):
    """The server of a shared build (`shared_served_build`), which serves
    until the run ends."""

    base_url: str


def shared_served_build(tmp_path_factory, name: str, build, *, mount: str = "/",
                        pages: bool = False) -> SharedSite:
    """A site built by `build(site_dir, base_url)` once for the whole run (as
    `shared_build`), for the address it is then served at: its canonical and
    hreflang links hold the port, so the builder binds a free port first and,
    after a good build, hands the listening socket to a server process of its
    own (tests/run_server.py), which every worker's tests share until the run
    ends. The port stays bound from before the build until then, so no other
    program can take it meanwhile. `mount`: the sub-path the site is served
    under (serve_directory's); `pages`: answer as GitHub Pages does
    (devconcepts_testkit.gzip_server) instead of a plain static server."""

    def build_and_serve(folder: Path) -> subprocess.CompletedProcess:
        listener = socket.socket()
        try:
            listener.bind(("127.0.0.1", 0))
            # Listening already: a request that comes before the server
            # process accepts waits in the queue instead of being refused.
            listener.listen(128)
            base = f"http://127.0.0.1:{listener.getsockname()[1]}{mount_path(mount)}"
            (folder / "address").write_text(base, encoding="utf-8")
            result = build(folder / "site", base)
            if result.returncode == 0:
                _serve_for_run(listener, folder, mount, pages)
            return result
        finally:
            listener.close()

    folder, result = shared_build(tmp_path_factory, name, build_and_serve)
    return SharedSite(folder / "site", result, (folder / "address").read_text(encoding="utf-8"))


def _serve_for_run(listener: socket.socket, folder: Path, mount: str, pages: bool) -> None:
    """Start tests/run_server.py on `listener` for folder/site, detached from
    this worker (which may finish before the others do)."""
    command = [sys.executable, str(Path(__file__).with_name("run_server.py")), str(listener.fileno()),
               str(folder / "site"), mount, os.environ.get(RUN_PID) or str(os.getpid())]
    if pages:
        command.append("--pages")
    with open(folder / "server.log", "ab") as log:
        subprocess.Popen(command, pass_fds=(listener.fileno(),), stdin=subprocess.DEVNULL, stdout=log,
                         stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)


PROJECT_REPO = "study-notes"
"""Stand-in repository name of the project-site build: GitHub Pages serves a
project site under /REPO/ (https://USER.github.io/study-notes/)."""
FIXED_EPOCH = 981173106
"""SOURCE_DATE_EPOCH of the project-site build: 2001-02-03T04:05:06Z, surely
not the day the test runs."""


def project_caches(site_dir: Path) -> Path:
    """The folder of the caches the project-site build keeps (its
    DEVCONCEPTS_CACHE_ROOT), beside the site."""
    return site_dir.parent / "caches"


def build_project_site(site_dir: Path, base: str) -> subprocess.CompletedProcess:
    """The real site built for `base`, a project site's address (under
    /PROJECT_REPO/), from no kept cache (an empty folder of its own, as on a
    fresh clone) and with its dates from FIXED_EPOCH, in a process of its own
    (its own clock): what tests/publish/test_reproducible.py builds again."""
    from devconcepts.core.cache_files import ROOT_VARIABLE

    caches = project_caches(site_dir)
    caches.mkdir(parents=True, exist_ok=True)
    return build_site(site_dir, site_url=base,
                      extra_env={"SOURCE_DATE_EPOCH": str(FIXED_EPOCH), ROOT_VARIABLE: str(caches)})


SEED = ROOT / "seed" / "notes.txt"
"""The source notes the Korean pages mirror, kept in the repository so a
fresh clone on any machine can run the tests."""
