"""Scripts committed minified, beside the readable sources they are made from.

esbuild (`node scripts/build-bundles.mjs NAME`) shortens names as well as
dropping comments and spaces, so what readers download is about a sixth
smaller than a plain minifier makes it; the build itself needs no Node. A
committed script's first line names the digest of its sources
(`sources_digest`), so that a build can tell a current one from one that a
later edit of a source left behind, and use the sources instead.
"""

from __future__ import annotations

import hashlib
import re

HEAD = re.compile(r"/\*sources ([0-9a-f]{16}): [^*]*\*/\n")
"""The first line of a committed script: the digest of its sources and the
command that makes it."""


def sources_digest(sources: list[tuple[str, bytes]]) -> str:
    """The digest of (name, bytes) pairs, as scripts/build-bundles.mjs computes it."""
    digest = hashlib.sha256()
    for name, data in sources:
        digest.update(f"{name}\n".encode("utf-8"))
        digest.update(data)
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def current(text: str, sources: list[tuple[str, bytes]]) -> bool:
    """Whether `text`, a committed script, was made from `sources` as they are now."""
    head = HEAD.match(text)
    return bool(head) and head.group(1) == sources_digest(sources)


def without_head(text: str) -> str:
    """`text` without its first line (the digest)."""
    head = HEAD.match(text)
    return text[head.end():] if head else text
