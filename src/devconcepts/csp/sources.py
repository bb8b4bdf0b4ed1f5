"""Script written into the site's content: a `<script>` element, an `on…=`
event handler or a `javascript:` URL in a page (`docs/*.md`, or an HTML or
SVG file copied from `docs/`), the term list or a diagram description
(`data/`); and `<style>` or `style=`, which the policy's `style-src 'self'`
blocks as well.

The policy allows the theme's own inline scripts by their hashes. Content is
never hashed: that would allowlist the very injection the policy stops. So
such markup in content would be blocked in the reader's browser, and the
build fails instead, naming the file and line. Raw HTML without script stays
allowed (the home page's cards use it); code spans and fenced code blocks
only show markup, so they are left out of a page's reading."""

from __future__ import annotations

import re
from pathlib import Path

from devconcepts.core.fences import without_code
from devconcepts.csp.markup import Finding, read

# A Markdown link or reference whose destination is a javascript: URL.
_MARKDOWN_JS_LINK = re.compile(r"(?:\]\(|^[ \t]*\[[^\]\n]+\]:)[ \t]*<?[ \t]*javascript:", re.I | re.M)

_NO_SCRIPT = ("pages, terms and diagrams may not run scripts; put behaviour in overrides/assets/javascripts/ "
              "and list it in extra_javascript (to show markup, put it in a code span or a fenced code block)")
ADVICE = {
    "a <script> element": _NO_SCRIPT,
    "event-handler": _NO_SCRIPT,
    "javascript:": "pages, terms and diagrams may not run scripts; link to a page or a file instead",
    "style": "the policy's style-src 'self' blocks inline styles; give the element a class and "
             "style it in overrides/assets/stylesheets/",
}


def advice(message: str) -> str:
    for key, text in ADVICE.items():
        if key in message:
            return text
    return ""


def find_in_markdown(markdown: str) -> list[Finding]:
    text = without_code(markdown)
    links = [Finding(text.count("\n", 0, match.start()) + 1, "a javascript: URL in a Markdown link")
             for match in _MARKDOWN_JS_LINK.finditer(text)]
    return sorted(read(text).findings + links, key=lambda finding: finding.line)


def find_in_data(text: str) -> list[Finding]:
    """A term list, a diagram or a copied HTML or SVG file, read whole: every
    value may end up in a page's HTML."""
    return read(text).findings


# Files of docs/ copied to the site as they are: a page of them would get a
# policy hashed from its own scripts, and an SVG opened on its own runs its
# scripts with no policy at all.
_COPIED_MARKUP = {".html", ".htm", ".xhtml", ".svg"}


def content_files(docs_dir: Path, data_dir: Path) -> list[tuple[Path, bool]]:
    """(file, is Markdown) for every page, every HTML or SVG file in docs/,
    the term list and the diagrams."""
    files = sorted(path for path in docs_dir.rglob("*") if path.is_file())
    pages = [(path, True) for path in files if path.suffix == ".md"]
    copied = [(path, False) for path in files if path.suffix.lower() in _COPIED_MARKUP]
    data = sorted(path for path in data_dir.rglob("*") if path.suffix in {".yml", ".yaml"} and path.is_file()) \
        if data_dir.is_dir() else []
    return pages + copied + [(path, False) for path in data]


def scan(files: list[tuple[Path, bool]]) -> list[tuple[Path, Finding]]:
    problems = []
    for path, is_markdown in files:
        text = path.read_text(encoding="utf-8")
        findings = find_in_markdown(text) if is_markdown else find_in_data(text)
        problems += [(path, finding) for finding in findings]
    return problems
