"""Script in content is found at its line: raw HTML in Markdown (not code),
the term list and the diagrams."""

from __future__ import annotations

import pytest

from devconcepts.core.fences import without_code
from devconcepts.csp.sources import find_in_data, find_in_markdown


def lines(findings):
    return [(finding.line, finding.message) for finding in findings]


@pytest.mark.parametrize("markdown, expected", [
    ("# T\n\n<script>alert(1)</script>\n", [(3, "a <script> element")]),
    ("# T\n\n<SCRIPT src=\"x.js\"></SCRIPT>\n", [(3, "a <script> element")]),
    ("a\n<img src=x onerror=alert(1)>\n", [(2, "an event-handler attribute 'onerror=' on <img>")]),
    ("a\n<div class=\"c\"\n     onclick=\"go()\">x</div>\n", [(3, "an event-handler attribute 'onclick=' on <div>")]),
    ("<svg><a xlink:href=\"javascript:alert(1)\">x</a></svg>\n", [(1, "a javascript: URL in xlink:href= on <a>")]),
    ("text\n\n[click](javascript:alert(1))\n", [(3, "a javascript: URL in a Markdown link")]),
    ("text\n\n[ref]: JavaScript:alert(1)\n", [(3, "a javascript: URL in a Markdown link")]),
    ("<p style=\"color:red\">x</p>\n", [(1, "a style= attribute on <p>")]),
    ("<style>p{}</style>\n", [(1, "a <style> element")]),
])
def test_markup_that_runs_or_styles_is_found(markdown, expected):
    assert lines(find_in_markdown(markdown)) == expected


@pytest.mark.parametrize("markdown", [
    # The home page's cards: raw HTML without script stays allowed.
    '<div class="grid cards" markdown>\n\n- <a href="oltp/">OLTP</a>\n\n</div>\n',
    "Shown, not run: `<script>alert(1)</script>` and ``<img onerror=x>``.\n",
    "```html\n<script>alert(1)</script>\n<a onclick=\"x\">\n```\n",
    "- item\n\n    ~~~~js\n    <img src=x onerror=alert(1)>\n    ~~~~\n",
    "<!-- <script>alert(1)</script> -->\n",
    "Words like onload= or on= in plain text, and a < b > c.\n",
    "<a href=\"https://example.org/?onload=1\">x</a>\n",
    "<https://example.org/>\n",
])
def test_content_without_script_is_left_alone(markdown):
    assert find_in_markdown(markdown) == []


def test_code_is_blanked_with_its_lines_kept():
    text = "a\n```\n<script>\n```\n`<b>` b\n"
    masked = without_code(text)
    assert masked.count("\n") == text.count("\n")
    assert "<" not in masked and masked.endswith(" b\n")


def test_a_lone_backtick_hides_nothing_past_its_paragraph():
    text = "A stray ` here.\n\n<script>alert(1)</script>\n\nand ` there.\n"
    assert lines(find_in_markdown(text)) == [(3, "a <script> element")]


def test_a_fence_closes_only_with_its_own_kind():
    text = "````\n```\n<script>x</script>\n````\n<script>y</script>\n"
    assert lines(find_in_markdown(text)) == [(5, "a <script> element")]


def test_term_list_and_diagrams_are_read_whole():
    yaml_text = ("- id: x\n"
                 "  definitions:\n"
                 "    ko: 설명 <img src=x onerror=alert(1)>\n"
                 "    en: '<script>alert(1)</script>'\n")
    assert lines(find_in_data(yaml_text)) == [
        (3, "an event-handler attribute 'onerror=' on <img>"),
        (4, "a <script> element"),
    ]
