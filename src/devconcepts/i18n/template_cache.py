"""Compile each Jinja template once per process, not once per language.

static-i18n builds every extra language by calling MkDocs' build() again, and
each build makes a new Jinja environment that compiles the theme's templates
from scratch. Jinja's bytecode cache keys each template by name and checks its
source's checksum, so
sharing one in memory between the builds gives the same pages, and a template
edited while `mkdocs serve` runs is compiled again."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class SharedBytecodeCache(BytecodeCache):
    _compiled: dict[str, tuple[str, bytes]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        stored = self._compiled.get(bucket.key)
        if stored and stored[0] == bucket.checksum:
            bucket.bytecode_from_string(stored[1])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._compiled[bucket.key] = (bucket.checksum, bucket.bytecode_to_string())
