"""Source hashes: which translated pages lag behind their Korean source.

Each translation records which version of its source it translates, in its
front matter:

    ---
    source_hash: 3f2a9c0b71de
    ---

The value is the first 12 hex digits of the SHA-256 of the Korean file
(`docs/x.md` for `docs/x.en.md`), with line endings normalized to LF so a
Windows checkout hashes the same. When the Korean page changes, the record no
longer matches and `check` names the translations to update, the way
kubernetes.io flags outdated localized pages.

    python -m devconcepts.i18n.source_hash check                 # exit 1 and list stale pages
    python -m devconcepts.i18n.source_hash refresh oltp glossary # after updating those translations
    python -m devconcepts.i18n.source_hash refresh               # every translation

Run `refresh` for a page only after its translation matches the Korean page
again: it records the Korean file as it is now.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from devconcepts.core.errors import located

KEY = "source_hash"
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*\n", re.DOTALL)
_KEY_LINE = re.compile(rf"^{KEY}[ \t]*:.*$", re.MULTILINE)


@dataclass(frozen=True)
class Drift:
    """A translation that is behind its Korean source."""

    translation: Path
    source: Path
    recorded: str | None
    current: str
    line: int = 1
    """Line of the `source_hash` record in the translation (1 without one)."""

    def problem(self, root: Path) -> str:
        """What is wrong and what to do, without the file and line."""
        stem = self.source.name[: -len(".md")]
        if self.recorded is None:
            state = f"records no {KEY} of {_shown(self.source, root)}"
        else:
            state = (f"translates an older {_shown(self.source, root)} "
                     f"(recorded {self.recorded}, now {self.current})")
        return f"{state}; update the translation, then run `python -m devconcepts.i18n.source_hash refresh {stem}`"

    def message(self, root: Path) -> str:
        return located(_shown(self.translation, root), self.line, self.problem(root))


def source_hash(path: Path) -> str:
    data = path.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()[:12]


def translations(docs_dir: Path, locales: tuple[str, ...]) -> list[tuple[Path, Path]]:
    """(Korean source, translation) for every translation whose source exists."""
    pairs = []
    for locale in locales:
        for translation in sorted(docs_dir.rglob(f"*.{locale}.md")):
            source = translation.with_name(translation.name[: -len(f".{locale}.md")] + ".md")
            if source.is_file():
                pairs.append((source, translation))
    return pairs


def recorded_hash(translation: Path) -> str | None:
    found = _FRONT_MATTER.match(translation.read_text(encoding="utf-8"))
    if not found:
        return None
    meta = yaml.safe_load(found.group(1) or "") or {}
    value = meta.get(KEY) if isinstance(meta, dict) else None
    return str(value) if value is not None else None


def check(docs_dir: Path, locales: tuple[str, ...]) -> list[Drift]:
    problems = []
    for source, translation in translations(docs_dir, locales):
        current, recorded = source_hash(source), recorded_hash(translation)
        if recorded != current:
            problems.append(Drift(translation, source, recorded, current, _record_line(translation)))
    return problems


def _record_line(translation: Path) -> int:
    text = translation.read_text(encoding="utf-8")
    found = _FRONT_MATTER.match(text)
    key = _KEY_LINE.search(found.group(0)) if found else None
    return text.count("\n", 0, key.start()) + 1 if key else 1


def refresh(docs_dir: Path, locales: tuple[str, ...], pages: list[str] | None = None) -> list[Path]:
    """Record the current source hash in the named translations (all if none); return those changed."""
    wanted = {_stem(page, locales) for page in pages} if pages else None
    pairs = translations(docs_dir, locales)
    if wanted is not None:
        unknown = wanted - {_stem(source.relative_to(docs_dir).as_posix(), locales) for source, _ in pairs}
        if unknown:
            raise SystemExit(f"no translated page named: {', '.join(sorted(unknown))}")
    changed = []
    for source, translation in pairs:
        if wanted is not None and _stem(source.relative_to(docs_dir).as_posix(), locales) not in wanted:
            continue
        text = translation.read_text(encoding="utf-8")
        updated = with_hash(text, source_hash(source))
        if updated != text:
            translation.write_text(updated, encoding="utf-8")
            changed.append(translation)
    return changed


def with_hash(text: str, value: str) -> str:
    """`text` with `source_hash: value` in its front matter (added if need be)."""
    line = f"{KEY}: {value}"
    found = _FRONT_MATTER.match(text)
    if not found:
        return f"---\n{line}\n---\n\n{text}"
    body = found.group(1) or ""
    if _KEY_LINE.search(body):
        body = _KEY_LINE.sub(line, body, count=1)
    else:
        body += line + "\n"
    return f"---\n{body}---\n{text[found.end():]}"


def _stem(page: str, locales: tuple[str, ...]) -> str:
    """`oltp`, `oltp.md`, `oltp.en.md` and `docs/oltp.en.md` all name `oltp`."""
    name = page.removeprefix("docs/")
    for suffix in [f".{locale}.md" for locale in locales] + [".md"]:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _shown(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m devconcepts.i18n.source_hash", description=__doc__.split("\n\n")[0])
    parser.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                        help="the site's mkdocs.yml, which names the docs and the languages (default: mkdocs.yml)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="list translations whose Korean page changed; exit 1 if any")
    refresh_parser = commands.add_parser("refresh", help="record the current Korean page in translations")
    refresh_parser.add_argument("pages", nargs="*", help="pages to refresh (e.g. oltp); all if none")
    args = parser.parse_args(argv)
    from mkdocs.config import load_config

    from devconcepts.core.locales import translated_locales

    config = load_config(str(args.config_file))
    docs_dir = Path(config.docs_dir).resolve()
    locales = tuple(translated_locales(config))
    root = args.config_file.resolve().parent
    if args.command == "check":
        problems = check(docs_dir, locales)
        for problem in problems:
            print(problem.message(root))
        if not problems:
            print(f"{len(translations(docs_dir, locales))} translations match their Korean pages")
        return 1 if problems else 0
    for path in refresh(docs_dir, locales, args.pages):
        print(f"recorded the current source in {_shown(path, root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
