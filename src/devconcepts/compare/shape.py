"""Do a page's comparisons and its translation's still have the same shape?

A translation may reword everything, so only the structure is compared, in
order: how many comparisons, and for each one how many subjects, whether it
has a shared part and how many items, how many rows, and which rows a note
corrects.
"""

from __future__ import annotations

from dataclasses import dataclass

from devconcepts.compare.parse import Comparison


@dataclass(frozen=True)
class Side:
    """The comparisons of one language's page."""

    path: str
    """Docs-relative source file, e.g. `log-vs-cookie.en.md`."""
    comparisons: tuple[Comparison, ...]
    """Parsed with the file's own line numbers."""


def differences(a: Side, b: Side) -> list[str]:
    """One sentence per difference between `a` and `b`; empty when they match."""
    found = []
    if len(a.comparisons) != len(b.comparisons):
        found.append(
            f"{_count(len(a.comparisons), 'comparison')} in {a.path}, {len(b.comparisons)} in {b.path}"
        )
    for number, (one, other) in enumerate(zip(a.comparisons, b.comparisons), start=1):
        where = f"comparison {number} ({a.path} line {one.line}, {b.path} line {other.line})"
        if len(one.subjects) != len(other.subjects):
            found.append(f"{where}: {_count(len(one.subjects), 'subject')} in {a.path}, {len(other.subjects)} in {b.path}")
        if bool(one.shared) != bool(other.shared):
            has, lacks = (a.path, b.path) if one.shared else (b.path, a.path)
            found.append(f"{where}: shared part ('+ ' items) in {has} but not in {lacks}")
        elif len(one.shared) != len(other.shared):
            found.append(
                f"{where}: {_count(len(one.shared), 'shared item')} in {a.path}, {len(other.shared)} in {b.path}"
            )
        if len(one.rows) != len(other.rows):
            found.append(f"{where}: {_count(len(one.rows), 'row')} in {a.path}, {len(other.rows)} in {b.path}")
        elif _corrected(one) != _corrected(other):
            found.append(f"{where}: the rows a note corrects ('corrected') are {_rows(one)} in {a.path}, "
                         f"{_rows(other)} in {b.path}")
    return found


def _corrected(comparison: Comparison) -> list[int]:
    """Positions of the corrected rows: 0 for the shared row, then 1, 2, …"""
    headers = [comparison.shared_label] if comparison.shared else []
    offset = 0 if comparison.shared else 1
    headers += [row.aspect for row in comparison.rows]
    return [number + offset for number, header in enumerate(headers)
            if header is not None and comparison.note_for(header)]


def _rows(comparison: Comparison) -> str:
    positions = _corrected(comparison)
    return ", ".join("the shared row" if n == 0 else f"row {n}" for n in positions) if positions else "none"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
