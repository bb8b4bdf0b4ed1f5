"""Fixtures of the print tests: PDFs printed once per session, the fixture
site, and the artifact directory."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from devconcepts_testkit import DOCS, ROOT, build_site, serve_directory
from sitekit import shared_build

from .fixture import write_fixture
from .pdf import PrintedPdf, print_pdf

ARTIFACTS = ROOT / "test-artifacts" / "print"


def book_options():
    """The devconcepts-print options as mkdocs.yml sets them."""
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"))
    return config.plugins["devconcepts-print"].config


def left_out_sources() -> set[str]:
    """The sources that are not topics (mkdocs.yml's `extra: not_topics:`,
    read by devconcepts.core.topics): the book placeholder among them."""
    from mkdocs.config import load_config

    from devconcepts.core.topics import not_topics

    return set(not_topics(load_config(str(ROOT / "mkdocs.yml"))))


def _sources() -> list[str]:
    return sorted(p.name for p in DOCS.glob("*.md"))


def _unsuffixed(name: str) -> str:
    stem, _, _ = name.removesuffix(".md").partition(".")
    return f"{stem}.md"


def topic_sources() -> list[str]:
    """Every topic page's source in both languages: docs/*.md minus the book
    placeholder and the other pages that are not topics.
    Known at collection time, so each page is its own test."""
    left_out = left_out_sources() | {book_options().book}
    return [name for name in _sources() if _unsuffixed(name) not in left_out]


def printable_sources() -> list[str]:
    """Every page but the book placeholders (those are tested as books)."""
    return [name for name in _sources() if _unsuffixed(name) != book_options().book]


def source_url(name: str) -> str:
    """`oltp.md` -> `oltp/`, `oltp.en.md` -> `en/oltp/`, `index.en.md` -> `en/`."""
    stem, _, locale = name.removesuffix(".md").partition(".")
    path = "" if stem == "index" else f"{stem}/"
    return f"{locale}/{path}" if locale else path


@pytest.fixture(scope="session", autouse=True)
def korean_font():
    """The Korean font the print tests need (scripts/setup installs fonts-nanum)."""
    if shutil.which("fc-list") is None or shutil.which("pdftotext") is None:
        pytest.fail("fontconfig/poppler-utils missing; run scripts/setup", pytrace=False)
    fonts = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True).stdout
    if "NanumGothic" not in fonts:
        pytest.fail("NanumGothic (fonts-nanum) is not installed; run scripts/setup", pytrace=False)


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Where the PDFs and images are kept to look at: a folder per test
    worker (scripts/test runs several), since two may print the same page."""
    folder = ARTIFACTS / os.environ.get("PYTEST_XDIST_WORKER", "")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def print_context(browser):
    context = browser.new_context()
    yield context
    context.close()


@pytest.fixture(scope="session")
def printed(print_context, site_url, artifacts):
    """`printed(url)`: the site page at `url`, printed to A4 once per session."""
    cache: dict[str, tuple[PrintedPdf, object]] = {}

    def get(url: str):
        if url not in cache:
            page = print_context.new_page()
            name = url.strip("/").replace("/", "_") or "index"
            pdf = print_pdf(page, site_url + url, artifacts / f"{name}.pdf")
            cache[url] = (pdf, page)  # the page stays open in print media for DOM checks
        return cache[url]

    return get


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory) -> Path:
    root, result = shared_build(tmp_path_factory, "print-fixture",
                                lambda folder: build_site(folder / "site", config=write_fixture(folder)))
    site_dir = root / "site"
    if result.returncode != 0:
        pytest.fail(f"fixture site: mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> str:
    server, base = serve_directory(fixture_site)
    yield base
    server.shutdown()
