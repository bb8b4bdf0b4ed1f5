"""One fenced-code scanner for every check of the Markdown source: the
comparison parser, term references and avoided spellings skip exactly the
lines Markdown shows as code."""

from __future__ import annotations

import markdown
import pytest

from sitekit import TERMS_FILE

from devconcepts.compare.parse import parse
from devconcepts.core.fences import FenceScanner, blank_code_spans, outside_code, prose_lines
from devconcepts.csp.sources import find_in_markdown
from devconcepts.glossary.extension import GlossaryExtension
from devconcepts.glossary.references import UnknownTermError
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
    # In a blockquote, closed in as many blockquotes; outside it, a quoted
    # fence is content.
    ("> ```\n> X\n> ```\nY\n", [1, 2, 3]),
    ("```\n> ```\nX\n```\nY\n", [1, 2, 3, 4]),
])
def test_which_lines_are_code(page, code):
    scanner = FenceScanner()
    assert [number for number, line in enumerate(page.splitlines(), start=1) if scanner.in_code(line)] == code
    outside = [number for number, _ in outside_code(page.splitlines())]
    assert outside == [n for n in range(1, len(page.splitlines()) + 1) if n not in code]


def test_python_markdown_agrees_on_a_nested_fence():
    html = markdown.markdown("````\n```\nX\n```\nY\n````\n", extensions=["pymdownx.superfences"])
    assert html.count("<code") == 1 and "Y" in html.split("</code>")[0]


def references(page):
    """The line of the first unknown [[term:…]] reference, as the glossary reports it; None if none."""
    try:
        markdown.markdown(page, extensions=["pymdownx.superfences", GlossaryExtension(terms_file=str(TERMS_FILE))])
    except UnknownTermError as error:
        return error.line
    return None


NESTED = "````markdown\n```\n" + COMPARISON + "```\n[[term:nope]] 큐블릿\n````\n"


def test_every_check_skips_the_same_code():
    # Before one scanner, a ``` inside a ```` block ended the code for some
    # checks, which then read the lines after it as the page's own.
    assert parse(NESTED) == []
    assert references(NESTED) is None
    kubelet = Term(id="kubelet", names={"ko": "kubelet", "en": "kubelet"}, avoid={"ko": ("큐블릿",)})
    assert find_in_page(NESTED, page_rules([kubelet], "ko")) == []
    after = NESTED + "[[term:nope]] 큐블릿\n"
    assert references(after) == len(after.splitlines())
    assert [found.line for found in find_in_page(after, page_rules([kubelet], "ko"))] == [len(after.splitlines())]


@pytest.mark.parametrize("text, blanked", [
    ("a `b` c", "a     c"),
    # A span closes only with a run of as many backticks.
    ("a ``b`c`` d", "a         d"),
    ("a ``b` c", "a ``b` c"),
    # A span may continue on the next line, never past a blank line.
    ("a `b\nc` d", "a   \n   d"),
    ("a `b\n\nc` d", "a `b\n\nc` d"),
])
def test_code_spans_are_blanked_in_place(text, blanked):
    assert blank_code_spans(text) == blanked


QUOTED = "> ```\n> [[term:nope]] 큐블릿 <script>x</script>\n> ```\n"


def test_every_check_skips_the_same_code_spans_and_quoted_fences():
    # Each check had its own code-span pattern (one of them per line only);
    # the script check had its own fence scanner, the only one to see a
    # fence in a blockquote.
    page = QUOTED + "`[[term:a]] 큐블릿 <script>` and ``x`\n[[term:b]] 큐블릿 <script>``\n"
    assert [number for number, _ in prose_lines(page)] == [4, 5]
    assert references(page) is None
    kubelet = Term(id="kubelet", names={"ko": "kubelet", "en": "kubelet"}, avoid={"ko": ("큐블릿",)})
    assert find_in_page(page, page_rules([kubelet], "ko")) == []
    assert find_in_markdown(page) == []
    after = page + "[[term:c]] 큐블릿 <script>\n"
    assert references(after) == 6
    assert [found.line for found in find_in_page(after, page_rules([kubelet], "ko"))] == [6]
    assert [finding.line for finding in find_in_markdown(after)] == [6]
