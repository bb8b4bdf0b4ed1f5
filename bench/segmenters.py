"""The model-free segmenters Kiwi was chosen over, kept to compare with it.

- `lexicon`: no model; the corpus' own words are the dictionary.
- `suffix`: no model; every syllable is a boundary.

The site ships only Kiwi and `none` (src/devconcepts/search/segment.py). A
benchmark variant `ours:segmenter=lexicon` or `ours:segmenter=suffix` builds
with one of these through an MkDocs hook (`hook_source`, written by
site_configs.py beside the variant's config):

    .venv/bin/python bench/search_quality.py --variants ours,ours:segmenter=lexicon,ours:segmenter=suffix
    NO_MKDOCS_2_WARNING=1 .venv/bin/python bench/search_scale.py --variants ours,ours:segmenter=suffix

What to look at: recall@5 of each query set (words inside compounds are
what `lexicon` misses), and the index bytes at scale (`suffix` indexes every
syllable, and matches inside unrelated words: 소스 in 리소스, 로그 in 프로그램).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from devconcepts.search.korean import HANGUL, has_hangul, hangul_length, without_particle
from devconcepts.search.segment import MIN_STEM, Analysis

BENCH = Path(__file__).resolve().parent
SEARCH_PLUGIN = "devconcepts-search"


class LexiconSegmenter:
    """Boundaries from the corpus' own vocabulary, no model.

    A Hangul word is a stem when it occurs without a particle, or when it
    occurs with two different particles ("컨테이너를", "컨테이너가"). A word
    has a boundary where a stem starts inside it and the part before is a stem
    too, or a one-syllable prefix (고가용성, 무상태)."""

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self._user_words = {w.lower() for w in user_words if has_hangul(w)}

    def analyze(self, texts: list[list[str]]) -> Analysis:
        per_text = [[w.lower() for w in ws] for ws in texts]
        stems = self._stems(w for words in per_text for w in words)
        longest = max(map(len, stems), default=0)
        found = {w: self._word(w, stems, longest) for w in {w for ws in per_text for w in ws} if has_hangul(w)}
        return Analysis(suffixes=[set().union(*(found.get(w, ()) for w in ws)) for ws in per_text], stems=stems)

    def _stems(self, words: Iterable[str]) -> set[str]:
        plain, with_particle = set(), {}
        for word in words:
            if not has_hangul(word):
                continue
            bases = without_particle(word)
            if not bases:
                plain.add(word)
            for base in bases:
                with_particle.setdefault(base, set()).add(word)
        stems = set(plain) | self._user_words
        stems |= {base for base, forms in with_particle.items() if base in plain or len(forms) > 1}
        return {s for s in stems if len(s) >= MIN_STEM and hangul_length(s) >= 1}

    @staticmethod
    def _word(word: str, stems: set[str], longest: int) -> set[str]:
        found = set()
        for i in range(1, len(word) - MIN_STEM + 1):
            head, tail = word[:i], word[i:]
            if not (HANGUL.match(word[i]) and (head in stems or (i == 1 and HANGUL.match(head)))):
                continue
            if any(tail[:n] in stems for n in range(MIN_STEM, min(len(tail), longest) + 1)):
                found.add(tail)
        return found


class SuffixSegmenter(LexiconSegmenter):
    """Every syllable is a boundary: each Hangul word, less its particle, is
    indexed from every syllable on (substring search), with the lexicon's
    stems."""

    @staticmethod
    def _word(word: str, stems: set[str], longest: int) -> set[str]:
        stem = next(iter(without_particle(word)), word)
        return {stem[i:] for i in range(1, len(stem) - MIN_STEM + 1) if HANGUL.match(stem[i])}


SEGMENTERS = {"lexicon": LexiconSegmenter, "suffix": SuffixSegmenter}


def hook_source(name: str) -> str:
    """An MkDocs hook file that makes devconcepts-search use segmenter `name`."""
    if name not in SEGMENTERS:
        raise ValueError(f"no bench segmenter {name!r} (known: {', '.join(SEGMENTERS)})")
    return (f"import sys\nsys.path.insert(0, {str(BENCH)!r})\n"
            f"from segmenters import on_config_using\non_config = on_config_using({name!r})\n")


def on_config_using(name: str):
    def on_config(config):
        from devconcepts.core import site_data
        from devconcepts.terms.term_list import load_terms

        terms = load_terms(site_data.terms_file(config))
        user_words = [s for t in terms for s in t.spellings() if has_hangul(s) and " " not in s]
        # The plugin makes its segmenter on first use unless one is there:
        # a benchmark's way in, not a setting the site offers.
        config.plugins[SEARCH_PLUGIN]._segmenter = SEGMENTERS[name](user_words)
        return config

    return on_config
