"""The policy every page carries, and the hash that allows one inline script.

A `<meta http-equiv>` policy ignores `frame-ancestors`, `report-uri` and
`sandbox`, so they are left out rather than promising what the browser does
not do."""

from __future__ import annotations

import base64
import hashlib

DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    # + the hash of each inline script of the page (the theme's own).
    ("script-src", "'self'"),
    # + the hash of each <style> element (Material writes one for a Google
    # font, which this site turns off).
    ("style-src", "'self'"),
    # Material's stylesheets draw icons from data: SVG images.
    ("img-src", "'self' data:"),
    # The search worker, and the index it fetches.
    ("worker-src", "'self'"),
    ("connect-src", "'self'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

FORBIDDEN_SCRIPT_SOURCES = ("'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'wasm-unsafe-eval'")


def script_hash(text: str) -> str:
    """The source expression that allows an inline script (or an inline
    style) with this text."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def compose(script_hashes: list[str], style_hashes: list[str] = ()) -> str:
    """The policy for a page whose inline scripts and styles have these
    hashes (in the page's order, each once)."""
    added = {"script-src": list(dict.fromkeys(script_hashes)), "style-src": list(dict.fromkeys(style_hashes))}
    return "; ".join(" ".join([name, value, *added.get(name, [])]) for name, value in DIRECTIVES)


def directives(policy: str) -> dict[str, list[str]]:
    """{directive: source expressions}; the first of a repeated directive
    counts, as in the browser."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            parsed.setdefault(tokens[0].lower(), tokens[1:])
    return parsed
