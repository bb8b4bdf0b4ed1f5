"""The site as GitHub Pages serves a project site: built with a site_url that
ends in /REPO/ and served under /REPO/ only. Every page of both languages
loads in Chromium without a request that fails (a missing file included) or
leaves the sub-path (no fonts, CDNs, analytics or images from elsewhere),
the search worker's requests among them; links and the language switcher
stay inside it, and search results do too; the home page and each
topic's self-check link the review page inside it.

Each page is a first visit (a fresh browser context), and the sweep holds
its bytes to the budget: what the page and its workers load before any
interaction, until the service worker is ready, as the gzip sizes of the
built files behind the URLs. That visit downloads no search index and no
sitemap, and the service worker fetches nothing but its own script; the
search index comes when the reader opens search."""

from __future__ import annotations

import gzip
import json
import re
from urllib.parse import unquote, urlsplit

import pytest

from sitekit import PROJECT_REPO
from glossary.site_pages import TOPICS
from publish.subpath import Traffic, built_pages, target_file, transferred_gzip
from quality.link_tags import hreflang_disagreements, preview_problems

pytestmark = pytest.mark.browser

REPO = PROJECT_REPO
"""The site lives at https://USER.github.io/study-notes/: the session's
`project_site` (conftest.py), served under /REPO/ at the address it is built
for, port included (Material matches sitemap URLs against the page's own
address)."""

SEARCH_INDEX = "search/search_index.json"

PAGE_BUDGET = 75_000
"""Bytes (gzip) a first visit to any page loads before any interaction."""
BOOK_BUDGET = 100_000
"""The same for the pages that hold every topic or card: the print books and the review pages."""
BOOKS = {"print/", "en/print/", "review/", "en/review/"}


def budget(url: str) -> int:
    return BOOK_BUDGET if url in BOOKS else PAGE_BUDGET

SEARCHES = [("", "쿠버네티스"), ("en/", "Kubernetes")]
"""(language home, query) for each language."""


@pytest.fixture
def tab(browser):
    # Wide enough that the header shows the search box and language menu.
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    traffic = Traffic()
    traffic.attach(page)
    yield page, traffic
    context.close()


def _outside(urls: list[str], base: str) -> list[str]:
    return [url for url in urls if not url.startswith(base) and not url.startswith(("data:", "blob:"))]


def _links(page, selector: str) -> list[str]:
    return page.eval_on_selector_all(selector, "elements => elements.map(e => e.href)")


def test_sitemaps_list_only_subpath_urls(project_site):
    site_dir, _, base = project_site
    root = site_dir / "sitemap.xml"
    assert root.is_file(), "no sitemap.xml in the site root"
    assert gzip.decompress((site_dir / "sitemap.xml.gz").read_bytes()) == root.read_bytes()
    for sitemap in site_dir.rglob("sitemap.xml"):
        urls = re.findall(r"<loc>\s*(.*?)\s*</loc>", sitemap.read_text()) + \
            re.findall(r'<xhtml:link[^>]*href="([^"]*)"', sitemap.read_text())
        assert urls, f"{sitemap} lists no URL"
        assert _outside(urls, base) == [], sitemap
        assert [url for url in urls if target_file(site_dir, base, url) is None] == [], sitemap


def test_link_tags_are_absolute_and_agree_under_the_subpath(project_site):
    """Read from the built files: hreflang links, the sitemap and the
    language menu agree on every page, and the Open Graph URLs and images
    are absolute under /REPO/."""
    site_dir, _, base = project_site
    assert base.endswith(f"/{REPO}/")
    problems = hreflang_disagreements(site_dir, base)
    assert problems == [], "\n".join(problems)
    problems, sizes = preview_problems(site_dir, base)
    assert problems == [], "\n".join(problems)
    assert sizes and all(url.startswith(f"{base}assets/previews/") for url in sizes)


@pytest.fixture(scope="module")
def every_page(project_site, browser) -> dict[str, list]:
    """Each built page loaded once, as a first visit: its bytes and what the
    visit asked for too early ("first"), the problems with what it links
    and loads, search opened ("stays"), then with where its language switch
    goes ("switch"; from a middle section where the page has one,
    "switched_in_place"), and the sitemaps a page or its search worker fetched."""
    site_dir, _, base = project_site
    stays, switch, first, sitemaps, weights, review_links, switched_in_place = [], [], [], set(), {}, {}, []
    for url in built_pages(site_dir):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            traffic = Traffic()
            traffic.attach(page)
            # The page's requests, its workers' and the service worker's
            # (which saves the language once the switch opens a second page).
            everything, by_worker = [], []
            context.on("request", lambda request: (everything.append(request.url),
                                                   request.service_worker and by_worker.append(request.url)))
            page.goto(base + url, wait_until="networkidle")
            registers = page.locator("link[rel=manifest][data-service-worker]").count() > 0
            if registers:
                page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            page.wait_for_load_state("networkidle")
            weights[url] = transferred_gzip(site_dir, base, everything)
            first += _first_visit(url, everything, by_worker, weights[url], base)
            if registers and base + "sw.js" not in everything:
                first.append(f"{url}: the service worker's script was not seen, nor counted")
            stays += _search_opened(page, traffic, url)
            stays += _stays_inside(page, traffic, site_dir, base, url)
            review_links[url] = _links(page, ".review-topic-link a, article a[href$='review/']")
            if not url.endswith("404.html"):
                problems, scrolled = _switch_language(page, traffic, site_dir, base, url)
                switch += problems
                switched_in_place += [url] if scrolled else []
            sitemaps |= {req for req in set(everything) - set(by_worker) if req.split("?")[0].endswith("sitemap.xml")}
        finally:
            context.close()
    return {"stays": stays, "switch": switch, "first": first, "sitemaps": sitemaps, "weights": weights,
            "review links": review_links, "switched_in_place": switched_in_place}


def _first_visit(url: str, requests: list[str], by_worker: list[str], weight: int, base: str) -> list[str]:
    problems = []
    if weight > budget(url):
        problems.append(f"{url}: a first visit loads {weight:,} B gzip, over its budget of {budget(url):,} B")
    problems += [f"{url}: asked for {req} before search was opened" for req in requests
                 if req.split("?")[0].endswith(SEARCH_INDEX)]
    problems += [f"{url}: asked for {req} before the language menu was opened" for req in requests
                 if req.split("?")[0].endswith("counterpart-headings.json")]
    problems += [f"{url}: the service worker fetched {req} on a first visit" for req in by_worker
                 if req.split("?")[0] != base + "sw.js"]
    return problems


def _search_opened(page, traffic, url: str) -> list[str]:
    """Opening search loads the index (the page's request) and Material's
    search worker (its own worker's request: seeing it shows that a request
    made from a worker is checked too)."""
    traffic.clear()
    page.locator("input.md-search__input").click()
    for _ in range(100):
        index = any(request.endswith(SEARCH_INDEX) for request in traffic.finished)
        worker = any(re.search(r"/workers/search\.[0-9a-f]+\.min\.js$", request) for request in traffic.finished)
        if index and worker:
            page.keyboard.press("Escape")
            return []
        page.wait_for_timeout(100)
    return [f"{url}: opening search did not load {SEARCH_INDEX} and Material's search worker"]


def _stays_inside(page, traffic, site_dir, base: str, url: str) -> list[str]:
    anchors = _links(page, "a[href]")
    same_origin = [href for href in anchors if urlsplit(href).netloc == urlsplit(base).netloc]
    problems = [f"{url}: link leaves /{REPO}/: {href}" for href in _outside(same_origin, base)]
    problems += [f"{url}: link to a missing page: {href}" for href in same_origin
                 if href.startswith(base) and target_file(site_dir, base, href.split("#")[0]) is None]
    head = _links(page, "link[href]")
    problems += [f"{url}: <link> outside /{REPO}/: {href}" for href in _outside(head, base)]
    switcher = _links(page, ".md-select a[hreflang]")
    if not url.endswith("404.html"):
        problems += [f"{url}: no language switcher"] if len(switcher) < 2 else []
    problems += [f"{url}: switcher leaves /{REPO}/: {href}" for href in _outside(switcher, base)]
    problems += [f"{url}: request leaves /{REPO}/: {req}" for req in _outside(traffic.requests, base)]
    problems += [f"{url}: failed: {failure}" for failure in traffic.failures]
    return problems


def _read_in_the_middle(page, site_dir, url: str, other: str) -> str | None:
    """Scroll (without a fragment) to the page's middle heading, as a reader
    does; returns the id the switch should land at in `other`, or None when
    the page has no counterpart headings or is too short to bring that
    heading under the header."""
    pages = json.loads((site_dir / "assets" / "counterpart-headings.json").read_text(encoding="utf-8"))["pages"]
    entry = next((e for e in pages if any(side["url"] == url for side in e.values())), None)
    if entry is None or other not in entry:
        return None
    mine = next(side["ids"] for side in entry.values() if side["url"] == url)
    theirs = entry[other]["ids"]
    if len(mine) < 3:
        return None
    middle = mine[len(mine) // 2]
    reached = page.evaluate("""id => {
      const header = document.querySelector(".md-header").getBoundingClientRect().bottom
      const heading = document.getElementById(id)
      window.scrollBy(0, heading.getBoundingClientRect().top - header + 30)
      return heading.getBoundingClientRect().top < header && location.hash === ""
    }""", middle)
    if not reached:
        return None
    return middle if middle in theirs else theirs[mine.index(middle)]


def _switch_language(page, traffic, site_dir, base: str, url: str) -> tuple[list[str], bool]:
    """Click the switch to the other language on the loaded page: scrolled
    to a middle section where the page has one (true in the result), where
    it lands at that section's counterpart."""
    language = "en" if url.startswith("en/") else "ko"
    other = "ko" if language == "en" else "en"
    link = page.locator(f".md-select a[hreflang='{other}']").first
    expected = link.evaluate("a => a.href")
    place = _read_in_the_middle(page, site_dir, url, other)
    if place is not None:
        expected = unquote(expected.split("#")[0]) + "#" + place
    traffic.clear()
    # At once, as a reader who clicks before the heading map has loaded:
    # language-switch.js waits for it, then follows the link.
    link.dispatch_event("click")
    page.wait_for_url(lambda current: current != base + url)
    page.wait_for_load_state("networkidle")
    problems = []
    if (unquote(page.url) if place is not None else page.url) != expected:
        problems.append(f"{url}: switched to {unquote(page.url)}, expected {expected}")
    if page.locator("html").get_attribute("lang") != other:
        problems.append(f"{url}: {page.url} is not in {other}")
    problems += [f"{url}: request leaves /{REPO}/: {req}" for req in _outside(traffic.requests, base)]
    problems += [f"{url}: failed: {failure}" for failure in traffic.failures]
    return problems, place is not None


def test_every_page_stays_inside_the_subpath(project_site, every_page):
    site_dir, _, base = project_site
    assert {"", "en/"} <= set(built_pages(site_dir))
    assert every_page["stays"] == [], "\n".join(every_page["stays"])
    # Material's bundle would fetch a sitemap beside every hreflang link
    # (partials/lazy-requests.html keeps it from sending any).
    assert every_page["sitemaps"] == set()


def test_a_first_visit_to_every_page_is_within_its_budget(every_page):
    weights = every_page["weights"]
    assert len(weights) > 20 and all(weight > 30_000 for weight in weights.values()), weights
    assert every_page["first"] == [], "\n".join(every_page["first"])


def test_home_and_self_checks_link_the_review_under_the_subpath(project_site, every_page):
    """The home page links its language's review page; a topic's self-check
    its own cards there (`?topic=`), resolved under the sub-path."""
    _, _, base = project_site
    links = every_page["review links"]
    wrong = []
    for language in ("", "en/"):
        if links.get(language) != [f"{base}{language}review/"]:
            wrong.append(f"/{language}: {links.get(language)}")
        for topic in TOPICS:
            expected = [f"{base}{language}review/?topic={topic}"]
            if links.get(f"{language}{topic}/") != expected:
                wrong.append(f"/{language}{topic}/: {links.get(f'{language}{topic}/')}, not {expected}")
    assert wrong == [], "\n".join(wrong)


def test_not_found_page_works_at_any_depth(project_site, tab):
    """GitHub Pages answers a missing URL with the site's 404.html as-is, so
    that page must not depend on where it is served from."""
    site_dir, _, base = project_site
    page, traffic = tab
    missing = base + "no/such/page/"
    body = (site_dir / "404.html").read_bytes()
    page.route(missing, lambda route: route.fulfill(status=404, body=body, content_type="text/html"))
    page.goto(missing, wait_until="networkidle")
    failures = [failure for failure in traffic.failures if not failure.startswith(f"{missing}: HTTP 404")]
    assert failures == []
    assert _outside(traffic.requests, base) == []
    assert page.locator("link[rel=stylesheet]").count() > 0
    for href in _links(page, "a[href]"):
        if urlsplit(href).netloc == urlsplit(base).netloc and href != missing:
            assert href.startswith(base), href
            assert target_file(site_dir, base, href.split("#")[0]) is not None, href


def test_language_switcher_stays_inside_the_subpath(every_page):
    assert every_page["switch"] == [], "\n".join(every_page["switch"])
    # Topic pages of both languages were switched from a middle section.
    in_place = every_page["switched_in_place"]
    assert len(in_place) >= 6 and {url.startswith("en/") for url in in_place} == {True, False}, in_place


@pytest.mark.parametrize("home, query", SEARCHES, ids=["ko", "en"])
def test_search_results_stay_inside_the_subpath(project_site, tab, home, query):
    site_dir, _, base = project_site
    page, traffic = tab
    page.goto(base + home, wait_until="networkidle")
    search = page.locator("input.md-search__input")
    search.click()
    search.type(query)
    # Material searches on keyup, and typing Hangul sends none: End does.
    search.press("End")
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert hrefs
    assert _outside(hrefs, base) == []
    assert [href for href in hrefs if target_file(site_dir, base, href.split("#")[0]) is None] == []
    assert _outside(traffic.requests, base) == []
    assert traffic.failures == []
