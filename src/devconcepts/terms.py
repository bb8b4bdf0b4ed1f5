"""The bilingual term list: one source for the glossary pages, the tooltips
and the Korean/English search aliases.

Schema of one entry in `data/terms.yml` (beside mkdocs.yml; see
`devconcepts.site_data`) (keys beyond `id` and `names` are
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

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

# LibYAML's safe loader reads the list ten times faster where PyYAML has it.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class TermListError(ValueError):
    """The term list is malformed; the message names the file and the entry."""


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

    def exclusions(self) -> tuple[str, ...]:
        """Every excluded word, all locales together."""
        return tuple(dict.fromkeys(word for loc in sorted(self.exclude) for word in self.exclude[loc]))


def _per_locale_list(value, where: str, key: str) -> dict[str, tuple[str, ...]]:
    out = {}
    if value is None:
        return out
    if not isinstance(value, dict):
        raise TermListError(f"{where}: {key} must map locales to lists")
    for loc, values in value.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise TermListError(f"{where}: {key}.{loc} must be a list of text")
        out[loc] = tuple(values)
    return out


def _avoided(entry: dict, where: str) -> dict[str, tuple[str, ...]]:
    avoid = _per_locale_list(entry.get("avoid"), where, "avoid")
    for loc, variants in avoid.items():
        if entry["names"].get(loc) in variants:
            raise TermListError(f"{where}: avoid.{loc} lists the term's own name '{entry['names'][loc]}'")
    return avoid


def _pages(value, where: str) -> tuple[str, dict[str, str]]:
    """(default-language page, per-locale pages) from a string or a mapping."""
    if value in (None, ""):
        return "", {}
    if isinstance(value, str):
        values = {"": value}
    elif isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values()):
        values = dict(value)
    else:
        raise TermListError(f"{where}: 'page' must be `file.md#anchor` or a mapping of locales to it")
    for loc, target in values.items():
        path, _, anchor = target.partition("#")
        if not path.endswith(".md") or not anchor:
            raise TermListError(f"{where}: page{'.' + loc if loc else ''} '{target}' must be `file.md#anchor`")
    if "" in values:
        return values[""], {}
    default = values.get("ko") or next(iter(values.values()))
    return default, values


def load_terms(path: Path) -> tuple[Term, ...]:
    """Read and validate the term list (once per version of the file: the
    plugins and every page's Markdown ask for it)."""
    path = Path(path).resolve()
    try:
        modified = path.stat().st_mtime_ns
    except OSError as error:
        raise TermListError(f"{path}: cannot read the term list: {error}") from error
    return _load_terms(path, modified)


@lru_cache(maxsize=None)
def _load_terms(path: Path, modified: int) -> tuple[Term, ...]:
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER)
    except OSError as error:
        raise TermListError(f"{path}: cannot read the term list: {error}") from error
    except yaml.YAMLError as error:
        raise TermListError(f"{path}: not valid YAML: {error}") from error
    if not isinstance(raw, list):
        raise TermListError(f"{path}: expected a list of terms")
    terms, seen = [], set()
    for index, entry in enumerate(raw, start=1):
        where = f"{path}: term #{index}"
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            raise TermListError(f"{where}: every term needs a string 'id'")
        where = f"{path}: term '{entry['id']}'"
        if entry["id"] in seen:
            raise TermListError(f"{where}: duplicate id")
        seen.add(entry["id"])
        names = entry.get("names")
        if not isinstance(names, dict) or not {"ko", "en"} <= set(names):
            raise TermListError(f"{where}: 'names' needs both 'ko' and 'en'")
        for key in ("names", "definitions"):
            for loc, value in (entry.get(key) or {}).items():
                if not isinstance(value, str) or not value.strip():
                    raise TermListError(f"{where}: {key}.{loc} must be non-empty text (quote YAML words like yes/no)")
        for loc, value in (entry.get("definitions") or {}).items():
            # Material's tooltip puts the text into innerHTML.
            if "<" in value:
                raise TermListError(f"{where}: definitions.{loc} must be plain text (no '<')")
        if not isinstance(entry.get("case_sensitive", False), bool):
            raise TermListError(f"{where}: case_sensitive must be true or false")
        page, pages = _pages(entry.get("page"), where)
        terms.append(Term(id=entry["id"], names=dict(names),
                          aliases=_per_locale_list(entry.get("aliases"), where, "aliases"),
                          definitions=dict(entry.get("definitions") or {}), page=page, pages=pages,
                          exclude=_per_locale_list(entry.get("exclude"), where, "exclude"),
                          case_sensitive=entry.get("case_sensitive", False),
                          avoid=_avoided(entry, where)))
    return tuple(terms)
