"""One fenced-code scanner for every check of the Markdown source: the
comparison parser, term references and avoided spellings skip exactly the
lines Markdown shows as code."""

from __future__ import annotations

import markdown
import pytest

from devconcepts.compare.parse import parse
from devconcepts.core.fences import FenceScanner, outside_code
from devconcepts.glossary.references import scan_references
from devconcepts.glossary.variants import find_in_page, page_rules
from devconcepts.terms.term_list import Term

COMPARISON = "/// compare | A vs B\n    subjects: [A, B]\n\nSpeed\n: fast\n: slow\n///\n"


@pytest.mark.parametrize("page, code", [
    # A shorter fence inside a longer one is content.
    ("````\n```\nX\n```\nX\n````\nY\n", [1, 2, 3, 4, 5, 6]),
    # A fence with an info string does not close a block.
    ("```\n```python\nX\n```\nY\n", [1, 2, 3, 4]),
    # Tildes do not close backticks.
    ("```\n~~~\nX\n```\nY\n", [1, 2, 3, 4]),
    # A backtick "fence" with a backtick in its info string is inline code.
    ("``` a ` b\nY\n", []),
    # Indented (in a list item) and closed by a longer fence.
    ("- item\n\n    ~~~\n    X\n    ~~~~~\nY\n", [3, 4, 5]),
    # Never closed: code to the end.
    ("Y\n```\nX\nX\n", [2, 3, 4]),
])
def test_which_lines_are_code(page, code):
    scanner = FenceScanner()
    assert [number for number, line in enumerate(page.splitlines(), start=1) if scanner.in_code(line)] == code
    outside = [number for number, _ in outside_code(page.splitlines())]
    assert outside == [n for n in range(1, len(page.splitlines()) + 1) if n not in code]


def test_python_markdown_agrees_on_a_nested_fence():
    html = markdown.markdown("````\n```\nX\n```\nY\n````\n", extensions=["pymdownx.superfences"])
    assert html.count("<code") == 1 and "Y" in html.split("</code>")[0]


NESTED = "````markdown\n```\n" + COMPARISON + "```\n[[term:nope]] 큐블릿\n````\n"


def test_every_check_skips_the_same_code():
    # Before one scanner, a ``` inside a ```` block ended the code for some
    # checks, which then read the lines after it as the page's own.
    assert parse(NESTED) == []
    assert list(scan_references(NESTED)) == []
    kubelet = Term(id="kubelet", names={"ko": "kubelet", "en": "kubelet"}, avoid={"ko": ("큐블릿",)})
    assert find_in_page(NESTED, page_rules([kubelet], "ko")) == []
    after = NESTED + "[[term:nope]] 큐블릿\n"
    assert list(scan_references(after)) == [(len(after.splitlines()), "nope")]
    assert [found.line for found in find_in_page(after, page_rules([kubelet], "ko"))] == [len(after.splitlines())]
