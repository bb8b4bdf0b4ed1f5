"""Fixtures for the quality tests: the real site built with --strict for the
exact URL it is served at (absolute hreflang links and canonical URLs must
point at the server, or the browser would leave the site), served gzipped the
way GitHub Pages serves it, and the list of every built page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quality.gzip_server import GzipSiteServer
from sitekit import build_site
from quality.visits import page_paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """(site directory, running GzipSiteServer) for a --strict build of the site."""
    site_dir = tmp_path_factory.mktemp("quality-site")
    server = GzipSiteServer(site_dir)  # bound now, so the build knows its URL
    # QUALITY_MKDOCS_CONFIG checks another configuration of the same site.
    config = Path(os.environ.get("QUALITY_MKDOCS_CONFIG", str(ROOT / "mkdocs.yml")))
    result = build_site(site_dir, site_url=server.base_url, config=config, extra_env={})
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    server.start()
    yield site_dir, server
    server.stop()


@pytest.fixture(scope="session")
def page_urls(served_site) -> list[str]:
    site_dir, server = served_site
    paths = page_paths(site_dir)
    if not paths:
        pytest.fail("the build has no pages", pytrace=False)
    return [server.base_url + path for path in paths]
