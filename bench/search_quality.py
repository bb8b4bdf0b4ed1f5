"""Search quality of a built site, measured in real Chromium.

Types every query of both query sets — bench/search_queries.yml (typed with
care) and bench/search_queries_typed.yml (typed in a hurry: misspellings,
initial consonants, spacing, English word forms) — into Material's search box
on a page of the query's language, reads the results the page shows, and
reports recall@5 (the share of expected pages among the first five results,
averaged over queries), hit@1, MRR and the number of results from the other
language, for each set and each variant, then one line per set comparing the
variants.

    .venv/bin/python bench/search_quality.py            # build ours and plain, run both sets
    .venv/bin/python bench/search_quality.py --variants ours --failures
    .venv/bin/python bench/search_quality.py --queries bench/search_queries.yml
    .venv/bin/python bench/search_quality.py --site /tmp/site   # an existing build
    .venv/bin/python bench/search_quality.py --quick   # both variants, 2 queries per language and set

Variants (see bench/site_configs.py): `ours` (mkdocs.yml as it is), `plain`
(Material's search and static-i18n's combined index, no devconcepts-search),
and `ours:key=value;...` to override devconcepts-search options, e.g.
`ours:segmenter=none` or `ours:normalize_queries=false;aliases=false`
(`;` between options, as `,` separates variants).

tests/search/test_quality.py runs the same code and asserts a floor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from site_configs import load_sitekit, write_config  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
TYPED_QUERIES = Path(__file__).resolve().parent / "search_queries_typed.yml"
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


QUICK_QUERIES = 2
"""--quick: queries per language and set (the figures then say the script works, not how well search does)."""


def quick_sample(queries: list[Query]) -> list[Query]:
    """The first QUICK_QUERIES queries of each language."""
    kept, count = [], {}
    for query in queries:
        if count.get(query.lang, 0) < QUICK_QUERIES:
            kept.append(query)
            count[query.lang] = count.get(query.lang, 0) + 1
    return kept


def parse_variant(text: str) -> dict | None:
    """`plain` → None; `ours` → {}; `ours:a=b,c=d` → {"a": b, "c": d} (YAML values)."""
    name, _, options = text.partition(":")
    if name == "plain":
        return None
    if name != "ours":
        raise SystemExit(f"unknown variant {text!r}: use plain, ours or ours:key=value,...")
    out = {}
    for item in filter(None, options.split(",")):
        key, _, value = item.partition("=")
        out[key] = yaml.safe_load(value)
    return out


def build(variant: str, site_dir: Path, work: Path) -> float:
    """Build the real docs with a variant's config; returns seconds."""
    kit = load_sitekit()
    config = write_config(work / "mkdocs.yml", search=parse_variant(variant))
    start = time.perf_counter()
    result = kit.build_site(site_dir, config=config)
    if result.returncode != 0:
        raise SystemExit(f"build failed:\n{result.stderr[-4000:]}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="an existing build to test (skips building)")
    parser.add_argument("--variants", "--variant", default="ours,plain",
                        help="comma-separated: plain, ours or ours:key=value;... (default: ours,plain)")
    parser.add_argument("--queries", type=Path, action="append",
                        help="a query set (repeatable; default: both sets in QUERY_SETS)")
    parser.add_argument("--failures", action="store_true", help="list the queries that miss")
    parser.add_argument("--quick", action="store_true",
                        help="every step once on little: the first %d queries of each language in each set"
                             % QUICK_QUERIES)
    args = parser.parse_args(argv)

    kit = load_sitekit()
    sets = {path.stem: load_queries(path) for path in (args.queries or QUERY_SETS)}
    if args.quick:
        sets = {name: quick_sample(queries) for name, queries in sets.items()}
    variants = ["site"] if args.site else [v for v in args.variants.split(",") if v]
    reports: dict[tuple[str, str], Report] = {}
    with tempfile.TemporaryDirectory(prefix="search-quality-") as tmp:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=kit.CHROMIUM_PATH, args=kit.CHROMIUM_ARGS)
            for variant in variants:
                site = args.site
                if site is None:
                    work = Path(tmp) / f"v{len(reports)}"
                    work.mkdir()
                    site = work / "site"
                    seconds = build(variant.replace(";", ","), site, work)
                    print(f"variant: {variant} (built in {seconds:.1f} s)", flush=True)
                server, base_url = kit.serve_directory(site)
                try:
                    for name, queries in sets.items():
                        report = reports[variant, name] = run_queries(browser, base_url, queries)
                        print(f"\n[{variant}] {name}\n{report.summary()}", flush=True)
                        if args.failures:
                            print(report.failures() or "  (none)")
                finally:
                    server.shutdown()
            browser.close()
    print("\n" + comparison(reports, variants, list(sets)))
    return 0


def comparison(reports: dict[tuple[str, str], Report], variants: list[str], sets: list[str]) -> str:
    """One line per query set: recall@5 and wrong-language results of each variant."""
    lines = []
    for name in sets:
        parts = [f"{variant} {reports[variant, name].recall_at_5:.1%} "
                 f"({reports[variant, name].wrong_language} wrong-language)" for variant in variants]
        lines.append(f"{name} ({len(reports[variants[0], name].results)} queries): recall@5 " + " vs ".join(parts))
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
