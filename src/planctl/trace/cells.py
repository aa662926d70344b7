"""Units printed in a table's column header, given to the bare numbers of that column.

A table prints its unit once, in the header (`投资规模（亿元）`, `资金(万元)`, `人数（人）`), or
for the whole table (`单位：万元`, also at the end of its title), and its cells print bare
numbers. A plan types such a cell as `1.2亿元`; this module says which cells are under which
unit, so that the figure is found there (form `header_unit`) and the cell counts as a figure of
the document.

A table is a block of lines: it starts after a heading or a table title (or a blank line) and ends
at the next heading, table title or blank line. In a block, a line that reads as several cells
(split at tabs, `|`, or runs of two or more spaces) is a row: its cells are its columns, and the
row holding a unit header is the header row. A block of one cell a line (how tables are most
often flattened) is read as: the header is the run of text cells at the top, up to the first
number cell; the number of columns is the smallest that makes the cells below whole rows with
the same text/number pattern each (so a first column of names is told from the header), or else
the header's length; cell k of the block is in column k mod that number. A cell is a bare number
when it holds nothing else (`1.2`, `３００`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from planctl.trace.headings import TABLE, heading_of
from planctl.units import known_multipliers, known_units

# A one-cell-a-line header longer than this is prose, not a table: it also bounds the search
# for the number of columns, which keeps reading a block linear in its lines.
MAX_HEADER = 40
_HEADER = re.compile(r"[^（(]*[（(]\s*(?:单位\s*[：:]\s*)?(?P<unit>[^）)]+?)\s*[）)]")
_WHOLE = re.compile(r"单位\s*[：:]\s*(?P<unit>[^\s）)，,;；]+)")
_NUMBER = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)")
_SEPARATOR = re.compile(r"\t+|\s*[|｜]\s*|[ \u3000]{2,}")


@dataclass(frozen=True, slots=True)
class Cell:
    """A bare number in a table cell, and the unit its column header prints."""

    line: int  # 1-based
    start: int  # 0-based columns of the number
    end: int
    number: str  # as a plan writes it: `3400` for a cell printing `3,400`
    unit: str


def unit_of(text: str) -> str | None:
    """`亿元`, `人`, `万人`, `%`: a unit planctl knows, perhaps after a multiplier; else None."""
    unit = "".join(text.split())
    if unit in known_units():
        return unit
    for multiplier in sorted(known_multipliers(), key=len, reverse=True):
        if unit.startswith(multiplier) and unit.removeprefix(multiplier) in known_units():
            return unit
    return None


def _header_unit(cell: str) -> str | None:
    match = _HEADER.fullmatch(cell.strip())
    return unit_of(match.group("unit")) if match else None


def _whole_unit(text: str) -> str | None:
    match = _WHOLE.search(text)
    return unit_of(match.group("unit")) if match else None


def header_cells(lines: Sequence[str]) -> dict[int, tuple[Cell, ...]]:
    """For each line (1-based) holding bare numbers under a unit header, those cells."""
    found: dict[int, list[Cell]] = {}
    block: list[int] = []
    whole: str | None = None
    for number, line in enumerate([*lines, ""], start=1):
        heading = heading_of(line) if line.strip() else None
        if not line.strip() or heading is not None:
            for cell in _block(lines, block, whole):
                found.setdefault(cell.line, []).append(cell)
            block = []
            whole = _whole_unit(line) if heading is not None and heading.kind == TABLE else None
            continue
        block.append(number)
    return {line: tuple(cells) for line, cells in found.items()}


def _spans(line: str) -> list[tuple[int, int]]:
    """The [start, end) of each cell of a row (the whole line when it is one cell)."""
    spans, start = [], 0
    for separator in _SEPARATOR.finditer(line):
        if separator.start() > start:
            spans.append((start, separator.start()))
        start = separator.end()
    if start < len(line):
        spans.append((start, len(line)))
    out = []
    for first, last in spans:
        cell = line[first:last]
        if cell.strip():
            start = first + len(cell) - len(cell.lstrip())
            out.append((start, start + len(cell.strip())))
    return out


def _block(lines: Sequence[str], block: list[int], whole: str | None) -> list[Cell]:
    """The unit cells of one block; a `单位：万元` line is the table's unit, not a cell."""
    kept = []
    for number in block:
        unit = _whole_unit(lines[number - 1])
        if unit is None:
            kept.append(number)
        elif whole is None:
            whole = unit
    block = kept
    rows = [(number, _spans(lines[number - 1])) for number in block]
    if any(len(spans) > 1 for _, spans in rows):
        return _rows(lines, rows, whole)
    return _column(lines, block, whole)


def _rows(
    lines: Sequence[str], rows: list[tuple[int, list[tuple[int, int]]]], whole: str | None
) -> list[Cell]:
    """Rows of several cells: the first row with a unit header gives the columns' units."""
    units: list[str | None] | None = None
    out: list[Cell] = []
    for number, spans in rows:
        text = lines[number - 1]
        cells = [text[a:b] for a, b in spans]
        if units is None:
            if any(_header_unit(cell) for cell in cells) or whole is not None:
                units = [_header_unit(cell) or whole for cell in cells]
            continue
        for column, (start, end) in enumerate(spans):
            unit = units[column] if column < len(units) else whole
            if unit is not None and _NUMBER.fullmatch(text[start:end]):
                out.append(Cell(number, start, end, text[start:end].replace(",", ""), unit))
    return out


def _column(lines: Sequence[str], block: list[int], whole: str | None) -> list[Cell]:
    """One cell a line: the header on top, then the cells row after row (module docstring)."""
    cells = [lines[number - 1].strip() for number in block]
    numeric = [bool(_NUMBER.fullmatch(cell)) for cell in cells]
    header = next((index for index, is_number in enumerate(numeric) if is_number), len(cells))
    if header == 0 or header > MAX_HEADER:
        return []  # no number below, or prose: no table has so many columns
    units = [_header_unit(cell) for cell in cells[:header]]
    if whole is None and not any(units):
        return []
    columns = next(
        (width for width in range(1, header + 1) if _repeats(numeric[width:], width)), header
    )
    out: list[Cell] = []
    for index in range(columns, len(cells)):
        unit = units[index % columns] if index % columns < len(units) else None
        unit = unit or whole
        if unit is None or not numeric[index]:
            continue
        number = block[index]
        line = lines[number - 1]
        start = len(line) - len(line.lstrip())
        printed = cells[index]
        out.append(Cell(number, start, start + len(printed), printed.replace(",", ""), unit))
    return out


def _repeats(kinds: list[bool], width: int) -> bool:
    """Whole rows of `width` cells, each with the number cells where the first row has them."""
    return (
        bool(kinds)
        and len(kinds) % width == 0
        and any(kinds[:width])
        and all(kinds[index] == kinds[index % width] for index in range(len(kinds)))
    )
