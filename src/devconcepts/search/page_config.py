"""Point each page's search at its own language's index and at the worker
that normalises queries.

Material's bundle reads `<script id="__config">` on every page: it fetches the
index from `search/search_index.json` relative to `base`, starts the search
worker from `search`, and resolves result links against `base`. Pages of a
non-default language get `base` pointing at their language root (/en/), so
they load /en/search/search_index.json and its root-relative locations. The
bundle uses `base` otherwise only for the sitemap that instant navigation
fetches, and every language root has a sitemap."""

from __future__ import annotations

import json
import posixpath

from devconcepts.core.material_internals import PAGE_CONFIG, dump_page_config

WORKER = "devconcepts-search.js"
"""The query-normalising worker, next to Material's in assets/javascripts/workers/."""


class PageConfigError(ValueError):
    pass


def rewrite(html: str, *, prefix: str, worker_version: str | None) -> str:
    """Return `html` with the search settings of its __config rewritten.

    prefix: the language folder ("" or "en/"), appended to `base`.
    worker_version: a version tag of our worker (for caches), or None to keep
        Material's worker."""
    match = PAGE_CONFIG.search(html)
    if match is None:
        raise PageConfigError("no Material __config script in the page")
    config = json.loads(match.group(2))
    if prefix:
        config["base"] = config["base"].rstrip("/") + "/" + prefix
    if worker_version is not None:
        config["search"] = worker_url(config["search"], worker_version)
    return html[: match.start(2)] + dump_page_config(config) + html[match.end(2):]


def worker_url(material_worker: str, version: str) -> str:
    """URL of our worker beside Material's; it loads Material's by the file name
    passed in `worker` (which carries Material's version hash)."""
    path = material_worker.split("?", 1)[0]
    directory, name = posixpath.split(path)
    ours = f"{directory}/{WORKER}" if directory else WORKER
    return f"{ours}?worker={name}&v={version}"
