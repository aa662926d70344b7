"""Shared pieces of the calculator commands' screens: the console, and how derived numbers read.

Stated figures are always shown as printed. Derived figures are exact decimals; those that end
(sums, conversions between 元 and 亿元) are shown in full, and quotients that do not (unit costs,
shares) are rounded for reading: shares to two decimals of a percent, other quotients to six
significant digits with at least two decimals. Tables go to a wide console when the output is
not a terminal, so a figure is never folded across two lines in a file or a pipe.
"""

from __future__ import annotations

import os
import sys
from decimal import ROUND_HALF_EVEN, Decimal
from typing import TextIO

from rich.console import Console

from planctl.quantity import format_decimal
from planctl.render.console import make_console
from planctl.units import Unit

PIPE_WIDTH = 200
SIGNIFICANT = 6


def console(out: TextIO | None = None) -> Console:
    """A console on `out` (stdout): colour on a terminal, a wide plain page otherwise."""
    stream = out or sys.stdout
    terminal = stream.isatty()
    width = None if terminal else int(os.environ.get("COLUMNS", "0") or 0) or PIPE_WIDTH
    return make_console(stream, terminal, width)


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
