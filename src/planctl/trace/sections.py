"""The section map of a source document, and the section references plans write.

Documents number their parts with a small set of heading styles: `第三章`, `第五节`, `一、`,
`（一）` or `(一)`, `1．` or `1、`, `（1）`. A heading opens a section that runs until the next
heading of the same or a higher rank, so sections nest whatever styles a document skips. The text
before the first heading is the preamble (`序言`).

Plans name a section by chaining the numbers from the top (`第四章第二节`, `三（一）`, `四（一）1`,
`第七章第三节二（四）`). A reference is matched against the chain of each section: exactly when
possible, otherwise as the same chain with levels left out; references planctl cannot read
(`落款`, `附件`) give no section preference at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from planctl.trace.lines import LineIndex, Ranges, Spans
from planctl.trace.source import SourceText

_NUMERAL = "零〇一二两三四五六七八九十百"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})

# Heading kinds from the highest rank to the lowest.
CHAPTER, SECTION, ITEM, PAREN, NUMBER, PAREN_NUMBER = "章", "节", "、", "（）", "1.", "(1)"
RANK = {CHAPTER: 0, SECTION: 1, ITEM: 2, PAREN: 3, NUMBER: 4, PAREN_NUMBER: 5}
PREAMBLE_NAMES = {"序言", "前言", "引言", "序", "preamble", "正文前"}

Key = tuple[tuple[str, int], ...]

_SPACE = " \t\u3000\u00a0*#"
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (CHAPTER, re.compile(rf"第([{_NUMERAL}\d]+)章")),
    (SECTION, re.compile(rf"第([{_NUMERAL}\d]+)节")),
    (ITEM, re.compile(rf"([{_NUMERAL}]+)、")),
    (PAREN, re.compile(rf"[（(]\s*([{_NUMERAL}]+)\s*[）)]")),
    (PAREN_NUMBER, re.compile(r"[（(]\s*(\d+)\s*[）)]")),
    (NUMBER, re.compile(r"(\d+)\s*[.、](?!\d)")),
]


def chinese_number(text: str) -> int | None:
    """`十六` → 16, `三` → 3, `12` → 12; None when the text is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


@dataclass(slots=True)
class Section:
    """A heading and the lines it governs (1-based, inclusive), with its subsections."""

    key: Key
    title: str
    first: int
    last: int
    children: list[Section] = field(default_factory=list)

    @property
    def name(self) -> str:
        return format_key(self.key)

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


def format_key(key: Key) -> str:
    """A chain written the way plans write it: `第四章第二节`, `三（一）2`, `序言` for ()."""
    if not key:
        return "序言"
    out = ""
    for kind, number in key:
        numeral = _numeral(number)
        if kind == CHAPTER:
            out += f"第{numeral}章"
        elif kind == SECTION:
            out += f"第{numeral}节"
        elif kind == ITEM:
            out += numeral
        elif kind == PAREN:
            out += f"（{numeral}）"
        elif kind == PAREN_NUMBER:
            out += f"（{number}）"
        else:
            out += str(number)
    return out


def _numeral(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    return str(number)


def heading_of(line: str) -> tuple[str, int] | None:
    """The (kind, number) of a heading line such as `第五节 规划资金` or `（一）目标任务`."""
    text = line.lstrip(_SPACE)
    for kind, pattern in _HEADINGS:
        match = pattern.match(text)
        if match:
            number = chinese_number(match.group(1))
            if number is not None:
                return kind, number
    return None


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
            kind = heading[0]
            while len(stack) > 1 and RANK[stack[-1].key[-1][0]] >= RANK[kind]:
                stack.pop().last = number - 1
            if len(stack) == 1 and preamble_last == total:
                preamble_last = number - 1
            section = Section((*stack[-1].key, heading), line.strip(_SPACE)[:40], number, total)
            stack[-1].children.append(section)
            stack.append(section)
        return cls(root, preamble_last, LineIndex(source.lines))

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
        if not wanted:
            if self.preamble_last < 1:
                return Resolved(reference, understood=True, ranges=())
            return Resolved(reference, understood=True, ranges=((1, self.preamble_last),))
        if not self._everything:
            self._everything.extend(self.sections())
        everything = self._everything
        for test in (_equal, _anchored, _loose):
            found = [s for s in everything if test(wanted, s.key)]
            if found:
                return Resolved(reference, True, tuple((s.first, s.last) for s in found))
        return Resolved(reference, understood=True, ranges=())


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
        return f"{self.reference} (lines {spans})" if spans else self.reference


def _equal(wanted: Key, key: Key) -> bool:
    return wanted == key


def _anchored(wanted: Key, key: Key) -> bool:
    return bool(key) and key[0] == wanted[0] and _loose(wanted, key)


def _loose(wanted: Key, key: Key) -> bool:
    """`wanted` is `key` with some levels left out, ending at the same heading."""
    if not key or key[-1] != wanted[-1]:
        return False
    position = 0
    for part in key:
        if position < len(wanted) and part == wanted[position]:
            position += 1
    return position == len(wanted)


_REFERENCE_PARTS: Sequence[tuple[str, re.Pattern[str]]] = [
    (CHAPTER, re.compile(rf"第([{_NUMERAL}\d]+)[章部]分?")),
    (SECTION, re.compile(rf"第([{_NUMERAL}\d]+)节")),
    (PAREN, re.compile(rf"[（(]([{_NUMERAL}]+)[）)]")),
    (PAREN_NUMBER, re.compile(r"[（(](\d+)[）)]")),
    (ITEM, re.compile(rf"([{_NUMERAL}]+)、?")),
    (NUMBER, re.compile(r"(\d+)[.．、]?")),
]


def parse_reference(reference: str) -> Key | None:
    """`第四章 第二节` → ((章, 4), (节, 2)); `序言` → (); None when it cannot be read."""
    text = "".join(reference.split())
    if text.lower() in PREAMBLE_NAMES:
        return ()
    parts: list[tuple[str, int]] = []
    position = 0
    while position < len(text):
        for kind, pattern in _REFERENCE_PARTS:
            match = pattern.match(text, position)
            if match:
                number = chinese_number(match.group(1))
                if number is None:
                    return None
                parts.append((CHAPTER if kind == CHAPTER else kind, number))
                position = match.end()
                break
        else:
            return None
    return tuple(parts) if parts else None
