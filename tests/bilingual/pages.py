"""Helpers to read the built site: its pages, their content and structure."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from devconcepts.core.built_site import url_of


@dataclass
class BuiltPage:
    path: Path
    url: str
    """Site-relative URL path, e.g. `en/oltp/`."""
    soup: BeautifulSoup

    @property
    def content(self):
        return self.soup.select_one("article.md-content__inner")

    @property
    def lang(self) -> str:
        return self.soup.html.get("lang", "")


def built_pages(site: Path) -> list[BuiltPage]:
    """Every HTML page of the build (404 pages included)."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        url = url_of(path.relative_to(site).as_posix())
        pages.append(BuiltPage(path, url, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")))
    return pages


def source_pages(docs: Path, locale: str | None = None) -> list[Path]:
    """Markdown sources of one language (None: the default language)."""
    out = []
    for path in sorted(docs.glob("*.md")):
        parts = path.name.split(".")
        page_locale = parts[-2] if len(parts) == 3 else None
        if page_locale == locale:
            out.append(path)
    return out


def output_for(site: Path, source: Path, locale: str | None = None) -> Path:
    """The built HTML file of a Markdown source page."""
    stem = source.name.split(".")[0]
    base = site / locale if locale else site
    return base / "index.html" if stem == "index" else base / stem / "index.html"
