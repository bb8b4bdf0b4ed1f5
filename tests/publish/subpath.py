"""Helpers for checking a build served under a project sub-path."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from devconcepts.core.built_site import url_of
from devconcepts.offline.precache import gzip_length


@dataclass
class Traffic:
    """Every request a page made, and the ones that failed."""

    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    finished: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("requestfailed", lambda request: self.failures.append(f"{request.url}: {request.failure}"))
        page.on("response", self._response)
        page.on("requestfinished", lambda request: self.finished.append(request.url))

    def _response(self, response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.url}: HTTP {response.status}")

    def clear(self) -> None:
        self.requests.clear()
        self.failures.clear()
        self.finished.clear()


def built_pages(site_dir: Path) -> list[str]:
    """Site-relative URLs of every built HTML file ("", "oltp/", "en/404.html")."""
    urls = []
    for path in sorted(site_dir.rglob("*.html")):
        urls.append(url_of(path.relative_to(site_dir).as_posix()))
    return urls


def target_file(site_dir: Path, base: str, url: str) -> Path | None:
    """The built file that `url` (inside `base`) is served from, or None."""
    path = unquote(urlsplit(url).path)
    base_path = urlsplit(base).path
    if not path.startswith(base_path):
        return None
    target = site_dir / path[len(base_path):]
    if path.endswith("/"):
        target = target / "index.html"
    return target if target.is_file() else None


def transferred_gzip(site_dir: Path, base: str, urls: list[str]) -> int:
    """Bytes of the built files behind `urls`, each once, gzipped as Pages
    serves them (level 6): deterministic, unlike timings or Chromium's own
    transfer counts. A URL outside the site counts nothing (checked apart)."""
    files = {target_file(site_dir, base, url.split("#")[0].split("?")[0]) for url in urls}
    return sum(gzip_length(path.read_bytes()) for path in files if path is not None)
