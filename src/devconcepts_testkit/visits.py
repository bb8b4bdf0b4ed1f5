"""The pages the quality sweeps visit."""

from __future__ import annotations

from pathlib import Path

from devconcepts.core.built_site import url_of


def page_paths(site_dir: Path) -> list[str]:
    """Site-relative paths of every HTML page in the build ("" for the home
    page; both languages, any section), 404 pages excluded."""
    paths = []
    for index in sorted(site_dir.rglob("index.html")):
        url = url_of(index.relative_to(site_dir).as_posix())
        if url.split("/")[0] in ("assets", "search"):
            continue
        paths.append(url)
    return paths
