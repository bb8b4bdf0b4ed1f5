"""The service worker's code: the precaching worker of a built site, and the
one `mkdocs serve` answers with instead."""

from __future__ import annotations

import json
from importlib import resources

import rjsmin

from devconcepts.core.committed import current, without_head
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


MINIFIED = "sw.min.js"
"""The worker minified by esbuild beside sw.js (`node scripts/build-bundles.mjs
service-worker`, devconcepts.core.committed): a tenth smaller than rjsmin
makes it."""


def minified() -> str | None:
    """sw.min.js without its digest line while it was made from sw.js as it
    is now; else None (the build minifies sw.js with rjsmin)."""
    files = resources.files("devconcepts.offline")
    committed = files.joinpath(MINIFIED)
    if not committed.is_file():
        return None
    text = committed.read_text(encoding="utf-8")
    made_from = [("sw.js", files.joinpath("sw.js").read_bytes())]
    return without_head(text) if current(text, made_from) else None


SUM_HEX = 6
"""Hex digits of each file's SHA-256 (`Precache.digests`, as sw.js computes
it) that the worker gets: enough to tell this deployment's copy of a file
from another's (1 in 16 million alike), short because the worker downloads
with every first visit."""


_UNREAD = object()


def render(version: str, lists: list[Precache], hashed: list[str] = (), *, committed=_UNREAD) -> str:
    """The worker with the build's lists, minified (it downloads with a first
    visit: sw.min.js while it is current, else sw.js through rjsmin), the
    lists on a line of their own,
    `const BUILD = {…}`, where tests and bench/ read them. `hashed`: the
    listed URLs named by a hash of their own bytes, which the worker answers
    from its cache first. `committed`: `minified()`, when the caller has
    read it already."""
    if committed is _UNREAD:
        committed = minified()
    text = committed or source()
    if text.count(PLACEHOLDER) != 1:
        raise ValueError(f"sw.js must hold '{PLACEHOLDER}' once, where the build's lists go")
    build = {"version": version,
             "languages": [{"locale": p.locale, "prefix": p.prefix, "urls": list(p.urls),
                            "sums": [digest[:SUM_HEX] for digest in p.digests]} for p in lists],
             "hashed": sorted(hashed)}
    start = text.rfind("\n", 0, text.index(PLACEHOLDER)) + 1
    end = text.index("\n", text.index(PLACEHOLDER))
    line = text[start:end].replace(PLACEHOLDER, json.dumps(build, ensure_ascii=False, separators=(",", ":")))
    if committed is not None:
        return text[:start] + line + text[end:]
    return rjsmin.jsmin(text[:start]).strip() + "\n" + line + "\n" + rjsmin.jsmin(text[end:]).strip() + "\n"
