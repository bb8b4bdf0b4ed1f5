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
import re
from urllib.parse import quote

LINK_CLASS = "review-topic-link"
_QUESTION = re.compile(r'<details class="question[" ]')
_DETAILS = re.compile(r"<details[\s>]|</details>")


def topic_href(review_href: str, topic: str) -> str:
    """The review page's URL (relative to the topic page) with the topic chosen."""
    return f"{review_href}?topic={quote(topic)}"


def add_link(page_html: str, href: str, text: str) -> str:
    """`page_html` with the link after its last question; unchanged if it has none."""
    starts = [match.start() for match in _QUESTION.finditer(page_html)]
    if not starts:
        return page_html
    depth, end = 0, None
    for match in _DETAILS.finditer(page_html, starts[-1]):
        depth += -1 if match.group() == "</details>" else 1
        if depth == 0:
            end = match.end()
            break
    if end is None:
        return page_html
    link = f'\n<p class="{LINK_CLASS}"><a href="{html.escape(href)}">{html.escape(text, quote=False)}</a></p>'
    return page_html[:end] + link + page_html[end:]
