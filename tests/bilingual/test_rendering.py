"""No Markdown survives unrendered into any page, and Korean headings get
readable anchors."""

import re

from bilingual.pages import built_pages

# Markdown that reached the HTML as text: emphasis markers, block fences,
# list bullets and table rows glued into paragraphs, escaped admonitions.
UNRENDERED = [
    (re.compile(r"\*\*"), "literal **"),
    (re.compile(r"(^|\s)///"), "block fence ///"),
    (re.compile(r"(^|\n)\s*-\s+\S.*\n\s*-\s+\S"), "bullet list rendered as text"),
    (re.compile(r"\|\s*-{3,}\s*\|"), "table separator rendered as text"),
    (re.compile(r"^\s*(!!!|\?\?\?)\s", re.M), "admonition marker"),
    (re.compile(r"\[[^\]]+\]\([^)]+\)"), "link markup"),
]


def _visible_text(content):
    for hidden in content.select("code, pre, script, style"):
        hidden.decompose()
    return content.get_text("\n")


def test_no_unrendered_markdown(site):
    problems = []
    for page in built_pages(site):
        if page.content is None:
            continue
        text = _visible_text(page.content)
        for pattern, what in UNRENDERED:
            match = pattern.search(text)
            if match:
                problems.append(f"{page.url or '/'}: {what}: {match.group(0).strip()!r}")
    assert problems == []


def test_no_br_inside_list_like_paragraphs(site):
    """A list written right after a bold label line must become a real list."""
    problems = []
    for page in built_pages(site):
        if page.content is None:
            continue
        for paragraph in page.content.find_all("p"):
            if paragraph.find("br") and re.search(r"(^|\n)\s*-\s", paragraph.get_text("\n")):
                problems.append(f"{page.url}: {paragraph.get_text()[:60]!r}")
    assert problems == []


def test_korean_headings_have_readable_anchors(site):
    ids = []
    for page in built_pages(site):
        if page.lang == "ko" and page.content is not None:
            ids += [h["id"] for h in page.content.find_all(["h2", "h3"]) if h.get("id")]
    assert ids, "no heading ids found"
    unreadable = [i for i in ids if re.fullmatch(r"_\d*", i)]
    assert unreadable == []
    assert any(re.search(r"[가-힣]", i) for i in ids)
