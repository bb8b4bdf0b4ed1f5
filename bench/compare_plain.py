"""Benchmark: this site against a plain Material build of the same Markdown.

Builds, in one run:
- this site: mkdocs.yml as it is, as a child config in a temporary folder
  (site_configs.write_config), so that its `.cache/` is the run's own;
- a plain build: Material + static-i18n + search with default settings, the
  same docs/ and the same navigation (our `/// compare` blocks left as they
  are; a minimal `review.html` that only extends Material's main.html, since
  the review pages name that template);
then prints, ours beside plain with the ratio and the target:

- cold build: all of `.cache/` deleted first, as on a fresh clone, the
  median of 5, ours and plain alternating (target <= 3x plain; a cold build
  waits on a model that loads on the other core, so one run says little);
- warm build: the median of 5 builds, ours and plain alternating (target
  <= 1.5x);
- the build at 1,000 pages per language (bench/gen_site.py; the same
  navigation for both, each in a folder of its own): first with no
  `.cache/` kept, then again, as after an edit (target <= 1.2x);
- first-visit bytes (bench/first_visit.py: everything a cold visit transfers
  until load plus 3 s of quiet, gzip, as GitHub Pages serves it, service
  worker allowed): the largest topic page (every page but the books and
  review pages; budget 75,000 B) and the largest of the two print books and
  two review pages (budget 100,000 B);
- the search index's bytes, and Lighthouse's mobile performance score.

    .venv/bin/python bench/compare_plain.py            # everything (about half an hour on 2 cores)
    .venv/bin/python bench/compare_plain.py --quick    # each step once, on little

--quick runs every code path once: one cold and one warm build per site, the
scaled build at a few pages per language, first visits to one topic page and
one book page, Lighthouse on one page. Its figures say the script works, not
how fast the site is. Figures only: nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from devconcepts_testkit import (CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM, GzipSiteServer, page_paths,
                                 read_config, run_lighthouse)
from first_visit import first_visit_parts
from gen_site import generate
from site_configs import write_config

ROOT = Path(__file__).resolve().parents[1]

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable

WARM_TARGET = 1.5
"""Warm build, ours / plain (median of 5 alternating runs)."""
COLD_TARGET = 3.0
"""Cold build (no .cache/), ours / plain."""
SCALE_TARGET = 1.2
"""Build at 1,000 pages per language, ours / plain."""
PAGE_BUDGET = 75_000
"""Bytes a first visit to a topic page may transfer (gzip, everything until load plus 3 s of quiet)."""
BOOK_BUDGET = 100_000
"""The same for the two print books and the two review pages, which hold every topic or card."""
PERFORMANCE_GOAL = 100
"""Lighthouse mobile performance score on every page."""
BOOKS = ("print/", "en/print/", "review/", "en/review/")
QUICK_PAGES = ("kubernetes-cluster/", "print/")
"""--quick: the first visits (one topic page, one book) and, the first of them, Lighthouse."""


def plain_config(folder: Path, docs: Path) -> Path:
    """Material + static-i18n + search as they come, on `docs`, with the
    project's navigation, written to `folder` (its own, so that its `.cache/`
    is its own)."""
    folder.mkdir(parents=True, exist_ok=True)
    overrides = folder / "overrides"
    overrides.mkdir(exist_ok=True)
    # docs/review.md names `template: review.html`; plain Material has none.
    # Material's main.html unchanged is what plain Material would render.
    (overrides / "review.html").write_text('{% extends "main.html" %}\n', encoding="utf-8")
    nav = read_config(ROOT / "mkdocs.yml")["nav"]
    config = {
        "site_name": "개발 개념 스터디 노트",
        "site_url": "!ENV SITE_URL",
        "docs_dir": str(docs),
        "nav": nav,
        "theme": {"name": "material", "language": "ko", "custom_dir": str(overrides)},
        "plugins": ["search", {"i18n": {"docs_structure": "suffix", "languages": [
            {"locale": "ko", "name": "한국어", "default": True},
            {"locale": "en", "name": "English"}]}}],
    }
    text = yaml.safe_dump(config, allow_unicode=True, sort_keys=False).replace("'!ENV SITE_URL'", "!ENV SITE_URL")
    path = folder / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


class Site:
    """One configuration (ours or plain) and how to build it."""

    def __init__(self, name: str, config: Path, *, strict: bool) -> None:
        self.name, self.config, self.strict = name, config, strict

    def build(self, site_dir: Path, site_url: str = "http://127.0.0.1:8000/") -> float:
        """Seconds for one `mkdocs build` as its own process, as an author
        runs it. Plain is not strict: it warns about our Markdown it does not
        know."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
        cmd = [PYTHON, "-m", "mkdocs", "build", "-f", str(self.config), "-d", str(site_dir)]
        cmd.append("--strict" if self.strict else "--no-strict")
        start = time.perf_counter()
        proc = subprocess.run(cmd, cwd=self.config.parent, env=env, capture_output=True, text=True)
        elapsed = time.perf_counter() - start
        if proc.returncode != 0:
            raise SystemExit(f"{self.name}: build of {self.config} failed:\n{proc.stderr[-4000:]}")
        return elapsed

    def cold_build(self, site_dir: Path, site_url: str) -> float:
        """A build with no kept state: all of `.cache/` beside the config
        (ours: the word cache and the stylesheet purge; Material's plugins
        keep theirs there too) is deleted first, as on a fresh clone."""
        shutil.rmtree(self.config.parent / ".cache", ignore_errors=True)
        return self.build(site_dir, site_url)


def alternating(runs: int, sites: tuple[Site, ...], build) -> dict[str, list[float]]:
    """{site name: seconds of each of `runs` builds}, the sites taking turns,
    so that a busy moment of the machine hits both."""
    times: dict[str, list[float]] = {s.name: [] for s in sites}
    for _ in range(runs):
        for s in sites:
            times[s.name].append(build(s))
    return times


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def first_visits(server: GzipSiteServer, paths: list[str]) -> dict[str, tuple[int, int, int]]:
    """{path: (bytes, requests, bytes after the load event)} of a cold first visit to each page."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for path in paths:
                until_load, after_load = first_visit_parts(browser, server, server.base_url + path)
                after = sum(t.bytes for t in after_load)
                out[path] = (sum(t.bytes for t in until_load) + after, len(until_load) + len(after_load), after)
        finally:
            browser.close()
    return out


def visit(site_dir: Path, server: GzipSiteServer, quick: bool) -> dict:
    """First visits and Lighthouse on a built site."""
    paths = page_paths(site_dir)
    if quick:
        paths = [p for p in QUICK_PAGES if p in paths]
    server.start()
    try:
        visits = first_visits(server, paths)
        lighthouse_paths = paths[:1] if quick else paths
        results = run_lighthouse([server.base_url + p for p in lighthouse_paths], ("performance",))
    finally:
        server.stop()
    by_page = {path: r["scores"]["performance"] * 100 for path, r in zip(lighthouse_paths, results)
               if r["scores"].get("performance") is not None}
    scores = list(by_page.values())
    topics = {p: v for p, v in visits.items() if p not in BOOKS}
    books = {p: v for p, v in visits.items() if p in BOOKS}
    index = site_dir / "search" / "search_index.json"
    return {
        "pages": len(page_paths(site_dir)),
        "visited": len(visits),
        "topic_max": max(topics.items(), key=lambda kv: kv[1][0]) if topics else ("-", (0, 0, 0)),
        "book_max": max(books.items(), key=lambda kv: kv[1][0]) if books else ("-", (0, 0, 0)),
        "index_raw": index.stat().st_size if index.exists() else 0,
        "index_gz": gz_size(index) if index.exists() else 0,
        "perf_min": min(scores) if scores else float("nan"),
        "perf_median": statistics.median(scores) if scores else float("nan"),
        "perf_below": {path: score for path, score in by_page.items() if score < PERFORMANCE_GOAL},
        "lighthouse_pages": len(lighthouse_paths),
    }


def row(label: str, ours: float, plain: float, fmt: str, target: float | None = None) -> str:
    ratio = ours / plain if plain else float("nan")
    goal = f"<= {target:.1f}x {'met' if ratio <= target else 'NOT met'}" if target is not None else ""
    return f"{label:42}{ours:>12{fmt}}{plain:>12{fmt}}{ratio:>10.2f}x  {goal}"


def budget(label: str, name: str, bytes_: int, limit: int) -> str:
    spare = limit - bytes_
    verdict = f"within, {spare:,} to spare" if spare >= 0 else f"OVER by {-spare:,}"
    return f"  {label}: /{name} {bytes_:,} B, budget {limit:,} B: {verdict}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="every step once on little: one build of each kind per site, a few pages, one round")
    parser.add_argument("--runs", type=int, help="cold and warm builds per site (default 5 each; --quick: 1)")
    parser.add_argument("--scale-pages", type=int, help="pages per language of the scaled build "
                                                        "(default 1000; --quick: 15)")
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 5)
    scale_pages = args.scale_pages or (15 if args.quick else 1000)

    with tempfile.TemporaryDirectory(prefix="bench-compare-") as tmp:
        work = Path(tmp)
        (work / "ours").mkdir()
        ours = Site("ours", write_config(work / "ours" / "mkdocs.yml", search={}), strict=True)
        plain = Site("plain", plain_config(work / "plain", ROOT / "docs"), strict=False)
        sites = (ours, plain)
        servers = {s.name: GzipSiteServer(work / f"site-{s.name}") for s in sites}
        # The site's own URL is the server's, so that links and the service
        # worker's scope match where the pages are served.
        url = {name: server.base_url for name, server in servers.items()}
        cold = alternating(runs, sites, lambda s: s.cold_build(work / f"site-{s.name}", url[s.name]))
        warm = alternating(runs, sites, lambda s: s.build(work / f"site-{s.name}", url[s.name]))
        print(f"built: {runs} cold and {runs} warm build(s) per site", flush=True)

        docs = work / "docs-scale"
        per_language = generate(docs, scale_pages)
        (work / "ours-scale").mkdir()
        # write_config turns the offline plugin off for a generated site (far
        # over the precache budget); plain Material has none either.
        scaled = (Site("ours", write_config(work / "ours-scale" / "mkdocs.yml", search={}, docs_dir=docs),
                       strict=True),
                  Site("plain", plain_config(work / "plain-scale", docs), strict=False))
        # The first build starts with no kept cache (as on a fresh clone);
        # the second, as after an edit, reads what the first kept. Plain
        # Material keeps nothing, so its second build shows the noise.
        scale: dict[str, float] = {}
        rescale: dict[str, float] = {}
        for s in scaled:
            scale[s.name] = s.build(work / f"site-scale-{s.name}")
            rescale[s.name] = s.build(work / f"site-scale-{s.name}")
            shutil.rmtree(work / f"site-scale-{s.name}", ignore_errors=True)
        print(f"built: {per_language} pages per language, twice per site", flush=True)

        seen = {s.name: visit(work / f"site-{s.name}", servers[s.name], args.quick) for s in sites}

    o, p = seen["ours"], seen["plain"]
    print()
    print(f"{'':42}{'this site':>12}{'plain':>12}{'ours/plain':>11}  target")
    print(f"{'pages built':42}{o['pages']:>12}{p['pages']:>12}")
    print(row(f"cold build, no .cache/, median of {runs} (s)", statistics.median(cold["ours"]),
              statistics.median(cold["plain"]), ".2f", COLD_TARGET))
    print(row(f"warm build, median of {runs} (s)", statistics.median(warm["ours"]),
              statistics.median(warm["plain"]), ".2f", WARM_TARGET))
    print(row(f"build at {per_language:,} pages/language, first (s)", scale["ours"], scale["plain"], ".2f",
              SCALE_TARGET))
    print(row(f"build at {per_language:,} pages/language, again (s)", rescale["ours"], rescale["plain"], ".2f",
              SCALE_TARGET))
    print(row("first visit, largest topic page (B)", o["topic_max"][1][0], p["topic_max"][1][0], ",.0f"))
    print(row("first visit, largest book/review page (B)", o["book_max"][1][0], p["book_max"][1][0], ",.0f"))
    print(row("search index, raw (B)", o["index_raw"], p["index_raw"], ",.0f"))
    print(row("search index, gzip (B)", o["index_gz"], p["index_gz"], ",.0f"))
    perf_met = "met" if o["perf_min"] >= PERFORMANCE_GOAL else "NOT met"
    perf_goal = f"{'':10}  goal {PERFORMANCE_GOAL} on every page: {perf_met}"
    print(f"{'Lighthouse mobile performance, min':42}{o['perf_min']:>12.0f}{p['perf_min']:>12.0f}{perf_goal}")
    print(f"{'Lighthouse mobile performance, median':42}{o['perf_median']:>12.0f}{p['perf_median']:>12.0f}")
    print()
    print(f"this site's first visits ({o['visited']} of {o['pages']} pages, until load plus 3 s of quiet; "
          f"Lighthouse on {o['lighthouse_pages']}):")
    for label, (path, (total, requests, after)), limit in (("largest topic page", o["topic_max"], PAGE_BUDGET),
                                                          ("largest book or review page", o["book_max"], BOOK_BUDGET)):
        print(budget(label, path, total, limit)
              + f"; {requests} requests, {total - after:,} B until load, {after:,} B after it "
                f"(the page's later fetches and the service worker)")
    if o["perf_below"]:
        print("Lighthouse performance under the goal: "
              + ", ".join(f"{path} {score:.0f}" for path, score in sorted(o["perf_below"].items(), key=lambda kv: kv[1])))
    print(f"cold builds (s): ours {', '.join(f'{t:.2f}' for t in cold['ours'])}; "
          f"plain {', '.join(f'{t:.2f}' for t in cold['plain'])}")
    print(f"warm builds (s): ours {', '.join(f'{t:.2f}' for t in warm['ours'])}; "
          f"plain {', '.join(f'{t:.2f}' for t in warm['plain'])}; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if args.quick:
        print("(--quick: each step ran once on little; these figures do not measure the site)")


if __name__ == "__main__":
    main()
