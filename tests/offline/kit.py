"""What the offline tests share: waiting for the service worker to keep a
language, cutting the network for real, and reading a page without it."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

PRECACHE = """async () => {
  const registration = await navigator.serviceWorker.ready
  return await new Promise((resolve, reject) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = (event) => resolve(event.data)
    registration.active.postMessage({ type: "precache" }, [channel.port2])
    setTimeout(() => reject(new Error("no answer from the service worker in 60 s")), 60000)
  })
}"""
"""Asks the page's service worker to keep the page's language, as the
page's own script does after `load`, and waits for its answer: the worker
answers once every file of that language is in its cache."""

CACHES = """async () => {
  const names = (await caches.keys()).filter((name) => name.startsWith("devconcepts-offline "))
  const held = {}
  for (const name of names)
    held[name] = (await (await caches.open(name)).keys()).map((request) => request.url)
  return held
}"""


def keep_offline(page, url: str) -> dict:
    """Visit `url` online and wait until its language is kept offline."""
    page.goto(url, wait_until="load")
    answer = page.evaluate(PRECACHE)
    assert answer["ok"], answer
    return answer


def stop(server) -> None:
    """Stop the local server and close its socket: a request now fails at
    once, for the service worker's own fetches too (which
    `BrowserContext.set_offline` does not cut)."""
    server.shutdown()
    server.server_close()


@dataclass
class Failures:
    """Requests to the site that failed, or that the network answered,
    while the server is down: all of them must come from the worker. (A
    site may be built for another address than the one it is served at
    here (the session's site is built for the run's own server), so its
    language switcher's sitemap requests go elsewhere; they are not the
    site's.)"""
    base: str
    seen: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        # ERR_ABORTED: dropped because the page moved on (a favicon still
        # loading when the test opens the next page), not refused.
        page.on("requestfailed", lambda request: None if request.failure == "net::ERR_ABORTED"
                else self._failed(request.url, request.failure))
        page.on("response", lambda response: None if response.from_service_worker
                else self._failed(response.url, "not from the service worker"))

    def _failed(self, url: str, why) -> None:
        origin = "{0.scheme}://{0.netloc}/".format(urlsplit(self.base))
        if url.startswith(origin):
            self.seen.append(f"{url}: {why}")


def read_offline(page, url: str) -> str:
    """Open `url` with the server down; the page's heading."""
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, f"{url}: {response and response.status}"
    assert response.from_service_worker, f"{url}: not served by the service worker"
    return page.locator("h1").first.inner_text()


def search(page, query: str) -> list[str]:
    """Search with Material's box on the open page; the result links."""
    box = page.locator("[data-md-component=search-query]")
    box.focus()
    box.fill(query)
    # Material searches on keyup; fill() types no key.
    box.press("End")
    page.wait_for_selector(".md-search-result__item a", timeout=30000)
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")

WORKERS = """async () => {
  const registration = await navigator.serviceWorker.getRegistration()
  const state = (worker) => worker && worker.state
  const held = {}
  for (const name of await caches.keys())
    held[name] = (await (await caches.open(name)).keys()).length
  return registration && { installing: state(registration.installing), waiting: state(registration.waiting),
    active: state(registration.active), controlled: Boolean(navigator.serviceWorker.controller),
    controllerIsActive: navigator.serviceWorker.controller === registration.active, caches: held }
}"""
"""The page's service workers and the number of files in each cache: what a
failed wait reports."""


def until(page, script: str, arg=None, timeout: float = 60) -> object:
    """Evaluate `script` (which may return a promise) every 200 ms until its
    value is truthy; that value. A page that navigates meanwhile (a worker
    may reload it) is asked again."""
    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            value = page.evaluate(script, arg)
        except Error as error:
            if "Execution context was destroyed" not in str(error):
                raise
            value = None
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout} s: {script}\nworkers: {page.evaluate(WORKERS)}")
        page.wait_for_timeout(200)
