"""Which language is this build, this page, this file? The one reader of
mkdocs-static-i18n's state.

static-i18n runs one MkDocs build per language on the same config: the
default language's first, then each other language's nested in its
`on_post_build`. Every plugin of this package asks here instead of reading
the i18n plugin's attributes or the ones it sets on files, so a change in
static-i18n is fixed in one module.

Two questions have two answers:

* A page's language (`page_locale`) is the language of the build that writes
  it: the language of its URL, of `<html lang>`, of Material's interface. All
  the words our own components print on it (table labels, the study toolbar,
  print buttons, glossary tooltips) are in that language. A page that exists
  only in the default language is copied into the other languages' builds
  (static-i18n's fallback) and is no exception: its prose stays untranslated,
  every label around it follows the URL.
* A file's language (`file_locale`) is the language its text is written in:
  the default language for `x.md`, `<locale>` for `x.<locale>.md`. Checks of
  the wording (avoided spellings, translation drift) and the print source line
  ask this one.

Without static-i18n, the whole site is in the theme's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File

from devconcepts.core.labels import DEFAULT_LOCALE

I18N_PLUGIN = "i18n"
"""The name mkdocs-static-i18n is listed under in mkdocs.yml's plugins."""


def _i18n(config: MkDocsConfig):
    return config.plugins.get(I18N_PLUGIN)


def _languages(config: MkDocsConfig) -> list:
    return list(getattr(getattr(_i18n(config), "config", None), "languages", None) or [])


def build_locales(config: MkDocsConfig) -> tuple[str, str]:
    """(locale being built, default locale); without static-i18n, the theme's
    language for both."""
    language = config.theme.get("language") or DEFAULT_LOCALE
    i18n = _i18n(config)
    if i18n is None:
        return language, language
    default = getattr(i18n, "default_language", None) or language
    return getattr(i18n, "current_language", None) or default, default


def language_prefix(locale: str, default: str) -> str:
    """The folder of `locale`'s pages under the site root: "" for the default
    language, "en/" for English (static-i18n's layout)."""
    return "" if locale == default else f"{locale}/"


def page_locale(config: MkDocsConfig) -> str:
    """The language of every page this build writes, fallback copies included:
    the one all labels on them come from."""
    return build_locales(config)[0]


def is_default_language_build(config: MkDocsConfig) -> bool:
    """True in the build of the default language, the first of a whole-site build."""
    locale, default = build_locales(config)
    return locale == default


def all_languages_built(config: MkDocsConfig) -> bool:
    """True in the build that finishes last: static-i18n builds the other
    languages inside the default language's on_post_build (`stages.LANGUAGE`),
    so a plugin that runs after it there sees the whole site."""
    return not getattr(_i18n(config), "building", False)


def built_locales(config: MkDocsConfig) -> list[str]:
    """Every language the site is built in, the default one first."""
    _, default = build_locales(config)
    others = [language.locale for language in _languages(config)
              if language.build and language.locale not in (default, "null")]
    return [default, *others]


def translated_locales(config: MkDocsConfig) -> list[str]:
    """The languages every default-language page is translated into."""
    return built_locales(config)[1:]


def language_name(config: MkDocsConfig, locale: str) -> str:
    """The name static-i18n shows for `locale` (the locale code without it)."""
    for language in _languages(config):
        if language.locale == locale:
            return language.name
    return locale


def source_locale(config: MkDocsConfig, src_uri: str) -> str:
    """The language a docs file is written in: `x.<locale>.md` for a built
    language other than the default, else the default language."""
    _, default = build_locales(config)
    stem = src_uri.rsplit(".", 1)[0]
    suffix = stem.rsplit(".", 1)[-1] if "." in stem.rsplit("/", 1)[-1] else ""
    known = {language.locale for language in _languages(config)}
    return suffix if suffix in known and suffix != default else default


def file_locale(config: MkDocsConfig, file: File) -> str:
    """The language `file`'s text is written in (not the build it is copied into)."""
    return getattr(file, "locale", None) or source_locale(config, file.src_uri)


def is_fallback(config: MkDocsConfig, file: File) -> bool:
    """True for a default-language file copied into another language's build
    because it has no translation."""
    return file_locale(config, file) != page_locale(config)


def translations(config: MkDocsConfig, file: File) -> dict[str, str]:
    """{locale: site-relative URL} of the page in every language it is written
    in, the default language first: `file` itself unless it is a fallback
    copy, and its translations. A fallback copy of an untranslated page (a
    default-language file served under another language's folder) is not a
    translation. Reads the `alternates` static-i18n gives every file."""
    alternates = dict(getattr(file, "alternates", None) or {})
    alternates.setdefault(page_locale(config), file)
    found = {}
    for locale in built_locales(config):
        alternate = alternates.get(locale)
        if alternate is not None and file_locale(config, alternate) == locale:
            found[locale] = alternate.url
    return found


def counterpart_key(file: File) -> str:
    """The docs path a file shares with its translations: `topic.md` for both
    `topic.md` and `topic.en.md`."""
    return getattr(file, "norm_src_uri", None) or file.src_uri


def language_path(file: File) -> str:
    """`file`'s destination without its language's folder: `oltp/` for both
    `oltp/` and `en/oltp/`."""
    path = file.dest_uri
    locale = getattr(file, "locale_alternate_of", None)
    if locale and path.startswith(f"{locale}/"):
        path = path[len(locale) + 1:]
    return path


@dataclass(frozen=True)
class LanguageRoot:
    locale: str
    name: str
    path: str
    """The language's home as a path from the server's root, e.g. `/en/` (with
    the site's own path in front when it is served below the root)."""
    default: bool


def language_roots(config: MkDocsConfig) -> list[LanguageRoot]:
    """The home of every built language; empty without static-i18n."""
    base_path = urlsplit(config.site_url or "/").path.rstrip("/")
    roots = []
    for language in _languages(config):
        if not language.build or language.locale == "null":
            continue
        # static-i18n's link is relative to the site root ("/", "/en/").
        path = language.fixed_link or f"{base_path}{language.link}"
        roots.append(LanguageRoot(language.locale, language.name, path, bool(language.default)))
    return roots
