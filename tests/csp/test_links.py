"""External links get rel="noopener" and keep opening in the same tab."""

from __future__ import annotations

import pytest

from devconcepts.csp.links import add_noopener

SITE = "https://example.org/notes/"


@pytest.mark.parametrize("html, expected", [
    ('<a href="https://kubernetes.io/docs/">k</a>', '<a href="https://kubernetes.io/docs/" rel="noopener">k</a>'),
    ('<a href="http://x.org" rel="nofollow">x</a>', '<a href="http://x.org" rel="nofollow noopener">x</a>'),
    ("<a href='//cdn.x.org/a' class=c>x</a>", "<a href='//cdn.x.org/a' class=c rel=\"noopener\">x</a>"),
    # The page asked for a new tab: it keeps it, with noopener.
    ('<a href="https://x.org" target="_blank">x</a>', '<a href="https://x.org" target="_blank" rel="noopener">x</a>'),
])
def test_links_off_the_site_get_noopener(html, expected):
    assert add_noopener(html, SITE) == expected


@pytest.mark.parametrize("html", [
    '<a href="../oltp/">OLTP</a>',
    '<a href="#top">top</a>',
    '<a href="https://example.org/notes/en/">English</a>',
    '<a href="mailto:a@example.org">mail</a>',
    '<a href="https://x.org" rel="noopener noreferrer">x</a>',
    '<a>no href</a>',
    '<link rel="canonical" href="https://elsewhere.org/">',
    '<pre><code>&lt;a href="https://x.org"&gt;</code></pre>',
])
def test_other_links_are_left_alone(html):
    assert add_noopener(html, SITE) == html


def test_no_link_gets_a_target():
    html = add_noopener('<p><a href="https://a.org">a</a> <a href="https://b.org">b</a></p>', SITE)
    assert "target" not in html and html.count('rel="noopener"') == 2
