"""The per-language index files of the real site (built once, --strict) and of a
small site with a missing translation."""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from devconcepts.search.plugin import TOLERANCE_PATH
from devconcepts_testkit import ROOT, build_site

LANGUAGES = {"ko": "", "en": "en/"}
WORKER = "assets/javascripts/workers/devconcepts-search.js"


def index(site: Path, prefix: str) -> dict:
    return json.loads((site / prefix / "search" / "search_index.json").read_text(encoding="utf-8"))


def page_config(html_file: Path) -> dict:
    html = html_file.read_text(encoding="utf-8")
    return json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S).group(1))


@pytest.mark.parametrize("locale, prefix", LANGUAGES.items())
def test_study_mode_controls_are_not_indexed(site, locale, prefix):
    from devconcepts.core.labels import label

    text = json.dumps(index(site, prefix)["docs"], ensure_ascii=False)
    assert label("study.toggle", locale) not in text


@pytest.mark.parametrize("locale, prefix", LANGUAGES.items())
def test_one_index_per_language_with_only_its_pages(site, locale, prefix):
    docs = index(site, prefix)["docs"]
    assert docs, f"{locale} index is empty"
    for doc in docs:
        path = doc["location"].split("#")[0]
        # Locations are relative to the language root.
        assert not path.startswith("en/"), doc["location"]
        assert (site / prefix / path / "index.html").is_file(), doc["location"]
    locations = [d["location"] for d in docs]
    assert len(locations) == len(set(locations)), "duplicate entries"


@pytest.mark.parametrize("locale, prefix", LANGUAGES.items())
def test_every_page_of_the_language_is_indexed(site, locale, prefix):
    indexed = {d["location"].split("#")[0] for d in index(site, prefix)["docs"]}
    sources = sorted(p for p in (ROOT / "docs").glob("*.md")
                     if p.name.endswith(".en.md") == (locale == "en"))
    expected = set()
    for source in sources:
        text = source.read_text(encoding="utf-8")
        if re.search(r"^search:\s*\n\s+exclude:\s*true", text, re.M):
            continue
        stem = source.name.removesuffix(".md").removesuffix(".en")
        expected.add("" if stem == "index" else f"{stem}/")
    assert indexed == expected


def test_indexed_text_is_the_page_text(site):
    # Korean text is stored as written: UTF-8 (not \\u escapes, 6 bytes a
    # syllable), no zero-width spaces or other segmentation marks.
    raw = (site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert "\\uac" not in raw.lower() and "\u200b" not in raw
    docs = index(site, "")["docs"]
    cluster = next(d for d in docs if "(클러스터링)" in d["text"])
    assert "서버(클러스터링)" in cluster["text"]


def test_index_config_for_the_worker(site):
    ko, en = index(site, "")["config"], index(site, "en/")["config"]
    for config in (ko, en):
        assert "keywords" in config["fields"] and config["fields"]["title"]["boost"] > config["fields"]["text"]["boost"]
        assert "(" in config["separator"] and "을" in config["normalizer"]["particles"]
    # Material's own per-language defaults: no pipeline for Korean, the stop
    # word filter for English.
    assert ko["pipeline"] == [] and en["pipeline"] == ["stopWordFilter"]
    assert "스케줄러" in ko["normalizer"]["stems"]


def test_pages_point_search_at_their_language(site):
    ko = page_config(site / "kubernetes-cluster" / "index.html")
    en = page_config(site / "en" / "kubernetes-cluster" / "index.html")
    assert ko["base"] == ".." and en["base"] == "../../en/"
    for config in (ko, en):
        assert re.fullmatch(r"(\.\./)+assets/javascripts/workers/devconcepts-search\.js\?worker=search\.[0-9a-f]+"
                            r"\.min\.js&v=[0-9a-f]{8}", config["search"]), config["search"]
    assert page_config(site / "en" / "404.html")["base"].endswith("/en/")
    assert (site / "assets/javascripts/workers/devconcepts-search.js").is_file()


def test_fallback_page_stays_out_of_the_other_language(tmp_path):
    # static-i18n builds a page without a translation from the Korean file at
    # /en/<page>/ too; its Korean text must not enter the English index.
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("# 홈\n\n한국어 홈.\n", encoding="utf-8")
    (docs / "index.en.md").write_text("# Home\n\nEnglish home.\n", encoding="utf-8")
    (docs / "only-korean.md").write_text("# 한국어만\n\n번역이 없는 페이지.\n", encoding="utf-8")
    # Only this plugin's worker from overrides/: the other partials there
    # need the project's other plugins.
    overrides = tmp_path / "overrides"
    (overrides / WORKER).parent.mkdir(parents=True)
    for script in (WORKER, TOLERANCE_PATH):  # the worker and the script it loads
        (overrides / script).symlink_to(ROOT / "overrides" / script)
    # The search aliases come from the term list in data/ beside mkdocs.yml.
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    config = tmp_path / "mkdocs.yml"
    config.write_text(textwrap.dedent(f"""\
        site_name: t
        site_url: http://127.0.0.1/
        docs_dir: {docs}
        theme: {{name: material, language: ko, custom_dir: {overrides}}}
        plugins:
          - search
          - i18n:
              docs_structure: suffix
              fallback_to_default: true
              reconfigure_search: false
              languages:
                - {{locale: ko, name: 한국어, default: true, build: true}}
                - {{locale: en, name: English, build: true}}
          - devconcepts-search
        """), encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, config=config)
    assert result.returncode == 0, result.stderr
    assert (site / "en" / "only-korean" / "index.html").is_file()
    ko = {d["location"] for d in index(site, "")["docs"]}
    en = {d["location"] for d in index(site, "en/")["docs"]}
    assert "only-korean/" in ko
    assert en == {""}


def test_table_cells_and_rows_are_separated(site):
    # A snippet of a comparison table reads cell by cell and row by row, not as
    # one run-on sentence: " · " between the cells of a row, " / " between
    # rows (and after the caption), one space around each.
    html = (site / "log-vs-cookie" / "index.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    table = soup.select_one("article table")
    caption = table.caption.get_text(strip=True)
    rows = [" · ".join(cell.get_text(strip=True) for cell in row.find_all(["th", "td"]))
            for row in table.find_all("tr")[:2]]
    text = next(d["text"] for d in index(site, "")["docs"] if d["location"] == "log-vs-cookie/")
    plain = re.sub(r"<[^>]+>", "", text)
    assert f"{caption} / {rows[0]} / {rows[1]} / " in plain, plain[:400]
    assert "\ue000" not in text and "\ue001" not in text


def test_cell_marks_follow_each_table_of_nested_tables():
    from devconcepts.search.tables import mark_cells, separate

    html = ("<table><tr><th>a</th><td>b<table><tr><td>x</td><td>y</td></tr><tr><td>z</td></tr></table></td>"
            "</tr>\n<tr>\n<td>\nc\n</td>\n<td>d</td></tr></table><p>e</p>")
    text = separate(re.sub(r"<[^>]+>", " ", mark_cells(html)))
    assert " ".join(text.split()) == "a · b x · y / z / c · d e"


def test_cell_marks_go_after_whole_tags_and_not_into_comments():
    from devconcepts.search.tables import mark_cells

    # A ">" inside a quoted attribute does not end the tag.
    quoted = '<table><tr><td>a</td><TD title="a > b">b</TD></tr></table>'
    assert mark_cells(quoted) == '<table><tr><td>a</td><TD title="a > b">\ue000b</TD></tr></table>'
    # A cell tag inside a comment is text: it gets no mark.
    commented = "<table><tr><td>a</td><!-- <td>x</td> --><td>b</td></tr></table>"
    assert mark_cells(commented) == "<table><tr><td>a</td><!-- <td>x</td> --><td>\ue000b</td></tr></table>"
