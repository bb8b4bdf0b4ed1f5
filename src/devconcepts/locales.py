"""Which language a build is for.

static-i18n runs one MkDocs build per language on the same config; plugins
that render per-language output ask here instead of reading its internals
themselves."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from devconcepts.labels import DEFAULT_LOCALE


def build_locales(config: MkDocsConfig) -> tuple[str, str]:
    """(locale being built, default locale); without static-i18n, the theme's
    language for both."""
    language = config.theme.get("language") or DEFAULT_LOCALE
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return language, language
    default = getattr(i18n, "default_language", None) or language
    return getattr(i18n, "current_language", None) or default, default


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the build that finishes last: static-i18n builds the other
    languages inside the default language's on_post_build (priority -100),
    so a plugin that runs after it there sees the whole site."""
    i18n = config.plugins.get("i18n")
    return not getattr(i18n, "building", False)


def language_name(config: MkDocsConfig, locale: str) -> str:
    """The name static-i18n shows for `locale` (the locale code without it)."""
    i18n = config.plugins.get("i18n")
    for language in getattr(getattr(i18n, "config", None), "languages", None) or []:
        if language.locale == locale:
            return language.name
    return locale


def source_locale(config: MkDocsConfig, src_uri: str) -> str:
    """The language a docs file is written in: `x.<locale>.md` for a built
    language other than the default, else the default language."""
    _, default = build_locales(config)
    stem = src_uri.rsplit(".", 1)[0]
    suffix = stem.rsplit(".", 1)[-1] if "." in stem.rsplit("/", 1)[-1] else ""
    i18n = config.plugins.get("i18n")
    known = {language.locale for language in getattr(getattr(i18n, "config", None), "languages", None) or []}
    return suffix if suffix in known and suffix != default else default
