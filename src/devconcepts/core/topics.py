"""Which pages are topics: the site's pages of study, which the print book
prints and the review page asks about, in navigation order.

Every page of the navigation is a topic except those that mkdocs.yml lists,
once for every feature, under `extra: not_topics:` (the home page, the
glossary, the review page, the book), as docs-relative sources without a
language suffix (`review.md` stands for `review.en.md` too). Without the
list, only the home page is not a topic.

A page that fell back to another language's file (static-i18n's copy of a
Korean page in the English build) is not one of its build's topics: a
language's book and cards hold only pages written in that language.
"""

from __future__ import annotations

from dataclasses import dataclass

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from devconcepts.core.locales import counterpart_key, is_fallback

SETTING = "not_topics"
"""The key under mkdocs.yml's `extra:`."""
DEFAULT = ("index.md",)


@dataclass(frozen=True)
class Topics:
    pages: list[Page]
    """The topics written in the build's language, in navigation order."""
    fallbacks: list[Page]
    """Topic pages that fell back to another language's file, left out."""


def not_topics(config: MkDocsConfig) -> frozenset[str]:
    """The sources that are not topics, as mkdocs.yml lists them."""
    return frozenset((config.extra or {}).get(SETTING, DEFAULT))


def topics(config: MkDocsConfig, nav: Navigation) -> Topics:
    """The build's topics and the topic pages left out as fallbacks."""
    left_out = not_topics(config)
    pages, fallbacks = [], []
    for page in nav.pages:
        if counterpart_key(page.file) in left_out:
            continue
        (fallbacks if is_fallback(config, page.file) else pages).append(page)
    return Topics(pages, fallbacks)
