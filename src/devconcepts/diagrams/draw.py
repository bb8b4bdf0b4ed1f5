"""Drawing a diagram's description as an SVG `<figure>` in one language.

Text is real SVG `<text>`, so it can be searched, selected and printed.
Colours are `currentColor` and Material's colour variables, so the drawing
follows the light, dark and print schemes. The text alternative: the SVG is
`role="img"` named by its `<title>` and described by its `<desc>`, and the
`<figcaption>` lists every relationship in sentences, visible to everyone.

The drawing stays out of the search index (`data-search-exclude`): its labels
have no spaces between them there and would run together in a result's
snippet, and the figcaption's sentences say the same things.

The SVG sits in a frame that scrolls sideways: on a narrow screen the
drawing keeps a readable size (glossary.css) and a hint under it says to
scroll. The frame is a labelled, focusable region so keyboard users can
scroll it too.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as etree
from dataclasses import dataclass

from markdown.util import AtomicString

from devconcepts.diagrams.load import DiagramError
from devconcepts.core.labels import label

_PRIMARY_SIZE = 16
_SECONDARY_SIZE = 14
"""Text sizes in user units. The smallest, 14, prints at 7.2 pt when a
1000-unit-wide drawing takes an A4 page's text width (182 mm)."""
_GAP = 3
"""Space between an arrow's end and the box it points at."""
_HEAD_LENGTH = 10
_HEAD_WIDTH = 8


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


def _text(value, locale: str, where: str):
    if isinstance(value, dict):
        if locale not in value:
            raise DiagramError(None, None, f"{where}: no '{locale}' text")
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
    frame = _el(figure, "div", tabindex=0, role="region",
                **{"class": "diagram__frame", "aria-labelledby": f"{name}-hint"})
    svg = _el(frame, "svg", viewBox=f"{x0} {y0} {width} {height}", width=width, height=height,
              role="img", **{"class": "diagram__svg", "aria-labelledby": f"{name}-title",
                             "aria-describedby": f"{name}-desc", "data-search-exclude": "true"})
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

    # Names the frame; shown only where the frame scrolls. Hidden from screen
    # readers as text of its own: they hear it once, as the frame's name.
    _el(figure, "p", label("diagram.scroll", locale), id=f"{name}-hint",
        **{"class": "diagram__hint", "aria-hidden": "true", "data-search-exclude": "true"})
    caption = _el(figure, "figcaption")
    _el(caption, "p", _text(spec["caption"], locale, where))
    relations = _el(caption, "ul", **{"class": "diagram__relations"})
    for edge in spec["edges"]:
        _el(relations, "li", _text(edge["text"], locale, where))
    for note in _text(spec.get("notes", {}), locale, where) or ():
        _el(relations, "li", note)
    return figure
