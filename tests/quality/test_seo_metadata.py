"""devconcepts-seo's pure parts: descriptions from a page's opening text,
robots.txt, per-language sitemaps."""

from __future__ import annotations

from devconcepts.seo.crawl_files import language_sitemap, robots_txt
from devconcepts.seo.description import LIMIT, opening_text


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
