"""Join and minify the site's own stylesheets and scripts.

Each file stays a readable source with its why-comments; readers download one
minified stylesheet and one minified script instead of several commented
files, which keeps a first visit inside the page-weight budget.

The script is the committed one (`node scripts/build-bundles.mjs
site-scripts`, devconcepts.core.committed) while it is current; once a
source has changed, the build joins the sources with rjsmin and says to run
the command."""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from devconcepts.core.committed import current


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


def committed_script(text: str, sources: list[tuple[str, Path]]) -> str | None:
    """`text` (the committed script) when it was made from `sources` (each
    path as listed, and its file) as they are now; else None."""
    return text if current(text, [(listed, path.read_bytes()) for listed, path in sources]) else None


def minify_js(source: Path) -> str:
    return rjsmin.jsmin(source.read_text(encoding="utf-8")) + "\n"


def minify(source: Path) -> str:
    """A stylesheet or script of ours, minified by its kind."""
    if source.suffix == ".css":
        return rcssmin.cssmin(source.read_text(encoding="utf-8")) + "\n"
    return minify_js(source)
