"""Shared pieces of the calculator commands' screens: how derived numbers read, and layout.

Stated figures are always shown as printed. Derived figures are exact decimals; those that end
(sums, conversions between 元 and 亿元) are shown in full, and quotients that do not (unit costs,
shares) are rounded for reading: shares to two decimals of a percent, other quotients to six
significant digits with at least two decimals.

The tables of these commands read at any width from 80 columns: a figure is never folded or cut
(its column does not wrap), a name may wrap but never vanishes (its column has a minimum width),
and a table whose figure columns cannot fit the width is drawn as a stacked layout instead of
being squeezed. `table_width` says how wide a table's narrowest honest drawing is; `flow` lays
`label value` pieces into lines of the width without breaking any piece.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from rich.cells import cell_len

from planctl.quantity import format_decimal
from planctl.units import Unit

SIGNIFICANT = 6


def rounded(value: Decimal, significant: int = SIGNIFICANT, min_places: int = 2) -> str:
    """A quotient for reading: `significant` digits, at least `min_places` decimals kept."""
    integer_digits = len(str(abs(int(value)))) if abs(value) >= 1 else 0
    places = max(min_places, significant - integer_digits)
    quantized = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return format_decimal(quantized)


def share(value: Decimal | None) -> str:
    """A percentage to two decimals (`54.04%`); empty when unknown."""
    if value is None:
        return ""
    return f"{value.quantize(Decimal('0.01'), rounding=ROUND_HALF_EVEN):f}%"


def exact_in(value: Decimal, unit: Unit) -> str:
    """A base-unit value written exactly in `unit` (`64180000000` 元 → `641.8亿元`)."""
    return f"{format_decimal(value / unit.factor)}{unit.text}"


def readable_in(value: Decimal, unit: Unit, places: int = 6) -> str:
    """`value` (base units) in `unit`: exact when it ends within `places` decimals, else `≈`."""
    shown = value / unit.factor
    exponent = shown.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -places:
        return f"{format_decimal(shown)}{unit.text}"
    return f"≈{rounded(shown)}{unit.text}"


def signed(text: str) -> str:
    """`+` before a non-negative figure, so a gap's direction is visible."""
    return text if text.startswith("-") else f"+{text}"


def per_unit(value: Decimal, money: Unit, per: str) -> str:
    """A unit cost: `835.284元/人`."""
    return f"{rounded(value / money.factor)}{money.text}/{per}"


NAME_MIN = 16  # the narrowest a name column gets: eight Chinese characters a line


def cells(text: str) -> int:
    """How many terminal columns `text` takes (its widest line; a Chinese character is two)."""
    return max((cell_len(line) for line in text.split("\n")), default=0)


def column_width(header: str, values: list[str]) -> int:
    """The width a column that never wraps needs for its header and values."""
    return max([cells(header), *(cells(value) for value in values)])


def name_min(names: list[str]) -> int:
    """The minimum width of a name column: `NAME_MIN`, or less when every name is shorter."""
    return min(NAME_MIN, max((cells(name) for name in names), default=1)) or 1


def table_width(widths: list[int]) -> int:
    """The width of a rich table (default box, one space of padding) with columns `widths`."""
    return sum(widths) + 3 * len(widths) + 1


def flow(pieces: list[str], width: int, indent: int = 0, gap: int = 3) -> list[str]:
    """`pieces` laid into lines of at most `width` columns, `indent` spaces in, none broken.

    A piece wider than a line on its own gets a line to itself (the console folds it).
    """
    lines: list[str] = []
    current = ""
    for piece in pieces:
        if current and indent + cells(current) + gap + cells(piece) > width:
            lines.append(" " * indent + current)
            current = ""
        current = f"{current}{' ' * gap}{piece}" if current else piece
    if current:
        lines.append(" " * indent + current)
    return lines


def key_line(key: str, pieces: list[str]) -> str:
    """A plain-text line: `key: label value; label value` (for the `text` format)."""
    return f"{key}: {'; '.join(pieces)}" if pieces else f"{key}:"
