"""Read the source notes into sections of statements, straight from the seed
file, so the tests never take their expectations from the site's own text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

# Seed typos the tests read as corrected. None: every word of the seed stays
# verbatim on its page, typos included, and the page marks the correction.
CORRECTIONS: dict[str, str] = {}

# Seed typos kept verbatim on their page beside a marked correction note:
# typo -> the right form the note names.
MARKED_TYPOS = {"워크 노드": "워커 노드"}

_LABELLED = re.compile(r"^(?P<label>[^=:]{1,30}?)\s*(?:=|:)\s+(?P<value>.+)$")


@dataclass
class Statement:
    text: str
    line: int
    label: str | None = None
    """For "Label = value" / "Label: value" lines: the label, which a
    comparison table shows as a column or row header instead of inline."""
    value: str | None = None


@dataclass
class Section:
    title: str
    line: int
    statements: list[Statement] = field(default_factory=list)


def strip_markdown(text: str) -> str:
    text = text.replace("**", "")
    for wrong, right in CORRECTIONS.items():
        text = text.replace(wrong, right)
    return text.strip()


def normalise(text: str) -> str:
    """Compare text apart from emphasis, whitespace and punctuation."""
    return "".join(ch for ch in strip_markdown(text)
                   if unicodedata.category(ch)[0] in "LN")


def read_sections(seed_text: str) -> list[Section]:
    sections: list[Section] = []
    for number, raw in enumerate(seed_text.splitlines(), start=1):
        line = raw.strip()
        if not line or set(line) <= {"-", "|", " "}:
            continue
        if line.startswith("# "):
            sections.append(Section(strip_markdown(line[2:]), number))
            continue
        if not sections:
            continue
        if line.startswith("#"):
            texts = [line.lstrip("#")]
        elif line.startswith("|"):
            texts = [cell for cell in line.strip("|").split("|")]
        elif line.startswith("- "):
            texts = [line[2:]]
        else:
            texts = [line]
        for text in texts:
            text = strip_markdown(text)
            if not normalise(text):
                continue
            statement = Statement(text, number)
            match = _LABELLED.match(text)
            if match:
                statement.label, statement.value = match["label"], match["value"]
            sections[-1].statements.append(statement)
    return sections
