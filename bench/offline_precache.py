"""Benchmark: what a reader's browser downloads to keep the site offline.

Builds the site (or reads a built one) and prints, per language, the files in
the service worker's precache with their gzip size (level 6, what web servers
send), largest first, the total against the budget (devconcepts-offline's budget_kb), and what the
worker itself and the registration add. The precache downloads after the
page's `load` event: a first visit does not include it.

    .venv/bin/python bench/offline_precache.py                 # build, then report
    .venv/bin/python bench/offline_precache.py --site /tmp/s   # a site built already
    .venv/bin/python bench/offline_precache.py --quick         # the largest 2 files per language

Figures only: the budget is checked by the build (budget_kb) and by
tests/offline/test_budget.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from devconcepts.core.built_site import file_of
from devconcepts.offline.config import OfflineConfig

ROOT = Path(__file__).resolve().parents[1]
PYTHON = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else sys.executable
BUDGET = OfflineConfig.budget_kb.default * 1000
"""The plugin's budget (mkdocs.yml leaves its default)."""


def _gzip(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--top", type=int, default=8, help="largest files to list per language")
    parser.add_argument("--quick", action="store_true",
                        help="the same steps (one build) with a shorter list: the largest 2 files per language")
    args = parser.parse_args()
    if args.quick:
        args.top = 2
    if args.site is not None:
        report(args.site, args.top)
        return
    with tempfile.TemporaryDirectory(prefix="offline-bench-") as tmp:
        site = Path(tmp) / "site"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
                       cwd=ROOT, env=env, check=True, capture_output=True)
        report(site, args.top)


def report(site: Path, top: int) -> None:
    code = (site / "sw.js").read_bytes()
    build = json.loads(re.search(rb"const BUILD = (\{.*\})\n", code).group(1))
    print(f"deployment {build['version']}; sw.js {len(code):,} B, {_gzip(code):,} B gzip")
    for language in build["languages"]:
        sizes = sorted(((_gzip((site / file_of(url)).read_bytes()), url or "(home)") for url in language["urls"]),
                       reverse=True)
        total = sum(size for size, _ in sizes) + _gzip(code)
        print(f"\n{language['locale']}: {len(sizes)} files and sw.js, {total:,} B gzip "
              f"({total / BUDGET:.0%} of the {BUDGET // 1000} KB budget)")
        for size, url in sizes[:top]:
            print(f"  {size:>8,}  {url}")
    script = (site / "assets/javascripts/offline.js")
    if script.is_file():
        from rjsmin import jsmin
        print(f"\nregistration script, minified in the page's bundle: {_gzip(jsmin(script.read_text()).encode()):,} B gzip")


if __name__ == "__main__":
    main()
