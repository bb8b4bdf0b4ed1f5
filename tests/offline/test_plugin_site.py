"""devconcepts-offline in a small bilingual build: what it writes, where pages
point, what `mkdocs serve` gets, and the budget (no browser)."""

from __future__ import annotations

import json
import re

from devconcepts.core.built_site import BuiltSite
from devconcepts.offline.plugin import _hashed
from devconcepts.offline.precache import Language, precache_lists
from devconcepts.offline.worker import SERVE_WORKER

from .small_site import build

LINK = re.compile(r'<link rel="manifest" href="([^"]*)"(?: data-service-worker="([^"]*)")?>'
                  r'<meta name="theme-color" content="#4051b5">')


def _head(site, page: str) -> tuple[str, str | None]:
    found = LINK.findall((site / page).read_text(encoding="utf-8"))
    assert len(found) == 1, page
    manifest, worker = found[0]
    return manifest, worker or None


def test_every_page_links_its_language_manifest_and_names_the_worker(tmp_path):
    site = tmp_path / "site"
    result = build(tmp_path / "project", site, 1)
    assert result.returncode == 0, result.stderr
    assert _head(site, "index.html") == ("manifest.webmanifest", "sw.js")
    assert _head(site, "a/index.html") == ("../manifest.webmanifest", "../sw.js")
    assert _head(site, "en/index.html") == ("manifest.webmanifest", "../sw.js")
    assert _head(site, "en/a/index.html") == ("../manifest.webmanifest", "../../sw.js")
    ko = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    en = json.loads((site / "en/manifest.webmanifest").read_text(encoding="utf-8"))
    assert (ko["name"], en["name"]) == ("오프라인 시험", "Offline test")
    assert en["description"] == "A test site"
    code = (site / "sw.js").read_text(encoding="utf-8")
    build_data = json.loads(re.search(r"const BUILD = (\{.*\})\n", code).group(1))
    urls = {language["locale"]: language["urls"] for language in build_data["languages"]}
    assert {"", "a/", "manifest.webmanifest", "style.css", "assets/javascripts/offline.js"} <= set(urls["ko"])
    assert {"en/", "en/a/", "en/manifest.webmanifest", "style.css"} <= set(urls["en"])
    assert "sw.js" not in urls["ko"]
    # Answered from the cache first: only Material's scripts, named by a hash
    # of their bytes; not its stylesheets, which the purge rewrites under the
    # same name, nor the site's own files.
    hashed = build_data["hashed"]
    assert [re.sub(r"\.[0-9a-f]{8}\.", ".HASH.", url) for url in hashed] == [
        "assets/javascripts/bundle.HASH.min.js", "assets/javascripts/workers/search.HASH.min.js"]
    built = BuiltSite(site)
    lists = precache_lists(built, [Language("ko", ""), Language("en", "en/")], [])
    assert _hashed(built, lists) == hashed
    (site / hashed[0]).write_bytes((site / hashed[0]).read_bytes() + b"\n")
    assert _hashed(BuiltSite(site), lists) == hashed[1:]


def test_under_mkdocs_serve_nothing_registers_and_the_worker_steps_aside(tmp_path):
    site = tmp_path / "site"
    result = build(tmp_path / "project", site, 1, command="serve")
    assert result.returncode == 0, result.stderr
    assert _head(site, "a/index.html") == ("../manifest.webmanifest", None)
    assert (site / "sw.js").read_text(encoding="utf-8") == SERVE_WORKER
    assert "unregister()" in SERVE_WORKER


def test_a_precache_over_its_budget_fails_the_strict_build(tmp_path):
    result = build(tmp_path / "project", tmp_path / "site", 1, options="      budget_kb: 1\n")
    assert result.returncode == 1
    assert re.search(r"the 'ko' precache is [\d,]+ B gzip, over its 1 KB budget", result.stderr), result.stderr


def test_turned_off_it_writes_and_links_nothing(tmp_path):
    site = tmp_path / "site"
    result = build(tmp_path / "project", site, 1, options="      enabled: false\n")
    assert result.returncode == 0, result.stderr
    assert not (site / "sw.js").exists() and not (site / "manifest.webmanifest").exists()
    assert 'rel="manifest"' not in (site / "a/index.html").read_text(encoding="utf-8")
