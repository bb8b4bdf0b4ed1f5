"""devconcepts-seo's pure parts: descriptions from a page's opening text,
robots.txt, the sitemap and the per-language sitemaps."""

from __future__ import annotations

import datetime as dt

from devconcepts.seo.crawl_files import language_sitemap, robots_txt
from devconcepts.seo.description import LIMIT, opening_text
from devconcepts.seo.sitemap import Entry, sitemap_xml


def test_description_skips_admonition_titles_and_joins_short_blocks():
    html = ('<p class="admonition-title">Note</p><ul><li>First point &amp; more.</li>'
            '<li>Second point, long enough to describe the page well for a search result.</li></ul>')
    assert opening_text(html) == ("First point & more. Second point, long enough to describe "
                                  "the page well for a search result.")


def test_description_is_cut_at_a_word_boundary():
    text = opening_text("<p>" + "word " * 100 + "</p>")
    assert len(text) <= LIMIT + 1 and text.endswith("word…")


def test_no_description_without_text():
    assert opening_text("<h1>Title</h1><p> </p>") is None


def test_robots_txt_names_the_absolute_sitemap():
    assert "Sitemap: https://example.org/notes/sitemap.xml" in robots_txt("https://example.org/notes/")
    assert "Sitemap" not in robots_txt(None)


def test_language_sitemap_keeps_only_that_language():
    root = ('<urlset>\n    <url><loc>https://x.org/</loc></url>\n'
            '    <url><loc>https://x.org/en/a/</loc></url>\n</urlset>')
    en = language_sitemap(root, "https://x.org/en/")
    assert "https://x.org/en/a/" in en and "<loc>https://x.org/</loc>" not in en


def test_sitemap_pairs_each_page_with_its_date_and_no_changefreq():
    links = (("ko", "https://x.org/a/?q=1&r=2"), ("en", "https://x.org/en/a/"), ("x-default", "https://x.org/a/?q=1&r=2"))
    text = sitemap_xml([Entry("https://x.org/a/?q=1&r=2", dt.date(2024, 3, 4), links),
                        Entry("https://x.org/b/", None, ())])
    assert "<loc>https://x.org/a/?q=1&amp;r=2</loc>\n        <lastmod>2024-03-04</lastmod>" in text
    assert '<xhtml:link rel="alternate" hreflang="x-default" href="https://x.org/a/?q=1&amp;r=2"/>' in text
    assert text.count("<lastmod>") == 1 and "changefreq" not in text
    en = language_sitemap(text, "https://x.org/en/")
    assert "<url>" not in en  # no English page of its own in this sitemap
