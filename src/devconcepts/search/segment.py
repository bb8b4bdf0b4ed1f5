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
  model ships in the kiwipiepy-model wheel, nothing is downloaded), in a
  process of its own (kiwi_process.py). It loads a model only for words the
  word cache (word_cache.py) does not know.
- `NullSegmenter`: no boundaries, no stems (words inside compounds are not
  found); for a machine without Kiwi's packages.

Why Kiwi, against the model-free segmenters it was chosen over, with their
figures: bench/NOTES.md.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Protocol

from .kiwi_process import KiwiProcess, KiwiProcessError
from .korean import HANGUL, has_hangul
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
        self._kiwi: KiwiProcess | None = None
        self._load_error: BaseException | None = None

    @property
    def model_loaded(self) -> bool:
        """Whether Kiwi's process has been started (it loads from then on)."""
        return self._kiwi is not None

    def preload(self) -> None:
        """Start Kiwi's process now, for a build that will need it (no word
        cache yet) or a server whose next edit may: its model loads on
        another core while the pages are built (kiwi_process.py says why not
        on a thread). A failure to start is raised where the model is needed."""
        if self._kiwi is None and self._load_error is None:
            try:
                self._kiwi = self._load()
            except BaseException as error:  # raised again where the model is needed
                self._load_error = error

    def close(self, *, wait: bool = True) -> None:
        """End Kiwi's process, if one was started (`wait`: until it has ended)."""
        if self._kiwi is not None:
            self._kiwi.close(wait=wait)
            self._kiwi = None

    def _model(self) -> KiwiProcess:
        if self._load_error is not None:
            error, self._load_error = self._load_error, None
            raise error
        if self._kiwi is None:
            self._kiwi = self._load()
        return self._kiwi

    def _load(self) -> KiwiProcess:
        return KiwiProcess(self._user_words)

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
            try:
                answers = self._model().tokenize(new)
            except KiwiProcessError as error:
                raise SegmenterError(str(error)) from None
            for word, tokens in zip(new, answers):
                known[word] = tokens
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


def make_segmenter(name: str, user_words: Iterable[str], cache: WordCache | None = None) -> Segmenter:
    if name == "kiwi":
        return KiwiSegmenter(user_words, cache)
    return NullSegmenter()
