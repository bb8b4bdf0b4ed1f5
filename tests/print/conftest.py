"""Fixtures of the print tests: PDFs printed once per session, the fixture
site, and the artifact directory."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import DOCS, ROOT, build_site, serve_directory

from .fixture import write_fixture
from .pdf import PrintedPdf, print_pdf

ARTIFACTS = ROOT / "test-artifacts" / "print"


def topic_sources() -> list[str]:
    """Every topic page's source (docs/*.md, both languages), minus the home
    and the book placeholder: known at collection time, so each page is its
    own test."""
    return sorted(p.name for p in DOCS.glob("*.md")
                  if p.name.split(".")[0] not in ("index", "print"))


def source_url(name: str) -> str:
    """`oltp.md` -> `oltp/`, `oltp.en.md` -> `en/oltp/`."""
    stem, _, locale = name.removesuffix(".md").partition(".")
    return f"{locale}/{stem}/" if locale else f"{stem}/"


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
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS


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
    root = tmp_path_factory.mktemp("print-fixture")
    config = write_fixture(root)
    site_dir = root / "site"
    result = build_site(site_dir, config=config)
    if result.returncode != 0:
        pytest.fail(f"fixture site: mkdocs build --strict failed:\n{result.stderr}", pytrace=False)
    return site_dir


@pytest.fixture(scope="session")
def fixture_url(fixture_site) -> str:
    server, base = serve_directory(fixture_site)
    yield base
    server.shutdown()
