"""Tiny bilingual MkDocs sites built with `mkdocs build --strict`: bad input
fails the build naming the file and line, languages that drift apart fail it
naming both files, and good input renders in the page's language."""

from __future__ import annotations

import markdown
import pytest

from .bad_cases import BAD
from .sites import build

FRONT_MATTER = "---\ntitle: Topic\n---\n\n"
LINES_ABOVE = 6
"""Front matter (4 lines), then '# Topic' and a blank line before each case."""

GOOD_KO = """\
/// compare | 로그 vs 쿠키
    subjects: [로그, 쿠키]

핵심
: 서버에 남는 기록
: 브라우저에 저장되는 정보

활용
: 감사, 디버깅
: 로그인 유지
///
"""

GOOD_EN = """\
/// compare | Logs vs Cookies
    subjects: [Log, Cookie]

Core idea
: A record kept on the server
: Information stored in the browser

Uses
: Auditing, debugging
: Staying logged in
///
"""


def errors(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if "ERROR" in line or "WARNING" in line]


@pytest.mark.parametrize("case", [case for case in BAD if case.in_site], ids=lambda case: case.id)
def test_bad_input_fails_the_build_with_file_and_line(tmp_path, case):
    result = build(tmp_path, {"topic.md": FRONT_MATTER + "# Topic\n\n" + case.source, "topic.en.md": "# Topic\n"})
    assert result.returncode != 0
    expected = case.expected(LINES_ABOVE, path="docs/topic.md")
    assert any(line.endswith(expected) for line in errors(result)), "\n".join(errors(result))


def test_blocks_would_swallow_an_unknown_option_but_the_build_fails(tmp_path):
    swallowed = "/// details | Title\n    colour: red\n\nBody.\n///\n"
    # The trap: pymdownx Blocks turns a block with an unknown option into a
    # plain paragraph, without any error.
    assert markdown.markdown(swallowed, extensions=["pymdownx.blocks.details"]).startswith("<p>/// details | Title")

    comparison = "/// compare | A vs B\n    subjects: [A, B]\n    colour: red\n\nSpeed\n: fast\n: slow\n///\n"
    result = build(tmp_path, {"topic.md": comparison, "topic.en.md": "# Topic\n"})
    assert result.returncode != 0
    assert any(line.endswith("docs/topic.md:3: unknown option 'colour'; a comparison takes only 'subjects', "
                             "'shared' and 'corrected'") for line in errors(result)), result.stderr
    assert not (tmp_path / "site" / "topic" / "index.html").exists()


def test_other_block_text_left_in_the_html_fails_the_build(tmp_path):
    # A block the plugin does not own, swallowed by Blocks as shown above.
    page = "# Topic\n\n/// details | Title\n    colour: red\n\nBody.\n///\n"
    result = build(tmp_path, {"topic.md": page, "topic.en.md": "# Topic\n"},
                   extensions="- devconcepts.compare\n- pymdownx.blocks.details")
    assert result.returncode != 0
    assert any(line.endswith(
        "docs/topic.md:3: block syntax '/// details | Title' was not turned into HTML; check the block's name "
        "and that its extension is enabled, its '| title' and its options") for line in errors(result)), result.stderr


def test_translations_that_drift_apart_fail_naming_both_files(tmp_path):
    english = GOOD_EN.replace("Uses\n: Auditing, debugging\n: Staying logged in\n", "")
    result = build(tmp_path, {"topic.md": FRONT_MATTER + GOOD_KO, "topic.en.md": english})
    assert result.returncode != 0
    assert any(line.endswith(
        "docs/topic.md:5: comparison tables of topic.md and topic.en.md differ: comparison 1 (topic.md line 5, topic.en.md line 1): "
        "2 rows in topic.md, 1 in topic.en.md. Keep both languages' tables the same shape")
        for line in errors(result)), result.stderr


def test_a_translation_without_the_comparison_fails(tmp_path):
    result = build(tmp_path, {"topic.md": GOOD_KO, "topic.en.md": "# Topic\n\nNo table here.\n"})
    assert result.returncode != 0
    assert any(line.endswith("docs/topic.md:1: comparison tables of topic.md and topic.en.md "
                             "differ: 1 comparison in topic.md, 0 in topic.en.md. Keep both languages' tables "
                             "the same shape") for line in errors(result)), result.stderr


def test_good_site_renders_each_language_with_its_own_labels(tmp_path):
    # The extension is not listed: the plugin adds it, once, although
    # static-i18n runs on_config again for the English build.
    result = build(tmp_path, {"topic.md": FRONT_MATTER + GOOD_KO, "topic.en.md": GOOD_EN,
                              "korean-only.md": GOOD_KO},
                   extensions="- def_list")
    assert result.returncode == 0, result.stderr
    assert errors(result) == []
    site = tmp_path / "site"
    korean = (site / "topic" / "index.html").read_text(encoding="utf-8")
    english = (site / "en" / "topic" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">구분</th>' in korean and '<caption>로그 vs 쿠키</caption>' in korean
    assert '<th scope="col">Aspect</th>' in english and '<caption>Logs vs Cookies</caption>' in english
    # /en/korean-only/ falls back to the Korean file: its text stays Korean,
    # its labels are those of the page's language, the English build's.
    fallback = (site / "en" / "korean-only" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Aspect</th>' in fallback and '<caption>로그 vs 쿠키</caption>' in fallback
    for html in (korean, english, fallback):
        assert html.count('<figure class="compare">') == 1
        assert "///" not in html
