"""The cards of one topic page, read from its rendered HTML.

Cards are never typed twice: a `??? question` block (Material renders it as
`<details class="question">`) gives the question on the front and its answer
on the back; every row of a `/// compare` table (`figure.compare`) gives
"<aspect>: <subject A> vs <subject B>" on the front and the row's cells, as a
small table, on the back; a table's shared row gives "<shared label>:
<subjects>" and its list.

The HTML is read after the Markdown extensions ran, so the cards carry the
pages' own rendering (bold, code, Korean text) and this module needs nothing
from MkDocs. Card HTML is made to stand on its own, on the review page and in
Anki: links inside the site become their text, and ids, classes and
attributes of the page's components are dropped.

A card's key is the question's text (the table's title and the aspect, for a
row); the id made here is the language, the page and a hash of the key. The
plugin then gives every card the id the card-id lock holds for it (`lock`), so
a reworded question keeps its id and the reader's progress with it.
"""

from __future__ import annotations

import hashlib
import html as html_lib
import re
from dataclasses import asdict, dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

KINDS = ("question", "row", "shared")

# What card HTML keeps of each element's attributes; the rest belongs to the
# page it came from (ids would repeat on the review page, classes and data-
# attributes drive that page's scripts).
_KEEP_ATTRIBUTES = {"a": {"href", "rel"}, "td": {"colspan"}, "th": {"scope", "colspan"},
                    "abbr": {"title"}, "img": {"src", "alt"}, "ol": {"start"}}
_SPACE = re.compile(r"\s+")
_ABSOLUTE = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Card:
    id: str
    """`<locale>-<page>-<12 hex digits>`; also the Anki note's GUID."""
    locale: str
    page: str
    """The page's docs path without its language suffix and `.md`: `oltp`."""
    kind: str
    """`question`, `row` (a comparison row) or `shared` (a comparison's shared row)."""
    front: str
    """Inline HTML."""
    back: str
    """Block HTML."""
    key: str
    """What the card-id lock knows the card by (and a new id hashes): the
    question, or the table's title and the aspect."""

    def as_json(self) -> dict:
        return asdict(self)


class DuplicateCardError(ValueError):
    """Two cards of one page hash the same text; `key` is that text."""

    def __init__(self, key: str, page: str) -> None:
        super().__init__(f"two cards of '{page}' have the same text {key!r}: "
                         "reword one question (or one table title) so each card has its own id")
        self.key = key


def card_id(locale: str, page: str, key: str) -> str:
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{locale}-{page}-{digest}"


def page_key(src_uri: str) -> str:
    """`oltp.md` → `oltp` (the language-neutral docs path, as locales.counterpart_key gives it)."""
    return src_uri[:-3] if src_uri.endswith(".md") else src_uri


def extract(html: str, *, locale: str, page: str, shared_label: str) -> list[Card]:
    """Every card of a page's content HTML, in page order.

    `shared_label` is the locale's default header of a comparison's shared
    row, for a row without a header of its own."""
    soup = BeautifulSoup(html, "html.parser")
    cards: list[Card] = []
    for element in soup.find_all(_is_card_source):
        if element.name == "details":
            cards.append(_question(element, locale, page))
        else:
            cards.extend(_comparison(element, locale, page, shared_label))
    seen: set[str] = set()
    for card in cards:
        if card.id in seen:
            raise DuplicateCardError(card.key, page)
        seen.add(card.id)
    return cards


def _is_card_source(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return (tag.name == "details" and "question" in classes) or (tag.name == "figure" and "compare" in classes)


def _question(details: Tag, locale: str, page: str) -> Card:
    summary = details.find("summary")
    front = _inner(summary) if summary else ""
    key = text_of(summary) if summary else ""
    answer = [child for child in details.children if child is not summary]
    back = "".join(_clean(child) for child in answer).strip()
    return Card(card_id(locale, page, key), locale, page, "question", front, back, key)


def _comparison(figure: Tag, locale: str, page: str, shared_label: str) -> list[Card]:
    table = figure.find("table")
    if table is None:
        return []
    caption = table.find("caption")
    title = text_of(caption) if caption else ""
    head = table.find("thead")
    subjects = [text_of(th) for th in head.find_all("th")[1:]] if head else []
    versus = " vs ".join(subjects)
    cards = []
    body = table.find("tbody") or table
    for row in body.find_all("tr", recursive=False):
        header = row.find("th")
        cells = row.find_all("td", recursive=False)
        if header is None or not cells:
            continue
        aspect = text_of(header) or shared_label
        key = f"{title}\n{aspect}"
        caption_html = f"<caption>{_inner(caption)}</caption>" if caption else ""
        if "compare__shared" in (row.get("class") or []):
            front = f"{_inner(header) or html_lib.escape(shared_label)}: {html_lib.escape(', '.join(subjects))}"
            back = (f"<table>{caption_html}<tbody><tr><td>{_inner(cells[0]).strip()}</td></tr></tbody></table>")
            kind = "shared"
        else:
            front = f"{_inner(header)}: {html_lib.escape(versus)}"
            rows = "".join(f"<tr><th scope=\"row\">{html_lib.escape(subject)}</th><td>{_inner(cell).strip()}</td></tr>"
                           for subject, cell in zip(subjects, cells))
            back = f"<table>{caption_html}<tbody>{rows}</tbody></table>"
            kind = "row"
        cards.append(Card(card_id(locale, page, key), locale, page, kind, front, back, key))
    return cards


def text_of(element: Tag) -> str:
    """An element's text with its whitespace collapsed (what the ids hash)."""
    return _SPACE.sub(" ", element.get_text()).strip()


def _inner(element: Tag) -> str:
    return "".join(_clean(child) for child in element.children).strip()


def _clean(node) -> str:
    if isinstance(node, NavigableString):
        # Comments, CDATA and the like are not text.
        return html_lib.escape(str(node), quote=False) if type(node) is NavigableString else ""
    node = _copy(node)
    for link in node.find_all("a"):
        if "headerlink" in (link.get("class") or []):
            link.decompose()
        elif not _ABSOLUTE.match(link.get("href", "")):
            link.unwrap()
    for element in [node, *node.find_all(True)]:
        keep = _KEEP_ATTRIBUTES.get(element.name, set())
        element.attrs = {name: value for name, value in element.attrs.items() if name in keep}
    if node.name == "a" and not _ABSOLUTE.match(node.get("href", "")):
        return "".join(_clean(child) for child in node.children)
    return str(node)


def _copy(tag: Tag) -> Tag:
    return BeautifulSoup(str(tag), "html.parser").find(tag.name)
