"""Separators between a table's cells and rows, for the indexed text.

Material's indexer keeps the text of a table's cells and drops the tags, so
"구분 로그 (Log) 쿠키 (Cookie) 핵심 서버에서 … 사용됨. 사용자의 …" reads as one
run-on sentence in a search snippet. Before Material reads a page
(`mark_cells`), each cell after the first of its row gets a private-use mark,
and each row after the first (or after the caption) another; in the text
Material makes of it (`separate`), each mark and the spaces around it become
CELL or ROW, whatever whitespace the HTML had between the tags. Both are
characters of the search separator (tokenizer.SEPARATOR), so no indexed word
changes. Only the indexer's copy of the page changes; the page itself stays
as it is."""

from __future__ import annotations

import re

from devconcepts.core.html_tags import Markup, markup

CELL = " · "
ROW = " / "

_CELL_MARK = "\ue000"
_ROW_MARK = "\ue001"
_MARKS = re.compile(r"\s*([\ue000\ue001])\s*")

_TABLE_TAGS = frozenset({"table", "caption", "tr", "td", "th"})

# The table tags are found with a regex, not HTMLParser (core.html_tags),
# which reads every tag of the page for the few of its tables: over the
# site's pages, 0.009 s against 0.11 s. Only where the regex and HTMLParser
# read alike: a page with a comment, a declaration, a script or a style
# (whose text may hold what looks like a tag) is read with HTMLParser.
_TABLE_TAG = re.compile(r"<(/?)(table|caption|tr|td|th)(?=[\s/>])(?:[^>\"']|\"[^\"]*\"|'[^']*')*>", re.I)
_NOT_ONLY_TAGS = re.compile(r"<[!?]|<(?:script|style)\b", re.I)


def _table_tags(html: str) -> list[Markup]:
    if _NOT_ONLY_TAGS.search(html):
        return [item for item in markup(html) if item.name in _TABLE_TAGS]
    # As markup() gives them, less the attributes, which mark_cells does not read.
    return [Markup(match[2].lower(), match.start(), match.end(), closing=bool(match[1]))
            for match in _TABLE_TAG.finditer(html)]


def mark_cells(html: str) -> str:
    """`html` with a mark after the opening tag of each cell and row that
    follows another one of its table (nested tables keep their own count)."""
    if "<table" not in html.lower():
        return html
    out, last = [], 0
    # Per open table: [something of the table seen before (caption or row),
    # a cell seen in the current row]
    tables: list[list[bool]] = []
    for item in _table_tags(html):
        closing, tag = item.closing, item.name
        out.append(html[last:item.end])
        last = item.end
        if tag == "table":
            if closing:
                if tables:
                    tables.pop()
            else:
                tables.append([False, False])
            continue
        if closing or not tables:
            continue
        table = tables[-1]
        if tag in ("caption", "tr"):
            if table[0] and tag == "tr":
                out.append(_ROW_MARK)
            table[0], table[1] = True, False
        elif table[1]:
            out.append(_CELL_MARK)
        else:
            table[1] = True
    out.append(html[last:])
    return "".join(out)


def separate(text: str) -> str:
    """Text Material made of marked HTML, with CELL and ROW for the marks."""
    if _CELL_MARK not in text and _ROW_MARK not in text:
        return text
    return _MARKS.sub(lambda m: CELL if m.group(1) == _CELL_MARK else ROW, text).strip()
