"""The site's search box in Chromium, for the tests that type into it."""

from __future__ import annotations

import pytest

from devconcepts_testkit import search_queries as sq


@pytest.fixture
def box_on(browser, site_url):
    """`box_on(locale)`: the search box of that language's home page, in a
    browser context of its own."""
    contexts = []

    def open_box(locale: str) -> sq.SearchBox:
        context = browser.new_context()
        contexts.append(context)
        return sq.SearchBox(context.new_page(), site_url + sq.language_root(locale))

    yield open_box
    for context in contexts:
        context.close()


def paths(shown: dict, site_url: str) -> list[str]:
    """The results' page paths, without the site's address or the highlight query."""
    return [link.removeprefix(site_url).split("?")[0] for link in shown["links"]]
