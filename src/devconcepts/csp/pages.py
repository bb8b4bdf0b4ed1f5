"""A built page's policy: written from the page's final HTML, then checked.

`write_policy` hashes the inline scripts the page runs and its `<style>`
elements, and puts the policy `<meta>` at the top of `<head>`, before any
script. `problems` reads a page again and names what its policy would block:
an inline script or style whose hash is not listed (it changed, or was
added, after the policy was written), an event handler, a `javascript:` URL
or a `style=` attribute; and a missing, repeated, misplaced or loosened
policy."""

from __future__ import annotations

import html as html_lib
import re

from devconcepts.csp.markup import read
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
    head = _HEAD.search(page)
    if head is None:
        raise PolicyError("no <head> to hold the policy")
    end = page.find("</head>", head.end())
    own = _OWN_META.search(page, head.end(), end if end >= 0 else len(page))
    if own:
        page = page[:own.start()] + page[own.end():]
        head = _HEAD.search(page)
    reading = read(page)
    policy = compose([script_hash(script.text) for script in reading.inline_scripts],
                     [script_hash(style.text) for style in reading.inline_styles])
    meta = _META.format(html_lib.escape(policy, quote=False).replace('"', "&quot;"))
    # The charset stays first; the policy must precede every script.
    charset = _CHARSET.search(page, head.end(), reading.first_script_offset or len(page))
    at = charset.end() if charset else head.end()
    return f"{page[:at]}{meta}\n{page[at:]}"


def problems(page: str) -> list[str]:
    """What the page's policy would block or leave open; empty when none."""
    reading = read(page)
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
