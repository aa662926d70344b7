"""Search patterns for a printed figure, from the most faithful form to the loosest.

`31.0975万人` is looked for as printed (qualifiers included), then as its number and unit, then as
its number and multiplier with the unit printed further on (`1.2万农村贫困人口`), and last as
the bare number, which only tells that the unit differs. Spaces between number, multiplier and
unit are allowed (`2018 年`). A number never matches inside a longer one: `75` is not found in
`1759`, `0.75` or `75.5`, and a Chinese numeral not inside a longer numeral (`七` in `十七`).

A plan of 60,000 items prints tens of thousands of distinct figures, and compiling a regular
expression for each (with the look-ahead that lists every unit) cost most of a trace. So the
expression is built per *shape*, what surrounds the number (`约…万元以上`, `…个`), with the
number itself as a group that reads any whole number; a `Pattern` keeps the shape and the number
its group must read. A plan uses a few dozen shapes, compiled once each. `Pattern.finditer` finds
exactly what the expression with the number written in would find (`Pattern.regex`, which is
built only to check that).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from planctl.quantity import Quantity
from planctl.trace.source import normalise
from planctl.units import known_multipliers, known_units

SPACE = "[ \t\u00a0\u2002-\u200b\u202f\u205f\u3000]*"
CHINESE_NUMERALS = "零〇一二两三四五六七八九十百千"
# Never inside another number: not after a digit or point, not the `234` of `1,234`, not before
# more digits, a decimal part or the `,234` that groups thousands.
ARABIC_BEFORE = r"(?<![\d.])(?!(?<=\d,)\d{3}(?!\d))"
ARABIC_AFTER = r"(?!\.?\d)(?!,\d{3}(?!\d))"
_CHINESE_BEFORE = rf"(?<![{CHINESE_NUMERALS}第])"
_CHINESE_AFTER = rf"(?![{CHINESE_NUMERALS}])"
_QUALIFIERS_BEFORE = (
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "超过",
    "不足",
    "不到",
    "达到",
    "约",
    "近",
)
_QUALIFIERS_AFTER = ("以上", "以下", "左右")
_NUMBER_TEXT = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)|[" + CHINESE_NUMERALS + "]+")


class Form(StrEnum):
    """How a figure was found; the first three are firm matches, `number` only a hint."""

    EXACT = "exact"  # as printed in the plan, qualifiers included
    CORE = "core"  # number and unit (the qualifiers differ)
    UNIT_APART = "unit_apart"  # number and multiplier, the unit printed further on
    NUMBER = "number"  # the bare number: the unit next to it is not the plan's
    HEADER = "header_unit"  # a bare number in a table cell whose column header prints the unit
    DATE = "date"
    TEXT = "text"


# The number group of a shape: any whole number, which `Pattern.number` must then equal. Each
# reads only a maximal number (the look-arounds of the shape forbid more digits or numerals on
# either side), so where the figure's own number matches, the group reads exactly that number.
# `3,260` is the number 3260 printed with its thousands grouped (plans write 3260).
_ARABIC_GROUP = r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
_CHINESE_GROUP = f"(?P<n>[{CHINESE_NUMERALS}]+)"
_NEVER = re.compile("(?!)")


@dataclass(frozen=True, slots=True, eq=False)
class Pattern:
    """One way a figure may be printed; a `bare` number is never looked for in dates, document
    numbers or paragraph numbering (see `noise`).

    Patterns compare by identity: each distinct printed figure builds its own once
    (`trace.items`), and the searches shared by the items of one figure are keyed by them, so
    a key is hashed at C speed rather than field by field a million times.

    `shape` is shared by every figure printed alike; when `number` is set, a match counts only
    where the shape's number group reads `number`. Without `number`, `shape` is the whole search.
    """

    form: Form
    shape: re.Pattern[str]
    bare: bool = False
    number: str | None = None
    # `header_unit` only: the figure's unit with its multiplier (`亿元`), which a table cell's
    # column header must print; such a pattern is looked for in the cells (`trace.cells`), not
    # in the text, and `number` is then the number as printed, sign included.
    unit: str | None = None
    # When the shape starts at the number: its sign, and the text every match holds right after
    # the sign (the number's first digits, as in `3260` and `3,260` alike). A search then tries
    # the shape only where that text stands, rather than at every number of the line.
    sign: str = ""
    head: str = ""

    def finditer(self, line: str) -> Iterator[tuple[int, int]]:
        """The [start, end) spans of the matches in `line`, left to right, not overlapping: what
        `self.regex.finditer(line)` gives, without compiling an expression per figure."""
        if self.unit is not None:
            return
        if self.head:
            yield from self._anchored(line)
            return
        search, number, position = self.shape.search, self.number, 0
        while True:
            hit = search(line, position)
            if hit is None:
                return
            if number is None or hit.group("n").replace(",", "") == number:
                yield hit.start(), hit.end()
                position = hit.end()
            else:
                position = hit.start() + 1  # another number: the figure may still start later

    def _anchored(self, line: str) -> Iterator[tuple[int, int]]:
        """Every start a match can have is where `sign` and `head` stand: try each in turn."""
        match, find, number, head = self.shape.match, line.find, self.number, self.head
        lead, position = len(self.sign), 0
        while True:
            at = find(head, position + lead)
            if at < 0:
                return
            start = at - lead
            hit = match(line, start) if line.startswith(self.sign, start) else None
            if hit is not None and hit.group("n").replace(",", "") == number:
                yield start, hit.end()
                position = hit.end()
            else:
                position = start + 1

    @property
    def regex(self) -> re.Pattern[str]:
        """The one expression with the number written in (what a match means; for checks)."""
        if self.unit is not None:
            return _NEVER  # what the text alone says: a table cell's unit is in its header
        if self.number is None:
            return self.shape
        if self.number[0] in CHINESE_NUMERALS:
            return re.compile(self.shape.pattern.replace(_CHINESE_GROUP, re.escape(self.number)))
        written = re.escape(self.number)
        whole, point, fraction = self.number.partition(".")
        if len(whole) > 3:  # also with its thousands grouped
            head = len(whole) % 3 or 3
            groups = [whole[:head]] + [whole[i : i + 3] for i in range(head, len(whole), 3)]
            written = f"(?:{written}|{re.escape(','.join(groups) + point + fraction)})"
        return re.compile(self.shape.pattern.replace(_ARABIC_GROUP, written, 1))


@lru_cache(maxsize=1024)
def _spaced(text: str) -> str:
    """`text` as a regular expression that allows spaces between its characters' groups."""
    return SPACE.join(re.escape(char) for char in text)


def _number_shape(number: str) -> str:
    """The number as a shape's group, with its sign and the look-arounds that keep it whole."""
    if number[0] in CHINESE_NUMERALS:
        return _CHINESE_BEFORE + _CHINESE_GROUP + _CHINESE_AFTER
    sign = number[0] if number[0] in "+-" else ""
    return ARABIC_BEFORE + re.escape(sign) + _ARABIC_GROUP + ARABIC_AFTER


def _unsigned(number: str) -> str:
    return number[1:] if number[0] in "+-" else number


@lru_cache(maxsize=4096)
def _compiled(expression: str) -> re.Pattern[str]:
    """Each shape compiled once: a plan prints thousands of figures in a few dozen shapes."""
    return re.compile(expression)


@dataclass(frozen=True, slots=True)
class Parts:
    """A printed figure: qualifier, number, what stands between (`万`, `余`), unit, qualifier.

    `unit` is the unit without its multiplier (`人` for `31.0975万人`); for a figure whose unit
    was declared rather than printed it is the declared unit, and `printed` is False.
    """

    before: str
    number: str
    middle: str
    unit: str
    after: str
    printed: bool

    @property
    def has_multiplier(self) -> bool:
        return any(char in self.middle for char in "十百千万亿")


def split(quantity: Quantity) -> Parts | None:
    """The printed parts of `quantity.text`, or None when its number cannot be located."""
    text = normalise(quantity.text.strip())
    before = next((q for q in _QUALIFIERS_BEFORE if text.startswith(q)), "")
    text = text.removeprefix(before)
    after = next((q for q in _QUALIFIERS_AFTER if text.endswith(q) and len(text) > len(q)), "")
    text = text.removesuffix(after) if after else text
    match = _NUMBER_TEXT.match(text)
    if match is None:
        return None
    number, rest = match.group(), "".join(text[match.end() :].split())
    unit = normalise(quantity.unit.text)
    if quantity.unit_printed:
        base = _base_unit(unit)
        if not rest.endswith(base):
            return None
        return Parts(before, number, rest.removesuffix(base), base, after, printed=True)
    multiplier = rest.replace("余", "").replace("多", "")
    return Parts(before, number, rest, unit.removeprefix(multiplier), after, printed=False)


def _base_unit(unit: str) -> str:
    """`万人` → `人`, `亿元` → `元`, `千米` stays (it is a unit of its own)."""
    if unit in known_units():
        return unit
    for multiplier in sorted(known_multipliers(), key=len, reverse=True):
        if unit.startswith(multiplier) and unit.removeprefix(multiplier) in known_units():
            return unit.removeprefix(multiplier)
    return unit


def figure_patterns(quantity: Quantity, parts: Parts | None = None) -> list[Pattern]:
    """The patterns for one figure, most faithful first (`parts`: its `split`, if known)."""
    parts = parts if parts is not None else split(quantity)
    if parts is None:
        return text_patterns(quantity.text)
    value = _unsigned(parts.number)
    number = _number_shape(parts.number)
    amount = number + SPACE + _spaced(parts.middle) if parts.middle else number
    core = amount + SPACE + _spaced(parts.unit)

    sign = parts.number[: len(parts.number) - len(value)]
    whole = value.partition(".")[0]
    head = whole[: len(whole) % 3 or 3] if whole else value  # `3` of 3260, `12` of 12.5

    def pattern(form: Form, expression: str, bare: bool = False) -> Pattern:
        # A form that starts at its qualifier, not at the number, is searched the long way.
        anchored = expression.startswith(number)
        return Pattern(
            form, _compiled(expression), bare, value, None, sign, head if anchored else ""
        )

    patterns: list[Pattern] = []
    if parts.printed:
        if parts.before or parts.after:
            exact = _spaced(parts.before) + SPACE + core + SPACE + _spaced(parts.after)
            patterns.append(pattern(Form.EXACT, exact))
        patterns.append(pattern(Form.CORE, core))
        if parts.has_multiplier:
            # `31.0975万` followed by anything that is not a unit: the unit comes later.
            patterns.append(pattern(Form.UNIT_APART, amount + _NOT_A_UNIT))
        unit = "".join((parts.middle + parts.unit).split())
        if parts.number[0] not in CHINESE_NUMERALS and not {"余", "多"} & set(unit):
            # `1.2` in the column of `投资规模（亿元）` for `1.2亿元`.
            patterns.append(Pattern(Form.HEADER, _NEVER, False, parts.number, unit))
    else:
        # The unit was declared because the document prints the number without one: that form
        # first, then the number with the declared unit. A bare Chinese numeral is too common a
        # character to lead, so for `三` with unit 级 the printed `三级` comes first.
        written = pattern(Form.EXACT, amount + _NOT_A_UNIT, bare=True)
        together = pattern(Form.CORE, core)
        chinese = parts.number[0] in CHINESE_NUMERALS
        patterns.extend([together, written] if chinese else [written, together])
    patterns.append(pattern(Form.NUMBER, number, bare=True))
    return patterns


def _not_a_unit() -> str:
    units = sorted((u for u in known_units() if u not in {"%", "‰"}), key=len, reverse=True)
    return rf"(?!{SPACE}(?:%|‰|{'|'.join(re.escape(u) for u in units)}))"


_NOT_A_UNIT = _not_a_unit()


def date_patterns(value: dt.date | int) -> list[Pattern]:
    """A date as documents print it: `2017年7月6日`, `2017-07-06`, `2017.7.6`, `2015年底` for
    the last day of 2015; a year alone."""
    if isinstance(value, int):
        # `2018年`, but also the 2018 of `2018-2020年`.
        return [Pattern(Form.DATE, re.compile(ARABIC_BEFORE + str(value) + ARABIC_AFTER))]
    year, month, day = str(value.year), f"0?{value.month}", f"0?{value.day}"
    forms = [
        f"{year}{SPACE}年{SPACE}{month}{SPACE}月{SPACE}{day}{SPACE}日",
        rf"{year}[-./／]{month}[-./／]{day}(?!\d)",
    ]
    if (value.month, value.day) == (12, 31):
        forms.append(f"{year}{SPACE}年{SPACE}(?:底|末)")  # 截至2015年底
    elif (value.month, value.day) == (1, 1):
        forms.append(f"{year}{SPACE}年{SPACE}(?:初)")
    return [Pattern(Form.DATE, re.compile(rf"{ARABIC_BEFORE}(?:{'|'.join(forms)})"))]


def text_patterns(text: str) -> list[Pattern]:
    """Printed text such as a document number, matched with any spacing."""
    return [Pattern(Form.TEXT, re.compile(_spaced("".join(normalise(text).split()))))]
