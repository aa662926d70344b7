"""The section map of a source document, and what the section references plans write name.

The headings (`planctl.trace.headings`: `第一部分`, `附件2`, `第三章`, `第五节`, `第二条`, `一、`,
`（一）`, `1.`, `（1）`, table titles) each open a section that runs until the next heading of the
same or a higher rank, so sections nest whatever styles a document skips. The text before the
first heading is the preamble (`序言`).

A reference's chain of numbers is matched against the chain of each section: exactly when
possible, otherwise as the same chain with levels left out (`第九章一` for `一、` directly under
`第九章`). Words after the numbers (`（一）总体目标`) choose among the sections so numbered, or
find the heading by its words when the numbers name none; words alone (`贫困情况`) find the
heading they begin. A reference that names no heading (`落款`) gives no section preference.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from planctl.i18n import _
from planctl.trace.cells import Cell, header_cells
from planctl.trace.headings import (
    ANNEX,
    CHAPTER,
    PART,
    RANK,
    SPACE,
    Key,
    Reference,
    format_key,
    heading_of,
    parse_reference,
)
from planctl.trace.lines import LineIndex, Ranges, Spans
from planctl.trace.source import SourceText

__all__ = ["Resolved", "Section", "SectionMap", "format_key", "heading_of", "parse_reference"]


@dataclass(slots=True)
class Section:
    """A heading and the lines it governs (1-based, inclusive), with its subsections."""

    key: Key
    title: str
    first: int
    last: int
    label: str = ""  # the heading's words after its numbering, spaces removed
    children: list[Section] = field(default_factory=list)

    @property
    def name(self) -> str:
        return format_key(self.key)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class SectionMap:
    """Every section of a document; the root (key `()`) is the whole text, preamble included.

    It also carries what tracing builds once per document rather than once per item: the
    index of the numbers each line prints, each reference resolved, each search's outcome and
    each line's noise spans (filled by `planctl.trace.match`).
    """

    root: Section
    preamble_last: int
    lines: LineIndex = field(default_factory=lambda: LineIndex(()))
    searches: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)
    noise: dict[int, Spans] = field(default_factory=dict, compare=False, repr=False)
    # The bare numbers in table cells under a unit header, by line (`planctl.trace.cells`).
    cells: dict[int, tuple[Cell, ...]] = field(default_factory=dict, compare=False, repr=False)
    _resolved: dict[str, Resolved] = field(default_factory=dict, compare=False, repr=False)
    _everything: list[Section] = field(default_factory=list, compare=False, repr=False)

    @classmethod
    def of(cls, source: SourceText) -> SectionMap:
        total = len(source.lines)
        root = Section((), "", 1, total)
        stack: list[Section] = [root]
        preamble_last = total
        for number, line in enumerate(source.lines, start=1):
            heading = heading_of(line)
            if heading is None:
                continue
            kind = heading.kind
            while len(stack) > 1 and RANK[stack[-1].key[-1][0]] >= RANK[kind]:
                stack.pop().last = number - 1
            if len(stack) == 1 and preamble_last == total:
                preamble_last = number - 1
            key = (*stack[-1].key, (kind, heading.number))
            title = line.strip(SPACE)[:40]
            section = Section(key, title, number, total, label=heading.label)
            stack[-1].children.append(section)
            stack.append(section)
        return cls(root, preamble_last, LineIndex(source.lines), cells=header_cells(source.lines))

    def sections(self) -> Iterator[Section]:
        for child in self.root.children:
            yield from child.walk()

    def resolve(self, reference: str) -> Resolved:
        """The line ranges a plan's section reference names (see the module docstring); each
        reference is resolved once, since thousands of items name the same few sections."""
        resolved = self._resolved.get(reference)
        if resolved is None:
            resolved = self._resolved[reference] = self._resolve(reference)
        return resolved

    def _resolve(self, reference: str) -> Resolved:
        wanted = parse_reference(reference)
        if wanted is None:
            return Resolved(reference, understood=False, ranges=())
        if not wanted.key and not wanted.label:
            if self.preamble_last < 1:
                return Resolved(reference, understood=True, ranges=())
            return Resolved(reference, understood=True, ranges=((1, self.preamble_last),))
        found = self._named(wanted)
        if found:
            return Resolved(reference, True, tuple((s.first, s.last) for s in found))
        # Words alone that name no heading are not a reference planctl can read (`落款`).
        return Resolved(reference, understood=bool(wanted.key), ranges=())

    def _named(self, wanted: Reference) -> list[Section]:
        """The sections a reference names: by its numbers and words, else by its words alone
        (the words are the more particular), else by its numbers alone."""
        if not self._everything:
            self._everything.extend(self.sections())
        everything = self._everything
        numbered = self._numbered(wanted.key, everything) if wanted.key else []
        if not wanted.label:
            return numbered
        label = wanted.label
        titled = [s for s in numbered if s.label.startswith(label)]
        titled = titled or [s for s in everything if s.label.startswith(label)]
        return titled or numbered

    @staticmethod
    def _numbered(wanted: Key, everything: list[Section]) -> list[Section]:
        for test in (_equal, _anchored, _loose):
            found = [s for s in everything if test(wanted, s.key)]
            if found:
                return found
        if any(kind == PART for kind, _ in wanted):
            # `第二部分` where the document numbers its parts as chapters.
            chapters = tuple((CHAPTER if k == PART else k, n) for k, n in wanted)
            return SectionMap._numbered(chapters, everything)
        return []


@dataclass(frozen=True, slots=True)
class Resolved:
    """What a reference names: line ranges; none when it is not in the document."""

    reference: str
    understood: bool
    ranges: tuple[tuple[int, int], ...]
    # The ranges merged for bisection, built once: thousands of items name the same section.
    merged: Ranges = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "merged", Ranges.of(self.ranges))

    @property
    def exists(self) -> bool:
        return bool(self.ranges)

    def contains(self, line: int) -> bool:
        return self.merged.contains(line)

    def describe(self) -> str:
        spans = ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in self.ranges)
        if not spans:
            return self.reference
        return _("{reference} (lines {spans})").format(reference=self.reference, spans=spans)


def _same(wanted: tuple[str, int], part: tuple[str, int]) -> bool:
    """The same heading; `附件` without a number names every annex."""
    return wanted == part or (wanted == (ANNEX, 0) and part[0] == ANNEX)


def _equal(wanted: Key, key: Key) -> bool:
    return len(wanted) == len(key) and all(map(_same, wanted, key))


def _anchored(wanted: Key, key: Key) -> bool:
    return bool(key) and _same(wanted[0], key[0]) and _loose(wanted, key)


def _loose(wanted: Key, key: Key) -> bool:
    """`wanted` is `key` with some levels left out, ending at the same heading."""
    if not key or not _same(wanted[-1], key[-1]):
        return False
    position = 0
    for part in key:
        if position < len(wanted) and _same(wanted[position], part):
            position += 1
    return position == len(wanted)
