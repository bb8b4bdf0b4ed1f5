"""The service worker's code: the precaching worker of a built site, and the
one `mkdocs serve` answers with instead."""

from __future__ import annotations

import json
from importlib import resources

from devconcepts.offline.precache import Precache

PLACEHOLDER = "/*BUILD*/ null"

SERVE_WORKER = """\
/* Under `mkdocs serve` the site is not kept offline. A browser that kept a
   built copy of the site at this address finds this worker when it checks for
   a new one: it deletes that copy and steps aside, so the author sees the
   pages being served. */
"use strict"
const PREFIX = "devconcepts-offline " + self.registration.scope + " "
self.addEventListener("install", () => self.skipWaiting())
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys())
      if (name.startsWith(PREFIX))
        await caches.delete(name)
    await self.registration.unregister()
    for (const client of await self.clients.matchAll({ type: "window" }))
      client.navigate(client.url)
  })())
})
"""


def source() -> str:
    """The worker as written, before the build's lists are filled in."""
    return resources.files("devconcepts.offline").joinpath("sw.js").read_text(encoding="utf-8")


def render(version: str, lists: list[Precache]) -> str:
    text = source()
    if text.count(PLACEHOLDER) != 1:
        raise ValueError(f"sw.js must hold '{PLACEHOLDER}' once, where the build's lists go")
    build = {"version": version,
             "languages": [{"locale": p.locale, "prefix": p.prefix, "urls": list(p.urls)} for p in lists]}
    return text.replace(PLACEHOLDER, json.dumps(build, ensure_ascii=False, separators=(",", ":")))
