"""Every statement of the source notes is on the Korean page of its section."""

from sitekit import SEED
from bilingual.pages import built_pages
from bilingual.seed import MARKED_TYPOS, normalise, read_sections


def _korean_pages_by_title(site):
    pages = {}
    for page in built_pages(site):
        if page.lang == "ko" and page.content is not None and page.content.h1:
            pages[normalise(page.content.h1.get_text())] = page
    return pages


def _in_comparison(content, label: str, value: str) -> bool:
    """A "label = value" statement shown as a comparison cell whose column
    (subject) or row (aspect) header is the label."""
    for table in content.select("figure.compare table"):
        subjects = [normalise(th.get_text()) for th in table.select("thead th")]
        for row in table.select("tbody tr"):
            aspect = normalise(row.th.get_text()) if row.th else ""
            for column, cell in enumerate(row.find_all("td"), start=1):
                subject = subjects[column] if column < len(subjects) else ""
                if normalise(value) in normalise(cell.get_text()) and normalise(label) in (subject, aspect):
                    return True
    return False


def test_seed_has_seven_sections():
    assert len(read_sections(SEED.read_text(encoding="utf-8"))) == 7


def test_every_seed_statement_is_on_its_page(site):
    pages = _korean_pages_by_title(site)
    missing = []
    for section in read_sections(SEED.read_text(encoding="utf-8")):
        page = pages.get(normalise(section.title))
        if page is None:
            missing.append(f"seed line {section.line}: no Korean page titled {section.title!r}")
            continue
        text = normalise(page.content.get_text())
        for statement in section.statements:
            if normalise(statement.text) in text:
                continue
            if statement.label and _in_comparison(page.content, statement.label, statement.value):
                continue
            missing.append(f"seed line {statement.line}: {statement.text!r} not on {page.url or '/'}")
    assert missing == []


def test_seed_typo_is_kept_and_its_correction_marked(site):
    """The seed's typo stays only in the seed's own line, and a note beside it
    names the typo (in quotes) and the right form."""
    seed = SEED.read_text(encoding="utf-8")
    for typo, right in MARKED_TYPOS.items():
        seed_lines = [normalise(line) for line in seed.splitlines() if typo in line]
        assert seed_lines, f"{typo!r} is no longer in the seed"
        seen = False
        for page in _korean_pages_by_title(site).values():
            content = page.content
            notes = [note for note in content.select(".admonition")
                     if f'"{typo}"' in note.get_text() or f"“{typo}”" in note.get_text()]
            for note in notes:
                assert right in note.get_text(), f"{page.url}: the note on {typo!r} does not name {right!r}"
                note.decompose()
            for element in content.find_all(string=lambda s: s and typo in s):
                block = element.find_parent(["li", "p", "td", "th", "h1", "h2", "h3"]) or element.parent
                assert normalise(block.get_text()) in seed_lines, \
                    f"{page.url}: {typo!r} outside the seed's own line: {block.get_text()!r}"
                assert notes, f"{page.url}: {typo!r} has no correction note"
                seen = True
        assert seen, f"the seed's {typo!r} is on no Korean page"
