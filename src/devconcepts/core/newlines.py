"""Line ends read as one: `\r\n` and `\r` as `\n`, the way Python's text
files read them, Markdown's parser splits lines and a browser's tokenizer
reads HTML before it hashes a script's text."""

from __future__ import annotations


def universal_newlines(text: str) -> str:
    """`text` with `\\r\\n` and `\\r` as `\\n`."""
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
