"""The bilingual term list: one source for the glossary pages, the tooltips
and the Korean/English search aliases.

Schema of one entry in `data/terms.yml` (beside mkdocs.yml; see
`devconcepts.core.site_data`) (keys beyond `id` and `names` are
optional for the loader, but the glossary needs `definitions` and `page`)::

    - id: etcd                      # glossary anchor and [[term:etcd]] reference
      names: {ko: etcd, en: etcd}   # headword per locale
      aliases: {ko: [엣시디], en: []}  # other spellings readers type or pages use
      definitions: {ko: …, en: …}   # one line per locale (plain text, no '<')
      page: kubernetes-cluster.md#마스터-노드-주요-구성-요소
      # or, when the sections' anchors differ per language:
      # page: {ko: x.md#한국어-제목, en: x.md#english-heading}
      exclude: {ko: [로그인]}       # longer words that start with a spelling
                                    # but are not the term (never linked)
      avoid: {ko: [큐블릿]}         # spellings pages must not use (the build
                                    # fails and names `names` as the form to write)
      case_sensitive: false         # true: Latin spellings match only as written
"""

from __future__ import annotations

from collections.abc import Sequence

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from devconcepts.core import data_yaml
from devconcepts.core.data_yaml import line_of
from devconcepts.core.errors import SourceError
from devconcepts.core.labels import DEFAULT_LOCALE


class TermListError(SourceError):
    """The term list is malformed: `data/terms.yml:LINE: term 'id': what is wrong`."""


@dataclass(frozen=True)
class Term:
    id: str
    """Stable identifier, also the glossary anchor (e.g. `scheduler`)."""
    names: dict[str, str]
    """Display name per locale: {"ko": "스케줄러", "en": "Scheduler"}."""
    aliases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Other spellings per locale that readers type or pages use."""
    definitions: dict[str, str] = field(default_factory=dict)
    """One-line definition per locale."""
    page: str = ""
    """Docs-relative page and anchor that explains the term, e.g. `kubernetes-cluster.md#...`
    (the default language's; see `page_for` for the others)."""
    pages: dict[str, str] = field(default_factory=dict)
    """`page` per locale, for pages whose heading anchors differ between languages."""
    exclude: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per locale, longer words that begin with a spelling but mean something else
    (`로그인` is not `로그`); text starting with one of them is never linked."""
    case_sensitive: bool = False
    """Match Latin spellings only as written (for names that are also common words)."""
    avoid: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Per locale, spellings that pages of that language must not use (kubernetes.io/ko's
    glossary keeps `kubelet`, so `큐블릿` is avoided); they may still be search aliases."""
    source: str = field(default="", compare=False)
    """The term list the entry was read from, for messages about it."""
    line: int = field(default=1, compare=False)
    """Line of the entry in the term list."""
    page_lines: dict[str, int] = field(default_factory=dict, compare=False)
    """Line of `page` per locale ("" for the default), where a missing anchor is reported."""

    def spellings(self, locale: str | None = None) -> tuple[str, ...]:
        """Every name and alias, in one locale or (None) in all of them."""
        locales = [locale] if locale else sorted(self.names)
        out: list[str] = []
        for loc in locales:
            out.append(self.names[loc])
            out.extend(self.aliases.get(loc, ()))
        return tuple(dict.fromkeys(out))

    def page_for(self, locale: str) -> str:
        """The explaining page#anchor as seen from a page in `locale`."""
        return self.pages.get(locale, self.page)

    def page_line_for(self, locale: str) -> int:
        """The term list's line that gives `page_for(locale)`."""
        return self.page_lines.get(locale) or self.page_lines.get("") or self.line

    def exclusions(self) -> tuple[str, ...]:
        """Every excluded word, all locales together."""
        return tuple(dict.fromkeys(word for loc in sorted(self.exclude) for word in self.exclude[loc]))


class _Entry:
    """One entry being read: raises its errors at the line of the key at fault."""

    def __init__(self, path: str, entry: data_yaml.Mapping, name: str) -> None:
        self.path, self.entry, self.name = path, entry, name

    def error(self, message: str, key: str | None = None, line: int | None = None) -> TermListError:
        """The error at `line`, else at `key`'s line, else at the entry's."""
        line = line or (line_of(self.entry, key) if key else line_of(self.entry))
        return TermListError(self.path, line, f"{self.name}: {message}")

    def per_locale_list(self, key: str) -> dict[str, tuple[str, ...]]:
        value = self.entry.get(key)
        out = {}
        if value is None:
            return out
        if not isinstance(value, dict):
            raise self.error(f"{key} must map locales to lists", key)
        for loc, values in value.items():
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise self.error(f"{key}.{loc} must be a list of text", key, line_of(value, loc))
            out[loc] = tuple(values)
        return out

    def avoided(self) -> dict[str, tuple[str, ...]]:
        avoid = self.per_locale_list("avoid")
        names = self.entry["names"]
        for loc, variants in avoid.items():
            if names.get(loc) in variants:
                raise self.error(f"avoid.{loc} lists the term's own name '{names[loc]}'", "avoid",
                                 line_of(self.entry["avoid"], loc))
        return avoid

    def pages(self) -> tuple[str, dict[str, str]]:
        """(default-language page, per-locale pages) from a string or a mapping."""
        value = self.entry.get("page")
        if value in (None, ""):
            return "", {}
        if isinstance(value, str):
            values = {"": value}
        elif isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values()):
            values = dict(value)
        else:
            raise self.error("'page' must be `file.md#anchor` or a mapping of locales to it", "page")
        for loc, target in values.items():
            path, _, anchor = target.partition("#")
            if not path.endswith(".md") or not anchor:
                raise self.error(f"page{'.' + loc if loc else ''} '{target}' must be `file.md#anchor`", "page",
                                 line_of(value, loc) if loc else None)
        if "" in values:
            return values[""], {}
        default = values.get(DEFAULT_LOCALE) or next(iter(values.values()))
        return default, values

    def page_lines(self) -> dict[str, int]:
        value = self.entry.get("page")
        lines = {"": line_of(self.entry, "page")}
        if isinstance(value, dict):
            lines.update({loc: line_of(value, loc) for loc in value})
        return lines


def load_terms(path: Path, locales: Sequence[str]) -> tuple[Term, ...]:
    """Read and validate the term list (once per content of the file: the
    plugins and every page's Markdown ask for it): every term is named in each
    of `locales`, the languages the site is built in (`core.locales.built_locales`).
    Errors name the file by its full path; the plugins show it from the
    project (`errors.stop`)."""
    path = Path(path).resolve()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise TermListError(str(path), None, f"cannot read the term list: {error.strerror or error}") from None
    return _load_terms(path, text, tuple(locales))


# Keyed by the text, not the modification time: two saves within the
# clock's tick would share an mtime and the second would go unread. A few
# entries: under `mkdocs serve` each save is a new key, and only the latest
# is read again.
@lru_cache(maxsize=8)
def _load_terms(path: Path, text: str, locales: tuple[str, ...]) -> tuple[Term, ...]:
    shown = str(path)
    try:
        raw = data_yaml.load(text, shown)
    except SourceError as error:
        raise TermListError(error.path, error.line, error.problem) from None
    if not isinstance(raw, list):
        raise TermListError(shown, line_of(raw), "expected a list of terms")
    terms, seen = [], {}
    for index, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            line = line_of(raw, index - 1)
            raise TermListError(shown, line, f"term #{index}: every term needs a string 'id'")
        read = _Entry(shown, entry, f"term '{entry['id']}'")
        if entry["id"] in seen:
            raise read.error(f"duplicate id (first on line {seen[entry['id']]})", "id")
        seen[entry["id"]] = line_of(entry, "id")
        names = entry.get("names")
        if not isinstance(names, dict) or not set(locales) <= set(names):
            raise read.error(f"'names' needs {' and '.join(repr(loc) for loc in locales)}", "names")
        for key in ("names", "definitions"):
            for loc, value in (entry.get(key) or {}).items():
                if not isinstance(value, str) or not value.strip():
                    raise read.error(f"{key}.{loc} must be non-empty text (quote YAML words like yes/no)",
                                     key, line_of(entry[key], loc))
        for loc, value in (entry.get("definitions") or {}).items():
            # Material's tooltip puts the text into innerHTML.
            if "<" in value:
                raise read.error(f"definitions.{loc} must be plain text (no '<')", "definitions",
                                 line_of(entry["definitions"], loc))
        if not isinstance(entry.get("case_sensitive", False), bool):
            raise read.error("case_sensitive must be true or false", "case_sensitive")
        page, pages = read.pages()
        terms.append(Term(id=entry["id"], names=dict(names),
                          aliases=read.per_locale_list("aliases"),
                          definitions=dict(entry.get("definitions") or {}), page=page, pages=pages,
                          exclude=read.per_locale_list("exclude"),
                          case_sensitive=entry.get("case_sensitive", False),
                          avoid=read.avoided(),
                          source=shown, line=line_of(entry), page_lines=read.page_lines()))
    return tuple(terms)
