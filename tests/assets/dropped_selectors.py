"""The selectors the purge dropped from Material's stylesheets, and whether
any of them matches on a page in the browser. Dynamic pseudo-classes
(:hover, :checked…) and pseudo-elements are widened to match anything, so a
selector that would match only on hover counts as matching. The page sweep
(quality/test_page_states.py) asks in every state in which Material's
scripts add elements, classes and attributes."""

from __future__ import annotations

import re
from pathlib import Path

import material
import tinycss2

MATERIAL_CSS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
PURGED = re.compile(r"(?:main|palette)\.[0-9a-f]+\.min\.css$")
PSEUDO = re.compile(r"::?[A-Za-z-]+")

FIND = """(selectors) => selectors.filter(s => {
    try { return document.querySelector(s) !== null } catch (e) { return false }
})"""


def selectors(css: str) -> set[str]:
    """Every selector of `css`'s rules, inside @media and @supports too."""
    found = set()

    def walk(rules):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.update(s.strip() for s in tinycss2.serialize(rule.prelude).split(",") if s.strip())
            elif rule.type == "at-rule" and rule.content is not None and rule.lower_at_keyword in ("media", "supports"):
                walk(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True))

    walk(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return found


def widen(selector: str) -> str:
    """`selector` with every pseudo-class and pseudo-element (and its
    argument) replaced by `:is(*)`, which matches any element."""
    out, i = [], 0
    while i < len(selector):
        match = PSEUDO.match(selector, i)
        if not match or (i and selector[i - 1] == "\\"):
            out.append(selector[i])
            i += 1
            continue
        i = match.end()
        if i < len(selector) and selector[i] == "(":
            depth = 0
            while i < len(selector):
                depth += {"(": 1, ")": -1}.get(selector[i], 0)
                i += 1
                if depth == 0:
                    break
        out.append(":is(*)")
    return "".join(out)


def dropped(site_dir: Path) -> list[str]:
    """The selectors of Material's purged stylesheets that none of the
    site's stylesheets has: the purge writes them into the site's bundle
    (devconcepts-assets' join_material), or into their own files."""
    whole = set().union(*(selectors(path.read_text(encoding="utf-8"))
                          for path in MATERIAL_CSS.glob("*.min.css") if PURGED.search(path.name)))
    shipped = set().union(*(selectors(path.read_text(encoding="utf-8"))
                            for path in site_dir.glob("assets/stylesheets/*.css")))
    return sorted(whole - shipped)


class Matcher:
    """Which of the dropped selectors match on a page as it is now."""

    def __init__(self, dropped_selectors: list[str]):
        self._widened = {widen(s): s for s in dropped_selectors}

    def __call__(self, page) -> list[str]:
        hits = page.evaluate(FIND, list(self._widened))
        return sorted(self._widened[hit] for hit in hits)
