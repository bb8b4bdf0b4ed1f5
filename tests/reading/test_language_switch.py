"""The language switch, in one place: the header's language menu of every
built page leads to the page's counterpart in each language (the 404 pages
to each language's home), and in real Chromium, switching lands on that
page in its language, both ways, and keeps the reader's place: an id both
pages have (a glossary entry) is kept, a heading goes to its counterpart
heading (same position in the page), both ways, and after the fragment
changes on the page. The heading map loads when the menu opens, not with the
page; a click right after opening (as `_switch` does) waits for it.

Served under a subpath, every page's switch is clicked too, in the sweep
that loads every page there (tests/publish/test_subpath.py); the menu's
links agree with the head's hreflang links and the sitemap in
tests/quality/test_link_previews_built.py."""

from __future__ import annotations

import json
from urllib.parse import quote, unquote, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from bilingual.pages import built_pages

browser = pytest.mark.browser


def _heading_ids(site, url) -> list[str]:
    """The page's heading ids in document order, read from the built HTML."""
    soup = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article.md-content__inner")
    return [h["id"] for h in article.find_all(["h1", "h2", "h3", "h4", "h5", "h6"]) if h.get("id")]


def _counterpart(site, url, other_url, fragment) -> str:
    mine, theirs = _heading_ids(site, url), _heading_ids(site, other_url)
    assert len(mine) == len(theirs)
    return theirs[mine.index(fragment)]


def _switch(page, lang, scroll=True):
    """Open the header's language menu and pick `lang`, as a reader does.
    With `scroll=False` the click lands where the link is shown once the
    menu has opened: Playwright's own click may scroll the page while it
    retries a link of the sticky header, which moves the reader's place."""
    page.locator(".md-header .md-select button").hover()
    link = page.locator(f".md-header .md-select a[hreflang={lang}]")
    link.wait_for(state="visible")
    with page.expect_navigation():
        if scroll:
            link.click()
        else:
            link.evaluate("""a => Promise.all(a.closest('.md-select').getAnimations({subtree: true})
                                              .map(animation => animation.finished))""")
            box = link.bounding_box()
            page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_load_state("load")


def _landed(page) -> dict:
    return page.evaluate("""() => {
      const id = decodeURIComponent(location.hash.slice(1));
      const target = id && document.getElementById(id);
      const box = target && target.getBoundingClientRect();
      return {path: location.pathname, id, top: box ? box.top : null};
    }""")


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    yield context.new_page()
    context.close()


@browser
def test_a_glossary_entry_keeps_its_id(page, site_url):
    page.goto(site_url + "glossary/#etcd")
    _switch(page, "en")
    landed = _landed(page)
    assert landed["path"].endswith("/en/glossary/") and landed["id"] == "etcd", landed
    # Scrolled to the entry, not left at the top of the page.
    assert landed["top"] is not None and 0 <= landed["top"] < 200, landed


@browser
@pytest.mark.parametrize("url, other_url, lang, fragment", [
    ("kubernetes-cluster/", "en/kubernetes-cluster/", "en", "워커-노드worker-node"),
    ("en/log-vs-cookie/", "log-vs-cookie/", "ko", "sessions-and-tokens"),
])
def test_a_heading_goes_to_its_counterpart(page, site, site_url, url, other_url, lang, fragment):
    assert fragment in _heading_ids(site, url)
    expected = _counterpart(site, url, other_url, fragment)
    assert expected != fragment
    page.goto(site_url + url + "#" + quote(fragment))
    _switch(page, lang)
    landed = _landed(page)
    assert landed["path"] == "/" + other_url and landed["id"] == expected, landed
    assert landed["top"] is not None and 0 <= landed["top"] < 200, landed


@browser
def test_a_fragment_reached_on_the_page_is_kept_too(page, site, site_url):
    page.goto(site_url + "oltp/")
    ids = _heading_ids(site, "oltp/")
    page.evaluate("id => { location.hash = encodeURIComponent(id); }", ids[2])
    page.wait_for_function("id => decodeURIComponent(location.hash.slice(1)) === id", arg=ids[2])
    _switch(page, "en")
    assert _landed(page)["id"] == _counterpart(site, "oltp/", "en/oltp/", ids[2])


def _scroll_into(page, heading_id):
    """Scroll as a reader does (no fragment): the heading just under the
    sticky header, its first lines being read."""
    page.evaluate("""id => {
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom
      const heading = document.getElementById(id)
      window.scrollBy(0, heading.getBoundingClientRect().top - header + 30)
    }""", heading_id)
    page.wait_for_function("""id => {
      const header = document.querySelector('.md-header').getBoundingClientRect().bottom
      return document.getElementById(id).getBoundingClientRect().top < header
    }""", arg=heading_id)
    assert page.evaluate("location.hash") == ""


@browser
@pytest.mark.parametrize("url, other_url, lang", [
    ("log-vs-cookie/", "en/log-vs-cookie/", "en"),
    ("en/kubernetes-cluster/", "kubernetes-cluster/", "ko"),
])
@pytest.mark.parametrize("map_first", [False, True], ids=["scrolled-then-menu", "menu-then-scrolled"])
def test_a_scrolled_page_switches_to_the_section_being_read(page, site, site_url, url, other_url, lang, map_first):
    ids = _heading_ids(site, url)
    middle = ids[len(ids) // 2]
    expected = _counterpart(site, url, other_url, middle)
    page.goto(site_url + url)
    if map_first:
        # The map arrived with the page still at its top; the reader scrolls
        # afterwards, and the click takes the place they are at then.
        with page.expect_response(lambda response: "counterpart-headings" in response.url):
            page.locator(".md-header .md-select button").hover()
        page.mouse.move(600, 600)
    _scroll_into(page, middle)
    _switch(page, lang, scroll=False)
    landed = _landed(page)
    assert landed["path"] == "/" + other_url and landed["id"] == expected, (middle, landed)
    assert landed["top"] is not None and 0 <= landed["top"] < 200, landed


@browser
def test_without_a_fragment_the_switch_goes_to_the_top_of_the_same_page_both_ways(page, site_url):
    page.goto(site_url + "oltp/")
    assert page.locator("html").get_attribute("lang") == "ko"
    _switch(page, "en")
    assert _landed(page) == {"path": "/en/oltp/", "id": "", "top": None}
    assert page.locator("html").get_attribute("lang") == "en"
    _switch(page, "ko")
    assert _landed(page) == {"path": "/oltp/", "id": "", "top": None}
    assert page.locator("html").get_attribute("lang") == "ko"


@browser
def test_the_heading_map_loads_when_the_menu_opens(page, site_url):
    maps = []
    page.on("request", lambda request: maps.append(request.url) if "counterpart-headings" in request.url else None)
    page.goto(site_url + "kubernetes-cluster/#" + quote("워커-노드worker-node"), wait_until="networkidle")
    page.wait_for_timeout(500)
    assert maps == []
    with page.expect_response(lambda response: "counterpart-headings" in response.url):
        page.locator(".md-header .md-select button").hover()
    assert maps == [site_url + "assets/counterpart-headings.json"]


def test_every_translated_page_has_its_counterpart_headings_in_the_map(site):
    pages = json.loads((site / "assets" / "counterpart-headings.json").read_text(encoding="utf-8"))["pages"]
    by_url = {entry["ko"]["url"]: entry for entry in pages}
    for url in ("kubernetes-cluster/", "oltp/", "glossary/", "log-vs-cookie/"):
        entry = by_url[url]
        assert entry["en"]["url"] == "en/" + url
        assert entry["ko"]["ids"] == [unquote(i) for i in _heading_ids(site, url)]
        assert entry["en"]["ids"] == _heading_ids(site, "en/" + url)


def _menu(soup, url):
    """The language menu's targets as site paths, resolved against the page URL."""
    base = "http://site.test/" + url
    return {a["hreflang"]: urlsplit(urljoin(base, a["href"])).path
            for a in soup.select(".md-select a[hreflang]")}


def test_every_pages_menu_leads_to_its_counterparts(site):
    problems = []
    for page in built_pages(site):
        if page.url.endswith("404.html"):
            # Each language's 404 page leads to each language's home.
            expected = {"ko": "/", "en": "/en/"}
        else:
            path = page.url[3:] if page.url.startswith("en/") else page.url
            expected = {"ko": "/" + path, "en": "/en/" + path}
        links = _menu(page.soup, page.url)
        if links != expected:
            problems.append(f"{page.url or '/'}: {links} != {expected}")
    assert problems == []
    assert {"404.html", "en/404.html"} <= {page.url for page in built_pages(site)}
