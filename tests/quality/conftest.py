"""Fixtures for the quality tests: the list of every page of the site that
tests/conftest.py builds and serves gzipped (`served_site`)."""

from __future__ import annotations

import pytest

from devconcepts_testkit import page_paths

@pytest.fixture(scope="session")
def page_urls(served_site) -> list[str]:
    site_dir, server = served_site
    paths = page_paths(site_dir)
    if not paths:
        pytest.fail("the build has no pages", pytrace=False)
    return [server.base_url + path for path in paths]
