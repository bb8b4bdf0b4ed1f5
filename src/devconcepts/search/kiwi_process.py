"""Kiwi in a process of its own, so that its model loads beside the build.

kiwipiepy holds Python's global interpreter lock while its model loads
(1.5–2 s here): loaded on a thread of the build's process, it stalls the
build for that long, and a cold build (no word cache, as on a fresh clone)
pays it in full. A child process loads the model on another core while the
pages are built, and answers when the index asks.

The two speak JSON, one line each way: the parent sends the user words
first, then lists of words; the child answers each list with every word's
tokens, or with `{"error": …}`. The child ends when its input closes, so it
never outlives the build or server that started it.

Run as `python -m devconcepts.search.kiwi_process`, this module is the child.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading

from .word_cache import Token


class KiwiProcessError(RuntimeError):
    """Kiwi could not load or answer; the message says why."""


class KiwiProcess:
    """The parent's side: starts the child at once (its model loads from
    then on) and asks it for tokens."""

    def __init__(self, user_words: list[str]) -> None:
        self._process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True, encoding="utf-8")
        self._lock = threading.Lock()  # one question at a time (serve's rebuilds)
        self._send({"user_words": user_words})

    def tokenize(self, words: list[str]) -> list[list[Token]]:
        """Kiwi's (start, length, tag) tokens of each word, in order; waits
        for the model when it is still loading."""
        with self._lock:
            self._send({"words": words})
            line = self._process.stdout.readline()
        if not line:
            code = self._process.wait()
            raise KiwiProcessError(f"Kiwi's process ended without an answer (exit code {code})")
        answer = json.loads(line)
        if "error" in answer:
            raise KiwiProcessError(answer["error"])
        return [[tuple(token) for token in tokens] for tokens in answer["tokens"]]

    @property
    def pid(self) -> int:
        return self._process.pid

    @property
    def returncode(self) -> int | None:
        """The child's exit code once it has ended, else None."""
        return self._process.poll()

    def close(self) -> None:
        """End the child: it exits when its input closes."""
        if self._process.stdin and not self._process.stdin.closed:
            try:
                self._process.stdin.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        if self._process.stdout:
            self._process.stdout.close()

    def _send(self, message: dict) -> None:
        try:
            self._process.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            self._process.stdin.flush()
        except (BrokenPipeError, OSError) as error:
            raise KiwiProcessError(f"Kiwi's process is gone: {error}") from None


def load(user_words: list[str]):
    """Kiwi with the term list's names as proper nouns, fully loaded."""
    from kiwipiepy import Kiwi

    # The typo and multi-word dictionaries serve free text with misspellings;
    # notes are edited text, and the model loads faster and smaller without them.
    kiwi = Kiwi(load_typo_dict=False, load_multi_dict=False)
    for word in user_words:
        # Names from the term list are proper nouns: without this Kiwi cuts
        # loanwords such as 오케스트레이션 into pieces.
        kiwi.add_user_word(word, "NNP", 0.0)
    # The model finishes loading on its first analysis.
    kiwi.tokenize("준비")
    return kiwi


def main() -> None:
    """The child: read the user words, load the model, answer each list of
    words until the input closes. A failure to load is the answer to every
    question, so the parent reports it where the tokens are needed."""
    first = sys.stdin.readline()
    if not first:
        return
    try:
        kiwi, failure = load(json.loads(first)["user_words"]), None
    except ImportError as error:
        kiwi, failure = None, f"segmenter 'kiwi' needs the kiwipiepy and kiwipiepy-model packages: {error}"
    except Exception as error:  # reported to the parent, which raises it
        kiwi, failure = None, f"Kiwi could not load: {error}"
    for line in sys.stdin:
        if failure is not None:
            answer = {"error": failure}
        else:
            try:
                words = json.loads(line)["words"]
                answer = {"tokens": [[[t.start, t.len, t.tag] for t in result]
                                     for result in kiwi.tokenize(words)]}
            except Exception as error:
                answer = {"error": f"Kiwi could not analyse the words: {error}"}
        sys.stdout.write(json.dumps(answer, ensure_ascii=False) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
