"""Which parts of a page are code: the one fence scanner and the one
code-span masker that every check of the Markdown source uses (comparison
blocks, term references, avoided spellings, script in content), so that all
of them skip the same text Markdown shows as code.

The rules are CommonMark's, as SuperFences and Python-Markdown read them:

* a fence is three or more backticks or tildes, indented by any number of
  spaces (fenced code may sit in a list item or an admonition) and after
  any number of blockquote markers (`>`);
* a backtick fence's info string holds no backtick (``` ``a`` ``` is inline
  code, not a fence);
* the block is closed by a fence of the same character, at least as long as
  the opening one, with nothing after it but spaces, in as many blockquotes
  as the opening one: ```` ```python ```` or a shorter fence inside a
  ````` ```` ````` block is content;
* a block that is never closed runs to the end of the page;
* a code span is a run of backticks, its code and a run of exactly as many
  backticks; it may continue on the next line, never past a blank line.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

_OPENING = re.compile(r"^(?P<quotes>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
_QUOTES = re.compile(r"^[ \t>]*")
_CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?:(?!\n[ \t]*\n).)+?(?<!`)(?P=ticks)(?!`)", re.S)
_NOT_A_LINE_BREAK = re.compile(r"[^\n]")


def opening_fence(line: str) -> str | None:
    """The fence (e.g. "````") if `line` opens a fenced code block."""
    found = _OPENING.match(line)
    if found is None or (found["fence"][0] == "`" and "`" in found["info"]):
        return None
    return found["fence"]


def _quotes(line: str) -> int:
    """How many blockquote markers the line starts with."""
    return _QUOTES.match(line).group(0).count(">")


def closes(line: str, fence: str, quotes: int = 0) -> bool:
    """True if `line` closes the block opened by `fence` in `quotes` blockquotes."""
    if _quotes(line) != quotes:
        return False
    stripped = _QUOTES.sub("", line).strip()
    return len(stripped) >= len(fence) and not stripped.strip(fence[0])


class FenceScanner:
    """Feed a page's lines in order; `in_code` tells whether each one belongs
    to a fenced code block (its fence lines included)."""

    def __init__(self) -> None:
        self.fence: str | None = None
        """The opening fence of the block the last line was in, if any."""
        self._quotes = 0

    def in_code(self, line: str) -> bool:
        if self.fence is not None:
            if closes(line, self.fence, self._quotes):
                self.fence = None
            return True
        self.fence = opening_fence(line)
        self._quotes = _quotes(line) if self.fence is not None else 0
        return self.fence is not None


def outside_code(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every line outside fenced code."""
    scanner = FenceScanner()
    for number, line in enumerate(lines, start=1):
        if not scanner.in_code(line):
            yield number, line


def blank_code_spans(text: str) -> str:
    """`text` with each character of its code spans, line breaks aside,
    turned into a space, so that the rest keeps its lines and columns."""
    return _CODE_SPAN.sub(lambda span: _NOT_A_LINE_BREAK.sub(" ", span.group(0)), text)


def without_code(text: str) -> str:
    """`text` with its fenced code blocks emptied (each of their lines, fences
    included, becomes an empty line) and its code spans blanked: line numbers
    and the columns of the rest are kept."""
    scanner = FenceScanner()
    return blank_code_spans("\n".join("" if scanner.in_code(line) else line for line in text.split("\n")))


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every line of `text` outside fenced
    code, with its code spans blanked (see `blank_code_spans`)."""
    scanner = FenceScanner()
    lines = text.splitlines()
    code = [scanner.in_code(line) for line in lines]
    blanked = blank_code_spans("\n".join("" if in_code else line for in_code, line in zip(code, lines)))
    for number, (in_code, line) in enumerate(zip(code, blanked.split("\n")), start=1):
        if not in_code:
            yield number, line
