"""Join and minify the site's own stylesheets and scripts.

Each file stays a readable source with its why-comments; readers download one
minified stylesheet and one minified script instead of several commented
files, which keeps a first visit inside the page-weight budget.

The script is the committed one when it is current: esbuild, which
`node scripts/build-bundles.mjs site-scripts` runs, shortens names too and
makes it a sixth smaller than joining the sources with rjsmin does (the
build itself needs no Node). Its first line names the digest of the sources
it was made from (`sources_digest`); once a source has changed, the build
joins the sources with rjsmin and says to run the command."""

from __future__ import annotations

from pathlib import Path

import hashlib
import re

import rcssmin
import rjsmin

COMMITTED_HEAD = re.compile(r"/\*sources ([0-9a-f]{16}): [^*]*\*/\n")
"""The first line of a committed script bundle: the digest of its sources."""


class MissingAssetError(FileNotFoundError):
    """A listed stylesheet or script is in none of the searched folders."""


def find_asset(path: str, folders: list[Path]) -> Path:
    """The first folder's copy of `path` (theme folders first, as MkDocs does)."""
    for folder in folders:
        candidate = folder / path
        if candidate.is_file():
            return candidate
    raise MissingAssetError(f"'{path}' is in none of: {', '.join(str(f) for f in folders)}")


def bundle_css(sources: list[Path]) -> str:
    return "\n".join(rcssmin.cssmin(source.read_text(encoding="utf-8")) for source in sources) + "\n"


def bundle_js(sources: list[Path]) -> str:
    # A `;` between files keeps one file's last statement from running into
    # the next file's first.
    return ";\n".join(rjsmin.jsmin(source.read_text(encoding="utf-8")) for source in sources) + "\n"


def sources_digest(sources: list[tuple[str, Path]]) -> str:
    """The digest of (path as listed, file) pairs, as build-bundles.mjs computes it."""
    digest = hashlib.sha256()
    for listed, path in sources:
        digest.update(f"{listed}\n".encode("utf-8"))
        digest.update(path.read_bytes())
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def committed_script(text: str, sources: list[tuple[str, Path]]) -> str | None:
    """`text` (a committed script bundle) when it was made from `sources` as
    they are now; None when it names other sources or none."""
    head = COMMITTED_HEAD.match(text)
    return text if head and head.group(1) == sources_digest(sources) else None


def minify_js(source: Path) -> str:
    return rjsmin.jsmin(source.read_text(encoding="utf-8")) + "\n"


def minify(source: Path) -> str:
    """A stylesheet or script of ours, minified by its kind."""
    if source.suffix == ".css":
        return rcssmin.cssmin(source.read_text(encoding="utf-8")) + "\n"
    return minify_js(source)
