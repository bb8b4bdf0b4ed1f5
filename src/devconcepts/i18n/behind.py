"""The notice on a translated page that is behind its source page.

Shown under `mkdocs serve` only, where the author is looking (as kubernetes.io
marks an outdated localized page): a marked note right after the page title,
in the page's language, that links the original. The published build never
has one: there the strict build fails on the same drift (`source_hash`)."""

from __future__ import annotations

import html

from devconcepts.core.labels import label

CLASS = "translation-behind"


def notice(locale: str, original_href: str, original_locale: str) -> str:
    """The note's HTML; kept out of the search index, which would find it on every such page."""
    text = {key: html.escape(label(f"translation.behind.{key}", locale)) for key in ("title", "text", "link")}
    return (f'<aside class="admonition warning {CLASS}" role="note" data-search-exclude>'
            f'<p class="admonition-title">{text["title"]}</p>'
            f'<p>{text["text"]} <a href="{html.escape(original_href)}" hreflang="{html.escape(original_locale)}">'
            f'{text["link"]}</a></p></aside>')


def with_notice(content: str, note: str) -> str:
    """`content` (a page's HTML) with `note` after its first heading, or first."""
    end = content.find("</h1>")
    if end < 0:
        return note + content
    end += len("</h1>")
    return content[:end] + note + content[end:]
