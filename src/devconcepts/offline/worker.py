"""The service worker's code: the precaching worker of a built site, and the
one `mkdocs serve` answers with instead."""

from __future__ import annotations

import json
from importlib import resources

import rjsmin

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


SUM_HEX = 6
"""Hex digits of each file's SHA-256 (`Precache.digests`, as sw.js computes
it) that the worker gets: enough to tell this deployment's copy of a file
from another's (1 in 16 million alike), short because the worker downloads
with every first visit."""


def render(version: str, lists: list[Precache], hashed: list[str] = ()) -> str:
    """The worker with the build's lists, minified (it downloads with a first
    visit): its comments go, and the lists stay on a line of their own,
    `const BUILD = {…}`, where tests and bench/ read them. `hashed`: the
    listed URLs named by a hash of their own bytes, which the worker answers
    from its cache first."""
    text = source()
    if text.count(PLACEHOLDER) != 1:
        raise ValueError(f"sw.js must hold '{PLACEHOLDER}' once, where the build's lists go")
    build = {"version": version,
             "languages": [{"locale": p.locale, "prefix": p.prefix, "urls": list(p.urls),
                            "sums": [digest[:SUM_HEX] for digest in p.digests]} for p in lists],
             "hashed": sorted(hashed)}
    start = text.rfind("\n", 0, text.index(PLACEHOLDER)) + 1
    end = text.index("\n", text.index(PLACEHOLDER))
    line = text[start:end].replace(PLACEHOLDER, json.dumps(build, ensure_ascii=False, separators=(",", ":")))
    return rjsmin.jsmin(text[:start]).strip() + "\n" + line + "\n" + rjsmin.jsmin(text[end:]).strip() + "\n"
