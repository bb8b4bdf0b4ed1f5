"""The search benchmark's query sets (in bench/) and how they are run: each
query typed into Material's search box in Chromium, on a page of its
language, with the results the page shows scored against the pages it
expects. bench/search_quality.py reports the figures; tests/search asserts
floors on the same code."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from .project import ROOT

QUERIES = ROOT / "bench" / "search_queries.yml"
TYPED_QUERIES = ROOT / "bench" / "search_queries_typed.yml"
"""Held out from QUERIES: queries typed in a hurry (misspellings, initial
consonants, compounds without their space, English word forms)."""
QUERY_SETS = (QUERIES, TYPED_QUERIES)
DEFAULT_LOCALE = "ko"
TOP = 5


@dataclass(frozen=True)
class Query:
    q: str
    lang: str
    """Language of the page the query is typed on."""
    expect: tuple[str, ...]
    why: str = ""


def load_queries(path: Path = QUERIES) -> list[Query]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    queries = []
    for i, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or not {"q", "lang", "expect"} <= set(entry):
            raise ValueError(f"{path}: query #{i} needs q, lang and expect")
        queries.append(Query(str(entry["q"]), entry["lang"], tuple(entry["expect"]), entry.get("why", "")))
    seen = set()
    for query in queries:
        # Material sends a query only when the box's value changes.
        if (query.lang, query.q) in seen:
            raise ValueError(f"{path}: {query.q!r} occurs twice for '{query.lang}'")
        seen.add((query.lang, query.q))
    return queries


def language_root(locale: str) -> str:
    return "" if locale == DEFAULT_LOCALE else f"{locale}/"


def page_path(src: str, locale: str) -> str:
    """Site path of a docs page in `locale`: `oltp.md` → `en/oltp/`."""
    stem = src[: -len(".md")]
    return language_root(locale) + ("" if stem == "index" else stem + "/")


# In-page helpers. Material's result list re-renders synchronously when the
# worker answers, and rewrites the result count every time, so the first
# mutation of the count after the query was sent carries the query's results.
_ARM = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  const input = document.querySelector('[data-md-component=search-query]')
  window.__searchDone = new Promise(resolve => {
    let sent = null
    input.addEventListener('keyup', ev => { sent = ev.timeStamp }, { once: true, capture: true })
    const observer = new MutationObserver(() => {
      observer.disconnect()
      const shown = performance.now()
      const links = [...document.querySelectorAll('.md-search-result__item')]
        .map(li => li.querySelector('a.md-search-result__link').href)
      requestAnimationFrame(() => {
        const channel = new MessageChannel()
        channel.port1.onmessage = () => resolve({
          links, dom: shown - sent, frame: performance.now() - sent, meta: meta.textContent.trim()
        })
        channel.port2.postMessage(null)
      })
    })
    observer.observe(meta, { childList: true, characterData: true, subtree: true })
  })
}"""

_READY = """() => {
  const meta = document.querySelector('.md-search-result__meta')
  return meta && meta.dataset.initial !== undefined && meta.textContent.trim() !== meta.dataset.initial
}"""


class SearchBox:
    """Material's search box on one page, driven like a reader drives it."""

    def __init__(self, page, url: str) -> None:
        self.page = page
        self.index_requests: list[str] = []
        page.on("request", lambda r: self.index_requests.append(r.url) if "search_index" in r.url else None)
        # Remember the "initialising" text before the worker can answer (it
        # answers after fetching the index, long after the document is parsed).
        page.add_init_script("""document.addEventListener('DOMContentLoaded', () => {
            const meta = document.querySelector('.md-search-result__meta')
            if (meta) meta.dataset.initial = meta.textContent.trim()
        })""")
        page.goto(url)
        self.input = page.locator("[data-md-component=search-query]")
        self.input.focus()
        page.wait_for_function(_READY)

    def search(self, query: str) -> dict:
        """Type `query` (replacing the last one) and return the links shown,
        with the time from the last key to the results in the DOM (`dom`) and
        to the next frame (`frame`), in ms."""
        self.page.evaluate(_ARM)
        self.input.fill(query)
        # Material searches on keyup; fill() inserts the text without keys
        # (as Hangul input does), so a key press sends the query.
        self.input.press("End")
        # A guard, not a measurement: a query that never gets results fails
        # instead of hanging.
        return self.page.evaluate("""Promise.race([window.__searchDone, new Promise((_, reject) =>
            setTimeout(() => reject(new Error('no search results after 30 s')), 30000))])""")


@dataclass
class QueryResult:
    query: Query
    results: list[str]
    """Site paths of the result pages, best first."""
    ranks: dict[str, int | None]
    """1-based rank of each expected page, None when not shown."""
    wrong_language: list[str]

    @property
    def recall(self) -> float:
        return sum(1 for r in self.ranks.values() if r is not None and r <= TOP) / len(self.ranks)

    @property
    def reciprocal_rank(self) -> float:
        ranks = [r for r in self.ranks.values() if r is not None]
        return 1 / min(ranks) if ranks else 0.0


@dataclass
class Report:
    results: list[QueryResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def recall_at_5(self) -> float:
        return sum(r.recall for r in self.results) / len(self.results)

    @property
    def hit_at_1(self) -> float:
        return sum(1 for r in self.results if 1 in r.ranks.values()) / len(self.results)

    @property
    def mrr(self) -> float:
        return sum(r.reciprocal_rank for r in self.results) / len(self.results)

    @property
    def wrong_language(self) -> int:
        return sum(len(r.wrong_language) for r in self.results)

    def summary(self) -> str:
        n = len(self.results)
        by_lang = {}
        for r in self.results:
            by_lang.setdefault(r.query.lang, []).append(r.recall)
        parts = ", ".join(f"{lang} {sum(v) / len(v):.1%} of {len(v)}" for lang, v in sorted(by_lang.items()))
        return (f"queries: {n}\nrecall@5: {self.recall_at_5:.1%} ({parts})\n"
                f"hit@1: {self.hit_at_1:.1%}\nMRR: {self.mrr:.3f}\n"
                f"wrong-language results: {self.wrong_language}")

    def failures(self) -> str:
        lines = []
        for r in self.results:
            if r.recall < 1 or r.wrong_language:
                missing = [p for p, rank in r.ranks.items() if rank is None or rank > TOP]
                lines.append(f"  [{r.query.lang}] {r.query.q!r}: missing {missing} got {r.results[:TOP]}"
                             + (f" wrong-language {r.wrong_language}" if r.wrong_language else ""))
        return "\n".join(lines)


def _site_path(link: str, base_url: str) -> str:
    path = urlsplit(link).path
    return path[len(urlsplit(base_url).path):]


def _language_of(path: str, locales: list[str]) -> str:
    for locale in locales:
        if locale != DEFAULT_LOCALE and path.startswith(f"{locale}/"):
            return locale
    return DEFAULT_LOCALE


def run_queries(browser, base_url: str, queries: list[Query]) -> Report:
    """Run every query on a page of its language; `base_url` ends with '/'."""
    report, start = Report(), time.perf_counter()
    locales = sorted({q.lang for q in queries} | {DEFAULT_LOCALE})
    for locale in locales:
        mine = [q for q in queries if q.lang == locale]
        if not mine:
            continue
        context = browser.new_context()
        try:
            box = SearchBox(context.new_page(), base_url + language_root(locale))
            for query in mine:
                shown = box.search(query.q)
                paths = [_site_path(link, base_url) for link in shown["links"]]
                ranks = {}
                for src in query.expect:
                    target = page_path(src, locale)
                    ranks[src] = paths.index(target) + 1 if target in paths else None
                wrong = [p for p in paths if _language_of(p, locales) != locale]
                report.results.append(QueryResult(query, paths, ranks, wrong))
        finally:
            context.close()
    report.seconds = time.perf_counter() - start
    return report
