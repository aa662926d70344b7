"""The figures a source document prints, and how many of them the plan encodes.

A document figure is a number with a unit planctl knows (`641.8亿元`, `31.0975万人`, `669个`,
`45.5％`, `五个`), or a number with `万`/`亿` whose unit is printed further on
(`1.2万农村贫困人口`), or a table cell under a column header with a unit (`trace.cells`).
Durations and ages are not counted, nor years and dates
(`2018年`, `7月6日`), document numbers (`〔2017〕67号`), list numbering (`1．`) or bookmarks.
Chinese numerals count only from 二 up, and not before words where they are not counts
(`三次产业`, `四级航道`, `三位一体`) nor in slogans (`三个代表`); `一` is left out because
`一批`, `一次` are idioms far more often than counts.

A place where the plan encodes a figure is a document figure whatever the rules above say (a
year the plan types as a figure): see `coverage`. A document figure is encoded when a plan item
was found at that place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache

from planctl.quantity import QuantityError, parse
from planctl.trace.cells import Cell
from planctl.trace.lines import Spans
from planctl.trace.match import Match
from planctl.trace.noise import noise_spans
from planctl.trace.patterns import ARABIC_AFTER, ARABIC_BEFORE, SPACE, Form
from planctl.trace.source import SourceText
from planctl.units import known_units

COUNTED_FAMILIES = {
    "money",
    "people",
    "person-times",
    "households",
    "length",
    "area",
    "volume",
    "weight",
    "power",
    "percent",
}
_CHINESE_NOT_COUNTERS = {"级", "位", "次"}
_UNITS = "|".join(re.escape(u) for u in sorted(known_units(), key=len, reverse=True))
_MULTIPLIERS = "百万|千万|十万|万|亿|千|百|十"
_ARABIC = re.compile(
    rf"{ARABIC_BEFORE}(?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?){ARABIC_AFTER}"
    rf"{SPACE}(?P<qualifier>余|多)?{SPACE}"
    rf"(?P<multiplier>{_MULTIPLIERS})?{SPACE}(?P<tail>余|多)?{SPACE}(?P<unit>{_UNITS})?"
)
_CHINESE = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千万亿第])"
    r"(?P<number>[二两三四五六七八九十][零〇一二两三四五六七八九十百]*|一[十百][零〇一二三四五六七八九十]*)"
    rf"(?![零〇一二两三四五六七八九十百千]){SPACE}(?P<tail>余|多)?(?P<unit>{_UNITS})"
)
_SLOGANS = re.compile(r"三个代表|四个全面|四个意识|四个自信|两个维护|两个确立|两个一百年")
_NOT_A_UNIT_AFTER = re.compile(r"人(?:才|民|均)")


@dataclass(frozen=True, slots=True)
class DocumentFigure:
    """A figure printed in the source: where, and as what."""

    line: int
    start: int
    end: int
    text: str
    family: str | None  # None when the unit is printed apart (`1.2万农村贫困人口`)

    @property
    def column(self) -> int:
        return self.start + 1


@dataclass(frozen=True, slots=True)
class Coverage:
    """The document's figures and which of them the plan encodes."""

    figures: tuple[DocumentFigure, ...]
    encoded: frozenset[DocumentFigure]

    @property
    def missing(self) -> list[DocumentFigure]:
        return [figure for figure in self.figures if figure not in self.encoded]

    @property
    def percent(self) -> Decimal | None:
        if not self.figures:
            return None
        share = Decimal(len(self.encoded) * 100) / Decimal(len(self.figures))
        return share.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def document_figures(
    source: SourceText, cells: Mapping[int, Sequence[Cell]] | None = None
) -> list[DocumentFigure]:
    """Every figure with a unit printed in the source (or in its column header), in order."""
    found: list[DocumentFigure] = []
    for line_cells in (cells or {}).values():
        for cell in line_cells:
            figure = _figure(cell.line, cell.start, cell.end, cell.number + cell.unit)
            if figure is not None and _counted(figure.family):
                text = source.printed[cell.line - 1][cell.start : cell.end]
                found.append(DocumentFigure(cell.line, cell.start, cell.end, text, figure.family))
    for number, line in enumerate(source.lines, start=1):
        blanked = _blank(line)
        for match in _ARABIC.finditer(blanked):
            figure = _arabic(number, match)
            if figure is not None:
                found.append(figure)
        for match in _CHINESE.finditer(blanked):
            if match.group("unit") in _CHINESE_NOT_COUNTERS:
                continue
            figure = _figure(number, match.start(), match.end(), match.group())
            if figure is not None and _counted(figure.family) and figure.family != "money":
                found.append(figure)
    found.sort(key=lambda figure: (figure.line, figure.start))
    return found


def coverage(
    source: SourceText, matches: Iterable[Match], cells: Mapping[int, Sequence[Cell]] | None = None
) -> Coverage:
    """Which document figures a plan item was found at (firm matches only).

    A place where a plan figure was found firmly, and only there, is a document figure too, even
    when it is not one by the rules above (a year, a count printed without its unit, an age):
    the plan says it is.
    """
    figures = document_figures(source, cells)
    found: dict[int, set[tuple[int, int]]] = {}
    placed: dict[tuple[int, int, int], str | None] = {}  # where plan figures were found
    seen: set[int] = set()
    for match in matches:
        # Items that search alike share one tuple of occurrences: read each tuple once.
        if id(match.occurrences) in seen:
            continue
        seen.add(id(match.occurrences))
        # Only where a figure is printed once: the plan encodes one of an ambiguous figure's
        # places, and which one is not known.
        single = len(match.occurrences) == 1 and match.item.kind in ("figure", "share")
        quantity = match.item.quantity if single else None
        for occurrence in match.occurrences:
            if occurrence.form is not Form.NUMBER:
                where = (occurrence.line, occurrence.start, occurrence.end)
                found.setdefault(occurrence.line, set()).add(where[1:])
                if quantity is not None:
                    placed.setdefault(where, quantity.family)
    printed = _by_line(figures)
    for (line, start, end), family in placed.items():
        if line not in printed or not printed[line].overlaps(start, end):
            text = source.printed[line - 1][start:end]
            figures.append(DocumentFigure(line, start, end, text, family))
    figures.sort(key=lambda figure: (figure.line, figure.start))
    spans = {line: Spans.of(list(pairs)) for line, pairs in found.items()}
    encoded = frozenset(
        figure
        for figure in figures
        if figure.line in spans and spans[figure.line].overlaps(figure.start, figure.end)
    )
    return Coverage(tuple(figures), encoded)


def _by_line(figures: Sequence[DocumentFigure]) -> dict[int, Spans]:
    lines: dict[int, list[tuple[int, int]]] = {}
    for figure in figures:
        lines.setdefault(figure.line, []).append((figure.start, figure.end))
    return {line: Spans.of(spans) for line, spans in lines.items()}


def _blank(line: str) -> str:
    """The line with noise (dates, document and list numbers) and slogans as spaces.

    Written into one list of characters, not by slicing the line once per span: a long line
    of dates would otherwise be copied once per date.
    """
    chars = list(line)
    for start, end in noise_spans(line):
        chars[start:end] = " " * (end - start)
    blanked = "".join(chars)
    return _SLOGANS.sub(lambda match: " " * len(match.group()), blanked)


def _arabic(line: int, match: re.Match[str]) -> DocumentFigure | None:
    multiplier, unit = match.group("multiplier"), match.group("unit")
    if unit and _NOT_A_UNIT_AFTER.match(match.string, match.start("unit")):
        unit = None  # `369人才工程`: the unit character starts a word
    if unit:
        figure = _figure(line, match.start(), match.end(), match.group())
        return figure if figure is not None and _counted(figure.family) else None
    if multiplier and multiplier[-1] in "万亿":
        end = match.start("multiplier") + len(multiplier)
        tail = match.group("tail") or ""
        end = match.end("tail") if tail else end
        return DocumentFigure(line, match.start(), end, match.group()[: end - match.start()], None)
    return None


def _figure(line: int, start: int, end: int, text: str) -> DocumentFigure | None:
    family = _family(text)
    return DocumentFigure(line, start, end, text.strip(), family[0]) if family else None


@lru_cache(maxsize=4096)
def _family(text: str) -> tuple[str | None] | None:
    """The family of a printed figure, `None` outside a tuple when it does not parse; parsed
    once per text, since a long document prints the same `3个` thousands of times."""
    printed = "".join(text.split()).replace(",", "")  # `3,260户` is 3260户
    # `8万余人` prints the qualifier after the multiplier; the unit is what matters here.
    for candidate in (printed, printed.replace("余", "").replace("多", "")):
        try:
            quantity = parse(candidate)
        except QuantityError:
            continue
        return (quantity.family,)
    return None


def _counted(family: str | None) -> bool:
    return family is not None and (family in COUNTED_FAMILIES or family.startswith("count:"))
