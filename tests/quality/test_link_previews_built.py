"""Every page of the real site, both languages, read from the build (no
browser): absolute Open Graph tags and a 1200×630 preview image under
60 KB, hreflang links that agree with the sitemap and the language menu,
under 500 B gzip added per page, and no image in the offline precache.
tests/publish/test_subpath.py checks the same under /REPO/."""

from __future__ import annotations

from quality.link_tags import added_gzip_bytes, hreflang_disagreements, pages, preview_problems

MAX_ADDED_GZIP = 500


def test_every_page_has_absolute_preview_tags_and_an_image(site, site_build):
    problems, sizes = preview_problems(site, site_build.base_url)
    assert problems == [], "\n".join(problems)
    assert len(sizes) == len(pages(site))
    for locale in ("ko", "en"):
        assert any(f"/assets/previews/{locale}/" in url for url in sizes), locale


def test_head_sitemap_and_menu_agree_on_every_page(site, site_build):
    problems = hreflang_disagreements(site, site_build.base_url)
    assert problems == [], "\n".join(problems)


def test_the_tags_add_little_to_each_page(site):
    added = {page.url: added_gzip_bytes(page) for page in pages(site)}
    assert all(size > 0 for size in added.values()), added
    assert {url: size for url, size in added.items() if size >= MAX_ADDED_GZIP} == {}


def test_readers_never_download_the_images(site):
    worker = (site / "sw.js").read_text(encoding="utf-8")
    assert "assets/previews" not in worker
    for page in pages(site):
        loaded = [tag.get("src") or tag.get("href") for tag in page.soup.select("img, link[href], script[src]")]
        assert not [ref for ref in loaded if "previews/" in ref], page.url
