"""The link from a topic page's self-check to that topic's cards on the
review page (`../review/?topic=oltp`), which the review app opens with the
topic chosen.

The self-check questions are the page's `??? question` blocks (Material's
`<details class="question">`), the cards' own source; the link goes right
after the last of them, in the page as served. It is added to the finished
page, so the print book and the cards, made from the pages' content, never
carry it.
"""

from __future__ import annotations

import html
from urllib.parse import quote

from devconcepts.core.html_tags import markup

LINK_CLASS = "review-topic-link"


def topic_href(review_href: str, topic: str) -> str:
    """The review page's URL (relative to the topic page) with the topic chosen."""
    return f"{review_href}?topic={quote(topic)}"


def link_offset(page_html: str) -> int | None:
    """Where the link goes in `page_html`: right after its last question;
    None if it has none."""
    # Read from the first <details> on: the head, header and navigation
    # before it (most of a page) hold none.
    start = page_html.find("<details")
    if start < 0:
        return None
    details = [item for item in markup(page_html[start:]) if item.name == "details"]
    questions = [i for i, item in enumerate(details)
                 if not item.closing and (item.attr("class") or "").split()[:1] == ["question"]]
    if not questions:
        return None
    depth = 0
    for item in details[questions[-1]:]:
        depth += -1 if item.closing else 1
        if depth == 0:
            return start + item.end
    return None


def add_link(page_html: str, href: str, text: str, offset: int | None) -> str:
    """`page_html` with the link at `offset` (`link_offset`); unchanged for None."""
    if offset is None:
        return page_html
    link = f'\n<p class="{LINK_CLASS}"><a href="{html.escape(href)}">{html.escape(text, quote=False)}</a></p>'
    return page_html[:offset] + link + page_html[offset:]
