"""Reading a diagram's description: `data/diagrams/<name>.yml`, checked for
the keys the drawing needs, for boxes with unique ids, for arrows between
known boxes and for every text in every locale.

Errors read `data/diagrams/<name>.yml:LINE: message` (`devconcepts.core.errors`);
the file is named by its full path here, and from the project once a plugin
hands the error to MkDocs (`errors.stop`)."""

from __future__ import annotations

from collections.abc import Sequence

from pathlib import Path

from devconcepts.core import data_yaml
from devconcepts.core.data_yaml import line_of
from devconcepts.core.errors import SourceError

REQUIRED = ("id", "viewbox", "title", "description", "caption", "nodes", "edges")


class DiagramError(SourceError):
    """A diagram is missing or malformed: `data/diagrams/x.yml:LINE: what is wrong`."""


def load_diagram(name: str, directory: Path, locales: Sequence[str]) -> dict:
    # Read on every use: two pages per language, and an edit under `mkdocs
    # serve` must show on the next rebuild.
    path = Path(directory) / f"{name}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in Path(directory).glob("*.yml")))
        raise DiagramError(None, None, f"no diagram '{name}' (expected {path}; known: {known})")
    return read_diagram(path, locales)


def read_diagram(path: Path, locales: Sequence[str]) -> dict:
    """The checked description in `path`, with every text in each of
    `locales`, the languages the site is built in."""
    shown = str(Path(path).resolve())
    try:
        spec = data_yaml.load_file(path, shown)
    except SourceError as error:
        raise DiagramError(error.path, error.line, error.problem) from None
    if not isinstance(spec, dict):
        raise DiagramError(shown, line_of(spec), "expected a mapping of 'id', 'nodes', 'edges' and the texts")
    for key in REQUIRED:
        if key not in spec:
            raise DiagramError(shown, None, f"missing '{key}'")
    ids: dict[str, int] = {}
    for node in _entries(spec, "nodes", shown):
        if node["id"] in ids:
            raise DiagramError(shown, line_of(node, "id"), f"node '{node['id']}' is listed twice "
                                                          f"(first on line {ids[node['id']]})")
        ids[node["id"]] = line_of(node, "id")
    for edge in _entries(spec, "edges", shown, key_needed=None):
        for end in ("from", "to"):
            if not isinstance(edge.get(end), str) or edge[end] not in ids:
                raise DiagramError(shown, line_of(edge, end),
                                   f"edge {edge.get('from')} -> {edge.get('to')}: no node '{edge.get(end)}'")
    _check_texts(spec, shown, locales)
    return spec


def _entries(spec: dict, key: str, shown: str, *, key_needed: str | None = "id"):
    items = spec.get(key)
    if not isinstance(items, list):
        raise DiagramError(shown, line_of(spec, key), f"'{key}' must be a list")
    for item in items:
        if not isinstance(item, dict):
            raise DiagramError(shown, line_of(item) or line_of(items), f"every entry of '{key}' must be a mapping")
        if key_needed and not isinstance(item.get(key_needed), str):
            raise DiagramError(shown, line_of(item), f"every entry of '{key}' needs a text '{key_needed}'")
        yield item


def _check_texts(spec: dict, shown: str, locales: Sequence[str]) -> None:
    """Every text the drawing shows exists in every locale of the site."""
    texts = [(spec, key) for key in ("title", "description", "caption", "notes") if key in spec]
    texts += [(group, "label") for group in spec.get("groups") or ()]
    texts += [(node, "label") for node in spec["nodes"]]
    texts += [(edge, key) for edge in spec["edges"] for key in ("label", "text") if key in edge]
    for owner, key in texts:
        value = owner.get(key)
        if not isinstance(value, dict):
            continue
        for locale in locales:
            if locale not in value:
                what = f"'{key}' of '{owner['id']}'" if owner is not spec and "id" in owner else f"'{key}'"
                raise DiagramError(shown, line_of(owner, key), f"{what}: no '{locale}' text")
