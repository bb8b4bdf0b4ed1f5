"""The offline copy's size on the real site: each language's precache within
its 320 KB gzip budget and holding what a reader needs offline (every page,
the review page, search, the print book), and registration adding little to
a first visit (its script, and the worker it downloads; the whole first
visit is held to its budget by tests/publish/test_subpath.py)."""

from __future__ import annotations

import gzip
import json
import re

from devconcepts.core.built_site import file_of
from devconcepts.offline.precache import GZIP_LEVEL

from devconcepts_testkit import ROOT

BUDGET = 320_000
"""Bytes, gzip level 6, per language (the plugin's budget_kb)."""

NEEDED = {"ko": ["", "review/", "print/", "glossary/", "oltp/", "search/search_index.json", "404.html"],
          "en": ["en/", "en/review/", "en/print/", "en/glossary/", "en/oltp/", "en/search/search_index.json"]}


def _lists(site) -> dict[str, list[str]]:
    code = (site / "sw.js").read_text(encoding="utf-8")
    build = json.loads(re.search(r"const BUILD = (\{.*\})\n", code).group(1))
    return {language["locale"]: language["urls"] for language in build["languages"]}


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


def test_each_language_keeps_every_page_search_and_the_print_book(site):
    lists = _lists(site)
    for locale, needed in NEEDED.items():
        assert [url for url in needed if url not in lists[locale]] == [], locale
    pages = {locale: {url for url in urls if (site / file_of(url)).suffix == ".html"} for locale, urls in lists.items()}
    built = {path.relative_to(site).as_posix() for path in site.rglob("index.html")}
    assert {f"{url}index.html" for url in pages["ko"] | pages["en"] if url.endswith("/") or url == ""} == built
    assert not [url for url in lists["ko"] if url.startswith("en/")]
    assert not [url for url in lists["en"] if not url.startswith(("en/", "assets/"))]


def test_each_language_precache_is_within_budget(site):
    worker = _gzip((site / "sw.js").read_bytes())
    for locale, urls in _lists(site).items():
        size = worker + sum(_gzip((site / file_of(url)).read_bytes()) for url in urls)
        assert size <= BUDGET, f"{locale}: {size:,} B gzip, the worker's {worker:,} included"


def test_registration_adds_little_to_a_first_visit(site):
    from devconcepts.assets.bundle import minify_js

    script = _gzip(minify_js(ROOT / "overrides/assets/javascripts/offline.js").encode("utf-8"))
    head = re.search(r'<link rel="manifest"[^>]*><meta name="theme-color"[^>]*>',
                     (site / "oltp/index.html").read_text(encoding="utf-8")).group(0)
    # Registration, engagement (a second page, the review app), the save button
    # with its date, the notice of a new deployment, the first page kept and the
    # download note: 1,338 B
    # (the first visit of every page is held to its budget all the same).
    assert script <= 1_400, script
    assert len(head) <= 160, head
    # The worker downloads with every first visit: minified, lists included.
    assert _gzip((site / "sw.js").read_bytes()) <= 3_000
