"""Finding block syntax that Markdown left in a page's HTML."""

import markdown

from devconcepts.compare.leftovers import leftover_block_lines


def test_a_swallowed_block_is_found_header_and_fence():
    html = markdown.markdown("/// details | Title\n    colour: red\n\nBody.\n///\n",
                             extensions=["pymdownx.blocks.details"])
    assert leftover_block_lines(html) == ["/// details | Title", "///"]


def test_syntax_shown_as_code_is_not_a_leftover():
    html = markdown.markdown("Use `/// compare | A vs B`.\n\n```\n/// compare | A vs B\n///\n```\n",
                             extensions=["fenced_code"])
    assert "/// compare" in html
    assert leftover_block_lines(html) == []


def test_slashes_inside_a_sentence_are_not_a_leftover():
    html = markdown.markdown("See https://example.com/// or a /// b.\n")
    assert leftover_block_lines(html) == []
