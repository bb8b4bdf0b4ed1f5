"""Print a page in real Chromium and read the PDF back with pypdf and poppler."""

from __future__ import annotations

import re
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Callable

from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)
# The @page margin box of print.css ("3 / 8"); not content, so a sheet that
# holds only its number still counts as blank.
_PAGE_NUMBER = re.compile(r"^\s*\d+\s*/\s*\d+\s*$")
_MIN_PART = 4


def print_pdf(page, url: str, path: Path, *, paper: str = "A4", background: bool = False,
              before=None) -> "PrintedPdf":
    """Open `url` and print it the way a reader does: print media, the
    browser's default of no background graphics, and the page size the CSS
    asks for. Chromium fires beforeprint/afterprint around page.pdf, so the
    page's own print handlers run too. `before(page)` runs after loading."""
    page.goto(url)
    page.wait_for_load_state("load")
    if before is not None:
        before(page)
    page.emulate_media(media="print")
    path.parent.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(path), format=paper, prefer_css_page_size=True, print_background=background)
    return PrintedPdf(path)


def normalise(text: str) -> str:
    """Compare text without whitespace (line breaks fall anywhere on paper)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Font:
    name: str
    type: str
    embedded: bool


@dataclass
class PrintedPdf:
    path: Path

    @cached_property
    def reader(self) -> PdfReader:
        return PdfReader(str(self.path))

    @property
    def sheets(self) -> int:
        return len(self.reader.pages)

    @cached_property
    def sheet_sizes(self) -> list[tuple[float, float]]:
        return [(float(p.mediabox.width), float(p.mediabox.height)) for p in self.reader.pages]

    @cached_property
    def sheet_texts(self) -> list[str]:
        """Text of each sheet in paint order (`pdftotext -raw` keeps a wrapped
        table cell together), without the printed page number."""
        texts = []
        for number in range(1, self.sheets + 1):
            raw = _run("pdftotext", "-raw", "-enc", "UTF-8", "-f", str(number), "-l", str(number),
                       str(self.path), "-")
            texts.append("\n".join(line for line in raw.splitlines() if not _PAGE_NUMBER.match(line)))
        return texts

    @property
    def text(self) -> str:
        return "\n".join(self.sheet_texts)

    @cached_property
    def flat(self) -> str:
        return normalise(self.text)

    def has_text(self, text: str, strip=lambda flat: flat) -> bool:
        """Whether `text` (whitespace aside) is in the PDF; see `text_finder`."""
        return self.text_finder(strip)(text)

    def text_finder(self, strip=lambda flat: flat) -> Callable[[str], bool]:
        """A test of whether a text (whitespace aside) is in the PDF: whole, or
        split by a sheet break into a head on one sheet and the rest on the
        next. The head is not always last on its sheet: `-raw` gives paint
        order, and what is painted after a paragraph (an admonition's title,
        a repeated table header) follows it there. `strip` cleans each
        sheet's text first, once for every text asked about. Both parts must
        be at least `_MIN_PART` characters, so a missing statement is not
        found by its first or last letter alone."""
        # The sheet's number ("2 / 3") when poppler put it on a text line.
        sheets = [strip(normalise(sheet).replace(f"{number}/{self.sheets}", "", 1))
                  for number, sheet in enumerate(self.sheet_texts, start=1)]
        joined = "".join(sheets)
        pairs = list(zip(sheets, sheets[1:]))

        def find(text: str) -> bool:
            wanted = normalise(text)
            if wanted in joined:
                return True
            return any(wanted[:cut] in first and second.startswith(wanted[cut:])
                       for first, second in pairs
                       for cut in range(_MIN_PART, len(wanted) - _MIN_PART + 1))

        return find

    @cached_property
    def fonts(self) -> list[Font]:
        """`pdffonts`, one row per font: name, type and whether it is embedded."""
        rows = _run("pdffonts", str(self.path)).splitlines()[2:]
        fonts = []
        for row in rows:
            # Columns: name, type (1-2 words), encoding, emb, sub, uni, object, id.
            match = re.match(r"^(\S+)\s+(Type 3|Type 1C?|TrueType|CID TrueType|CID Type 0C?|Type 0C?|\S+)"
                             r"\s+.*?\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", row)
            if match:
                fonts.append(Font(match[1], match[2], match[3] == "yes"))
        if rows and len(fonts) != len(rows):
            raise AssertionError("could not read pdffonts output:\n" + "\n".join(rows))
        return fonts

    def png(self, out: Path, *, sheet: int = 1, dpi: int = 72, gray: bool = False) -> Path:
        """Render one sheet with pdftoppm; returns the image path."""
        out.parent.mkdir(parents=True, exist_ok=True)
        stem = out.with_suffix("")
        args = ["pdftoppm", "-r", str(dpi), "-f", str(sheet), "-l", str(sheet), "-singlefile"]
        args += ["-gray"] if gray else ["-png"]
        _run(*args, str(self.path), str(stem))
        return stem.with_suffix(".pgm" if gray else ".png")


def gray_pixels(pgm: Path) -> bytes:
    """The pixel bytes of a binary 8-bit PGM, as written by pdftoppm -gray."""
    data = pgm.read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b"#":
            pos = data.index(b"\n", pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b"P5" or int(fields[3]) > 255:
        raise AssertionError(f"{pgm}: not an 8-bit binary PGM")
    width, height = int(fields[1]), int(fields[2])
    return data[pos + 1: pos + 1 + width * height]


def _run(*args: str) -> str:
    result = subprocess.run(args, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise AssertionError(f"{' '.join(args)} failed: {result.stderr}")
    return result.stdout
