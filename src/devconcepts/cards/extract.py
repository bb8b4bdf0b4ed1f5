"""The cards of one topic page, read from its rendered HTML.

Cards are never typed twice: a `??? question` block (Material renders it as
`<details class="question">`) gives the question on the front and its answer
on the back; every row of a `/// compare` table (`figure.compare`) gives
"<table title> › <aspect>: <subject A> · <subject B>" on the front, so a card
shown alone says what it compares, and the row's cells, as a small table, on
the back; a table's shared row gives "<table title> › <shared label>:
<subjects>" and its list. A row that a note of the page corrects (the
comparison's `corrected` option, rendered as `data-corrected-by`) carries that
note, its title and text as the page shows them, under the table on its back:
no card teaches what its page marks as outdated. Cards in a language other
than Korean drop the Korean glosses in parentheses, in subjects, cells and
notes alike ("Stateless (상태 유지 X)" becomes "Stateless"), which the page
keeps for the reader who knows both.

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

import copy
import hashlib
import html as html_lib
import re
from dataclasses import asdict, dataclass, replace

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import Tag

KINDS = ("question", "row", "shared")

# What card HTML keeps of each element's attributes; the rest belongs to the
# page it came from (ids would repeat on the review page, classes and data-
# attributes drive that page's scripts).
_KEEP_ATTRIBUTES = {"a": {"href", "rel"}, "td": {"colspan"}, "th": {"scope", "colspan"},
                    "abbr": {"title"}, "img": {"src", "alt"}, "ol": {"start"}}
_SPACE = re.compile(r"\s+")
# A parenthesised gloss, e.g. "(상태 유지 X)" or "(Retrieval-Augmented Generation, 검색 증강 생성)".
_PARENTHESES = re.compile(r"\s*\(([^()]*)\)")
_HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
GLOSSED_LOCALE = "ko"
"""The language whose words glosses are in; other languages' cards drop them."""
SUBJECTS_SEPARATOR = " · "
CONTEXT_SEPARATOR = " › "
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


class MissingNoteError(ValueError):
    """A row names a correcting note the page does not have below its table."""

    def __init__(self, title: str, page: str) -> None:
        super().__init__(f"a row of '{page}' is corrected by the note '{title}', which is not below its table")
        self.title = title


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
    soup = _bs4().BeautifulSoup(html, "html.parser")
    cards: list[Card] = []
    for element in soup.find_all(_is_card_source):
        if element.name == "details":
            cards.append(_question(element, locale, page))
        else:
            cards.extend(_comparison(element, locale, page, shared_label))
    if locale != GLOSSED_LOCALE:
        cards = [replace(card, front=_without_glosses_html(card.front), back=_without_glosses_html(card.back))
                 for card in cards]
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
    if locale != GLOSSED_LOCALE:
        subjects = [without_glosses(subject).strip() for subject in subjects]
    context = f"{_inner(caption)}{CONTEXT_SEPARATOR}" if caption else ""
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
        front = (f"{context}{_inner(header) or html_lib.escape(shared_label)}: "
                 f"{html_lib.escape(SUBJECTS_SEPARATOR.join(subjects))}")
        if "compare__shared" in (row.get("class") or []):
            back = (f"<table>{caption_html}<tbody><tr><td>{_inner(cells[0]).strip()}</td></tr></tbody></table>")
            kind = "shared"
        else:
            rows = "".join(f"<tr><th scope=\"row\">{html_lib.escape(subject)}</th><td>{_inner(cell).strip()}</td></tr>"
                           for subject, cell in zip(subjects, cells))
            back = f"<table>{caption_html}<tbody>{rows}</tbody></table>"
            kind = "row"
        if row.get("data-corrected-by"):
            back += _note(figure, row["data-corrected-by"], page)
        cards.append(Card(card_id(locale, page, key), locale, page, kind, front, back, key))
    return cards


def _note(figure: Tag, title: str, page: str) -> str:
    """The first note below `figure` titled `title`, as card HTML: the page's
    own words, written once."""
    for note in figure.find_all_next(_is_note):
        heading = note.find(class_="admonition-title") or note.find("summary")
        if heading is not None and text_of(heading) == title:
            body = "".join(_clean(child) for child in note.children if child is not heading).strip()
            return f'<div class="card-note"><p><strong>{_inner(heading)}</strong></p>{body}</div>'
    raise MissingNoteError(title, page)


def _is_note(tag: Tag) -> bool:
    classes = tag.get("class") or []
    return (tag.name == "div" and "admonition" in classes) or (tag.name == "details" and "question" not in classes)


def without_glosses(text: str) -> str:
    """`text` without the Korean glosses in its parentheses: "Log (로그)" →
    "Log", "RAG (Retrieval-Augmented Generation, 검색 증강 생성)" → "RAG
    (Retrieval-Augmented Generation)"; parentheses without Korean stay as written."""
    def keep(match: re.Match) -> str:
        if not _HANGUL.search(match[1]):
            return match[0]
        parts = [part.strip() for part in match[1].split(",") if not _HANGUL.search(part)]
        return f" ({', '.join(parts)})" if parts else ""
    return _PARENTHESES.sub(keep, text)


def _without_glosses_html(fragment: str) -> str:
    """`without_glosses` on every text of an HTML fragment, code aside."""
    if not _HANGUL.search(fragment):
        return fragment
    soup = _bs4().BeautifulSoup(fragment, "html.parser")
    for text in soup.find_all(string=True):
        if type(text) is _bs4().NavigableString and not text.find_parent(("code", "pre")):
            text.replace_with(without_glosses(str(text)))
    return str(soup)


def text_of(element: Tag) -> str:
    """An element's text with its whitespace collapsed (what the ids hash)."""
    return _SPACE.sub(" ", element.get_text()).strip()


def _inner(element: Tag) -> str:
    return "".join(_clean(child) for child in element.children).strip()


def _clean(node) -> str:
    if isinstance(node, _bs4().NavigableString):
        # Comments, CDATA and the like are not text.
        return html_lib.escape(str(node), quote=False) if type(node) is _bs4().NavigableString else ""
    node = _copy(node)
    for link in node.find_all("a"):
        if "headerlink" in (link.get("class") or []):
            link.decompose()
        elif not _ABSOLUTE.match(link.get("href", "")):
            link.unwrap()
    for element in [node, *node.find_all(True)]:
        keep = _KEEP_ATTRIBUTES.get(element.name, set())
        element.attrs = {name: value for name, value in element.attrs.items() if name in keep}
        if element.name == "a" and _ABSOLUTE.match(element.get("href", "")):
            # What devconcepts-csp gives every link off the site, so the deck
            # holds the review page's HTML (a card's links all leave the site).
            rel = element.get("rel") or []
            element["rel"] = [*rel, "noopener"] if "noopener" not in rel else rel
    if node.name == "a" and not _ABSOLUTE.match(node.get("href", "")):
        return "".join(_clean(child) for child in node.children)
    return str(node)


def _copy(tag: Tag) -> Tag:
    # BeautifulSoup copies a tag with its whole subtree (the same card HTML
    # as parsing its text again, in less time).
    return copy.copy(tag)


def _bs4():
    """BeautifulSoup, imported on first use: with its selector library it takes
    about 60 ms to import, and a build that finds every page's cards kept in
    the cache (cards/plugin.py) never reads HTML."""
    import bs4

    return bs4
