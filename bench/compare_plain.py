"""Benchmark: this site against a plain Material build of the same Markdown.

Builds, in one run:
- this site (mkdocs.yml as it is), and
- a plain build: Material + static-i18n + search, default settings, the same
  docs/ (our `/// compare` blocks left as they are),
then prints side by side: build time (the first build without our word cache,
as on a fresh clone, then the median of 5), bytes a first visit transfers per
page (gzip server, search index included) against the 100 KB budget, search
index bytes and the Lighthouse mobile performance score. Last, our build time
at 8, 100 and 1,000 generated pages per language, to show how build cost grows.

    .venv/bin/python bench/compare_plain.py            # everything
    .venv/bin/python bench/compare_plain.py --quick    # skip 1,000 pages

Figures only: nothing here asserts.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from first_visit import first_visit  # noqa: E402
from quality.gzip_server import GzipSiteServer  # noqa: E402
from quality.lighthouse_runner import run_lighthouse  # noqa: E402
from quality.visits import page_paths  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
WORD_CACHE = Path(".cache/devconcepts/search")  # devconcepts-search's default cache_dir
BUDGET = 100_000  # bytes a first visit may transfer (issue: 100 KB, search index and fonts included)

PLAIN_CONFIG = """\
site_name: 개발 개념 스터디 노트
site_url: {site_url}
docs_dir: {docs}
theme:
  name: material
  language: ko
plugins:
  - search
  - i18n:
      docs_structure: suffix
      languages:
        - locale: ko
          name: 한국어
          default: true
        - locale: en
          name: English
"""


def build(config: Path, site_dir: Path, site_url: str) -> float:
    """Seconds for one `mkdocs build` (non-strict: the plain build warns
    about our Markdown it does not know)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": site_url}
    start = time.perf_counter()
    proc = subprocess.run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
                          cwd=config.parent, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"build of {config} failed:\n{proc.stderr}")
    return elapsed


def median_build(config: Path, site_dir: Path, site_url: str, runs: int = 5) -> float:
    return statistics.median(build(config, site_dir, site_url) for _ in range(runs))


def cold_build(config: Path, site_dir: Path, site_url: str) -> float:
    """One build with no kept state: our word cache (Kiwi's answers, under
    .cache/ beside mkdocs.yml) is deleted first, as on a fresh clone."""
    shutil.rmtree(config.parent / WORD_CACHE, ignore_errors=True)
    return build(config, site_dir, site_url)


def first_visit_bytes(server: GzipSiteServer, urls: list[str]) -> list[int]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"])
        try:
            return [sum(t.bytes for t in first_visit(browser, server, url)) for url in urls]
        finally:
            browser.close()


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def measure(name: str, config: Path, work: Path) -> dict:
    site_dir = work / f"site-{name}"
    site_dir.mkdir()
    server = GzipSiteServer(site_dir)
    cold = cold_build(config, site_dir, server.base_url)
    seconds = median_build(config, site_dir, server.base_url)
    server.start()
    try:
        urls = [server.base_url + p for p in page_paths(site_dir)]
        sizes = first_visit_bytes(server, urls)
        scores = [r["scores"].get("performance") for r in run_lighthouse(urls, ("performance",))]
    finally:
        server.stop()
    index = site_dir / "search" / "search_index.json"
    return {
        "cold_s": cold,
        "build_s": seconds,
        "pages": len(urls),
        "bytes_median": statistics.median(sizes),
        "bytes_max": max(sizes),
        "index_raw": index.stat().st_size if index.exists() else 0,
        "index_gz": gz_size(index) if index.exists() else 0,
        "perf_min": min(s for s in scores if s is not None) * 100,
        "perf_median": statistics.median(s for s in scores if s is not None) * 100,
    }


def synthetic_docs(pages: int, target: Path) -> None:
    """`pages` pages per language: the real ones plus numbered copies of
    them (titles numbered too), each with its matching .en.md file."""
    docs = ROOT / "docs"
    shutil.copytree(docs, target)
    real = len([p for p in docs.glob("*.md") if not p.name.endswith(".en.md")])
    sources = sorted(p for p in docs.glob("*.md") if not p.name.endswith(".en.md") and p.name != "index.md")
    for n in range(max(0, pages - real)):
        source = sources[n % len(sources)]
        for suffix in (".md", ".en.md"):
            src = docs / (source.stem + suffix)
            if not src.exists():
                continue
            text = re.sub(r"^# (.*)$", rf"# \1 ({n + 1})", src.read_text(encoding="utf-8"), count=1, flags=re.M)
            (target / f"p{n + 1:04d}-{source.stem}{suffix}").write_text(text, encoding="utf-8")


def scaled_config(docs: Path, work: Path) -> Path:
    """mkdocs.yml with docs_dir pointing at `docs` and no fixed nav (the
    generated pages are listed by file name)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^nav:\n(?:[ \t]+-.*\n)+", "", text, flags=re.M)
    text = re.sub(r"^docs_dir:.*$", f"docs_dir: {docs}", text, flags=re.M)
    text = re.sub(r"^theme:\n", f"theme:\n  custom_dir: {ROOT / 'overrides'}\n", text, count=1, flags=re.M)
    text = re.sub(r"^  custom_dir: overrides\n", "", text, flags=re.M)
    config = work / f"mkdocs-{docs.name}.yml"
    config.write_text(text, encoding="utf-8")
    return config


def scaling(sizes: list[int], work: Path, runs: int) -> list[tuple[int, float]]:
    rows = []
    for pages in sizes:
        docs = work / f"docs-{pages}"
        synthetic_docs(pages, docs)
        config = scaled_config(docs, work)
        site = work / f"site-scale-{pages}"
        repeats = runs if pages < 1000 else 1
        seconds = statistics.median(build(config, site, "http://127.0.0.1:8000/") for _ in range(repeats))
        rows.append((pages, seconds))
        shutil.rmtree(site, ignore_errors=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-page build")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        work = Path(tmp)
        plain_config = work / "mkdocs-plain.yml"
        plain_config.write_text(PLAIN_CONFIG.format(site_url="!ENV SITE_URL", docs=ROOT / "docs"), encoding="utf-8")
        ours = measure("ours", ROOT / "mkdocs.yml", work)
        plain = measure("plain", plain_config, work)

        print(f"{'':34}{'this site':>14}{'plain Material':>16}")
        print(f"{'pages built':34}{ours['pages']:>14}{plain['pages']:>16}")
        print(f"{'build time, first, no cache (s)':34}{ours['cold_s']:>14.2f}{plain['cold_s']:>16.2f}")
        print(f"{'build time, median of 5 (s)':34}{ours['build_s']:>14.2f}{plain['build_s']:>16.2f}")
        print(f"{'first visit, median (bytes)':34}{ours['bytes_median']:>14,.0f}{plain['bytes_median']:>16,.0f}")
        print(f"{'first visit, largest page (bytes)':34}{ours['bytes_max']:>14,}{plain['bytes_max']:>16,}")
        print(f"{'search index raw (bytes)':34}{ours['index_raw']:>14,}{plain['index_raw']:>16,}")
        print(f"{'search index gzipped (bytes)':34}{ours['index_gz']:>14,}{plain['index_gz']:>16,}")
        print(f"{'Lighthouse performance, min':34}{ours['perf_min']:>14.0f}{plain['perf_min']:>16.0f}")
        print(f"{'Lighthouse performance, median':34}{ours['perf_median']:>14.0f}{plain['perf_median']:>16.0f}")
        print(f"build time ratio (ours / plain): {ours['build_s'] / plain['build_s']:.2f}x median of 5, "
              f"{ours['cold_s'] / plain['cold_s']:.2f}x first build without cache (target <= 1.5x)")
        spare = BUDGET - ours["bytes_max"]
        verdict = f"within, {spare:,} to spare" if spare >= 0 else f"over by {-spare:,}"
        print(f"first-visit budget {BUDGET:,} bytes: largest page {verdict}")
        print()

        sizes = [8, 100] if args.quick else [8, 100, 1000]
        print("this site's build time by pages per language (median of 3; 1,000: 1 run)")
        for pages, seconds in scaling(sizes, work, runs=3):
            print(f"  {pages:>5} pages x 2 languages: {seconds:7.2f} s   ({seconds / pages * 1000:6.1f} ms per page)")


if __name__ == "__main__":
    main()
