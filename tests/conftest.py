"""Shared fixtures: the real site built once per session, a local HTTP server
for it, and real headless Chromium driven by Playwright."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socketserver
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

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
]


def build_site(site_dir: Path, *, site_url: str = "http://127.0.0.1:8000/", config: Path | None = None,
               extra_env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Build with `mkdocs build --strict`, the way CI and the workflow do."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url, **(extra_env or {})}
    cmd = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)]
    if config is not None:
        cmd += ["--config-file", str(config)]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict; a failed build fails every user."""
    site_dir = tmp_path_factory.mktemp("site")
    result = build_site(site_dir)
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    return site_dir


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def serve_directory(directory: Path, mount: str = "/") -> tuple[_Server, str]:
    """Serve `directory` at http://127.0.0.1:PORT{mount}; returns (server, base URL).

    A non-root mount serves the directory under that sub-path only, the way
    GitHub Pages serves a project site under /REPO/."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
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
    server = _Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{mount}"


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """Base URL of the real site served on 127.0.0.1 (ends with '/')."""
    server, base = serve_directory(site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    """Real headless Chromium. Never skipped: a missing browser is a failure."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM_PATH).exists() and not shutil.which(CHROMIUM_PATH):
        pytest.fail(f"Chromium not found at {CHROMIUM_PATH}; run scripts/setup or set CHROMIUM_PATH",
                    pytrace=False)
    with sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


SEED = ROOT / "seed" / "notes.txt"
"""The source notes the Korean pages mirror (a copy of ../shared/seed/, kept in
the repository so a fresh clone on any machine can run the tests)."""
