"""Kiwi in a process of its own, so that its model loads beside the build.

kiwipiepy holds Python's global interpreter lock while its model loads
(1.5–2 s here): loaded on a thread of the build's process, it stalls the
build for that long, and a cold build (no word cache, as on a fresh clone)
pays it in full. A child process loads the model on another core while the
pages are built, and answers when the index asks.

The parent sends the user words first, then lists of words
(devconcepts.core.worker_process); the child answers each list with every
word's tokens, or with `{"error": …}`.

Run as `python -m devconcepts.search.kiwi_process`, this module is the child.
"""

from __future__ import annotations

from devconcepts.core.worker_process import WorkerGone, WorkerProcess, answer, messages

from .word_cache import Token


KIWI_NICE = 5
"""Steps below the build's priority (core.worker_process)."""


class KiwiProcessError(RuntimeError):
    """Kiwi could not load or answer; the message says why."""


class KiwiProcess:
    """The parent's side: starts the child at once (its model loads from
    then on) and asks it for tokens, one question at a time."""

    def __init__(self, user_words: list[str]) -> None:
        # Below the build, above the drawing of link previews: the index
        # waits for the model once the pages are secured.
        self._child = WorkerProcess(__name__, nice=KIWI_NICE)
        self._child.send({"user_words": user_words})

    @property
    def pid(self) -> int:
        return self._child.pid

    @property
    def returncode(self) -> int | None:
        return self._child.returncode

    def tokenize(self, words: list[str]) -> list[list[Token]]:
        """Kiwi's (start, length, tag) tokens of each word, in order; waits
        for the model when it is still loading."""
        try:
            self._child.send({"words": words})
            reply = self._child.receive()
        except WorkerGone as error:
            raise KiwiProcessError(f"Kiwi's process: {error}") from None
        if "error" in reply:
            raise KiwiProcessError(reply["error"])
        return [[tuple(token) for token in tokens] for tokens in reply["tokens"]]

    def close(self, *, wait: bool = True) -> None:
        self._child.close(wait=wait)


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
    kiwi = failure = None
    for message in messages():
        if "user_words" in message:
            try:
                kiwi = load(message["user_words"])
            except ImportError as error:
                failure = f"segmenter 'kiwi' needs the kiwipiepy and kiwipiepy-model packages: {error}"
            except Exception as error:  # reported to the parent, which raises it
                failure = f"Kiwi could not load: {error}"
        elif failure is not None:
            answer({"error": failure})
        else:
            try:
                answer({"tokens": [[[t.start, t.len, t.tag] for t in result]
                                   for result in kiwi.tokenize(message["words"])]})
            except Exception as error:
                answer({"error": f"Kiwi could not analyse the words: {error}"})


if __name__ == "__main__":
    main()
