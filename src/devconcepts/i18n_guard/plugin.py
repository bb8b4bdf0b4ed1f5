"""Fail the strict build when a page lacks its translation.

mkdocs-static-i18n silently falls back to the default language when a
translated file is missing, so a reader of /en/ would get Korean text with no
warning. This plugin names the missing file instead.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, get_plugin_logger

log = get_plugin_logger(__name__)


class I18nGuardConfig(Config):
    enabled = c.Type(bool, default=True)
    """Turn the check off, e.g. for a site that is not translated yet."""

    translations = c.Type(list, default=["en"])
    """Locales every default-language page must have, as `page.<locale>.md` beside it."""


def missing_translations(docs_dir: Path, locales: list[str]) -> list[str]:
    """Return one message per Markdown page whose translation file is absent."""
    problems = []
    for source in sorted(docs_dir.rglob("*.md")):
        stem, _, suffix = source.name[: -len(".md")].rpartition(".")
        if stem and suffix in locales:
            default = source.with_name(f"{stem}.md")
            if not default.exists():
                problems.append(
                    f"{source.relative_to(docs_dir)}: translation without a source page "
                    f"(expected {default.relative_to(docs_dir)})"
                )
            continue
        for locale in locales:
            translated = source.with_name(f"{source.stem}.{locale}.md")
            if not translated.exists():
                problems.append(
                    f"{source.relative_to(docs_dir)}: no '{locale}' translation "
                    f"(expected {translated.relative_to(docs_dir)})"
                )
    return problems


class I18nGuardPlugin(BasePlugin[I18nGuardConfig]):
    def on_pre_build(self, config: MkDocsConfig) -> None:
        if not self.config.enabled or not _is_default_language_build(config):
            return
        for problem in missing_translations(Path(config.docs_dir), self.config.translations):
            log.warning(problem)


def _is_default_language_build(config: MkDocsConfig) -> bool:
    # static-i18n runs one build() per language on the same config; checking the
    # sources once, in the default language's build, reports each problem once.
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    return getattr(i18n, "current_language", None) in (None, getattr(i18n, "default_language", None))
