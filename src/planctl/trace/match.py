"""Looking for one item in the source: inside its section first, firm forms before loose ones.

The search order is: firm forms (as printed, number and unit, unit apart) inside the item's
section; the bare number inside the section; firm forms anywhere; the bare number anywhere. The
first step that finds anything decides, and its occurrences are the item's. The bare number in
the right section says more than the same figure elsewhere: most often the plan gives the number
another unit than the one printed beside it (`三` with unit 个 where the text prints `三级`).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from planctl.trace.items import Item
from planctl.trace.lines import Key, Ranges, Spans
from planctl.trace.noise import noise_spans
from planctl.trace.patterns import Form, Pattern
from planctl.trace.sections import Resolved, SectionMap
from planctl.trace.source import SourceText


class Status(StrEnum):
    FOUND = "found"
    AMBIGUOUS = "ambiguous"
    NOT_FOUND = "not_found"


@dataclass(frozen=True, slots=True)
class Occurrence:
    """Where an item is printed in the source: 1-based line, 0-based [start, end) columns."""

    line: int
    start: int
    end: int
    form: Form
    in_section: bool | None

    @property
    def column(self) -> int:
        return self.start + 1


@dataclass(frozen=True, slots=True)
class Match:
    """The outcome for one item."""

    item: Item
    section: Resolved | None
    occurrences: tuple[Occurrence, ...]
    # The distinct lines of the occurrences, ascending: worked out once per search, since a
    # figure printed on thousands of lines is asked its status many times.
    found_lines: tuple[int, ...] = ()

    @property
    def lines(self) -> list[int]:
        return list(self.found_lines)

    @property
    def status(self) -> Status:
        count = len(self.found_lines)
        if count == 0:
            return Status.NOT_FOUND
        return Status.FOUND if count == 1 else Status.AMBIGUOUS

    @property
    def form(self) -> Form | None:
        return self.occurrences[0].form if self.occurrences else None

    @property
    def outside_section(self) -> bool:
        """Found, but only outside the section the plan names (which the source has)."""
        return (
            bool(self.occurrences)
            and self.section is not None
            and self.section.exists
            and not any(occurrence.in_section for occurrence in self.occurrences)
        )

    @property
    def number_only(self) -> bool:
        """Found only as the bare number: the unit printed next to it is not the plan's."""
        return self.form is Form.NUMBER and self.item.kind != "date"


Found = tuple[tuple[Occurrence, ...], tuple[int, ...]]


def find(item: Item, source: SourceText, sections: SectionMap) -> Match:
    """Search the source for `item` (see the module docstring for the order).

    Items that search alike (the same patterns in the same section: the many `3个` of a budget)
    share one outcome, and each step's search is shared too, remembered in `sections.searches`;
    the lines searched are only those that print the item's number (`sections.lines`).
    """
    key = (item.patterns, item.key, item.section)
    outcome = sections.searches.get(key)
    if outcome is None:
        outcome = sections.searches[key] = _outcome(item, source, sections)
    resolved, found = outcome
    return Match(item, resolved, *found)


def _outcome(item: Item, source: SourceText, sections: SectionMap) -> tuple[Resolved | None, Found]:
    resolved = sections.resolve(item.section) if item.section else None
    scope = resolved if resolved is not None and resolved.exists else None
    firm = tuple(p for p in item.patterns if p.form is not Form.NUMBER)
    loose = tuple(p for p in item.patterns if p.form is Form.NUMBER)
    steps = [(firm, True), (loose, True)] if scope is not None else []
    steps += [(firm, False), (loose, False)]
    ranges = scope.merged if scope is not None else None
    for patterns, inside in steps:
        key = (
            patterns,  # by identity: the patterns of one printed figure search alike
            item.key,
            scope.ranges if scope is not None else None,
            inside,
        )
        found = sections.searches.get(key)
        if found is None:
            found = _search(patterns, item.key, source, sections, ranges, inside)
            sections.searches[key] = found
        if found[0]:
            return resolved, found
    return resolved, ((), ())


def _search(
    patterns: tuple[Pattern, ...],
    key: Key | None,
    source: SourceText,
    sections: SectionMap,
    scope: Ranges | None,
    inside: bool,
) -> Found:
    """Occurrences of the first pattern that occurs (inside `scope` only, when `inside`)."""
    candidates = sections.lines.candidates(key)
    if inside and scope is not None:
        candidates = scope.select(candidates)
    for pattern in patterns:
        found: list[Occurrence] = []
        for number in candidates:
            line = source.lines[number - 1]
            in_section = scope.contains(number) if scope is not None else None
            if pattern.unit is not None:
                found.extend(
                    Occurrence(number, cell.start, cell.end, pattern.form, in_section)
                    for cell in sections.cells.get(number, ())
                    if cell.unit == pattern.unit and cell.number == pattern.number
                )
                continue
            noise = _noise(sections, number, line) if pattern.bare else None
            for start, end in pattern.finditer(line):
                if noise is not None and noise.overlaps(start, end):
                    continue
                found.append(Occurrence(number, start, end, pattern.form, in_section))
        if found:
            return tuple(found), tuple(sorted({occurrence.line for occurrence in found}))
    return (), ()


def _noise(sections: SectionMap, number: int, line: str) -> Spans:
    """The noise spans of a line, worked out the first time a bare number is looked for in it."""
    spans = sections.noise.get(number)
    if spans is None:
        spans = sections.noise[number] = Spans.of(noise_spans(line))
    return spans
