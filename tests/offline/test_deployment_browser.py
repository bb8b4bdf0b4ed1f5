"""A new deployment reaches a reader at once: a small bilingual site is built,
visited in both languages, built again with a changed page and a changed
stylesheet. One reload shows the new page with the new stylesheet (pages and
the files named without a hash of their bytes come from the network first);
the new version's offline copy replaces the old one whole, both languages
kept, offline too. A page open while the site is deployed again offers to
reload, in its language; a page that loaded from the new deployment does not."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from devconcepts_testkit import serve_directory

from .kit import CACHES, PRECACHE, WORKERS, keep_offline, stop, until
from .small_site import build

pytestmark = pytest.mark.browser

DEPLOYMENT = """() => ({
  text: document.querySelector("article").innerText,
  style: getComputedStyle(document.documentElement).getPropertyValue("--deployment").trim(),
})"""

NOTICE = "[data-offline-notice][role=status].md-dialog--active"

CHECK = """() => {
  document.dispatchEvent(new Event("visibilitychange", { bubbles: true }))
  return Boolean(document.querySelector("[data-offline-notice].md-dialog--active"))
}"""
"""What a tab shown again does (offline.js checks for a new deployment then);
true once the notice is shown."""


NEWEST_IS_SERVED = """async () => {
  const registration = await navigator.serviceWorker.getRegistration()
  const newest = registration && !registration.installing && (registration.waiting || registration.active)
  if (!newest)
    return false
  const version = await new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => resolve(event.data.version)
    newest.postMessage({ type: "status" }, [channel.port2])
    setTimeout(() => resolve(null), 5000)
  })
  const served = await (await fetch(newest.scriptURL, { cache: "no-store" })).text()
  return Boolean(version) && served.includes(JSON.stringify(version))
}"""
"""True once the registration's newest worker has installed and is the
version the site serves now. It asks for no update itself: the page's own
check asks for one, and the wait only reads what that found."""


def _deploy(project: Path, site: Path, edition: int, base: str) -> None:
    result = build(project, site, edition, base)
    assert result.returncode == 0, result.stderr


TAKEN_OVER = """async (old) => {
  const registration = await navigator.serviceWorker.getRegistration()
  if (!registration.active || registration.active.state !== "activated" || registration.installing
      || registration.waiting)
    return false
  const names = (await caches.keys()).filter((name) => name.startsWith("devconcepts-offline "))
  return names.length === 1 && !names[0].endsWith(" " + old)
    && Boolean(await (await caches.open(names[0])).match(new URL("en/a/", registration.scope).href))
}"""
"""True once the version `old` has given way to a newer one, which keeps both languages."""


def _taken_over(context, url: str, old: str, tries: int = 30):
    """A tab of `url` once the newer version has taken over."""
    for _ in range(tries):
        page = context.new_page()
        page.goto(url, wait_until="load")
        if page.evaluate(TAKEN_OVER, old):
            return page
        page.close()
        time.sleep(1)
    page = context.new_page()
    page.goto(url, wait_until="load")
    state = page.evaluate(WORKERS)
    raise AssertionError(f"the version {old} never gave way: {state}")


@pytest.fixture
def deployed(browser, tmp_path):
    """(deploy(edition), base URL, server, browser context) on a site of this test's own."""
    project, site = tmp_path / "project", tmp_path / "site"
    project.mkdir()
    site.mkdir()
    server, base = serve_directory(site)
    context = browser.new_context()
    yield (lambda edition: _deploy(project, site, edition, base)), base, server, context
    context.close()
    stop(server)


def test_one_reload_shows_a_new_deployment_and_its_offline_copy_replaces_the_old(deployed):
    deploy, base, server, context = deployed
    deploy(1)
    page = context.new_page()
    first = keep_offline(page, base + "a/")
    assert keep_offline(page, base + "en/")["version"] == first["version"]
    page.goto(base + "a/", wait_until="load")
    assert page.evaluate("Boolean(navigator.serviceWorker.controller)")
    assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n1판 본문.", "style": '"1"'}

    deploy(2)
    response = page.reload(wait_until="load")
    assert response.from_service_worker
    assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n2판 본문.", "style": '"2"'}

    # The new version installs beside the old one, then takes over (at the
    # latest once no page of the old one is open), with both languages saved.
    until(page, """async (old) => (await caches.keys()).some((name) =>
        name.startsWith("devconcepts-offline ") && !name.endsWith(" " + old))
        && !(await navigator.serviceWorker.getRegistration()).installing""", first["version"])
    page.close()
    page = _taken_over(context, base + "a/", first["version"])
    second = page.evaluate(PRECACHE)
    assert second["ok"] and second["version"] != first["version"]
    (name, urls), = page.evaluate(CACHES).items()
    assert name.endswith(" " + second["version"]) and base + "en/a/" in urls

    stop(server)
    page.goto(base + "en/a/", wait_until="load")
    assert page.evaluate(DEPLOYMENT) == {"text": "Topic\n\nEdition 2.", "style": '"2"'}
    page.goto(base + "a/", wait_until="load")
    assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n2판 본문.", "style": '"2"'}


def test_an_open_page_offers_to_reload_when_the_site_is_deployed_again(deployed):
    deploy, base, _, context = deployed
    deploy(1)
    page = context.new_page()
    page.goto(base + "en/a/", wait_until="load")
    # The worker has answered the page, which now listens for news.
    page.locator("[data-offline-save]").wait_for(state="visible")
    assert page.locator(NOTICE).count() == 0

    deploy(2)
    until(page, CHECK)
    notice = page.locator(NOTICE)
    assert notice.inner_text().strip() == "This site has been updated. Reload"
    notice.get_by_role("button", name="Reload").click()
    page.wait_for_function("(document.querySelector('article') || {}).innerText?.includes('Edition 2')", timeout=30_000)
    assert page.evaluate(DEPLOYMENT)["style"] == '"2"'

    # Loaded from the new deployment: its own check finds nothing newer.
    page.locator("[data-offline-save]").wait_for(state="visible")
    page.goto(base + "a/", wait_until="load")
    page.locator("[data-offline-save]").wait_for(state="visible")
    deploy(3)
    page.reload(wait_until="load")
    assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n3판 본문.", "style": '"3"'}
    # The page's own check has found the third deployment's worker, which
    # has installed: it waits, or has taken over. (Chromium may keep it
    # waiting while the old one still has a request in hand; the page's
    # check must not take it for news either way.)
    until(page, NEWEST_IS_SERVED)
    page.wait_for_timeout(1500)  # room for a notice that would follow
    assert page.locator(NOTICE).count() == 0


def test_a_language_first_opened_after_a_new_deployment_is_not_mixed_into_the_old_copy(deployed):
    deploy, base, server, context = deployed
    deploy(1)
    page = context.new_page()
    first = keep_offline(page, base + "a/")
    deploy(2)
    page.goto(base + "en/a/", wait_until="load")
    assert page.evaluate(DEPLOYMENT) == {"text": "Topic\n\nEdition 2.", "style": '"2"'}
    # The old version refuses to save it; the new one, once it has taken over, saves it.
    answer = page.evaluate(PRECACHE)
    assert answer["locale"] == "en" and answer["ok"] is (answer["version"] != first["version"]), answer
    for name, urls in page.evaluate(CACHES).items():
        if name.endswith(" " + first["version"]):
            assert not [url for url in urls if url.startswith(base + "en/")], name
    # Whichever copy answers offline, a page and its stylesheet are of one deployment.
    stop(server)
    page.goto(base + "a/", wait_until="load")
    shown = page.evaluate(DEPLOYMENT)
    assert shown in ({"text": "주제\n\n1판 본문.", "style": '"1"'}, {"text": "주제\n\n2판 본문.", "style": '"2"'})
