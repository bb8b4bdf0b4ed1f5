"""Term tooltips in real Chromium, on a small site built with --strict: terms
glued to Korean particles are marked, and their definition shows on hover, on
keyboard focus and on a tap; the first tap does not leave the page."""

from __future__ import annotations

import re

import pytest

from devconcepts_testkit import build_site, serve_directory
from sitekit import LOCALES, TERMS_FILE
from devconcepts.terms.term_list import load_terms
from glossary.fixture_site import write_site

pytestmark = pytest.mark.browser

DEFINITIONS = {term.id: term.definitions["ko"] for term in load_terms(TERMS_FILE, LOCALES)}

PAGE = """\
# 용어 시험

## etcd와 스케줄러

etcd는 클러스터의 상태를 저장한다. 스케줄러가 파드를 놓을 노드를 고른다.
쿠버네티스의 컴포넌트는 etcd와 스케줄러다.

`kubelet은 코드` 안에 있고, [kubelet 링크](https://kubernetes.io/) 안에도 있다.

| kubelet | 설명 |
|---|---|
| 값 | kubelet은 노드의 에이전트다. |
"""


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    directory = tmp_path_factory.mktemp("tooltip-site")
    config = write_site(directory, {"index.md": PAGE})
    site_dir = directory / "site"
    result = build_site(site_dir, config=config)
    assert result.returncode == 0, result.stderr
    server, base = serve_directory(site_dir)
    yield base
    server.shutdown()


def _tooltip(page, term_id):
    return page.get_by_role("tooltip").filter(has_text=DEFINITIONS[term_id])


@pytest.mark.parametrize("term_id, text, particle", [
    ("etcd", "etcd", "는"), ("scheduler", "스케줄러", "가"), ("kubernetes", "쿠버네티스", "의"),
])
def test_particle_glued_term_is_marked_once(page, fixture_url, term_id, text, particle):
    page.goto(fixture_url)
    links = page.locator(f"article a.term[data-term='{term_id}']")
    assert links.count() == 1
    assert links.inner_text() == text
    following = links.evaluate("link => link.nextSibling.textContent")
    assert following.startswith(particle)


def test_terms_in_headings_code_and_links_are_not_marked(page, fixture_url):
    page.goto(fixture_url)
    assert page.locator("article :is(h1, h2, h3, code, th) a.term").count() == 0
    assert page.locator("article a:not(.term) a.term, article a.term a").count() == 0
    # The first use outside code, links and headers is the table cell.
    kubelet = page.locator("article a.term[data-term='kubelet']")
    assert kubelet.count() == 1
    assert kubelet.evaluate("link => link.closest('td') !== null")


@pytest.mark.parametrize("term_id", ["etcd", "scheduler", "kubernetes"])
def test_hover_shows_the_definition(page, fixture_url, term_id):
    page.goto(fixture_url)
    tooltip = _tooltip(page, term_id)
    assert tooltip.count() == 0
    page.locator(f"article a.term[data-term='{term_id}']").hover()
    tooltip.wait_for(state="visible")
    link_described_by = page.locator(f"article a.term[data-term='{term_id}']").get_attribute("aria-describedby")
    assert link_described_by == tooltip.get_attribute("id")


def test_keyboard_focus_shows_the_definition(page, fixture_url):
    page.goto(fixture_url)
    target = page.locator("article a.term[data-term='scheduler']")
    for _ in range(60):
        page.keyboard.press("Tab")
        if target.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the term link")
    _tooltip(page, "scheduler").wait_for(state="visible")
    # Escape hides it without moving focus.
    page.keyboard.press("Escape")
    _tooltip(page, "scheduler").wait_for(state="hidden")
    assert target.evaluate("link => link === document.activeElement")


def test_tap_shows_the_definition_and_a_second_tap_follows_the_link(browser, fixture_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(fixture_url)
        link = page.locator("article a.term[data-term='kubernetes']")
        link.tap()
        _tooltip(page, "kubernetes").wait_for(state="visible")
        assert page.url == fixture_url
        link.tap()
        page.wait_for_url(re.compile(r"/glossary/#kubernetes$"))
        assert page.locator("h2#kubernetes").is_visible()
    finally:
        context.close()


def test_tooltip_stays_inside_a_phone_screen(browser, fixture_url):
    context = browser.new_context(has_touch=True, is_mobile=True, viewport={"width": 360, "height": 740})
    try:
        page = context.new_page()
        page.goto(fixture_url)
        for term_id in ("etcd", "kubelet"):
            page.locator(f"article a.term[data-term='{term_id}']").tap()
            tooltip = _tooltip(page, term_id)
            tooltip.wait_for(state="visible")
            box = tooltip.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (term_id, box)
    finally:
        context.close()


def test_one_tooltip_moves_from_term_to_term(page, fixture_url):
    page.goto(fixture_url)
    page.locator("article a.term[data-term='etcd']").hover()
    _tooltip(page, "etcd").wait_for(state="visible")
    page.locator("article a.term[data-term='scheduler']").hover()
    _tooltip(page, "scheduler").wait_for(state="visible")
    assert page.get_by_role("tooltip").count() == 1
    # Its definition no longer doubles as the browser's own tooltip.
    assert page.locator("article a.term[data-term='etcd']").get_attribute("title") is None
