"""Which lines of a page are fenced code: the one scanner every check of the
Markdown source uses (comparison blocks, term references, avoided
spellings), so that all of them skip the same lines Markdown shows as code.

The rules are CommonMark's, as SuperFences reads them:

* a fence is three or more backticks or tildes, indented by any number of
  spaces (fenced code may sit in a list item or an admonition);
* a backtick fence's info string holds no backtick (``` ``a`` ``` is inline
  code, not a fence);
* the block is closed by a fence of the same character, at least as long as
  the opening one, with nothing after it but spaces: ```` ```python ```` or a
  shorter fence inside a ````` ```` ````` block is content;
* a block that is never closed runs to the end of the page.
"""

from __future__ import annotations

import re
from typing import Iterable, Iterator

_OPENING = re.compile(r"^\s*(?P<fence>`{3,}|~{3,})(?P<info>.*)$")


def opening_fence(line: str) -> str | None:
    """The fence (e.g. "````") if `line` opens a fenced code block."""
    found = _OPENING.match(line)
    if found is None or (found["fence"][0] == "`" and "`" in found["info"]):
        return None
    return found["fence"]


def closes(line: str, fence: str) -> bool:
    """True if `line` closes the block opened by `fence`."""
    stripped = line.strip()
    return len(stripped) >= len(fence) and not stripped.strip(fence[0])


class FenceScanner:
    """Feed a page's lines in order; `in_code` tells whether each one belongs
    to a fenced code block (its fence lines included)."""

    def __init__(self) -> None:
        self.fence: str | None = None
        """The opening fence of the block the last line was in, if any."""

    def in_code(self, line: str) -> bool:
        if self.fence is not None:
            if closes(line, self.fence):
                self.fence = None
            return True
        self.fence = opening_fence(line)
        return self.fence is not None


def outside_code(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of every line outside fenced code."""
    scanner = FenceScanner()
    for number, line in enumerate(lines, start=1):
        if not scanner.in_code(line):
            yield number, line
