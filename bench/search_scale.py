"""Search at scale: index bytes a page downloads, and time from the last
keystroke to the results, in real Chromium.

Builds the site twice — `plain` (Material's search, static-i18n's one index for
both languages) and `ours` (devconcepts-search as configured in mkdocs.yml) —
from either the real docs or a generated docs folder with N pages per language
(bench/gen_site.py), then for each build and language:

- the search index files a page of that language requests (seen by Chromium)
  and their size, raw and gzip-compressed (level 6, what web servers use);
- the time from opening the search to the index being ready;
- for each query: the time from the last key (keyup) until the result list is
  in the DOM, and until the next frame; median, 95th percentile and maximum
  over all queries and rounds; then the same for queries typed in a hurry
  (TYPED_QUERIES: misspellings, initial consonants, word forms).

    .venv/bin/python bench/search_scale.py                  # real site
    .venv/bin/python bench/search_scale.py --pages 1000     # 1,000 pages per language
    .venv/bin/python bench/search_scale.py --pages 1000 --variants ours
"""

from __future__ import annotations

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))
from gen_site import generate  # noqa: E402
from search_quality import SearchBox, language_root, parse_variant  # noqa: E402
from site_configs import ROOT, load_sitekit, write_config  # noqa: E402

QUERIES = {
    "ko": ["컨테이너를", "스케줄러가", "쿠버네티스 클러스터", "검색증강생성", "미세 조정", "k8s", "무상태",
           "트랜잭션", "파드", "도커 컴포즈", "상태(session)", "오케스트레이션이란"],
    "en": ["kubernetes", "scheduler", "stateless", "container runtime", "fine tuning", "cookies", "oltp",
           "k8s", "pods", "docker compose", "스케줄러", "control plane"],
}
TYPED_QUERIES = {
    "ko": ["스케쥴러", "트렌젝션이란", "쿠버내티스 클러스타", "ㅋㅂㄴㅌㅅ", "ㄹㄱ ㅋㅋ", "컨테이너런타임", "kubernets",
           "transactions"],
    "en": ["kubernets", "statful", "orchestraton", "contaner runtime", "orchestrate", "scheduling pods", "스케쥴러",
           "ㅋㅂㄴㅌㅅ"],
}
"""Typed in a hurry (misspellings, initial consonants, word forms): the
forgiving search's slower paths, timed on their own line."""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def measure(browser, base_url: str, site: Path, locale: str, rounds: int) -> dict:
    context = browser.new_context()
    try:
        page = context.new_page()
        start = time.perf_counter()
        box = SearchBox(page, base_url + language_root(locale))
        ready = time.perf_counter() - start
        files = []
        for url in dict.fromkeys(box.index_requests):
            data = (site / urlsplit(url).path[len(urlsplit(base_url).path):]).read_bytes()
            files.append((urlsplit(url).path, len(data), len(gzip.compress(data, 6))))
        dom, frame, typed = [], [], []
        for _ in range(rounds):
            for query in QUERIES[locale]:
                shown = box.search(query)
                dom.append(shown["dom"])
                frame.append(shown["frame"])
            for query in TYPED_QUERIES[locale]:
                typed.append(box.search(query)["dom"])
        # Timings on a shared machine depend on what else runs; say so.
        return {"files": files, "ready": ready, "dom": dom, "frame": frame, "typed": typed,
                "load": os.getloadavg()[0]}
    finally:
        context.close()


def report(name: str, locale: str, m: dict) -> str:
    raw = sum(f[1] for f in m["files"])
    gz = sum(f[2] for f in m["files"])
    files = ", ".join(f"{path} {size:,} B" for path, size, _ in m["files"])
    return (f"{name:5} {locale}: index {raw:,} B raw / {gz:,} B gzip ({files}); "
            f"ready {m['ready'] * 1000:.0f} ms (page load + index fetch + build); "
            f"keyup→results in DOM: min {min(m['dom']):.1f} ms, median {statistics.median(m['dom']):.1f}, "
            f"p95 {percentile(m['dom'], 95):.1f}, max {max(m['dom']):.1f}; keyup→next frame: "
            f"min {min(m['frame']):.1f}, median {statistics.median(m['frame']):.1f}, "
            f"p95 {percentile(m['frame'], 95):.1f}, max {max(m['frame']):.1f} (n={len(m['dom'])}; "
            f"load average {m['load']:.1f} on {os.cpu_count()} cores)\n"
            f"{name:5} {locale}: typed queries keyup→results in DOM: median {statistics.median(m['typed']):.1f} ms, "
            f"p95 {percentile(m['typed'], 95):.1f}, max {max(m['typed']):.1f} (n={len(m['typed'])})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, help="generate N pages per language (default: the real docs)")
    parser.add_argument("--variants", default="plain,ours", help="comma-separated: plain, ours (default both)")
    parser.add_argument("--rounds", type=int, default=3, help="times each query is run (default 3)")
    args = parser.parse_args()

    kit = load_sitekit()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="search-scale-") as tmp:
        tmp = Path(tmp)
        docs = ROOT / "docs"
        if args.pages:
            docs = tmp / "docs"
            n = generate(docs, args.pages)
            print(f"generated {n} pages per language in {docs}")
        lines = []
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=kit.CHROMIUM_PATH, args=kit.CHROMIUM_ARGS)
            for variant in args.variants.split(","):
                work = tmp / variant
                work.mkdir()
                config = write_config(work / "mkdocs.yml", search=parse_variant(variant), docs_dir=docs)
                start = time.perf_counter()
                result = kit.build_site(work / "site", config=config)
                if result.returncode != 0:
                    print(result.stderr[-4000:])
                    return 1
                lines.append(f"{variant:5} build: {time.perf_counter() - start:.1f} s")
                print(lines[-1], flush=True)
                server, base_url = kit.serve_directory(work / "site")
                try:
                    for locale in ("ko", "en"):
                        lines.append(report(variant, locale, measure(browser, base_url, work / "site",
                                                                     locale, args.rounds)))
                        print(lines[-1], flush=True)
                finally:
                    server.shutdown()
            browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
