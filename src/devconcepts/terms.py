"""The bilingual term list: one source for the glossary pages, the tooltips
and the Korean/English search aliases."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

TERMS_FILE = Path(__file__).parent / "data" / "terms.yml"


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
    """Docs-relative page and anchor that explains the term, e.g. `kubernetes-cluster.md#...`."""

    def spellings(self, locale: str | None = None) -> tuple[str, ...]:
        """Every name and alias, in one locale or (None) in all of them."""
        locales = [locale] if locale else sorted(self.names)
        out: list[str] = []
        for loc in locales:
            out.append(self.names[loc])
            out.extend(self.aliases.get(loc, ()))
        return tuple(dict.fromkeys(out))


@lru_cache(maxsize=None)
def load_terms(path: Path = TERMS_FILE) -> tuple[Term, ...]:
    """Read and validate the term list."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
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
        aliases = {}
        for loc, values in (entry.get("aliases") or {}).items():
            if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
                raise TermListError(f"{where}: aliases.{loc} must be a list of text")
            aliases[loc] = tuple(values)
        terms.append(Term(id=entry["id"], names=dict(names), aliases=aliases,
                          definitions=dict(entry.get("definitions") or {}), page=entry.get("page", "")))
    return tuple(terms)
