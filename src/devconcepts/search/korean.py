"""Korean particles and the helpers that strip them from a word.

Korean glues particles (josa) and a few verb endings to the noun they follow:
"컨테이너를", "스케줄러가", "서버에서는". Material's search matches word
prefixes, so a noun already finds its particle forms; what it cannot do is
find the noun when the *query* carries the particle. The list below is shared
by the build (matching term-list names in page text) and, through the search
index, by the query normaliser in the browser."""

from __future__ import annotations

import re
from functools import lru_cache

PARTICLES: tuple[str, ...] = tuple(sorted({
    # case and topic particles
    "은", "는", "이", "가", "을", "를", "의", "에", "와", "과", "도", "만", "로", "랑", "란",
    "으로", "에서", "에게", "에는", "에도", "까지", "부터", "처럼", "보다", "이랑", "하고",
    "이나", "이란", "이라", "라는", "이며", "이고", "이다", "만을", "만이", "마다", "밖에",
    "조차", "께서", "한테", "같이", "라고", "로는", "로도", "와는", "과는", "로서", "로써",
    "에서는", "에서도", "으로는", "으로도", "이라는", "에게서", "한테서", "으로서", "으로써",
    "이라고", "에게는",
    # copula and light-verb endings that students type after a noun
    "이에요", "예요", "입니다", "인가", "인가요", "이란게", "하는", "하기", "하다", "되는",
}, key=lambda p: (-len(p), p)))
"""Longest first, so "에서는" is tried before "는"."""

HANGUL = re.compile(r"[\uac00-\ud7a3]")
"""Precomposed Hangul syllables (가-힣)."""


def has_hangul(text: str) -> bool:
    return HANGUL.search(text) is not None


def hangul_length(text: str) -> int:
    return len(HANGUL.findall(text))


_PARTICLE_SET = frozenset(PARTICLES)
_LONGEST = max(map(len, PARTICLES))


@lru_cache(maxsize=65536)
def without_particle(word: str) -> tuple[str, ...]:
    """Every reading of `word` with one trailing particle removed, longest
    particle first. Empty when the word does not end in a particle or would
    be left empty."""
    return tuple(word[:-n] for n in range(min(_LONGEST, len(word) - 1), 0, -1) if word[-n:] in _PARTICLE_SET)
