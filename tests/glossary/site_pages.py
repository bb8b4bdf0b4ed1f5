"""Reading the built real site: page HTML by docs path and language."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

TOPICS = [
    "docker-kubernetes", "compose-vs-kubernetes", "fine-tuning-vs-rag", "log-vs-cookie",
    "oltp", "stateful-vs-stateless", "kubernetes-cluster",
]
LOCALES = ("ko", "en")


def built(site: Path, docs_path: str, locale: str) -> Path:
    """The built file of `x.md` (or `x.md#anchor`) in `locale`."""
    stem = docs_path.partition("#")[0][: -len(".md")]
    directory = site / ("en" if locale == "en" else "")
    return directory / ("index.html" if stem == "index" else f"{stem}/index.html")


def soup(site: Path, docs_path: str, locale: str) -> BeautifulSoup:
    return BeautifulSoup(built(site, docs_path, locale).read_text(encoding="utf-8"), "html.parser")


def article(site: Path, docs_path: str, locale: str):
    return soup(site, docs_path, locale).select_one("article.md-content__inner")
