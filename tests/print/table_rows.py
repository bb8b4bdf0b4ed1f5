"""Which sheet each table row of a printed page landed on, read back from the
PDF: a row is found by its text (whitespace aside) on a sheet, rows in
document order, so a row whose text also occurs elsewhere is taken on the
first sheet at or after the previous row's."""

from __future__ import annotations

from dataclasses import dataclass

from .content import links
from .pdf import PrintedPdf, normalise

# Each printed table's body rows, their text in print media, in document
# order. The address printed after an external link (print.css) is not in
# innerText; it is removed from the PDF's text instead.
_ROWS_JS = """
() => [...document.querySelectorAll("article table")]
  .filter(table => table.checkVisibility())
  .map(table => ({
    caption: (table.caption ? table.caption.innerText : table.rows[0].innerText).trim().slice(0, 60),
    rows: [...table.tBodies].flatMap(body => [...body.rows]).map(row => row.innerText),
  }))
"""


@dataclass
class TableOnSheets:
    caption: str
    sheets: list[int | None]
    """0-based sheet of each body row, None where the row was not found."""

    @property
    def counts(self) -> dict[int, int]:
        out: dict[int, int] = {}
        for sheet in self.sheets:
            if sheet is not None:
                out[sheet] = out.get(sheet, 0) + 1
        return out

    @property
    def lone_rows(self) -> list[int]:
        """Sheets (1-based) that hold a single row of this table while the
        table goes on onto another sheet."""
        counts = self.counts
        return [sheet + 1 for sheet, n in sorted(counts.items()) if n == 1 and len(counts) > 1]


def tables_on_sheets(pdf: PrintedPdf, page) -> list[TableOnSheets]:
    """Every printed table of the page open in `page` (in print media),
    printed as `pdf`."""
    addresses = [normalise(f"({link.href})") for link in links(page) if link.external]
    sheets = []
    for text in pdf.sheet_texts:
        flat = normalise(text)
        for address in addresses:
            flat = flat.replace(address, "")
        sheets.append(flat)
    out = []
    for table in page.evaluate(_ROWS_JS):
        found, start = [], 0
        for row in table["rows"]:
            wanted = normalise(row)
            sheet = next((i for i in range(start, len(sheets)) if wanted and wanted in sheets[i]), None)
            found.append(sheet)
            if sheet is not None:
                start = sheet
        out.append(TableOnSheets(table["caption"], found))
    return out
