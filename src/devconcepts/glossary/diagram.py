"""`devconcepts.diagram`: `/// diagram | kubernetes-cluster` becomes an inline SVG.

The diagram is described in the site's `data/diagrams/<name>.yml` (boxes,
groups, arrows, and every text in each language) and drawn here at build
time, so the page needs no script and no other host (Material would load
Mermaid from a CDN). Text is real SVG `<text>`, so it can be searched,
selected and printed. Colours are `currentColor` and Material's colour
variables, so the drawing follows the light, dark and print schemes.

The text alternative: the SVG is `role="img"` named by its `<title>` and
described by its `<desc>`, and the `<figcaption>` lists every relationship
in sentences, visible to everyone.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree
from dataclasses import dataclass
from pathlib import Path

import yaml
from markdown import Markdown
from markdown.util import AtomicString
from pymdownx.blocks import BlocksExtension
from pymdownx.blocks.block import Block, type_string

_PRIMARY_SIZE = 15
_SECONDARY_SIZE = 12
_GAP = 3
"""Space between an arrow's end and the box it points at."""
_HEAD_LENGTH = 10
_HEAD_WIDTH = 8


class DiagramError(ValueError):
    """A diagram is missing or malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class _Box:
    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def edge_towards(self, dx: float, dy: float) -> tuple[float, float]:
        """Where a ray from the centre in direction (dx, dy) leaves the box."""
        cx, cy = self.center
        scale = min(self.w / 2 / abs(dx) if dx else math.inf, self.h / 2 / abs(dy) if dy else math.inf)
        return cx + dx * scale, cy + dy * scale


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


def _text(value, locale: str, where: str):
    if isinstance(value, dict):
        if locale not in value:
            raise DiagramError(f"{where}: no '{locale}' text")
        return value[locale]
    return value


def _el(parent: etree.Element, tag: str, text: str | None = None, **attributes) -> etree.Element:
    element = etree.SubElement(parent, tag, {k.replace("_", "-"): _fmt(v) for k, v in attributes.items()})
    if text is not None:
        # Atomic: Markdown's inline pass must not read `*` or `_` in labels.
        element.text = AtomicString(text)
    return element


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def render(parent: etree.Element, spec: dict, locale: str) -> etree.Element:
    """Append the diagram's `<figure>` to `parent` and return it."""
    name = spec["id"]
    where = f"diagram '{name}'"
    # `no-terms`: the labels are not tooltipped (the first uses stay in the prose).
    figure = _el(parent, "figure", id=name, **{"class": "diagram no-terms"})
    x0, y0, width, height = spec["viewbox"]
    svg = _el(figure, "svg", viewBox=f"{x0} {y0} {width} {height}", width=width, height=height,
              role="img", **{"class": "diagram__svg", "aria-labelledby": f"{name}-title",
                             "aria-describedby": f"{name}-desc"})
    _el(svg, "title", _text(spec["title"], locale, where), id=f"{name}-title")
    _el(svg, "desc", _text(spec["description"], locale, where).strip(), id=f"{name}-desc")

    for group in spec.get("groups", ()):
        box = _Box(*group["box"])
        g = _el(svg, "g", **{"class": "diagram__group", "data-id": group["id"]})
        _el(g, "rect", x=box.x, y=box.y, width=box.w, height=box.h, rx=10, fill="none",
            stroke="currentColor", stroke_dasharray="6 4")
        _el(g, "text", _text(group["label"], locale, where), x=box.x + 14, y=box.y + 22,
            fill="currentColor", font_size=14, font_weight="bold", **{"class": "diagram__group-label"})

    boxes = {}
    for node in spec["nodes"]:
        box = boxes[node["id"]] = _Box(*node["box"])
        classes = "diagram__node diagram__node--key" if node.get("key") else "diagram__node"
        g = _el(svg, "g", **{"class": classes, "data-id": node["id"]})
        _el(g, "rect", x=box.x, y=box.y, width=box.w, height=box.h, rx=6,
            stroke="currentColor", stroke_width=2.5 if node.get("key") else 1.5, **{"class": "diagram__box"})
        lines = _text(node["label"], locale, where)
        lines = [lines] if isinstance(lines, str) else lines
        cx, cy = box.center
        first = cy + (_PRIMARY_SIZE * 0.35 if len(lines) == 1 else -3)
        for index, line in enumerate(lines):
            secondary = index > 0
            _el(g, "text", line, x=cx, y=first + index * 18, text_anchor="middle", fill="currentColor",
                font_size=_SECONDARY_SIZE if secondary else _PRIMARY_SIZE,
                **{"class": "diagram__label diagram__label--secondary" if secondary else "diagram__label"})

    for edge in spec["edges"]:
        start_box, end_box = boxes[edge["from"]], boxes[edge["to"]]
        (sx, sy), (ex, ey) = start_box.center, end_box.center
        dx, dy = ex - sx, ey - sy
        x1, y1 = start_box.edge_towards(dx, dy)
        x2, y2 = end_box.edge_towards(-dx, -dy)
        length = math.hypot(x2 - x1, y2 - y1)
        ux, uy = (x2 - x1) / length, (y2 - y1) / length
        g = _el(svg, "g", **{"class": "diagram__edge", "data-from": edge["from"], "data-to": edge["to"]})
        # The head is drawn, not a <marker>: a url(#id) reference breaks when
        # a page is embedded elsewhere with its ids renamed (the print book).
        tip_x, tip_y = x2 - ux * _GAP, y2 - uy * _GAP
        base_x, base_y = tip_x - ux * _HEAD_LENGTH, tip_y - uy * _HEAD_LENGTH
        _el(g, "line", x1=x1 + ux * _GAP, y1=y1 + uy * _GAP, x2=base_x, y2=base_y,
            stroke="currentColor", stroke_width=1.5)
        wing_x, wing_y = -uy * _HEAD_WIDTH / 2, ux * _HEAD_WIDTH / 2
        head = [(tip_x, tip_y), (base_x + wing_x, base_y + wing_y), (base_x - wing_x, base_y - wing_y)]
        _el(g, "polygon", points=" ".join(f"{_fmt(float(x))},{_fmt(float(y))}" for x, y in head),
            fill="currentColor", **{"class": "diagram__arrowhead"})
        if edge.get("label"):
            lx, ly = edge.get("label_at") or ((x1 + x2) / 2, (y1 + y2) / 2 - 6)
            _el(g, "text", _text(edge["label"], locale, where), x=lx, y=ly, fill="currentColor",
                text_anchor=edge.get("label_anchor", "middle"), font_size=_SECONDARY_SIZE,
                **{"class": "diagram__edge-label"})

    caption = _el(figure, "figcaption")
    _el(caption, "p", _text(spec["caption"], locale, where))
    relations = _el(caption, "ul", **{"class": "diagram__relations"})
    for edge in spec["edges"]:
        _el(relations, "li", _text(edge["text"], locale, where))
    for note in _text(spec.get("notes", {}), locale, where) or ():
        _el(relations, "li", note)
    return figure


class DiagramBlock(Block):
    """
    An inline SVG diagram.

    Arguments (1 required):
    - The diagram's name: `data/diagrams/<name>.yml` beside mkdocs.yml.

    Options: none.
    Content: none.
    """

    NAME = "diagram"
    ARGUMENT = True
    OPTIONS = {}

    def on_validate(self, parent: etree.Element) -> bool:
        # Raising here reaches the build; Blocks would swallow an argument validator's error.
        extension = self.config["extension"]
        if extension.directory is None:
            raise DiagramError("devconcepts.diagram: no 'diagrams_dir' (the devconcepts-glossary plugin sets "
                               "the site's data/diagrams; without the plugin, set the option)")
        self.spec = load_diagram(type_string(self.argument).strip(), extension.directory)
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return render(parent, self.spec, self.config["extension"].getConfig("locale"))


class DiagramExtension(BlocksExtension):
    def __init__(self, **kwargs):
        self.config = {
            "locale": ["ko", "Language of the page: picks the diagram's texts."],
            "diagrams_dir": ["", "Directory of diagram descriptions; the devconcepts-glossary plugin sets the "
                                 "site's data/diagrams."],
        }
        super().__init__(**kwargs)
        # Empty while MkDocs validates mkdocs.yml, before the plugin sets it.
        self.directory = Path(self.getConfig("diagrams_dir")) if self.getConfig("diagrams_dir") else None

    def extendMarkdownBlocks(self, md: Markdown, block_mgr) -> None:
        block_mgr.register(DiagramBlock, {"extension": self})


def makeExtension(**kwargs) -> DiagramExtension:
    return DiagramExtension(**kwargs)
