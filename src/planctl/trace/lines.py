"""Indexes over a source document's lines, built once, so that tracing stays linear.

Looking for every plan item in every line costs items × lines: a 60,000-item plan against a
long document takes minutes. Every figure pattern starts with its number, which a match never
takes from inside a longer number (`75` is not found in `1759` nor in `七十五` for `七`): so a
line can only hold the figure when the number is one of the line's whole numbers, a maximal run
of digits (the first run of a decimal: `31` of `31.0975`) or of Chinese numerals. `LineIndex`
maps each such run to the lines that print it, and the search reads only those lines. Printed
text without a number (a document number) is looked for in the lines holding its first
character.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from planctl.trace.patterns import CHINESE_NUMERALS

_DIGIT_RUN = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")  # `3,260`: indexed as 3260 too
_NUMERAL_RUN = re.compile(f"[{CHINESE_NUMERALS}]+")

Key = tuple[str, str]  # ("number", "31") or ("char", "洛")


def number_key(number: str) -> Key | None:
    """The whole number a match of `number` (`31.0975`, `-5`, `三十`) always contains."""
    if number and number[0] in CHINESE_NUMERALS:
        run = _NUMERAL_RUN.match(number)
        return ("number", run.group()) if run and run.group() == number else None
    digits = _DIGIT_RUN.search(number)
    return ("number", digits.group()) if digits else None


def text_key(text: str) -> Key | None:
    """The first character of printed text, which every match of it contains."""
    stripped = "".join(text.split())
    return ("char", stripped[0]) if stripped else None


@dataclass(slots=True)
class LineIndex:
    """For each whole number (and, when asked, each character): the lines that print it."""

    lines: Sequence[str]
    _numbers: dict[str, list[int]] | None = field(default=None, repr=False)
    _chars: dict[str, list[int]] | None = field(default=None, repr=False)

    def candidates(self, key: Key | None) -> Sequence[int]:
        """1-based numbers, ascending, of the lines that may hold a match; all with no key."""
        if key is None:
            return range(1, len(self.lines) + 1)
        kind, token = key
        table = self._number_table() if kind == "number" else self._char_table()
        return table.get(token, ())

    def _number_table(self) -> dict[str, list[int]]:
        if self._numbers is None:
            self._numbers = {}
            for number, line in enumerate(self.lines, start=1):
                runs = {*_DIGIT_RUN.findall(line), *_NUMERAL_RUN.findall(line)}
                if "," in line:
                    runs.update(run.replace(",", "") for run in _GROUPED.findall(line))
                for run in runs:
                    self._numbers.setdefault(run, []).append(number)
        return self._numbers

    def _char_table(self) -> dict[str, list[int]]:
        if self._chars is None:
            self._chars = {}
            for number, line in enumerate(self.lines, start=1):
                for char in set(line):
                    self._chars.setdefault(char, []).append(number)
        return self._chars


@dataclass(frozen=True, slots=True)
class Ranges:
    """Line ranges (inclusive) merged and sorted, for membership and selection by bisection."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, ranges: Sequence[tuple[int, int]]) -> Ranges:
        merged: list[list[int]] = []
        for first, last in sorted(ranges):
            if merged and first <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], last)
            else:
                merged.append([first, last])
        return cls(tuple(m[0] for m in merged), tuple(m[1] for m in merged))

    def contains(self, line: int) -> bool:
        at = bisect_right(self.starts, line) - 1
        return at >= 0 and line <= self.ends[at]

    def select(self, lines: Sequence[int]) -> list[int]:
        """The members of the ascending `lines` inside the ranges, in order."""
        out: list[int] = []
        for first, last in zip(self.starts, self.ends, strict=True):
            out.extend(lines[bisect_left(lines, first) : bisect_right(lines, last)])
        return out


@dataclass(frozen=True, slots=True)
class Spans:
    """Column spans of one line (possibly overlapping): does any overlap [start, end)?"""

    starts: tuple[int, ...]
    most_end: tuple[int, ...]  # the largest end among the spans up to each one

    @classmethod
    def of(cls, spans: Sequence[tuple[int, int]]) -> Spans:
        ordered = sorted(spans)
        ends = tuple(accumulate((end for _, end in ordered), max))
        return cls(tuple(start for start, _ in ordered), ends)

    def overlaps(self, start: int, end: int) -> bool:
        before = bisect_left(self.starts, end)  # spans starting before `end`
        return before > 0 and self.most_end[before - 1] > start
