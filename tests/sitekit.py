"""What the tests share besides fixtures: where things are, how the site is
built, how it is served, and how Chromium is started. (A module of its own,
not conftest.py, so `from sitekit import …` means the same file everywhere.)"""
from __future__ import annotations

import functools
import http.server
import logging
import os
import socket
import socketserver
import subprocess
import sys
import threading
import traceback
import typing
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA = ROOT / "data"
TERMS_FILE = DATA / "terms.yml"
"""The site's term list, as devconcepts-glossary reads it."""
DIAGRAMS_DIR = DATA / "diagrams"


def read_config(path: Path) -> dict:
    """A mkdocs.yml's plain settings; its `!ENV` and `!!python` tags become
    None (nothing here needs them)."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) or {}


def _site_locales() -> tuple[str, ...]:
    """The languages mkdocs.yml builds, the default first (its i18n plugin's
    `languages`), read as the plugins read them: from mkdocs.yml only."""
    plugins = read_config(ROOT / "mkdocs.yml")["plugins"]
    i18n = next(entry["i18n"] for entry in plugins if isinstance(entry, dict) and "i18n" in entry)
    languages = sorted(i18n["languages"], key=lambda language: not language.get("default"))
    return tuple(language["locale"] for language in languages)


LOCALES = _site_locales()
"""The site's languages, the default first."""

# GitHub's runners have no Debian Chromium; the workflow points this at the
# browser they do have.
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Every name but the test server's fails at once: the tests read only
    # 127.0.0.1, and a machine's resolver may take seconds to give up on a
    # name that a page asks for (a web font), holding its `load`.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]


BUILD_LOG = "DEVCONCEPTS_BUILD_LOG"
"""Environment variable naming the file where a test run notes each build of
the whole site (conftest.py prints the count at the end of the run)."""
MAX_WHOLE_SITE_BUILDS = 8
"""Whole-site builds a full run may make: each costs seconds of the suite."""


@functools.lru_cache(maxsize=1)
def _real_pages() -> frozenset[str]:
    return frozenset(path.relative_to(DOCS).as_posix() for path in DOCS.rglob("*.md"))


def _docs_dir(config: Path) -> Path:
    """The docs folder a config builds (`docs_dir`, relative to the config)."""
    return (config.parent / (read_config(config).get("docs_dir") or "docs")).resolve()


def note_build(docs_dir: Path, site_dir: Path) -> None:
    """Note a build in the run's log when it builds every page of the real
    site (the site itself, or a copy of it)."""
    log = os.environ.get(BUILD_LOG)
    if not log or not docs_dir.is_dir():
        return
    pages = {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md")}
    if _real_pages() <= pages:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{site_dir}\n")


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
    (quality.gzip_server) instead of a plain static server."""

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


def build_site(site_dir: Path, *, site_url: str = "http://127.0.0.1:8000/", config: Path | None = None,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build with `mkdocs build --strict`, the way CI and the workflow do.

    A small site of a test's own (`config`) is built in this process with
    MkDocs' `build()` (see `build_in_process`); the real site, or a build that
    needs its own environment, runs `mkdocs build` as a separate process."""
    if config is not None and extra_env is None:
        return build_in_process(site_dir, config)
    note_build(_docs_dir(config) if config is not None else DOCS, site_dir)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(extra_env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)



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


class _Records(logging.Handler):
    """Keeps MkDocs' warnings and errors as `mkdocs build` prints them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname:<8}-  {record.getMessage()}")


def build_in_process(site_dir: Path, config: Path, *, strict: bool = True, command: str = "build",
                     **settings) -> subprocess.CompletedProcess:
    """Build `config` with MkDocs' own `build()` in this process, as
    mkdocs-static-i18n's tests do: the same events as `mkdocs build --strict`
    (`command="serve"`: as the first build of `mkdocs serve`), without starting
    Python and importing the theme again. The result reads like the command's:
    returncode 0 or 1, and stderr with the WARNING/ERROR lines and the reason
    it stopped (a traceback for an unexpected exception)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, BuildError, ConfigurationError

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    records = _Records()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(records)
    returncode, stopped = 0, ""
    try:
        loaded = load_config(str(config), site_dir=str(site_dir), strict=strict, **settings)
        note_build(Path(loaded.docs_dir), site_dir)
        loaded.plugins.on_startup(command=command, dirty=False)
        try:
            build(loaded)
        finally:
            loaded.plugins.on_shutdown()
    except (Abort, BuildError, ConfigurationError) as error:
        returncode, stopped = 1, f"{error}"
    except Exception:  # what the command would print as a traceback
        returncode, stopped = 1, traceback.format_exc()
    finally:
        logger.removeHandler(records)
    stderr = "\n".join(records.lines + ([stopped] if stopped else [])) + "\n"
    return subprocess.CompletedProcess(["mkdocs.commands.build.build", str(config)], returncode, "", stderr)

class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class LocalServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    """A threaded HTTP server on 127.0.0.1 for a test's browser."""

    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A browser that moves on closes its connections mid-response.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def mount_path(mount: str) -> str:
    """A sub-path as URLs hold it: "/" or "/REPO/"."""
    return "/" + mount.strip("/") + "/" if mount.strip("/") else "/"


def local_server(handler, listener: socket.socket | None = None) -> LocalServer:
    """A LocalServer for `handler` on a free port, or on `listener`, a socket
    bound (and listening) already."""
    if listener is None:
        return LocalServer(("127.0.0.1", 0), handler)
    server = LocalServer(listener.getsockname(), handler, bind_and_activate=False)
    server.socket.close()
    server.socket = listener
    server.server_activate()
    return server


def serve_directory(directory: Path, mount: str = "/", *,
                    listener: socket.socket | None = None) -> tuple[LocalServer, str]:
    """Serve `directory` at http://127.0.0.1:PORT{mount}; returns (server, base URL).
    `listener`: serve on that bound socket instead of a free port.

    A non-root mount serves the directory under that sub-path only, the way
    GitHub Pages serves a project site under /REPO/."""
    mount = mount_path(mount)
    if mount == "/":
        root = directory
    else:
        root = Path(directory).parent / f".mount-{os.getpid()}-{id(directory)}"
        target = root / mount.strip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.exists() or target.is_symlink():
            target.unlink()
        target.symlink_to(directory, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = local_server(handler, listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


SEED = ROOT / "seed" / "notes.txt"
"""The source notes the Korean pages mirror, kept in the repository so a
fresh clone on any machine can run the tests."""
