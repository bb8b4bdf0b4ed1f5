"""Find pages whose translation file is missing.

mkdocs-static-i18n silently falls back to the default language when a
translated file is missing, so a reader of /en/ would get Korean text with no
warning. The plugin reports what this module finds."""

from __future__ import annotations

from pathlib import Path


def missing_translations(docs_dir: Path, locales: list[str]) -> list[tuple[Path, str]]:
    """(file, problem) for every page whose counterpart is absent, in either
    direction (`page.md` without `page.<locale>.md`, or a translation without
    its source); the file is the one that exists."""
    problems = []
    for source in sorted(docs_dir.rglob("*.md")):
        stem, _, suffix = source.name[: -len(".md")].rpartition(".")
        if stem and suffix in locales:
            default = source.with_name(f"{stem}.md")
            if not default.exists():
                problems.append((source, f"translation without a source page "
                                         f"(expected {default.relative_to(docs_dir)})"))
            continue
        for locale in locales:
            translated = source.with_name(f"{source.stem}.{locale}.md")
            if not translated.exists():
                problems.append((source, f"no '{locale}' translation (expected {translated.relative_to(docs_dir)})"))
    return problems
