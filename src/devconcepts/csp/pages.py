"""A built page's policy: written from the page's final HTML, then checked.

`write_policy` hashes the inline scripts the page runs and its `<style>`
elements, and puts the policy `<meta>` at the top of `<head>`, before any
script. `problems` reads a page and names what its policy would block:
an inline script or style whose hash is not listed (it changed, or was
added, after the policy was written), an event handler, a `javascript:` URL
or a `style=` attribute; and a missing, repeated, misplaced or loosened
policy."""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import replace

from devconcepts.csp.links import add_noopener
from devconcepts.core.newlines import universal_newlines
from devconcepts.csp.markup import PolicyMeta, Reading, read
from devconcepts.csp.policy import FORBIDDEN_SCRIPT_SOURCES, compose, directives, script_hash

_META = '<meta http-equiv="Content-Security-Policy" content="{}">'
_OWN_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">\n?')
_HEAD = re.compile(r"<head(?:\s[^>]*)?>\n?", re.I)
_CHARSET = re.compile(r"<meta\s+charset\s*=[^>]*>\n?", re.I)


class PolicyError(ValueError):
    """The page cannot carry a policy (no `<head>`)."""


def write_policy(page: str) -> str:
    """`page` with its policy as the first element after `<meta charset>`,
    replacing the one an earlier build wrote (`--dirty` keeps pages)."""
    return _with_policy(_without_own_policy(page))[0]


def secure(page: str, site_url: str | None, *, policy: bool = True) -> tuple[str, list[str]]:
    """From one reading of `page`: the page with `rel="noopener"` on its links
    off the site and (with `policy`) its policy, and what that policy would
    block or leave open in it (`problems` of the page returned)."""
    if not policy:
        page = universal_newlines(page)
        return add_noopener(page, site_url, read(page).anchors), []
    page, reading, meta_at, meta_length = _with_policy(_without_own_policy(page))
    # The policy went in before every link: move their offsets past it.
    anchors = [replace(a, offset=a.offset + meta_length) if a.offset >= meta_at else a for a in reading.anchors]
    return add_noopener(page, site_url, anchors), _problems(reading)


def _without_own_policy(page: str) -> str:
    page = universal_newlines(page)
    head = _HEAD.search(page)
    if head is None:
        raise PolicyError("no <head> to hold the policy")
    end = page.find("</head>", head.end())
    own = _OWN_META.search(page, head.end(), end if end >= 0 else len(page))
    return page[:own.start()] + page[own.end():] if own else page


def _with_policy(page: str) -> tuple[str, Reading, int, int]:
    """(the page with its policy, the page's reading with that policy among
    its metas, where the policy went, its length with its line end)."""
    head = _HEAD.search(page)
    reading = read(page)
    policy = compose([script_hash(script.text) for script in reading.inline_scripts],
                     [script_hash(style.text) for style in reading.inline_styles])
    meta = _META.format(html_lib.escape(policy, quote=False).replace('"', "&quot;")) + "\n"
    # The charset stays first; the policy must precede every script.
    charset = _CHARSET.search(page, head.end(), reading.first_script_offset or len(page))
    at = charset.end() if charset else head.end()
    line = page.count("\n", 0, at) + 1
    # The policy takes a line of its own (the charset's line end precedes
    # it): what comes after it is a line further down. Offsets stay those of
    # the page before it went in, and it is before the first script in both.
    def down(item):
        return replace(item, line=item.line + 1) if item.line >= line else item
    reading.inline_scripts = [down(script) for script in reading.inline_scripts]
    reading.inline_styles = [down(style) for style in reading.inline_styles]
    reading.inline_code = [down(finding) for finding in reading.inline_code]
    reading.metas = sorted([*map(down, reading.metas), PolicyMeta(line, at, policy, in_head=True)],
                           key=lambda m: m.offset)
    return f"{page[:at]}{meta}{page[at:]}", reading, at, len(meta)


def problems(page: str) -> list[str]:
    """What the page's policy would block or leave open; empty when none."""
    return _problems(read(page))


def _problems(reading: Reading) -> list[str]:
    found = []
    if len(reading.metas) != 1:
        found.append(f"{len(reading.metas)} Content-Security-Policy <meta> elements, not 1")
    for meta in reading.metas:
        if not meta.in_head:
            found.append(f"line {meta.line}: the policy <meta> is outside <head>, where browsers ignore it")
        elif reading.first_script_offset is not None and meta.offset > reading.first_script_offset:
            found.append(f"line {meta.line}: the policy <meta> comes after a <script>, which runs unchecked")
    if len(reading.metas) == 1:
        scripts = directives(reading.metas[0].content).get("script-src")
        if scripts is None:
            found.append("the policy has no script-src")
        scripts = scripts or []
        found += [f"script-src allows {source}" for source in FORBIDDEN_SCRIPT_SOURCES
                  if source in (token.lower() for token in scripts)]
        for script in reading.inline_scripts:
            if script_hash(script.text) not in scripts:
                found.append(f"line {script.line}: inline script {script_hash(script.text)} is not in the policy: "
                             f"it was added or changed after the policy was written")
        styles = directives(reading.metas[0].content).get("style-src") or []
        for style in reading.inline_styles:
            if script_hash(style.text) not in styles:
                found.append(f"line {style.line}: <style> {script_hash(style.text)} is not in the policy: "
                             f"it was added or changed after the policy was written")
    found += [f"line {finding.line}: {finding.message}, which the policy blocks" for finding in reading.inline_code]
    return found
