"""The built site after the last language: its files, each read once, and
the URL of a built file.

Once every language is built (the default language's `on_post_build`
handlers below `stages.LANGUAGE`), several stages read or rewrite the built
files: the purge reads every page and the scripts they load, the security
policy rewrites every page, the precache lists every file and reads the
pages, stylesheets and scripts for what they load. They share one
`BuiltSite` (`built_site(config)`), which walks the site once and reads each
file at most once; a stage that writes a built file writes it through
`BuiltSite.write`, to disk at once and in memory, so that every later stage
reads what it wrote. A file written around it (by another plugin or a hook)
is not seen by the stages after, except by the last check of the pages
(`stages.PAGES_VERIFIED`), which reads them from disk on purpose.

`url_of` is the one answer to "which URL does a link use for this built
file" (`oltp/` for `oltp/index.html`)."""

from __future__ import annotations

import bisect
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

from devconcepts.core.locales import all_languages_built
from devconcepts.core.newlines import universal_newlines

INDEX = "index.html"
"""The file a folder's URL serves (MkDocs' `use_directory_urls`)."""


def url_of(relative: str) -> str:
    """The site-relative URL a link uses for the built file at `relative`
    (a path from the site root, with `/`): `oltp/` for `oltp/index.html`,
    `` for `index.html`, and any other file's own path (`404.html`,
    `assets/x.css`)."""
    if relative == INDEX:
        return ""
    if relative.endswith("/" + INDEX):
        return relative[: -len(INDEX)]
    return relative


def file_of(url: str) -> str:
    """The built file behind a site-relative URL from `url_of`:
    `oltp/index.html` for `oltp/`, `index.html` for ``."""
    return url + INDEX if url == "" or url.endswith("/") else url


class BuiltSite:
    """The files under `root`, listed on first use and each read on first
    use, kept as they are written through `write`."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._files: list[str] | None = None
        self._data: dict[str, bytes] = {}
        self._text: dict[str, str] = {}

    def files(self) -> list[str]:
        """Every file of the site, as paths from its root with `/`, sorted
        (as `str` sorts them)."""
        if self._files is None:
            found = []
            for folder, _, names in os.walk(self.root):
                base = Path(folder).relative_to(self.root).as_posix()
                prefix = "" if base == "." else base + "/"
                found += [prefix + name for name in names if os.path.isfile(os.path.join(folder, name))]
            self._files = sorted(found)
        return list(self._files)

    def pages(self) -> list[str]:
        """Every HTML file of the site, sorted."""
        return [relative for relative in self.files() if relative.endswith(".html")]

    def path(self, relative: str) -> Path:
        return self.root / relative

    def data(self, relative: str) -> bytes:
        """The file's bytes."""
        if relative not in self._data:
            self._data[relative] = self.path(relative).read_bytes()
        return self._data[relative]

    def text(self, relative: str, *, errors: str = "strict") -> str:
        """The file's UTF-8 text, read as `Path.read_text` reads it (`\\r\\n`
        as `\\n`). With `errors="replace"`, a file that is not UTF-8 is read
        with replacement characters instead of failing."""
        if relative not in self._text:
            try:
                self._text[relative] = universal_newlines(self.data(relative).decode("utf-8"))
            except UnicodeDecodeError:
                if errors == "strict":
                    raise
                return universal_newlines(self.data(relative).decode("utf-8", errors=errors))
        return self._text[relative]

    def write(self, relative: str, content: str | bytes) -> None:
        """Write the file (text as UTF-8, its folders made) and keep it."""
        data = content.encode("utf-8") if isinstance(content, str) else content
        path = self.path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self._data[relative] = data
        if isinstance(content, str):
            self._text[relative] = universal_newlines(content)
        else:
            self._text.pop(relative, None)
        self._list(relative)

    def written_beside(self, relative: str) -> None:
        """Note a file another process wrote (the link previews' drawing
        process, devconcepts.core.worker_process): listed, and read from disk
        when asked."""
        self._data.pop(relative, None)
        self._text.pop(relative, None)
        self._list(relative)

    def _list(self, relative: str) -> None:
        """Add `relative` to the listed files, in order, once they are listed."""
        if self._files is not None:
            at = bisect.bisect_left(self._files, relative)
            if at == len(self._files) or self._files[at] != relative:
                self._files.insert(at, relative)


_ON_CONFIG = "_devconcepts_built_site"
"""The attribute of the build's config that holds its built site: it lives
as long as the build's config, and no longer."""


def write_built(config: MkDocsConfig, relative: str, content: str | bytes) -> None:
    """Write a built file of this build: through the shared built site once
    every language is built, so that the stages after read it; straight to
    disk in a language's own build, before anything is shared."""
    if all_languages_built(config):
        built_site(config).write(relative, content)
    else:
        BuiltSite(Path(config.site_dir)).write(relative, content)


def built_site(config: MkDocsConfig) -> BuiltSite:
    """The built site of this build, the same for every stage that asks: ask
    only once every language is built (`locales.all_languages_built`, in a
    handler below `stages.LANGUAGE`), since it lists the files on first use.
    MkDocs loads the config anew for every build (`mkdocs serve`'s rebuilds
    included), so a new build gets a new one."""
    if not all_languages_built(config):
        raise RuntimeError("the built site is shared once every language is built")
    site = getattr(config, _ON_CONFIG, None)
    if site is None or site.root != Path(config.site_dir):
        site = BuiltSite(Path(config.site_dir))
        setattr(config, _ON_CONFIG, site)
    return site
