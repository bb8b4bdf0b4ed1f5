"""Reading a diagram's description: `data/diagrams/<name>.yml`, checked for
the keys the drawing needs and for arrows between known boxes."""

from __future__ import annotations

from pathlib import Path

import yaml


class DiagramError(ValueError):
    """A diagram is missing or malformed; the message names the file and the entry."""


def load_diagram(name: str, directory: Path) -> dict:
    # Read on every use: two pages per language, and an edit under `mkdocs
    # serve` must show on the next rebuild.
    path = directory / f"{name}.yml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in directory.glob("*.yml")))
        raise DiagramError(f"no diagram '{name}' (expected {path}; known: {known})")
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    for key in ("id", "viewbox", "title", "description", "caption", "nodes", "edges"):
        if key not in spec:
            raise DiagramError(f"{path}: missing '{key}'")
    ids = {node["id"] for node in spec["nodes"]}
    for edge in spec["edges"]:
        for end in ("from", "to"):
            if edge.get(end) not in ids:
                raise DiagramError(f"{path}: edge {edge.get('from')} -> {edge.get('to')}: no node '{edge.get(end)}'")
    return spec
