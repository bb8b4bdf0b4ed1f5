"""Where the site's content data lives: `data/` beside mkdocs.yml.

The term list (`data/terms.yml`) and the diagrams (`data/diagrams/<name>.yml`)
are content, like the pages in `docs/`, so they sit beside them and
mkdocs.yml's `watch:` rebuilds the site when they change under
`mkdocs serve`. Every plugin finds them through this module."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig

DATA_DIR = "data"
TERMS_FILE = "terms.yml"
DIAGRAMS_DIR = "diagrams"


def project_dir(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml (the docs folder's parent without one)."""
    return project_dir_of(config.config_file_path, config.docs_dir)


def project_dir_of(config_file_path: str | None, docs_dir: str) -> Path:
    """`project_dir` from the two settings it reads."""
    if config_file_path:
        return Path(config_file_path).resolve().parent
    return Path(docs_dir).resolve().parent


def data_dir(config: MkDocsConfig) -> Path:
    return project_dir(config) / DATA_DIR


def terms_file(config: MkDocsConfig) -> Path:
    return data_dir(config) / TERMS_FILE


def diagrams_dir(config: MkDocsConfig) -> Path:
    return data_dir(config) / DIAGRAMS_DIR
