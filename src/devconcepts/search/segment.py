"""Find where words start inside Korean compounds, and the nouns of a corpus.

Korean writes compounds without spaces ("전자상거래", "고가용성"), so a word
inside a compound is not the prefix of any indexed word and Material cannot
find it. A segmenter finds the morpheme boundaries inside each word; the index
then gets, as hidden keywords, the rest of the word from each boundary on
("고가용성으로" → "가용성으로"), which prefix matching turns into a search at
that boundary. The page text itself is left as written (Material's jieba
segmentation for Chinese inserts zero-width spaces instead), so search results
show it unchanged.

The nouns found along the way (the stems) go to the query normaliser, which
uses them to strip particles from queries and to split compound queries.

- `KiwiSegmenter` (default): the Kiwi morphological analyser (kiwipiepy; its
  model ships in the kiwipiepy-model wheel, nothing is downloaded).
- `LexiconSegmenter`: no model; the corpus' own words are the dictionary.
- `SuffixSegmenter`: no model; every syllable is a boundary.
- `NullSegmenter`: no boundaries, no stems.

Why Kiwi (bench/search_quality.py, bench/search_scale.py): with the separator,
the normaliser and the term list in place, Kiwi and `suffix` both find every
expected page of the query set, `lexicon` and `none` miss the words inside
compounds (98.4 %). `suffix` also matches inside unrelated words (소스 in
리소스, 워크 in 네트워크; 로그 would match 프로그램) and makes the Korean index
of the 1,000-page site a fifth larger (519 kB gzip against Kiwi's 422 kB;
plain Material: 786 kB for both languages). Kiwi adds about 2–3 s to a
build that has new words (model load and first analysis; each distinct word
is then analysed once) and 180 MB of packages (the model, numpy); with the
word cache (word_cache.py) a build whose words are all known skips the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

from .korean import HANGUL, has_hangul, hangul_length, without_particle
from .word_cache import Token, WordCache

MIN_STEM = 2
"""Shortest stem, in characters, that the normaliser may strip a query down
to or split a query into: one-syllable nouns (수, 것, 때) would turn real words
such as 추가 or 결과 into noise."""


class SegmenterError(RuntimeError):
    pass


@dataclass
class Analysis:
    """What a segmenter found in a list of texts."""

    suffixes: list[set[str]]
    """Per text: the rest of each word from every boundary inside it (lowercase)."""
    stems: set[str] = field(default_factory=set)
    """Nouns of the whole corpus that contain Hangul (lowercase)."""


class Segmenter(Protocol):
    def analyze(self, texts: list[list[str]]) -> Analysis:
        """`texts`: the words of each text, as the separator splits them."""


class NullSegmenter:
    def analyze(self, texts: list[list[str]]) -> Analysis:
        return Analysis(suffixes=[set() for _ in texts])


def _is_boundary(text: str, offset: int) -> bool:
    # A boundary starts a Hangul morpheme, or a Latin one right after Hangul
    # ("쿠버네티스Kubernetes"); splitting "k8s" into k/8/s would only add noise.
    return bool(HANGUL.match(text[offset]) or HANGUL.match(text[offset - 1]))


class KiwiSegmenter:
    """Morpheme boundaries and nouns from Kiwi, word by word.

    Each distinct word is analysed on its own: in a sentence Kiwi often takes
    a compound for one proper noun ("고가용성으로" → 고가용성/NNP), alone it
    splits it (고/XPN 가용/NNG 성/XSN), which is what search needs."""

    CONTENT = frozenset({"NNG", "NNP", "XR", "SL", "SH"})
    """Tags that start a searchable part: common and proper nouns, roots,
    foreign (Latin) words and hanja."""
    PREFIX = frozenset({"XPN"})
    SUFFIX = frozenset({"XSN"})

    def __init__(self, user_words: Iterable[str] = (), cache: WordCache | None = None) -> None:
        self._user_words = list(user_words)
        self._cache = cache
        self._kiwi = None

    @property
    def model_loaded(self) -> bool:
        return self._kiwi is not None

    def _load(self):
        try:
            from kiwipiepy import Kiwi  # the model loads here, once per build
        except ImportError as error:
            raise SegmenterError(f"segmenter 'kiwi' needs the kiwipiepy and kiwipiepy-model packages: {error}")
        # The typo and multi-word dictionaries serve free text with misspellings;
        # notes are edited text, and leaving them out halves the model's load
        # time (≈2.7 s instead of ≈4.5 s, first analysis included) and memory.
        kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
        for word in self._user_words:
            # Names from the term list are proper nouns: without this Kiwi cuts
            # loanwords such as 오케스트레이션 into pieces.
            kiwi.add_user_word(word, "NNP", 0.0)
        return kiwi

    def analyze(self, texts: list[list[str]]) -> Analysis:
        per_text = texts
        words = sorted({w for ws in per_text for w in ws if has_hangul(w)})
        tokens = self._tokens(words)
        found: dict[str, set[str]] = {}
        stems: set[str] = set()
        for word in words:
            found[word] = self._word(word, tokens[word], stems)
        return Analysis(suffixes=[set().union(*(found.get(w, ()) for w in ws)) for ws in per_text], stems=stems)

    def _tokens(self, words: list[str]) -> dict[str, list[Token]]:
        """Kiwi's tokens for each word, from the cache where it has them; the
        model loads only for words it has not seen."""
        known = {w: self._cache.get(w) for w in words} if self._cache else {}
        known = {w: t for w, t in known.items() if t is not None}
        new = [w for w in words if w not in known]
        if new:
            if self._kiwi is None:
                self._kiwi = self._load()
            for word, result in zip(new, self._kiwi.tokenize(new)):
                known[word] = [(t.start, t.len, t.tag) for t in result]
                if self._cache:
                    self._cache.put(word, known[word])
        return known

    def _word(self, word: str, tokens: list[Token], stems: set[str]) -> set[str]:
        out: set[str] = set()
        run: list = []  # (start, end, tag) of the current noun compound
        for start, length, tag in tokens:
            end = start + length
            if tag in self.CONTENT and start > 0 and _is_boundary(word, start):
                out.add(word[start:].lower())
            if tag in self.CONTENT or tag in self.PREFIX or (run and tag in self.SUFFIX):
                if run and run[-1][1] != start:
                    _add_run(word, run, stems)
                    run = []
                run.append((start, end, tag))
            else:
                _add_run(word, run, stems)
                run = []
        _add_run(word, run, stems)
        return out


def _add_run(text: str, run: list, stems: set[str]) -> None:
    """Add a noun compound and each noun in it to `stems`."""
    if not run:
        return
    candidates = [text[run[0][0]:run[-1][1]]]
    candidates += [text[s:e] for s, e, tag in run if tag in KiwiSegmenter.CONTENT]
    for candidate in candidates:
        candidate = candidate.lower()
        if has_hangul(candidate) and len(candidate) >= MIN_STEM:
            stems.add(candidate)


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


def make_segmenter(name: str, user_words: Iterable[str], cache: WordCache | None = None) -> Segmenter:
    if name == "kiwi":
        return KiwiSegmenter(user_words, cache)
    if name == "lexicon":
        return LexiconSegmenter(user_words)
    if name == "suffix":
        return SuffixSegmenter(user_words)
    return NullSegmenter()
