"""Material components whose classes only Material's scripts add, and the
settings that turn each one on.

Material's bundle names the classes of all its components, so the purge
(purge.py) keeps their rules on any site. `devconcepts-assets: components_off`
lists the ones this site leaves off; each must be one of these, and the build
fails while a setting that turns it on is set, so that turning a component on
later cannot leave it unstyled."""

from __future__ import annotations

from typing import Callable

from mkdocs.config.defaults import MkDocsConfig


def _feature(*names: str) -> Callable[[MkDocsConfig], list[str]]:
    return lambda config: [f"theme.features: {n}" for n in names if n in (config.theme.get("features") or [])]


def _plugin(*names: str) -> Callable[[MkDocsConfig], list[str]]:
    return lambda config: [f"plugins: {n}" for n in names if n in config.plugins]


def _extension(*names: str) -> Callable[[MkDocsConfig], list[str]]:
    return lambda config: [f"markdown_extensions: {n}" for n in names if n in config.markdown_extensions]


def _setting(key: str) -> Callable[[MkDocsConfig], list[str]]:
    def check(config: MkDocsConfig) -> list[str]:
        value = config
        for part in key.split("."):
            try:
                value = value[part]
            except (KeyError, TypeError):
                return []
        return [key] if value else []
    return check


COMPONENTS: dict[str, list[Callable[[MkDocsConfig], list[str]]]] = {
    "md-tooltip": [_feature("content.tooltips", "content.footnote.tooltips", "content.code.annotate",
                            "navigation.instant.preview")],
    "md-annotation": [_feature("content.code.annotate")],
    "md-code__": [_feature("content.code.copy", "content.code.select")],
    "md-clipboard": [_feature("content.code.copy")],
    "md-version": [_setting("extra.version")],
    "md-source": [_setting("repo_url")],
    "md-tag": [_plugin("tags", "material/tags", "blog", "material/blog")],
    "tabbed-": [_extension("pymdownx.tabbed")],
    # Written by the highlight extensions into pages, which count as they are;
    # Material's scripts only look for it.
    "highlight": [],
}
"""Class prefix → checks that name the settings turning the component on."""


def components_off_problems(config: MkDocsConfig, prefixes: list[str]) -> list[str]:
    problems = []
    for prefix in prefixes:
        if prefix not in COMPONENTS:
            problems.append(f"'{prefix}' is not a component the purge knows ({', '.join(COMPONENTS)})")
            continue
        on = [setting for check in COMPONENTS[prefix] for setting in check(config)]
        if on:
            problems.append(f"'{prefix}' is listed as off, but {', '.join(on)} turns it on")
    return problems
