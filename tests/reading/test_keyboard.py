"""Keyboard readers see where they are: tabbing through a page from the skip
link, on a phone and on a laptop, in both languages, every Tab stop is an
element with a box of its own, not hidden, and on screen (Material kept its
closed search's result wrapper, a zero-size colour-scheme radio and the
closed navigation drawer in the Tab order). The controls that were changed
for it still work by pointer."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

WIDTHS = (390, 1280)
PAGES = ("log-vs-cookie/", "en/kubernetes-cluster/")
MAX_STOPS = 300

# The focused element once transitions have run (Material opens search on
# focus and closes it on Tab, with CSS transitions).
FOCUSED = """async () => {
  await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const box = el.getBoundingClientRect();
  const name = el.tagName.toLowerCase() + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).filter(c => c !== 'focus-visible').join('.') : '')
      + (el.getAttribute('href') ? `[href=${el.getAttribute('href')}]` : '');
  return {
    name, width: box.width, height: box.height,
    shown: el.checkVisibility({visibilityProperty: true}),
    onScreen: box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight,
    skip: el.classList.contains('md-skip'),
    key: [...document.querySelectorAll('*')].indexOf(el),
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("url", PAGES)
def test_every_tab_stop_is_visible(browser, site_url, url, width):
    context = browser.new_context(viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto(site_url + url)
    page.wait_for_load_state("load")
    stops, seen = [], set()
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        stop = page.evaluate(FOCUSED)
        if stop is None or stop["key"] in seen:
            break
        seen.add(stop["key"])
        stops.append(stop)
    context.close()
    assert stops and stops[0]["skip"], f"the first Tab stop is not the skip link: {stops[:1]}"
    assert len(stops) > 15, f"only {len(stops)} Tab stops"
    invisible = [f"{s['name']} {s['width']:.0f}x{s['height']:.0f} shown={s['shown']} on screen={s['onScreen']}"
                 for s in stops if not (s["width"] > 0 and s["height"] > 0 and s["shown"] and s["onScreen"])]
    assert invisible == [], "\n".join(invisible)


def test_the_colour_scheme_toggle_and_the_drawer_still_work_by_pointer(browser, site_url):
    context = browser.new_context(viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site_url + "log-vs-cookie/")
    before = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator("form[data-md-component=palette] label:not([hidden])").click()
    page.wait_for_timeout(300)
    after = page.locator("body").get_attribute("data-md-color-scheme")
    page.locator(".md-header label[for=__drawer]").click()
    page.wait_for_timeout(600)
    drawer_link = page.locator(".md-sidebar--primary a.md-nav__link").first
    drawer_shown = drawer_link.is_visible() and drawer_link.bounding_box()["x"] >= 0
    context.close()
    assert before != after, (before, after)
    assert drawer_shown
