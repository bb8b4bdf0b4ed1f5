"""Compile each Jinja template once, not once per language and build.

static-i18n builds every extra language by calling MkDocs' build() again, and
each build makes a new Jinja environment that compiles the theme's templates
from scratch; so does every `mkdocs build`. Jinja's bytecode cache keys each
template by name and checks its source's checksum (and Jinja's bytecode
header checks the Python version), so sharing the compiled code in memory
between the builds of one process, and on disk between processes, gives the
same pages, and a template edited while `mkdocs serve` runs is compiled
again."""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from devconcepts.core.cache_files import write_bytes


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory for this process and, when `folder` is
    given, in one file per template under it."""

    _compiled: dict[str, tuple[str, bytes]] = {}

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder

    def _path(self, bucket: Bucket) -> Path:
        return self.folder / f"{bucket.key}.jinja"

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self._compiled.get(bucket.key)
        if stored and stored[0] == bucket.checksum:
            bucket.bytecode_from_string(stored[1])
            return
        if self.folder is None:
            return
        try:
            data = self._path(bucket).read_bytes()
        except OSError:
            return
        # Another Python, Jinja or template source: the bucket stays empty
        # and Jinja compiles.
        bucket.bytecode_from_string(data)
        if bucket.code is not None:
            self._compiled[bucket.key] = (bucket.checksum, data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        data = bucket.bytecode_to_string()
        self._compiled[bucket.key] = (bucket.checksum, data)
        if self.folder is not None:
            try:
                write_bytes(self._path(bucket), data)
            except OSError:
                pass  # an unwritable cache only costs the next build a compile
