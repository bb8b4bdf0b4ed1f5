"""Every statement of the source notes is on the Korean page of its section."""

from sitekit import SEED
from bilingual.pages import built_pages
from bilingual.seed import normalise, read_sections


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


def test_seed_typo_is_corrected(site):
    text = " ".join(page.content.get_text() for page in _korean_pages_by_title(site).values())
    assert "워크 노드" not in text
    assert "워커 노드" in text
