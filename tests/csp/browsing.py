"""Browsing the shared built site at the address it was built for.

The session's site is built for one address (its canonical links, hreflang
links and Material's sitemap requests name it) and served on another port.
Loaded from that port, Material's language selector would fetch the other
address's sitemap: a cross-origin request that `connect-src 'self'` rightly
blocks, and that GitHub Pages never makes. So the browser asks for the built
address, and every request to it is answered by the test server."""

from __future__ import annotations

import re
from pathlib import Path

from devconcepts.core.built_site import file_of, url_of

VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push({directive: event.violatedDirective, blocked: event.blockedURI,
                               source: event.sourceFile, line: event.lineNumber, sample: event.sample});
});
"""
"""Init script: every violation of the page's policy, as the page sees it."""


def built_address(site: Path) -> str:
    """The address the site was built for, from its home page's canonical link."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text(encoding="utf-8"))
    assert match, "the home page has no canonical link"
    return match.group(1)


def open_context(browser, site: Path, served: str):
    """A browser context that records violations and answers the built
    address from `served`; returns (context, built address)."""
    built = built_address(site)
    context = browser.new_context()
    context.add_init_script(VIOLATIONS)
    context.route(built + "**", lambda route: route.fulfill(
        response=route.fetch(url=served + route.request.url[len(built):])))
    return context, built


def close_context(context) -> None:
    """Close a context from `open_context`, letting requests still in flight
    end quietly instead of failing the test that is done with them."""
    context.unroute_all(behavior="ignoreErrors")
    context.close()


def page_paths(site: Path) -> list[str]:
    """Every built page as a site path (`oltp/`, `404.html`), home first."""
    paths = []
    for path in sorted(site.rglob("*.html")):
        paths.append(url_of(path.relative_to(site).as_posix()))
    return sorted(paths, key=lambda p: (p.count("/"), p))


def page_file(site: Path, path: str) -> Path:
    """The built file of a site path from `page_paths`."""
    return site / file_of(path)
