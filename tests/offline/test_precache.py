"""The precache lists, the worker's code and the manifests, from small built
sites of the tests' own (no browser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from devconcepts.offline import worker
from devconcepts.offline.manifest import AppInfo, manifest
from devconcepts.core.built_site import BuiltSite, url_of
from devconcepts.offline.precache import Language, Precache, precache_lists, version

LANGUAGES = [Language("ko", ""), Language("en", "en/")]

CONFIG = '<script id="__config" type="application/json">{"base": "..", "search": "%s"}</script>'


def _page(depth: int, title: str, search: bool = True) -> str:
    up = "../" * depth
    config = CONFIG % f"{up}assets/js/workers/front.js?worker=engine.min.js&amp;v=1" if search else ""
    return (f'<html><head><link rel="icon" href="{up}assets/icon.svg">'
            f'<link rel="stylesheet" href="{up}assets/site.css">'
            f'<link rel="alternate" href="{up}en/" hreflang="en"><link rel="next" href="../other/">'
            f'</head><body><h1>{title}</h1><a href="{up}assets/deck.apkg">deck</a>'
            f'<img src="{up}assets/diagram.png" alt=""><script src="{up}assets/js/app.js"></script>'
            f"{config}</body></html>")


@pytest.fixture
def tiny_site(tmp_path) -> Path:
    files = {
        "index.html": _page(0, "홈"),
        "oltp/index.html": _page(1, "OLTP"),
        "404.html": _page(0, "없음", search=False),
        "search/search_index.json": "{}",
        "sitemap.xml": "<urlset/>",
        "sitemap.xml.gz": "x",
        "review/deck.apkg": "deck",
        "en/index.html": _page(1, "Home"),
        "en/oltp/index.html": _page(2, "OLTP"),
        "en/search/search_index.json": "{}",
        "assets/icon.svg": "<svg/>",
        "assets/diagram.png": "png",
        "assets/site.css": "body{background:url(img/bg.webp)}@import 'extra.css';",
        "assets/extra.css": "p{}",
        "assets/img/bg.webp": "webp",
        "assets/js/app.js": 'fetch("search/search_index.json");load("helper.js")',
        "assets/js/app.js.map": "{}",
        "assets/js/helper.js": "1",
        "assets/js/workers/front.js": 'importScripts("tolerance.js?v=" + v)',
        "assets/js/workers/engine.min.js": "2",
        "assets/js/workers/tolerance.js": "3",
        "assets/js/unused.js": "4",
        "assets/deck.apkg": "deck",
        "robots.txt": "",
        ".hidden": "",
    }
    for name, text in files.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def _lists(site: Path, exclude=("*.map", "*.gz", "robots.txt", ".*", "*.apkg")) -> dict[str, Precache]:
    return {precache.locale: precache for precache in precache_lists(BuiltSite(site), LANGUAGES, list(exclude))}


SHARED = ["assets/diagram.png", "assets/extra.css", "assets/icon.svg", "assets/img/bg.webp",
          "assets/js/app.js", "assets/js/helper.js", "assets/js/workers/engine.min.js",
          "assets/js/workers/front.js", "assets/js/workers/tolerance.js", "assets/site.css"]


def test_each_language_keeps_its_pages_and_what_they_load(tiny_site):
    lists = _lists(tiny_site)
    assert sorted(lists["ko"].urls) == sorted(["", "oltp/", "404.html", "search/search_index.json",
                                               "sitemap.xml", *SHARED])
    assert sorted(lists["en"].urls) == sorted(["en/", "en/oltp/", "en/search/search_index.json", *SHARED])


def test_a_file_no_page_loads_stays_out(tiny_site):
    for precache in _lists(tiny_site).values():
        assert "assets/js/unused.js" not in precache.urls
        assert not [url for url in precache.urls if url.endswith((".map", ".gz", ".apkg", "robots.txt"))]
        assert ".hidden" not in precache.urls


def test_what_exclude_names_stays_out(tiny_site):
    lists = _lists(tiny_site, exclude=("*.map", "*.gz", "robots.txt", ".*", "*.apkg", "search/*", "*/search/*"))
    assert not [url for precache in lists.values() for url in precache.urls if "search_index" in url]


def test_each_url_is_the_address_links_use_and_names_its_file(tiny_site):
    for precache in _lists(tiny_site).values():
        for url, relative in zip(precache.urls, precache.files):
            assert (tiny_site / relative).is_file()
            assert url_of(relative) == url


def test_the_version_follows_the_bytes(tiny_site):
    before = version(list(_lists(tiny_site).values()), "worker")
    assert version(list(_lists(tiny_site).values()), "worker") == before
    assert version(list(_lists(tiny_site).values()), "another worker") != before
    (tiny_site / "en/oltp/index.html").write_text(_page(2, "OLTP, edited"), encoding="utf-8")
    assert version(list(_lists(tiny_site).values()), "worker") != before


def test_the_worker_carries_the_lists(tiny_site):
    lists = list(_lists(tiny_site).values())
    code = worker.render("abc", lists)
    assert worker.PLACEHOLDER not in code
    build = json.loads(re.search(r"const BUILD = (\{.*\})\n", code).group(1))
    assert build["version"] == "abc"
    assert [(language["locale"], language["prefix"]) for language in build["languages"]] == [("ko", ""), ("en", "en/")]
    assert build["languages"][1]["urls"] == list(lists[1].urls)


def test_a_worker_without_its_placeholder_is_refused(monkeypatch):
    monkeypatch.setattr(worker, "minified", lambda: None)
    monkeypatch.setattr(worker, "source", lambda: "const BUILD = {}\n")
    with pytest.raises(ValueError, match="placeholder|/\\*BUILD\\*/"):
        worker.render("abc", [])


def test_the_worker_is_the_committed_minified_one_while_it_is_current(tiny_site, monkeypatch):
    lists = list(_lists(tiny_site).values())
    committed = worker.minified()
    assert committed is not None, "sw.min.js is stale: run node scripts/build-bundles.mjs service-worker"
    code = worker.render("abc", lists)
    assert code.startswith(committed[:committed.index("const BUILD")])
    monkeypatch.setattr(worker, "minified", lambda: None)
    plain = worker.render("abc", lists)
    assert re.search(r"const BUILD = (\{.*\})\n", plain).group(1) == re.search(r"const BUILD = (\{.*\})\n", code).group(1)
    assert len(code) < len(plain)


def test_a_changed_worker_makes_the_committed_one_stale(monkeypatch):
    from devconcepts.core.committed import current

    here = Path(worker.__file__).parent
    committed = (here / worker.MINIFIED).read_text(encoding="utf-8")
    source = (here / "sw.js").read_bytes()
    assert current(committed, [("sw.js", source)])
    assert not current(committed, [("sw.js", source + b"// changed\n")])


def test_each_language_has_its_own_installable_manifest():
    ko = json.loads(manifest(AppInfo("ko", "", "개발 개념 스터디 노트", "설명"), icon="assets/images/favicon.svg",
                             theme_color="#4051b5", background_color="#ffffff"))
    en = json.loads(manifest(AppInfo("en", "en/", "Dev Concepts Study Notes", "About"),
                             icon="assets/images/favicon.svg", theme_color="#4051b5", background_color="#ffffff"))
    assert (ko["name"], ko["lang"], ko["start_url"], ko["scope"]) == ("개발 개념 스터디 노트", "ko", "./", "./")
    assert (en["name"], en["lang"], en["start_url"], en["scope"]) == ("Dev Concepts Study Notes", "en", "./", "../")
    assert len(en["short_name"]) <= 12 and en["short_name"] == "Dev Concepts"
    assert ko["icons"] == [{"src": "assets/images/favicon.svg", "sizes": "any", "type": "image/svg+xml",
                            "purpose": "any"}]
    assert en["icons"][0]["src"] == "../assets/images/favicon.svg"
    for app in (ko, en):
        assert app["display"] == "standalone" and app["theme_color"] == "#4051b5"
