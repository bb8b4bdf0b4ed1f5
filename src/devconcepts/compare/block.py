"""The `compare` Blocks block: turns one validated comparison into HTML elements.

The extension's preprocessor has already read and checked the block (see
`parse.py`) and left a one-line stand-in, `/// compare | <token>`, whose token
names the comparison. Letting pymdownx Blocks place the stand-in keeps
comparisons working wherever Blocks work: at the top level, in list items and
in admonitions.

Output, readable without JavaScript or CSS::

    <figure class="compare">
      <table class="compare__table">
        <caption>title</caption>
        <thead><tr><th scope="col">Aspect</th><th scope="col">subject</th>…</tr></thead>
        <tbody>
          <tr class="compare__shared"><th scope="row">In common</th><td colspan="N"><ul><li>…</li></ul></td></tr>
          <tr><th scope="row">aspect</th><td data-label="subject">cell</td>…</tr>
        </tbody>
      </table>
    </figure>

The table has a class so that Material's JavaScript leaves it alone (it wraps
only `table:not([class])`) and the page's HTML is the same with or without
scripts. `data-label` repeats the subject in each cell for the stacked phone
layout of compare.css.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown.util import AtomicString
from pymdownx.blocks.block import Block, type_any

from devconcepts.compare.parse import NAME, Comparison, ComparisonError
from devconcepts.core.labels import label


class CompareBlock(Block):
    """
    Comparison table.

    Arguments (1 required):
    - The token the preprocessor put in place of the comparison's title.

    Options:
    - `subjects`, `shared`: never reach here from a block the preprocessor
      read (it removes them). They are accepted only so that a block it did
      not read fails loudly in `on_validate` instead of Blocks quietly
      turning it into a paragraph.

    Content:
    None; the comparison comes from the preprocessor.
    """

    NAME = NAME
    ARGUMENT = True
    OPTIONS = {
        "subjects": (None, type_any),
        "shared": (None, type_any),
        "corrected": (None, type_any),
    }

    def on_init(self) -> None:
        self.comparison: Comparison | None = None

    def on_validate(self, parent: etree.Element) -> bool:
        # Raising here is not swallowed by Blocks (unlike option validators).
        extension = self.config["extension"]
        try:
            self.comparison = extension.document.take(self.argument)
        except ComparisonError as error:
            raise extension.in_page(error) from None
        return True

    def on_create(self, parent: etree.Element) -> etree.Element:
        return build_figure(parent, self.comparison, self.config["extension"].locale)


def build_figure(parent: etree.Element, comparison: Comparison, locale: str) -> etree.Element:
    """Append the comparison's <figure> to `parent` and return it.

    Text that is inline Markdown (title, aspects, cells, shared items) is left
    as plain strings for Python-Markdown's inline pass; the rest is atomic.
    """
    figure = etree.SubElement(parent, "figure", {"class": "compare"})
    table = etree.SubElement(figure, "table", {"class": "compare__table"})
    etree.SubElement(table, "caption").text = comparison.title

    head_row = etree.SubElement(etree.SubElement(table, "thead"), "tr")
    # The corner cell names the first column instead of being left empty, so
    # a screen reader announces what the row headers are.
    _cell(head_row, "th", AtomicString(label("compare.aspect", locale)), scope="col")
    for subject in comparison.subjects:
        _cell(head_row, "th", AtomicString(subject), scope="col")

    body = etree.SubElement(table, "tbody")
    if comparison.shared:
        heading = comparison.shared_label or label("compare.shared", locale)
        row = etree.SubElement(body, "tr", _corrected({"class": "compare__shared"}, comparison.note_for(heading)))
        _cell(row, "th", AtomicString(heading), scope="row")
        items = etree.SubElement(_cell(row, "td", None, colspan=str(len(comparison.subjects))), "ul")
        for item in comparison.shared:
            etree.SubElement(items, "li").text = item
    for aspect in comparison.rows:
        row = etree.SubElement(body, "tr", _corrected({}, comparison.note_for(aspect.aspect)))
        _cell(row, "th", aspect.aspect, scope="row")
        for subject, text in zip(comparison.subjects, aspect.cells, strict=True):
            _cell(row, "td", text, **{"data-label": subject})
    return figure


def _corrected(attributes: dict[str, str], note: str | None) -> dict[str, str]:
    # The title of the note below the table that corrects this row, for the
    # review cards (devconcepts.cards.extract), which show it with the row.
    return {**attributes, "data-corrected-by": note} if note else attributes


def _cell(row: etree.Element, tag: str, text: str | None, **attributes: str) -> etree.Element:
    cell = etree.SubElement(row, tag, attributes)
    cell.text = text
    return cell
