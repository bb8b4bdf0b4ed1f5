"""One language's search index, in the format Material's search worker reads.

Sections are cut exactly as Material's own search plugin cuts them (its
`SearchIndex` class does the work), so titles, text and anchors stay
Material's. On top of that each section may get a hidden `keywords` field
(compound parts and the concept's names in the other language), and the
index's `config` carries what the query normaliser needs."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from devconcepts.core.cache_files import Memo, text_key
from devconcepts.core.locales import counterpart_key
from devconcepts.core.material_internals import SearchIndex as MaterialSearchIndex
from devconcepts.terms.term_list import Term

from .aliases import AliasMatcher
from .korean import PARTICLES, has_hangul
from .segment import MIN_STEM, Segmenter
from .tables import mark_cells, separate
from .tokenizer import Prefixes, compound_parts, plain_text, split_words

KEYWORDS = "keywords"
"""Name of the hidden field. Material's worker indexes every field the config
lists; its result template shows only title, text and tags."""


@dataclass
class LanguageIndex:
    language: str
    prefix: str
    """Folder of this language under the site root: "" or "en/"."""
    lang: list[str]
    pipeline: list[str]
    fields: dict[str, dict]
    pages: list[tuple[str, list[dict]]] = field(default_factory=list)
    """(default-language source path, Material's entries) per indexed page."""

    def add_page(self, page, material_config: dict, memo: Memo | None = None) -> None:
        """Index one page's sections (call before Material strips the page's
        data-search-* attributes); `memo` keeps them between builds by
        everything Material's parser reads of the page."""
        def sections() -> list[dict]:
            index = MaterialSearchIndex(**material_config)
            index.add_entry_from_context(_CellsSeparated(page))
            entries = []
            for entry in index.entries:
                location = entry["location"]
                # Locations are relative to the language root, which is the base
                # URL the pages of this language give Material's search.
                if self.prefix and location.startswith(self.prefix):
                    location = location[len(self.prefix):]
                entries.append({**entry, "location": location, "title": separate(entry["title"]),
                                "text": separate(entry["text"])})
            return entries

        if memo is None:
            entries = sections()
        else:
            read = json.dumps([page.url, page.title, page.meta, _toc(page.toc), material_config, self.prefix],
                              ensure_ascii=False, sort_keys=True, default=str)
            entries = memo.get(text_key(page.content or "", read), sections)
        self.pages.append((counterpart_key(page.file), entries))

    def build(self, separator: str, pattern: re.Pattern[str], segmenter: Segmenter,
              aliases: AliasMatcher | None, terms: tuple[Term, ...]) -> dict:
        docs = [entry for _, entries in self.pages for entry in entries]
        texts = [plain_text(f"{d['title']}\n{d['text']}") for d in docs]
        words = [[w.text for w in split_words(text, pattern)] for text in texts]
        analysis = segmenter.analyze(words)
        found = dict(zip(map(id, docs), zip(words, analysis.suffixes, texts)))
        explained = self._explained(aliases)
        for _, entries in self.pages:
            # A keyword goes to one section per page: the one the term list
            # names as the term's explanation, else the first that needs it.
            # Results are grouped by page, so repeating it adds bytes only.
            owner: dict[str, int] = {}
            for doc in entries:
                doc_words, _, text = found[id(doc)]
                if aliases is not None and id(doc) in explained:
                    for word in aliases.keywords(text, explained[id(doc)], words=doc_words):
                        owner.setdefault(word, id(doc))
            for doc in entries:
                doc_words, suffixes, text = found[id(doc)]
                present = Prefixes(w.lower() for w in doc_words)
                keywords = {s for s in suffixes if not present.match(s)}
                # The words inside Latin compounds (localStorage → storage),
                # as the suffixes above are those inside Korean ones.
                keywords |= {part for w in doc_words for part in compound_parts(w)
                             if not present.match(part)}
                if aliases is not None:
                    keywords |= aliases.keywords(text, words=doc_words)
                for word in keywords:
                    owner.setdefault(word, id(doc))
            for doc in entries:
                mine = sorted(word for word, where in owner.items() if where == id(doc))
                if mine:
                    doc[KEYWORDS] = " ".join(mine)
        stems = set(analysis.stems)
        for term in terms:
            for spelling in term.spellings():
                for word in split_words(spelling, pattern):
                    if has_hangul(word.text) and len(word.text) >= MIN_STEM:
                        stems.add(word.text.lower())
        return {
            "config": {
                "lang": self.lang,
                "separator": separator,
                "pipeline": self.pipeline,
                "fields": {**self.fields, KEYWORDS: {"boost": 1.0}},
                "normalizer": {"particles": list(PARTICLES), "stems": sorted(stems)},
            },
            "docs": docs,
        }

    def _explained(self, aliases: AliasMatcher | None) -> dict[int, list[Term]]:
        """Terms to add to the section the term list names as their explanation."""
        out: dict[int, list[Term]] = {}
        if aliases is None:
            return out
        for src, entries in self.pages:
            if not entries:
                continue
            for anchor, terms in aliases.explained_by(src, self.language).items():
                target = next((e for e in entries if anchor and e["location"].endswith(f"#{anchor}")), entries[0])
                out.setdefault(id(target), []).extend(terms)
        return out


class _CellsSeparated:
    """The page as Material's indexer reads it, with its table cells and rows
    marked (search/tables.py): Material keeps only the cells' text, and a
    snippet of a table would otherwise run its cells together."""

    def __init__(self, page) -> None:
        self._page = page
        self.content = mark_cells(page.content or "")

    def __getattr__(self, name):
        return getattr(self._page, name)


def _toc(items) -> list:
    return [[item.id, item.title, item.url, item.level, _toc(item.children)] for item in items or ()]


def dump(index: dict) -> str:
    """Compact JSON in UTF-8: Korean text as \\uXXXX escapes would take 6 bytes
    a syllable instead of 3."""
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"), default=str)
