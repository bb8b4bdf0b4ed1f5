"""Shared fixtures: the real site built once per session, a local HTTP server
for it, and real headless Chromium driven by Playwright."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from devconcepts_testkit import BUILD_LOG, CHROMIUM_ARGS, CHROMIUM_PATH, GzipSiteServer, build_site, serve_directory
from sitekit import (MAX_WHOLE_SITE_BUILDS, PROJECT_REPO, RUN_PID, RunServer, SharedSite, build_project_site,
                     shared_served_build)


_BUILD_LOG_KEY = pytest.StashKey[tuple]()


def pytest_configure(config):
    # The controlling process names the log before its workers start: they
    # inherit the environment, and each build they make is noted in it. A
    # log named from outside is kept after the run (the site folder of each
    # build, to see which tests built).
    if hasattr(config, "workerinput"):
        return
    # The servers of the run's shared builds serve while this process lives.
    os.environ[RUN_PID] = str(os.getpid())
    if BUILD_LOG in os.environ:
        config.stash[_BUILD_LOG_KEY] = (Path(os.environ[BUILD_LOG]), False)
        return
    handle, path = tempfile.mkstemp(prefix="whole-site-builds-", suffix=".txt")
    os.close(handle)
    os.environ[BUILD_LOG] = path
    config.stash[_BUILD_LOG_KEY] = (Path(path), True)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    path, ours = config.stash.get(_BUILD_LOG_KEY, (None, False))
    if path is None:
        return
    builds = path.read_text(encoding="utf-8").splitlines() if path.is_file() else []
    if ours:
        path.unlink(missing_ok=True)
    terminalreporter.write_line(f"whole-site builds in this run: {len(builds)} "
                                f"(a full run may make at most {MAX_WHOLE_SITE_BUILDS})")


@pytest.fixture(scope="session")
def site_build(tmp_path_factory) -> SharedSite:
    """(site directory, finished `mkdocs build --strict`, base URL) of the
    real site, built once per run for every test (and every worker) that
    needs it, for the address where the run's Pages-like server serves it
    (the build's site_url: canonical, hreflang and Open Graph URLs start
    with it). `served_site` is that server; `site_url` serves the same files
    on a plain server of each worker's own."""
    return shared_served_build(tmp_path_factory, "site", lambda site_dir, base: build_site(site_dir, site_url=base),
                               pages=True)


@pytest.fixture(scope="session")
def site(site_build) -> Path:
    """The real site, built once with --strict; a failed build fails every user."""
    if site_build.result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{site_build.result.stderr}", pytrace=False)
    return site_build.site_dir


@pytest.fixture(scope="session")
def site_url(site) -> str:
    """Base URL of the real site served on 127.0.0.1 (ends with '/'), by a
    plain static server of this worker's own: not the address the site is
    built for (`site_build.base_url`)."""
    server, base = serve_directory(site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def project_site(tmp_path_factory) -> SharedSite:
    """(site directory, finished build, base URL) of the real site as GitHub
    Pages serves a project site: built once per run for
    http://127.0.0.1:PORT/study-notes/ and served under /study-notes/ only,
    by a plain server every worker shares. The build starts with no kept
    cache and dates from FIXED_EPOCH (sitekit.build_project_site): it is
    also the first of the reproducibility test's two builds."""
    shared = shared_served_build(tmp_path_factory, "project-site", build_project_site, mount=f"/{PROJECT_REPO}/")
    if shared.result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{shared.result.stderr}", pytrace=False)
    return shared


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


SLOW_FIXTURES = {"site_build", "site", "site_url", "browser", "served_site", "fixture_site", "project_site"}
"""Session fixtures that build a whole site (the real one, or the print
fixture's copy of it), serve one, or start Chromium."""


LONGEST_FIRST = (
    "quality/test_page_states.py", "quality/test_lighthouse.py", "publish/test_subpath.py",
    "csp/test_sweep_browser.py", "reading/test_phone_reading.py", "reading/test_keyboard.py",
    "cards/test_review_quality.py",
)
"""The test files that take longest (a minute or more each, measured with
`bash scripts/test --durations=60`). They start first, so that the workers of
scripts/test do not end on one of them while the other workers sit idle."""


def pytest_collection_modifyitems(config, items):
    """`slow` for every test that needs a slow fixture above (directly or
    through another fixture) or a browser; the rest are the fast tier
    (`pytest -m "not slow"`). Tests slow for another reason say so themselves.
    The files in LONGEST_FIRST go first, in that order; the rest keep theirs."""
    for item in items:
        if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    tests = Path(__file__).parent
    gone = [name for name in LONGEST_FIRST if not (tests / name).is_file()]
    if gone:
        raise pytest.UsageError(f"tests/conftest.py: LONGEST_FIRST names files that do not exist: {gone}")

    def rank(item) -> int:
        name = Path(item.fspath).relative_to(tests).as_posix() if tests in Path(item.fspath).parents else ""
        return LONGEST_FIRST.index(name) if name in LONGEST_FIRST else len(LONGEST_FIRST)

    items.sort(key=rank)  # stable: every other test keeps its place


@pytest.fixture(scope="session")
def served_site(tmp_path_factory, request):
    """(site directory, its server: `base_url`) for the --strict build of
    the site served at the exact URL it is built for (absolute hreflang
    links and canonical URLs must point at the server, or the browser would
    leave the site), gzipped the way GitHub Pages serves it: the session's
    site and its server (`site_build`). Here, not in quality/, so that every
    test module shares the one build."""
    # QUALITY_MKDOCS_CONFIG checks another configuration of the same site:
    # a build of its own, served by this worker.
    config = os.environ.get("QUALITY_MKDOCS_CONFIG")
    if not config:
        site_dir = request.getfixturevalue("site")
        yield site_dir, RunServer(request.getfixturevalue("site_build").base_url)
        return
    site_dir = tmp_path_factory.mktemp("quality-site")
    server = GzipSiteServer(site_dir)  # bound now, so the build knows its URL
    result = build_site(site_dir, site_url=server.base_url, config=Path(config), extra_env={})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    server.start()
    yield site_dir, server
    server.stop()
