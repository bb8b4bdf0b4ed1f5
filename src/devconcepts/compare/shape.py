"""Do a page's comparisons and its translation's still have the same shape?

A translation may reword everything, so only the structure is compared, in
order: how many comparisons, and for each one how many subjects, whether it
has a shared part and how many items, and how many rows.
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
    return found


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"
