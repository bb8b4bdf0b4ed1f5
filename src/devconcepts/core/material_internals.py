"""What this site relies on inside Material for MkDocs beyond its documented
settings, in one place.

Each item below says what it relies on. Material may change any of them in a
minor release; `tests/theme/test_upgrade_guard.py` checks the installed
version, every copied template and the markup our blocks complete, so a
Material upgrade fails that test instead of a page. After an upgrade: compare
each copied template with its new original, carry our change over, check
every item below, then set
`MATERIAL_VERSION` and run `python -m devconcepts.core.material_internals record`.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from devconcepts.core.template_cache import SharedBytecodeCache

MATERIAL_VERSION = "9.8.1"
"""The Material release the items below were checked against."""


# The search index: Material's `SearchIndex` class (material.plugins.search.
# plugin) cuts a page into sections: `SearchIndex(**plugin_config)`, then
# `add_entry_from_context(page)`, then `.entries`, a list of dicts with
# location, title, text (and tags, boost). Not a documented API.
from material.plugins.search.plugin import SearchIndex  # noqa: E402


class UnusedIndex:
    """Stands in for Material's search index (`plugin.search_index`).

    Relies on: Material's search plugin keeping its index in `search_index`
    and calling `add_entry_from_context(page)` and
    `generate_search_index(previous)` on it; static-i18n gathering and
    clearing its `entries` between languages. Material writes what this
    generates before devconcepts-search writes the real files over it."""

    def __init__(self) -> None:
        self.entries: list = []

    def add_entry_from_context(self, page: Page) -> None:
        pass

    def generate_search_index(self, previous) -> str:
        return '{"config": {}, "docs": []}'


def replace_search_index(material_search_plugin) -> None:
    """Stop Material's search plugin from gathering its own index."""
    material_search_plugin.search_index = UnusedIndex()


def translate(config: MkDocsConfig, key: str) -> str:
    """Material's per-language text for `key`, as its templates get it.

    Relies on: the `t` macro of Material's `partials/language.html` (called on
    the template's module) and on keys such as `search.config.lang` and
    `search.config.pipeline` in its language files."""
    # Keyed on the theme and language only: a fresh Jinja environment per
    # call costs a tenth of a second, and the answer depends on nothing else
    # (Material's language files are not site content).
    cache_key = (tuple(config.theme.dirs), config.theme["language"], key)
    if cache_key not in _TRANSLATIONS:
        env = config.theme.get_env()
        env.bytecode_cache = SharedBytecodeCache()
        template = env.get_template("partials/language.html", None, {"config": config})
        _TRANSLATIONS[cache_key] = str(template.module.t(key))
    return _TRANSLATIONS[cache_key]


_TRANSLATIONS: dict[tuple, str] = {}


# The page's settings for Material's bundle: `<script id="__config"
# type="application/json">` in every page (base.html), with `base` (the site
# root relative to the page) and `search` (the worker's URL). The bundle
# fetches `search/search_index.json` relative to `base` and starts the worker
# from `search`. Neither the script nor its keys are documented.
PAGE_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)


def has_page_config(html: str) -> bool:
    """Whether `html` is a page of Material's with its __config script."""
    return PAGE_CONFIG.search(html) is not None


def read_page_config(html: str) -> dict | None:
    """The __config JSON of a page of Material's, or None without one (or
    when it is not a JSON object)."""
    found = PAGE_CONFIG.search(html)
    if found is None:
        return None
    try:
        config = json.loads(found.group(2))
    except ValueError:
        return None
    return config if isinstance(config, dict) else None


def dump_page_config(config: dict) -> str:
    """The __config JSON as Material writes it: Jinja's `tojson` escapes <, >,
    & and ' so the script cannot be closed early; do the same."""
    return (json.dumps(config, ensure_ascii=False)
            .replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027"))


# The words of an index entry as Material's search worker reads them: it
# walks an entry's HTML fragment character by character and takes each run
# from a `<` to the next `>` as a tag, a word boundary (the worker's
# tokenizer, in search.<hash>.min.js). devconcepts-search cuts the same words
# (search/tokenizer.py's plain_text) with this pattern, which is the
# worker's rule, not an HTML parser's.
WORKER_TAG = re.compile(r"<[^>]*>")


# The search worker: Material's worker (assets/javascripts/workers/search.
# <hash>.min.js) takes and sends messages `{type, data}` whose types are
# numbers from its TypeScript enum `SearchMessageType`. Our worker in front of
# it (overrides/assets/javascripts/workers/devconcepts-search.js) rewrites
# SETUP and QUERY messages by number; JavaScript cannot import this module, so
# the numbers are written there too, and tests/theme/test_upgrade_guard.py
# checks that file and Material's bundled worker against these.
WORKER_DIR = "assets/javascripts/workers"
WORKER_MESSAGES = {"SETUP": 0, "READY": 1, "QUERY": 2, "RESULT": 3}

# The typo-tolerance script our worker loads (devconcepts-search-tolerance.js,
# built from src/devconcepts/search/worker/tolerance.mjs) also relies on
# Material's worker: it exposes its lunr as `self.lunr` (the script wraps
# lunr.Builder to read the built index), and a RESULT's data is `{items: […]}`.
WORKER_LUNR_GLOBAL = "lunr"

# Our worker replaces lunr's `Builder.prototype.add` (lunr 2.3.9, bundled in
# Material's worker) with one that builds the same index faster
# (devconcepts-search.js `add`; tests/search/test_worker_lunr.py compares the
# two indexes). It relies on the builder's fields as that version has them:
# the digest below is of the original's minified text in Material's worker,
# from `X.Builder.prototype.add=function(` up to the next method, which
# tests/theme/test_upgrade_guard.py recomputes.
LUNR_BUILDER_ADD = re.compile(r"\w\.Builder\.prototype\.add=function\(.*?(?=,\w\.Builder\.prototype\."
                              r"calculateAverageFieldLengths=)")
LUNR_BUILDER_ADD_DIGEST = "7859ea6dcb885c4a"


# Requests of Material's bundle held back (overrides/partials/lazy-requests.
# html, a script that runs before the bundle): the bundle downloads with
# XMLHttpRequest (its `request()`), and at load it asks for
# - the search index, `search/search_index.json` relative to the page
#   config's `base` (`fetchSearchIndex`), which it hands to the search worker
#   in its SETUP message when it arrives: the script sends it once the reader
#   opens search, and our worker loads Material's on that first message;
# - `sitemap.xml` beside each `<link rel="alternate">` (`setupAlternate`, to
#   redirect clicks in the language menu) and beside `base` (instant
#   navigation, which the site does not enable): the script never sends them.
# It also starts the search worker (`new Worker(config.search)`) at load and
# only posts messages to it and listens for its "message" events: the script
# gives it a stand-in that starts the worker with the first message (SETUP).
# The script matches the requests by these paths; the upgrade guard checks
# that the bundle still builds them, still uses XMLHttpRequest and still
# starts one Worker.
BUNDLE = "assets/javascripts/bundle.*.min.js"
LAZY_REQUESTS = {"search index": "search/search_index.json", "sitemap": "sitemap.xml"}


# Material's stylesheets, by the names its build gives them: a content hash
# between the name and `.min.css` (main.<hash>.min.css, palette.<hash>.min.css).
# devconcepts-assets purges these of the rules the site does not use.
# The class of Material's one-line labels (navigation entries, the header's
# title): `overflow: hidden; text-overflow: ellipsis` on a block or flex item
# (partials/nav-item.html, header.html, footer.html).
ELLIPSIS = "md-ellipsis"

STYLESHEETS = ("assets/stylesheets/main.*.min.css", "assets/stylesheets/palette.*.min.css")

# What Material's bundle changes as it starts, on <html> and <body>, that
# Chromium answers by restyling every element of the page, and then reads a
# style, so the restyle runs at once: each is a few tens of milliseconds on a
# slow phone for the review page or a print book (1,000–2,000 elements), in
# the bundle's first task, which Lighthouse counts as blocking time.
# - It swaps the class `no-js` of <html> for `js`, and its focus-visible
#   polyfill adds the class `js-focus-visible`. Any change of <html>'s class
#   restyles every element, since Material's table rules select on `[class]`
#   (`table:not([class]) td`). overrides/partials/steady-styles.html makes
#   the same changes in <head>, before <body> has any element, so that the
#   bundle's change nothing. (The polyfill's attribute `data-js-focus-visible`
#   costs nothing: no rule selects on it.)
# - The palette sets `data-md-color-switching` on <body> while it applies
#   the reader's palette, on every page's start too, and removes it a moment
#   later; palette.css holds transitions back under it
#   (`[data-md-color-switching] *`). devconcepts-assets drops that rule: a
#   switch of the palette then fades its colours instead.
# The upgrade guard checks that the bundle still makes these changes and
# palette.css still has the rule.
HTML_CLASSES = {"without scripts": "no-js", "with scripts": "js", "focus-visible polyfill": "js-focus-visible"}
PALETTE_SWITCHING = "data-md-color-switching"


# Material's scripts, named by a hash of their content (bundle.<hash>.min.js,
# workers/search.<hash>.min.js): as long as a built copy holds Material's own
# bytes, its name changes whenever they do, so the offline worker may answer
# them from its cache first (devconcepts-offline checks the bytes). The
# stylesheets above keep their names after the purge rewrites them: not so.
HASHED_SCRIPTS = ("assets/javascripts/bundle.*.min.js", "assets/javascripts/workers/search.*.min.js")


@dataclass(frozen=True)
class Copy:
    """A template of ours that starts from Material's own text."""

    original: str
    """Material's template it was copied from, relative to material/templates."""
    block: str | None = None
    """The `{% block %}` of `original` that was copied; None for the whole file."""
    why: str = ""


# Templates copied from Material (in overrides/): a Material upgrade can
# change the original, and our copy would then hide the change. Each copy
# says at its top what it changes. Where Material offers a block, we override
# the block (main.html extends base.html and overrides blocks only); these are
# copied because Material has no smaller block around the part we change.
COPIED_PARTIALS = {
    "partials/footer.html": Copy(
        "partials/footer.html",
        why="the prev/next aria-labels escape titles once; base.html's `footer` block only includes this file"),
    "partials/site-meta.html": Copy(
        "base.html", block="site_meta",
        why="escaped descriptions, per-page absolute hreflang links and the link-preview tags; "
            "main.html's `site_meta` block includes it"),
    "partials/styles.html": Copy(
        "base.html", block="styles",
        why="no links to Material's stylesheets where devconcepts-assets joins them into the site's bundle; "
            "main.html's `styles` block includes it"),
}

# The language switch: Material's bundle (integrations/alternate) fetches
# `sitemap.xml` beside the href of every `<link rel="alternate">` in the head
# and, on a click on a link inside one of those hrefs, looks the page up in
# that sitemap. The head's hreflang links (partials/site-meta.html) point at
# the page's own counterparts (`/en/oltp/`), where no sitemap exists; the
# language menu's links lead to the same pages on their own (tests/quality/
# link_tags.py checks they agree), so the switch needs no sitemap.
ALTERNATE_LINK_SELECTOR = "link[rel=alternate]"

# Markup of Material's that a block of ours finds and completes in the
# block's rendered output (`super() | replace(…)`), instead of copying the
# partial that writes it: Material's original must still contain it, once.
SEARCH_DIALOG_TAG = '<div class="md-search" data-md-component="search" role="dialog">'
TITLE_END = "</h1>"
PATCHED_MARKUP = (
    # (override, Material's original that writes the markup, the markup)
    # main.html's `header` block gives the search dialog an accessible name.
    ("main.html", "partials/search.html", SEARCH_DIALOG_TAG),
    # main.html's `content` block puts the print controls right after the
    # page title: the first `</h1>` of the block, which writes the page's
    # title heading (its own, or this fallback when the page has none) before
    # the page's content.
    ("main.html", "partials/content.html", TITLE_END),
)

ORIGINALS_FILE = ".material-originals.json"
"""In overrides/: the Material version and the SHA-256 of each copied
original (the whole file, or the block's text) as it was when copied."""


def material_templates() -> Path:
    """The installed theme's templates folder."""
    import material

    return Path(material.__file__).parent / "templates"


def materials_worker() -> Path:
    """The installed theme's search worker (HASHED_SCRIPTS), which must be one file."""
    found = sorted(material_templates().glob(HASHED_SCRIPTS[1]))
    if len(found) != 1:
        raise FileNotFoundError(f"expected one search worker in {material_templates()}, found {found}")
    return found[0]


def installed_version() -> str:
    return importlib.metadata.version("mkdocs-material")


_BLOCK_TAG = re.compile(r"\{%-?\s*(block\s+(\w+)|endblock)\b[^%]*-?%\}")


def block_text(template: str, name: str) -> str:
    """The text of `{% block name %}…{% endblock %}` in `template`, tags included."""
    depth, start = 0, None
    for tag in _BLOCK_TAG.finditer(template):
        if tag.group(2) is not None:
            if start is None and tag.group(2) == name:
                start, depth = tag.start(), 0
            if start is not None:
                depth += 1
        elif start is not None:
            depth -= 1
            if depth == 0:
                return template[start:tag.end()]
    raise ValueError(f"no block '{name}'")


def original_hash(copy: Copy, templates: Path) -> str:
    text = (templates / copy.original).read_text(encoding="utf-8")
    if copy.block is not None:
        text = block_text(text, copy.block)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade_problems(overrides: Path, templates: Path | None = None, version: str | None = None) -> list[str]:
    """One sentence per thing that no longer matches the Material we wrote
    against: the version, and each copied template's original."""
    templates = templates or material_templates()
    version = version or installed_version()
    problems = []
    if version != MATERIAL_VERSION:
        problems.append(f"Material {version} is installed; the overrides and devconcepts.core.material_internals "
                        f"were written against {MATERIAL_VERSION}")
    recorded = json.loads((overrides / ORIGINALS_FILE).read_text(encoding="utf-8"))
    if recorded.get("material") != MATERIAL_VERSION:
        problems.append(f"{ORIGINALS_FILE} records Material {recorded.get('material')}, not {MATERIAL_VERSION}")
    hashes = recorded.get("originals", {})
    for path, copy in COPIED_PARTIALS.items():
        where = f"{copy.original}" + (f" (block {copy.block})" if copy.block else "")
        if not (overrides / path).is_file():
            problems.append(f"overrides/{path}: missing (listed as a copy of Material's {where})")
        if path not in hashes:
            problems.append(f"overrides/{path}: no recorded original in {ORIGINALS_FILE}")
            continue
        try:
            current = original_hash(copy, templates)
        except (OSError, ValueError) as error:
            problems.append(f"overrides/{path}: Material's {where} is gone: {error}")
            continue
        if current != hashes[path]:
            problems.append(f"overrides/{path}: Material's {where} changed since it was copied; "
                            f"carry our change over to the new original")
    for path in sorted(set(hashes) - set(COPIED_PARTIALS)):
        problems.append(f"{ORIGINALS_FILE}: '{path}' is not in COPIED_PARTIALS")
    for path, original, markup in PATCHED_MARKUP:
        if markup not in (overrides / path).read_text(encoding="utf-8"):
            problems.append(f"overrides/{path}: no longer completes {markup!r}; update PATCHED_MARKUP")
        try:
            found = (templates / original).read_text(encoding="utf-8").count(markup)
        except OSError as error:
            problems.append(f"overrides/{path}: Material's {original} is gone: {error}")
            continue
        if found != 1:
            problems.append(f"overrides/{path}: Material's {original} writes {markup!r} {found} times, not once; "
                            f"the block's replace would miss or double it")
    return problems


def record(overrides: Path, templates: Path | None = None) -> Path:
    """Write ORIGINALS_FILE from the installed Material."""
    templates = templates or material_templates()
    data = {"material": MATERIAL_VERSION,
            "originals": {path: original_hash(copy, templates) for path, copy in COPIED_PARTIALS.items()}}
    target = overrides / ORIGINALS_FILE
    target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devconcepts.core.material_internals",
                                     description="Check or record the Material templates the overrides copy.")
    parser.add_argument("command", choices=["check", "record"])
    parser.add_argument("--overrides", type=Path, default=Path("overrides"))
    args = parser.parse_args(argv)
    if args.command == "record":
        print(f"recorded {record(args.overrides)}")
        return 0
    problems = upgrade_problems(args.overrides)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
