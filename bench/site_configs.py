"""MkDocs configurations for the search benchmarks: the project's own
mkdocs.yml with its search settings swapped, written as a child config
(`INHERIT`) so that everything else stays the project's.

- `plain`: Material's search as it comes, with static-i18n combining every
  language into one index (its default `reconfigure_search: true`), and no
  devconcepts-search. This is what the issue measured.
- `ours`: devconcepts-search with the given options (default: mkdocs.yml's).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from mkdocs.utils import yaml_load

ROOT = Path(__file__).resolve().parent.parent
MKDOCS_YML = ROOT / "mkdocs.yml"
SEARCH_PLUGIN = "devconcepts-search"
OFFLINE_PLUGIN = "devconcepts-offline"
CARDS_PLUGIN = "devconcepts-cards"


def _plugins() -> list:
    with MKDOCS_YML.open(encoding="utf-8") as f:
        return yaml_load(f)["plugins"]


def _name(entry) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def write_config(path: Path, *, search: dict | None, docs_dir: Path | None = None,
                 nav: list | None = None) -> Path:
    """Write a child config at `path`.

    search: None for the plain build, else options for devconcepts-search
        (merged over the ones in mkdocs.yml).
    docs_dir: another docs folder (for a generated site).
    nav: another navigation (for a generated site)."""
    search = dict(search) if search is not None else None
    plugins = []
    for entry in _plugins():
        name = _name(entry)
        options = dict(entry[name] or {}) if isinstance(entry, dict) else {}
        if name == SEARCH_PLUGIN:
            if search is None:
                continue
            options.update(search)
        if name == "i18n" and search is None:
            options["reconfigure_search"] = True
        if name == CARDS_PLUGIN:
            # data/ beside the config is the project's (a link, below): the
            # benchmark's cards keep their ids in a lock of their own.
            options["lock"] = "cards.lock.yml"
        if name == OFFLINE_PLUGIN and docs_dir is not None:
            # A generated site is far over the offline precache's budget, and
            # the service worker's precache would download it while the
            # benchmark times the search.
            options["enabled"] = False
        elif name == OFFLINE_PLUGIN:
            # A variant's offline copy differs from the site's (plain
            # Material's search index is larger): the budget is the real
            # site's to keep (its build and tests/offline/test_budget.py),
            # not a benchmark's.
            options["budget_kb"] = 10_000
        plugins.append({name: options} if options else name)
    if search is not None and SEARCH_PLUGIN not in [_name(e) for e in plugins]:
        plugins.append({SEARCH_PLUGIN: dict(search)} if search else SEARCH_PLUGIN)
    config = {
        "INHERIT": str(MKDOCS_YML),
        # Relative paths in mkdocs.yml resolve against the child's folder.
        "docs_dir": str(docs_dir or ROOT / "docs"),
        "theme": {"custom_dir": str(ROOT / "overrides")},
        "plugins": plugins,
    }
    if nav is not None:
        config["nav"] = nav
    # Folders that mkdocs.yml names relative to itself, beside the config as
    # in the project: the term list and diagrams (data/), the source notes
    # the glossary reads (seed/).
    for folder in ("data", "seed"):
        link = path.parent / folder
        if not link.exists():
            link.symlink_to(ROOT / folder, target_is_directory=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
