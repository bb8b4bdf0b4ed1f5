"""The `devconcepts.compare` Markdown extension on its own, without MkDocs:
golden HTML for good input, the exact error for every kind of bad input."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import markdown
import pytest

from devconcepts.compare.extension import CompareExtension
from devconcepts.compare.parse import ComparisonError
from devconcepts.core.labels import UnknownLabelError

from .bad_cases import BAD

GOLDEN = Path(__file__).parent / "golden"
"""Pairs NAME.md / NAME.html; NAME.en.md renders with the English labels."""

OTHER_EXTENSIONS = ["admonition", "fenced_code"]

_BLOCK_TAGS = "figure|table|caption|thead|tbody|tr|th|td|ul|ol|li|p|div|h[1-6]"
_AROUND_BLOCK_TAG = re.compile(rf"\s*(</?(?:{_BLOCK_TAGS})\b[^>]*>)\s*")
_PRE = re.compile(r"(<pre\b.*?</pre>)", re.DOTALL)


def render(source: str, **config) -> str:
    return markdown.markdown(source, extensions=[CompareExtension(**config), *OTHER_EXTENSIONS])


def canonical(html: str) -> list[str]:
    """One block-level tag per line, indentation and line breaks between tags
    dropped, <pre> kept verbatim: layout differences vanish, content and
    attribute differences show up line by line."""
    lines: list[str] = []
    for part in _PRE.split(html):
        if part.startswith("<pre"):
            lines.append(part)
        else:
            lines.extend(line for line in _AROUND_BLOCK_TAG.sub(r"\n\1\n", part).split("\n") if line.strip())
    return lines


def assert_same_html(actual: str, expected: str, name: str) -> None:
    got, want = canonical(actual), canonical(expected)
    if got != want:
        diff = "\n".join(difflib.unified_diff(want, got, f"{name} (expected)", f"{name} (rendered)", lineterm=""))
        pytest.fail(f"rendered HTML differs from the golden file:\n{diff}", pytrace=False)


@pytest.mark.parametrize("name", sorted(path.name[: -len(".md")] for path in GOLDEN.glob("*.md")))
def test_golden_html(name):
    locale = "en" if name.endswith(".en") else "ko"
    source = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    expected = (GOLDEN / f"{name}.html").read_text(encoding="utf-8")
    assert_same_html(render(source, locale=locale), expected, f"{name}.html")


def test_golden_comparison_detects_a_changed_cell():
    # The golden check itself must be able to fail.
    source = (GOLDEN / "shared-and-inline.md").read_text(encoding="utf-8")
    expected = (GOLDEN / "shared-and-inline.html").read_text(encoding="utf-8")
    with pytest.raises(pytest.fail.Exception, match=r"\+.*공유 저장소"):
        assert_same_html(render(source.replace(": 공유 브랜치", ": 공유 저장소")), expected, "x")


@pytest.mark.parametrize("case", BAD, ids=[case.id for case in BAD])
def test_bad_input_raises_its_exact_message(case):
    with pytest.raises(ComparisonError) as raised:
        render(case.source)
    assert str(raised.value) == case.expected()
    assert raised.value.line == case.line


def test_error_line_counts_the_lines_above_the_block():
    case = next(case for case in BAD if case.id == "duplicate-aspect")
    with pytest.raises(ComparisonError) as raised:
        render("# Title\n\nSome text.\n\n" + case.source)
    assert str(raised.value) == case.expected(4)


def test_block_the_preprocessor_cannot_see_fails_instead_of_printing_a_paragraph():
    # On a list item's first line the header is not at the start of a line, so
    # the parser skips it, but Blocks still finds it inside the item.
    source = "- /// compare | A vs B\n      subjects: [A, B]\n  ///\n"
    with pytest.raises(ComparisonError, match=r"^'/// compare \| A vs B' reached the renderer without being read"):
        render(source)


def test_comparison_markdown_reads_as_code_fails():
    source = "Text.\n\n    /// compare | A vs B\n        subjects: [A, B]\n\n    Speed\n    : fast\n    : slow\n    ///\n"
    with pytest.raises(ComparisonError) as raised:
        render(source)
    assert str(raised.value) == (
        "line 3: comparison 'A vs B' was not rendered: Markdown read it as code or raw HTML. Start the "
        "block at the beginning of a line, or indent it only inside a list item or admonition"
    )


def test_syntax_shown_in_a_fenced_code_block_stays_code():
    html = render("```\n/// compare | A vs B\n    color: red\n///\n```\n")
    assert "<figure" not in html
    assert "/// compare | A vs B" in html


@pytest.mark.parametrize(
    "extensions",
    [
        pytest.param(["devconcepts.compare", "devconcepts.compare"], id="by-name-twice"),
        pytest.param([CompareExtension(), CompareExtension(locale="en")], id="two-instances"),
    ],
)
def test_loading_the_extension_twice_renders_once(extensions):
    source = (GOLDEN / "nested.md").read_text(encoding="utf-8")
    html = markdown.markdown(source, extensions=[*extensions, *OTHER_EXTENSIONS])
    assert html.count('<figure class="compare">') == 2
    assert html.count('<th scope="col">') == 6


def test_a_reused_markdown_instance_starts_each_document_afresh():
    md = markdown.Markdown(extensions=[CompareExtension(), *OTHER_EXTENSIONS])
    first = (GOLDEN / "nested.md").read_text(encoding="utf-8")
    second = (GOLDEN / "shared-and-inline.md").read_text(encoding="utf-8")
    md.convert(first)
    md.reset()
    html = md.convert(second)
    assert html.count('<figure class="compare">') == 1
    assert "git rebase" in html and "A vs B" not in html


def test_labels_follow_the_locale():
    source = (GOLDEN / "shared-and-inline.md").read_text(encoding="utf-8")
    english = render(source, locale="en")
    assert '<th scope="col">Aspect</th>' in english
    assert '<th scope="row">In common</th>' in english
    assert "구분" not in english and "공통점" not in english


def test_unknown_locale_is_refused_up_front():
    with pytest.raises(UnknownLabelError, match="no labels for locale 'ja'"):
        markdown.Markdown(extensions=[CompareExtension(locale="ja")])


def test_a_corrected_row_names_its_note_and_nothing_else_shows_it():
    source = ('/// compare | A vs B\n    subjects: [A, B]\n    shared: 공통\n    corrected: {Speed: 최신 정보, 공통: 최신 정보}\n\n'
              '+ both\n\nSpeed\n: fast\n: slow\n\nSize\n: big\n: small\n///\n\n!!! info "최신 정보"\n    Newer.\n')
    html = render(source)
    assert re.findall(r"<tr[^>]*>", html) == ['<tr>', '<tr class="compare__shared" data-corrected-by="최신 정보">',
                                               '<tr data-corrected-by="최신 정보">', '<tr>']
    plain = render(source.replace("    corrected: {Speed: 최신 정보, 공통: 최신 정보}\n", ""))
    assert html.replace(' data-corrected-by="최신 정보"', "") == plain
