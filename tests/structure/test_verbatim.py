"""One list of the elements a built page keeps as written
(devconcepts.core.verbatim), read the way a browser reads tags: the
whitespace squeeze and the search for leftover block syntax skip the same
text (they had a regex each, with different lists of elements)."""

from __future__ import annotations

import pytest

from devconcepts.assets.whitespace import squeeze
from devconcepts.compare.leftovers import leftover_block_lines
from devconcepts.core.verbatim import verbatim_spans

PAGE = ("<div>\n  <p>a</p>\n"
        "  <script>\n  if (x) { s = '</pre>' }\n  </script>\n"
        "  <!-- <pre>\n  /// compare | shown -->\n"
        "  <p>b</p>\n</div>")


def test_a_closing_tag_inside_a_script_or_a_comment_ends_nothing():
    spans = [PAGE[start:end] for start, end in verbatim_spans(PAGE)]
    assert spans == ["<script>\n  if (x) { s = '</pre>' }\n  </script>", "<!-- <pre>\n  /// compare | shown -->"]
    assert squeeze(PAGE) == ("<div>\n<p>a</p>\n<script>\n  if (x) { s = '</pre>' }\n  </script>\n"
                             "<!-- <pre>\n  /// compare | shown -->\n<p>b</p>\n</div>")


@pytest.mark.parametrize("element", ["pre", "code", "kbd", "textarea", "script", "style"])
def test_every_check_keeps_the_same_elements_as_written(element):
    html = f"<div>\n  <{element}>\n/// compare | shown\n  <b>x</b>\n</{element}>\n</div>"
    assert squeeze(html) == f"<div>\n<{element}>\n/// compare | shown\n  <b>x</b>\n</{element}>\n</div>"
    assert leftover_block_lines(html) == []
    assert leftover_block_lines(html.replace(element, "div")) == ["/// compare | shown"]


def test_markup_is_read_as_a_browser_reads_tags_with_its_offsets():
    from devconcepts.core.html_tags import COMMENT, DECLARATION, markup

    page = '<!doctype html>\n<a title="x > <b>">y</a><script>if (a<b) "<i>"</script><!-- <p> --><br/>'
    found = markup(page)
    assert [(item.name, item.closing) for item in found] == [
        (DECLARATION, False), ("a", False), ("a", True), ("script", False), ("script", True), (COMMENT, False),
        ("br", False)]
    assert "".join(page[item.start:item.end] for item in found) == \
        '<!doctype html><a title="x > <b>"></a><script></script><!-- <p> --><br/>'
    assert found[1].attr("title") == "x > <b>"
