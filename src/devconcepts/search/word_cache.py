"""Kiwi's analysis of each word, kept on disk between builds.

Loading Kiwi's model and running its first analysis take longer than the
rest of the search index. A site's vocabulary barely changes from one
build to the next, so the tokens Kiwi gave each word are stored, and a build
whose words are all known does not load the model at all. The output is the
same with or without the file: it only holds what Kiwi answered.

The file name carries the kiwipiepy and model versions and a hash of the user
words given to Kiwi (the term list's names), since any of them changes the
answers. Like Material's own caches, it lives under `.cache/` beside
mkdocs.yml and may be deleted at any time.
"""

from __future__ import annotations

import hashlib
import json
from importlib import metadata
from pathlib import Path
from typing import Iterable

from devconcepts.core.cache_files import write_json

Token = tuple[int, int, str]
"""(start, length, tag) of one morpheme in a word."""

FORMAT = 1


def cache_file(directory: Path, user_words: Iterable[str]) -> Path:
    versions = "-".join(_version(name) for name in ("kiwipiepy", "kiwipiepy-model"))
    words = hashlib.sha256("\n".join(sorted(set(user_words))).encode("utf-8")).hexdigest()[:12]
    return directory / f"kiwi-{versions}-{words}.json"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "none"


class WordCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._words: dict[str, list[Token]] = {}
        self._changed = False
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no cache yet, or a damaged one: analyse again
        if isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("words"), dict):
            self._words = {word: [tuple(t) for t in tokens] for word, tokens in data["words"].items()}

    @property
    def empty(self) -> bool:
        """No word is known yet (no file, or a damaged one)."""
        return not self._words

    def get(self, word: str) -> list[Token] | None:
        return self._words.get(word)

    def put(self, word: str, tokens: list[Token]) -> None:
        self._words[word] = tokens
        self._changed = True

    def save(self) -> None:
        """Write the file if anything was added (atomically: a build that is
        stopped half-way leaves the old file)."""
        if not self._changed:
            return
        write_json(self.path, {"format": FORMAT, "words": dict(sorted(self._words.items()))})
        self._changed = False
