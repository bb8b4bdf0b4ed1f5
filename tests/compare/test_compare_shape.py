"""Comparing a page's comparisons with its translation's, shape only."""

from __future__ import annotations

import logging
from types import SimpleNamespace

import markdown
import pytest

from devconcepts.compare.shape import Side, differences
from devconcepts.compare.parse import parse
from devconcepts.compare.plugin import ComparePlugin

KO = """/// compare | 로그 vs 쿠키
    subjects: [로그, 쿠키]
    shared: 공통점

+ 둘 다 기록이다.

핵심
: 서버
: 브라우저

활용
: 감사
: 로그인 유지
///
"""

EN = """/// compare | Logs vs Cookies
    subjects: [Log, Cookie]
    shared: In common

+ Both are records.

Core idea
: Server
: Browser

Uses
: Auditing
: Staying logged in
///
"""


def side(path: str, source: str) -> Side:
    return Side(path, tuple(parse(source)))


def test_translation_with_the_same_shape_matches():
    assert differences(side("a.md", KO), side("a.en.md", EN)) == []


def test_a_missing_row_is_reported_with_both_files_and_lines():
    shorter = EN.replace("Uses\n: Auditing\n: Staying logged in\n", "")
    assert differences(side("a.md", KO), side("a.en.md", shorter)) == [
        "comparison 1 (a.md line 1, a.en.md line 1): 2 rows in a.md, 1 in a.en.md"
    ]


def test_shared_part_subjects_and_count_are_compared():
    no_shared = EN.replace("    shared: In common\n", "").replace("+ Both are records.\n", "")
    three = KO.replace("[로그, 쿠키]", "[로그, 쿠키, 세션]").replace(": 브라우저\n", ": 브라우저\n: 서버\n").replace(
        ": 로그인 유지\n", ": 로그인 유지\n: 세션 유지\n")
    assert differences(side("a.md", three), side("a.en.md", no_shared)) == [
        "comparison 1 (a.md line 1, a.en.md line 1): 3 subjects in a.md, 2 in a.en.md",
        "comparison 1 (a.md line 1, a.en.md line 1): shared part ('+ ' items) in a.md but not in a.en.md",
    ]
    more_items = EN.replace("+ Both are records.\n", "+ Both are records.\n+ Both hold data.\n")
    assert differences(side("a.md", KO), side("a.en.md", more_items)) == [
        "comparison 1 (a.md line 1, a.en.md line 1): 1 shared item in a.md, 2 in a.en.md"
    ]


def test_the_rows_a_note_corrects_are_compared():
    note = '\n!!! info "Note"\n    Newer.\n'
    corrected = KO.replace("    shared: 공통점\n", "    shared: 공통점\n    corrected: {활용: Note}\n") + note
    assert differences(side("a.md", corrected), side("a.en.md", EN + note)) == [
        "comparison 1 (a.md line 1, a.en.md line 1): the rows a note corrects ('corrected') are row 2 in a.md, "
        "none in a.en.md"
    ]
    both = EN.replace("    shared: In common\n", "    shared: In common\n    corrected: {In common: Note}\n") + note
    assert differences(side("a.md", corrected), side("a.en.md", both)) == [
        "comparison 1 (a.md line 1, a.en.md line 1): the rows a note corrects ('corrected') are row 2 in a.md, "
        "the shared row in a.en.md"
    ]
    same = EN.replace("    shared: In common\n", "    shared: In common\n    corrected: {Uses: Note}\n") + note
    assert differences(side("a.md", corrected), side("a.en.md", same)) == []


def test_a_missing_comparison_is_reported():
    assert differences(side("a.md", KO + "\n" + KO.replace("로그 vs 쿠키", "둘째")), side("a.en.md", EN)) == [
        "2 comparisons in a.md, 1 in a.en.md"
    ]


def _page(src_uri: str, locale: str, markdown: str):
    file = SimpleNamespace(src_uri=src_uri, src_path=src_uri, norm_src_uri=src_uri.replace(".en.md", ".md"),
                           locale=locale, content_string=markdown)
    return SimpleNamespace(file=file)


def _plugin() -> ComparePlugin:
    plugin = ComparePlugin()
    plugin.load_config({})
    plugin.on_config(_config("ko"))
    return plugin


def _build_page(plugin: ComparePlugin, page, config) -> None:
    """What MkDocs does with a page: the plugin's Markdown hook, the
    conversion with the plugin's extension, the plugin's HTML hook."""
    text = plugin.on_page_markdown(page.file.content_string, page, config, None)
    html = markdown.Markdown(extensions=["def_list", plugin.compare]).convert(text)
    plugin.on_page_content(html, page, config, None)


def _config(building: str = "ko"):
    """A bilingual site's config while static-i18n builds `building`."""
    i18n = SimpleNamespace(current_language=building, default_language="ko", config=SimpleNamespace(languages=[]))
    return SimpleNamespace(theme={"language": "ko"}, mdx_configs={}, markdown_extensions=[], plugins={"i18n": i18n},
                           docs_dir="/project/docs", config_file_path="/project/mkdocs.yml")


@pytest.mark.parametrize("order", [("ko", "en"), ("en", "ko")], ids=["korean-first", "english-first"])
def test_plugin_warns_whichever_language_is_built_first(order, caplog):
    plugin = _plugin()
    pages = {"ko": _page("log.md", "ko", KO), "en": _page("log.en.md", "en", EN.replace("Uses\n: Auditing\n: Staying logged in\n", ""))}
    with caplog.at_level(logging.WARNING):
        for locale in order:
            _build_page(plugin, pages[locale], _config(locale))
    warnings = [record.getMessage() for record in caplog.records if record.levelno == logging.WARNING]
    assert warnings == [
        "devconcepts: docs/log.md:1: comparison tables of log.md and log.en.md differ: comparison 1 (log.md line 1, "
        "log.en.md line 1): 2 rows in log.md, 1 in log.en.md. Keep both languages' tables the same shape"
    ]


def test_plugin_does_not_compare_a_page_with_its_own_fallback(caplog):
    # Without log.en.md, static-i18n builds /en/log/ from log.md (locale ko).
    plugin = _plugin()
    page = _page("log.md", "ko", KO)
    with caplog.at_level(logging.WARNING):
        _build_page(plugin, page, _config("ko"))
        _build_page(plugin, page, _config("en"))
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []
