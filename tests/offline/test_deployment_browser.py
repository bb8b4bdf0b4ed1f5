"""A new deployment replaces the offline copy whole: a small bilingual site is
built, visited in both languages, built again with a changed page and a
changed stylesheet, and visited again. Until the new version takes over,
every page and its stylesheet are the old ones; after, the new ones, with the
old cache gone and both languages kept, offline too."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from sitekit import serve_directory

from .kit import CACHES, PRECACHE, keep_offline, stop
from .small_site import build

pytestmark = pytest.mark.browser

DEPLOYMENT = """() => ({
  text: document.querySelector("article").innerText,
  style: getComputedStyle(document.documentElement).getPropertyValue("--deployment").trim(),
})"""


def _deploy(project: Path, site: Path, edition: int, base: str) -> None:
    result = build(project, site, edition, base)
    assert result.returncode == 0, result.stderr


def _new_version_shown(context, url: str, tries: int = 20) -> dict:
    """Open `url` in a new tab until the waiting version has taken over (it
    does once no tab of the old one is open)."""
    for _ in range(tries):
        page = context.new_page()
        unanswered = {}
        page.on("request", lambda request: unanswered.setdefault(request.url, request))
        page.on("requestfinished", lambda request: unanswered.pop(request.url, None))
        page.on("requestfailed", lambda request: unanswered.pop(request.url, None))
        try:
            page.goto(url, wait_until="load")
        except PlaywrightTimeoutError as error:
            # What the page still waits for tells a stuck worker from a stuck request.
            raise AssertionError(f"{url} did not load; still waiting for {sorted(unanswered)}") from error
        shown = page.evaluate(DEPLOYMENT)
        if shown["style"] == '"2"':
            return {"page": page, **shown}
        page.close()
        time.sleep(0.5)
    raise AssertionError(f"the new deployment never took over: {shown}")


def test_a_new_deployment_replaces_the_offline_copy_whole(browser, tmp_path):
    project, site = tmp_path / "project", tmp_path / "site"
    project.mkdir()
    site.mkdir()
    server, base = serve_directory(site)
    context = browser.new_context()
    try:
        _deploy(project, site, 1, base)
        page = context.new_page()
        first = keep_offline(page, base + "a/")
        assert keep_offline(page, base + "en/")["version"] == first["version"]

        _deploy(project, site, 2, base)
        # The open tab keeps the version it was loaded from, page and
        # stylesheet alike, while the new one installs beside it.
        page.goto(base + "a/", wait_until="load")
        assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n1판 본문.", "style": '"1"'}
        page.evaluate("navigator.serviceWorker.ready.then((registration) => registration.update())")
        page.wait_for_function("""navigator.serviceWorker.getRegistration().then((registration) =>
            registration.waiting && registration.waiting.state === "installed")""", polling=200, timeout=60000)
        page.reload(wait_until="load")
        assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n1판 본문.", "style": '"1"'}
        page.close()

        shown = _new_version_shown(context, base + "a/")
        assert shown["text"] == "주제\n\n2판 본문."
        page = shown["page"]
        held = page.evaluate(CACHES)
        assert len(held) == 1, list(held)
        (name, urls), = held.items()
        second = page.evaluate("""navigator.serviceWorker.ready.then((registration) => new Promise((resolve) => {
            const channel = new MessageChannel()
            channel.port1.onmessage = (event) => resolve(event.data)
            registration.active.postMessage({ type: "precache" }, [channel.port2])
        }))""")
        assert second["version"] != first["version"] and name.endswith(" " + second["version"])
        # The reader's second language came along without a visit.
        assert base + "en/a/" in urls

        stop(server)
        page.goto(base + "en/a/", wait_until="load")
        assert page.evaluate(DEPLOYMENT) == {"text": "Topic\n\nEdition 2.", "style": '"2"'}
    finally:
        context.close()
        stop(server)


def test_a_language_first_opened_after_a_new_deployment_is_not_mixed_into_the_old_copy(browser, tmp_path):
    project, site = tmp_path / "project", tmp_path / "site"
    project.mkdir()
    site.mkdir()
    server, base = serve_directory(site)
    context = browser.new_context()
    try:
        _deploy(project, site, 1, base)
        page = context.new_page()
        keep_offline(page, base + "a/")
        _deploy(project, site, 2, base)
        # Not kept by the old version: the new page, with the new stylesheet.
        page.goto(base + "en/a/", wait_until="load")
        assert page.evaluate(DEPLOYMENT) == {"text": "Topic\n\nEdition 2.", "style": '"2"'}
        answer = page.evaluate(PRECACHE)
        assert answer["ok"] is False and answer["locale"] == "en"
        for name, urls in page.evaluate(CACHES).items():
            assert not [url for url in urls if url.startswith(base + "en/")], name
        # The kept language still reads as one version.
        page.goto(base + "a/", wait_until="load")
        assert page.evaluate(DEPLOYMENT) == {"text": "주제\n\n1판 본문.", "style": '"1"'}
    finally:
        context.close()
        stop(server)
