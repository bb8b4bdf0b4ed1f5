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

The queries run in devconcepts_testkit.search_queries, the code
tests/search/test_quality.py runs to assert a floor.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

from devconcepts_testkit import CHROMIUM_ARGS, CHROMIUM_PATH, build_site, serve_directory
from devconcepts_testkit.search_queries import QUERY_SETS, Query, Report, load_queries, run_queries
from site_configs import write_config

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
    config = write_config(work / "mkdocs.yml", search=parse_variant(variant))
    start = time.perf_counter()
    result = build_site(site_dir, config=config)
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

    sets = {path.stem: load_queries(path) for path in (args.queries or QUERY_SETS)}
    if args.quick:
        sets = {name: quick_sample(queries) for name, queries in sets.items()}
    variants = ["site"] if args.site else [v for v in args.variants.split(",") if v]
    reports: dict[tuple[str, str], Report] = {}
    with tempfile.TemporaryDirectory(prefix="search-quality-") as tmp:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM_PATH, args=CHROMIUM_ARGS)
            for variant in variants:
                site = args.site
                if site is None:
                    work = Path(tmp) / f"v{len(reports)}"
                    work.mkdir()
                    site = work / "site"
                    seconds = build(variant.replace(";", ","), site, work)
                    print(f"variant: {variant} (built in {seconds:.1f} s)", flush=True)
                server, base_url = serve_directory(site)
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
