"""A page's link-preview image (Open Graph `og:image`): 1200×630 PNG with the
site name at the top, the page title in the middle and the page's topic at
the bottom, drawn with Pillow in the Nanum font.

Every line lies inside MARGIN of each edge: a title too long for one line
wraps (between words, inside a word only when one word is wider than the
image), at the largest size that fits, and ends with "…" only when even the
smallest size cannot hold it. The margins keep the background colour alone.

The same text and font draw the same bytes: a fixed palette (no quantizing
that depends on the picture), no dithering, a fixed zlib level, and no
metadata chunk (no time, no software name)."""

from __future__ import annotations

import io
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

from .fonts import Fonts

WIDTH, HEIGHT = 1200, 630
MARGIN = 72
"""Blank on every side: chat apps crop previews to other ratios."""

BACKGROUND = (64, 81, 181)
"""Material's indigo (#4051b5), the site's primary colour."""
SITE_COLOUR = (197, 202, 233)
TITLE_COLOUR = (255, 255, 255)
TOPIC_COLOUR = (232, 234, 246)
RULE_COLOUR = (255, 255, 255)

SITE_SIZE = 34
TOPIC_SIZE = 30
TITLE_SIZES = (72, 66, 60, 54, 48, 44, 40)
"""Tried largest first; the first that holds the whole title wins."""
LINE_SPACING = 1.3
TOPIC_LINES = 2
RULE = (96, 8)
"""Width and height of the bar under the site name."""
GAP = 36
"""Between the blocks (site name and bar, title, topic)."""

ELLIPSIS = "…"


@dataclass(frozen=True)
class Line:
    text: str
    size: int
    origin: tuple[int, int]
    """Where it is drawn: left and top of its ascender (Pillow's anchor "la")."""
    box: tuple[int, int, int, int]
    """Its ink box in the image (left, top, right, bottom), as Pillow measures it."""
    colour: tuple[int, int, int]
    bold: bool


@dataclass(frozen=True)
class Layout:
    site: tuple[Line, ...]
    title: tuple[Line, ...]
    topic: tuple[Line, ...]
    rule: tuple[int, int, int, int]

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.site + self.title + self.topic


class MissingGlyph(Exception):
    def __init__(self, character: str) -> None:
        super().__init__(f"the Nanum font has no glyph for {character!r} (U+{ord(character):04X}); "
                         f"the link-preview image would show a box")
        self.character = character


@lru_cache(maxsize=None)
def _font(path: Path, size: int) -> ImageFont.FreeTypeFont:
    # Pillow is imported on first use: a build whose images are all kept
    # in the cache (seo/plugin.py) draws nothing.
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size)


def _face(fonts: Fonts, size: int, bold: bool) -> ImageFont.FreeTypeFont:
    return _font(fonts.bold if bold else fonts.regular, size)


def _width(font: ImageFont.FreeTypeFont, text: str) -> float:
    return font.getlength(text)


def wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    """Greedy lines no wider than `width`: breaks between words; a word wider
    than a line is broken between its characters."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if _width(font, candidate) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        for character in word:
            if line and _width(font, line + character) > width:
                lines.append(line)
                line = ""
            line += character
    if line:
        lines.append(line)
    return lines


def _shorten(line: str, font: ImageFont.FreeTypeFont, width: int) -> str:
    """`line` with "…" at its end, cut until it fits."""
    while line and _width(font, line.rstrip() + ELLIPSIS) > width:
        line = line[:-1]
    return line.rstrip() + ELLIPSIS


def _fit(text: str, font: ImageFont.FreeTypeFont, width: int, most: int) -> list[str]:
    lines = wrap(text, font, width)
    if len(lines) > most:
        lines = lines[:most - 1] + [_shorten(lines[most - 1], font, width)]
    return lines


def _line(text: str, font: ImageFont.FreeTypeFont, size: int, x: int, top: int, colour, bold: bool) -> Line:
    left, upper, right, lower = font.getbbox(text, anchor="la")
    return Line(text, size, (x, top), (x + int(left), top + int(upper), x + int(right), top + int(lower)),
                colour, bold)


def layout(title: str, topic: str, site_name: str, fonts: Fonts) -> Layout:
    width = WIDTH - 2 * MARGIN
    site_font = _face(fonts, SITE_SIZE, False)
    site_text = _fit(site_name, site_font, width, 1)[0]
    site = (_line(site_text, site_font, SITE_SIZE, MARGIN, MARGIN, SITE_COLOUR, False),)
    rule_top = MARGIN + round(SITE_SIZE * LINE_SPACING) + GAP // 3
    rule = (MARGIN, rule_top, MARGIN + RULE[0], rule_top + RULE[1])

    topic_font = _face(fonts, TOPIC_SIZE, False)
    topic_step = round(TOPIC_SIZE * LINE_SPACING)
    topic_texts = _fit(topic, topic_font, width, TOPIC_LINES) if topic.strip() else []
    # The last topic line's descender ends on the bottom margin.
    ascent, descent = topic_font.getmetrics()
    topic_top = HEIGHT - MARGIN - (ascent + descent) - topic_step * (len(topic_texts) - 1)
    topic_lines = tuple(_line(text, topic_font, TOPIC_SIZE, MARGIN, topic_top + n * topic_step, TOPIC_COLOUR, False)
                        for n, text in enumerate(topic_texts))

    region_top = rule[3] + GAP
    region_bottom = (topic_top if topic_lines else HEIGHT - MARGIN) - GAP
    texts, size, font = [], TITLE_SIZES[-1], _face(fonts, TITLE_SIZES[-1], True)
    for size in TITLE_SIZES:
        font = _face(fonts, size, True)
        step = round(size * LINE_SPACING)
        ascent, descent = font.getmetrics()
        room = max(1, (region_bottom - region_top - (ascent + descent)) // step + 1)
        texts = wrap(title, font, width)
        if len(texts) <= room:
            break
    else:
        texts = _fit(title, font, width, room)
    step = round(size * LINE_SPACING)
    ascent, descent = font.getmetrics()
    height = (ascent + descent) + step * (len(texts) - 1)
    top = region_top + max(0, (region_bottom - region_top - height) // 2)
    title_lines = tuple(_line(text, font, size, MARGIN, top + n * step, TITLE_COLOUR, True)
                        for n, text in enumerate(texts))
    return Layout(site, title_lines, topic_lines, rule)


def check_glyphs(text: str, fonts: Fonts) -> None:
    """Raise MissingGlyph for the first character the font would draw as a box."""
    for bold in (False, True):
        font = _face(fonts, TITLE_SIZES[-1], bold)
        for character in dict.fromkeys(text):
            if not character.isspace() and _drawn_as_box(font, character):
                raise MissingGlyph(character)


# Per face (kept by _font) and character: the pages' titles share most of
# their characters, and each check draws the glyph.
@lru_cache(maxsize=None)
def _drawn_as_box(font: ImageFont.FreeTypeFont, character: str) -> bool:
    return _signature(font, character) == _signature(font, "\U0010FFFD")


def _signature(font: ImageFont.FreeTypeFont, character: str) -> tuple:
    """What the glyph looks like: its size, ink box, grey levels and ink per row and column."""
    mask = font.getmask(character)
    return mask.size, mask.getbbox(), tuple(mask.histogram()), mask.getprojection()


_COLOURS = tuple(dict.fromkeys((SITE_COLOUR, TITLE_COLOUR, TOPIC_COLOUR, RULE_COLOUR)))
_STEPS = 15
"""Shades from the background to each text colour: every pixel a text's
edge can have is one of them."""


@lru_cache(maxsize=1)
def _palette() -> list[int]:
    """The background (index 0), then _STEPS shades towards each of _COLOURS."""
    colours = [BACKGROUND]
    for colour in _COLOURS:
        for step in range(1, _STEPS + 1):
            colours.append(tuple(round(b + (c - b) * step / _STEPS) for b, c in zip(BACKGROUND, colour)))
    flat = [value for colour in colours for value in colour]
    return flat + list(BACKGROUND) * (256 - len(colours))


@lru_cache(maxsize=None)
def _shades(colour: tuple[int, int, int]) -> tuple[list[int], list[int]]:
    """Lookup tables from ink coverage (0–255) to `colour`'s palette index,
    and to the mask of the pixels that have ink."""
    base = 1 + _STEPS * _COLOURS.index(colour)
    steps = [round(value * _STEPS / 255) for value in range(256)]
    return [base + step - 1 if step else 0 for step in steps], [255 if step else 0 for step in steps]


def draw(plan: Layout, fonts: Fonts) -> Image.Image:
    """Ink coverage is drawn in one grey channel, then each line's box is
    coloured from the palette: a tenth of the time of drawing in colour and
    matching each pixel to the palette afterwards."""
    from PIL import Image, ImageDraw

    coverage = Image.new("L", (WIDTH, HEIGHT), 0)
    pen = ImageDraw.Draw(coverage)
    pen.rectangle(plan.rule, fill=255)
    for line in plan.lines:
        pen.text(line.origin, line.text, font=_face(fonts, line.size, line.bold), fill=255, anchor="la")
    # Palette indexes are written in a grey image (pasting grey into a
    # palette image would match colours again), then read as the palette's.
    indexed = Image.new("L", (WIDTH, HEIGHT), 0)
    # Anti-aliasing may reach a pixel past the measured ink box.
    for box, colour in [(line.box, line.colour) for line in plan.lines] + [(plan.rule, RULE_COLOUR)]:
        left, top, right, bottom = box
        box = (max(0, left - 2), max(0, top - 2), min(WIDTH, right + 2), min(HEIGHT, bottom + 2))
        ink = coverage.crop(box)
        indexes, mask = _shades(colour)
        indexed.paste(ink.point(indexes), box, ink.point(mask))
    image = Image.frombytes("P", (WIDTH, HEIGHT), indexed.tobytes())
    image.putpalette(_palette())
    return image


def png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    # zlib level 6: a tenth of level 9's time for 10–15% more bytes, far
    # under the 60 KB a preview may take.
    image.save(out, format="PNG", optimize=False, compress_level=6)
    return out.getvalue()


def render(title: str, topic: str, site_name: str, fonts: Fonts) -> bytes:
    check_glyphs(title + topic + site_name, fonts)
    return png(draw(layout(title, topic, site_name, fonts), fonts))


def timed_render(title: str, topic: str, site_name: str, fonts: Fonts) -> tuple[bytes, float]:
    """`render`'s PNG and the seconds it took (also in a drawing process,
    whose time the build's log reports)."""
    start = time.perf_counter()
    return render(title, topic, site_name, fonts), time.perf_counter() - start
