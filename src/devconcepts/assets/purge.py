"""Drop the rules of Material's stylesheets that match nothing the site shows.

Material ships one stylesheet for all its features (blog, tags, versions,
annotations, twelve admonition types, right-to-left layouts, every palette
colour). This site uses a fraction, and the rest is about a third of the CSS
bytes of a first visit. Once every language is built, a selector is dropped
when it needs

- a class that no built page has and no shipped script can add, or
- a palette colour or text direction (`[data-md-color-primary=pink]`,
  `[dir=rtl]`) that no page uses;

then custom properties that nothing reads any more are dropped.

A selector that needs one of the attributes given as `dropped_attributes` is
dropped too, used or not: one that a script sets on `<body>` for a moment,
under a rule every element matches, restyles the whole page each time
(material_internals.PALETTE_SWITCHING).

What counts as used: every class in every built HTML file; every word in every
script a page loads, since Material's scripts add classes from string
literals; and for a word right before `${` in such a script, every class it
starts, since a template string makes the rest (`md-tag--${…}`), except for
the components the site turns off (material_components.py). Scripts no
page loads are not read: Material ships lunr's language files, and their word
lists (note, warning, example…) would keep every admonition style. Workers
cannot touch the page, so the search worker adds no classes either. Selectors are only judged by
what they need at their top level: a class inside :not(), :is() or another
function never drops a selector.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from typing import Iterable
from urllib.parse import unquote, urlsplit

import tinycss2
from tinycss2 import ast

# Class names and the attributes below are read from the built pages with
# regexes, not HTMLParser (core.html_tags), which took 45 times as long over
# the site's pages (0.185 s against 0.004 s for one pass; measured for the
# precache's reading, which is the same). A class name found inside a text
# or a comment only keeps a rule that matches nothing, never drops one.
_CLASS_ATTRIBUTE = re.compile(r'\bclass="([^"]*)"')
# Attributes whose values Material's stylesheets select on and that only the
# HTML sets (the palette toggle copies them from its inputs' data attributes).
_VALUE_ATTRIBUTES = re.compile(r'\b(dir|data-md-color-[a-z]+)="([^"]*)"')
_SCRIPT_SOURCE = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
_SCRIPT_WORD = re.compile(r"[A-Za-z_][\w-]*")
_TEMPLATE_PREFIX = re.compile(r"([A-Za-z_][\w-]*)\$\{")
_CUSTOM_PROPERTY = re.compile(r"--[A-Za-z_][\w-]*")
_VAR_REFERENCE = re.compile(r"var\(\s*(--[A-Za-z_][\w-]*)")


class PurgeError(ValueError):
    pass


@dataclass
class UsedNames:
    classes: set[str] = field(default_factory=set)
    class_prefixes: set[str] = field(default_factory=set)
    attribute_values: set[tuple[str, str]] = field(default_factory=set)
    custom_properties: set[str] = field(default_factory=set)
    """Custom property names that HTML (style attributes) or scripts mention."""

    def has_class(self, name: str) -> bool:
        return name in self.classes or any(name.startswith(p) for p in self.class_prefixes)


def used_names(html: Iterable[str], scripts: Iterable[str], *, components_off: Iterable[str] = ()) -> UsedNames:
    """`components_off`: class prefixes of script-drawn components the site
    leaves off; scripts naming them do not count, pages still do."""
    off = tuple(components_off)
    used = UsedNames()
    for text in html:
        for match in _CLASS_ATTRIBUTE.finditer(text):
            used.classes.update(match.group(1).split())
        used.attribute_values.update(_VALUE_ATTRIBUTES.findall(text))
        used.custom_properties.update(_CUSTOM_PROPERTY.findall(text))
    for text in scripts:
        used.classes.update(w for w in _SCRIPT_WORD.findall(text) if not w.startswith(off) or w in used.classes)
        used.class_prefixes.update(w for w in _TEMPLATE_PREFIX.findall(text) if not w.startswith(off))
        used.custom_properties.update(_CUSTOM_PROPERTY.findall(text))
    return used


def loaded_scripts(pages: dict[str, str], files: Iterable[str]) -> set[str]:
    """The site's script files that `pages` (path from the site root → HTML)
    load with `<script src>`, as paths from the site root; `files`: every
    file of the site."""
    existing = set(files)
    scripts = set()
    for page, html in pages.items():
        for src in _SCRIPT_SOURCE.findall(html):
            parts = urlsplit(src)
            if parts.scheme or parts.netloc:
                continue
            path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path)))
            if path in existing:
                scripts.add(path)
    return scripts


def purge_stylesheets(stylesheets: dict[str, str], used: UsedNames, *, also_read: Iterable[str] = (),
                      dropped_attributes: Iterable[str] = ()) -> dict[str, str]:
    """Purged text of each stylesheet (name → CSS). `also_read`: the site's
    other stylesheets, whose var() references keep custom properties alive.
    `dropped_attributes`: attribute names whose selectors go whatever the
    pages use."""
    dropped = frozenset(name.lower() for name in dropped_attributes)
    rules = {name: _purge_rules(_parse(name, css), used, dropped) for name, css in stylesheets.items()}
    others = "".join(also_read)
    while True:
        text = "".join(_serialize(r) for r in rules.values()) + others
        read = set(_VAR_REFERENCE.findall(text)) | used.custom_properties
        dropped = False
        for name in rules:
            rules[name], changed = _drop_custom_properties(rules[name], read)
            dropped = dropped or changed
        # A dropped property may have been the only reader of another one.
        if not dropped:
            return {name: _serialize(r) for name, r in rules.items()}


def _parse(name: str, css: str) -> list:
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errors = [r for r in rules if r.type == "error"]
    if errors:
        raise PurgeError(f"{name}: cannot read line {errors[0].source_line}: {errors[0].message}")
    return rules


def _serialize(rules: list) -> str:
    return "".join(rule.serialize() for rule in rules)


def _purge_rules(rules: list, used: UsedNames, dropped: frozenset[str]) -> list:
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _split_selectors(rule.prelude)
            alive = [s for s in selectors if _selector_can_match(s, used, dropped)]
            if not alive:
                continue
            if len(alive) < len(selectors):
                rule.prelude = _join_selectors(alive)
        elif _is_grouping(rule):
            inner = _purge_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True),
                                 used, dropped)
            if not inner:
                continue
            rule.content = inner
        kept.append(rule)
    return kept


def _is_grouping(rule) -> bool:
    return rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports", "layer", "container") \
        and rule.content is not None


def _split_selectors(prelude: list) -> list[list]:
    selectors: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append([])
        else:
            selectors[-1].append(token)
    return selectors


def _join_selectors(selectors: list[list]) -> list:
    joined: list = []
    for i, selector in enumerate(selectors):
        if i:
            joined.append(ast.LiteralToken(0, 0, ","))
        joined.extend(selector)
    return joined


def _selector_can_match(tokens: list, used: UsedNames, dropped: frozenset[str]) -> bool:
    for i, token in enumerate(tokens):
        if token.type == "literal" and token.value == "." and i + 1 < len(tokens) \
                and tokens[i + 1].type == "ident" and not used.has_class(tokens[i + 1].value):
            return False
        if token.type == "[] block":
            if _attribute_name(token.content) in dropped:
                return False
            wanted = _attribute_value(token.content)
            if wanted and wanted not in used.attribute_values:
                return False
    return True


def _attribute_name(content: list) -> str | None:
    """The attribute's name (lower case) of an attribute selector's content."""
    first = next((t for t in content if t.type != "whitespace"), None)
    return first.lower_value if first is not None and first.type == "ident" else None


def _attribute_value(content: list) -> tuple[str, str] | None:
    """(attribute, value) of `[attribute=value]` for the attributes whose
    values the HTML alone sets; None for any other attribute selector."""
    parts = [t for t in content if t.type != "whitespace"]
    if len(parts) == 3 and parts[0].type == "ident" and parts[1].type == "literal" and parts[1].value == "=" \
            and parts[2].type in ("ident", "string"):
        name = parts[0].lower_value
        if name == "dir" or name.startswith("data-md-color-"):
            return name, parts[2].value
    return None


def _drop_custom_properties(rules: list, read: set[str]) -> tuple[list, bool]:
    kept, changed = [], False
    for rule in rules:
        if rule.type == "qualified-rule":
            declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            alive = [d for d in declarations
                     if not (d.type == "declaration" and d.name.startswith("--") and d.name not in read)]
            if len(alive) < len(declarations):
                changed = True
                if not alive:
                    continue
                rule.content = tinycss2.parse_component_value_list(";".join(d.serialize() for d in alive))
        elif _is_grouping(rule):
            inner, inner_changed = _drop_custom_properties(rule.content, read)
            changed = changed or inner_changed
            if not inner:
                changed = True
                continue
            rule.content = inner
        kept.append(rule)
    return kept, changed
