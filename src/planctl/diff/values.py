"""Values of a plan as the diff compares and prints them: as written, figures with their unit.

`1.0` and `1` are different values here because they print different precisions, and a change
of a figure is measured in the old figure's unit (`+0.043亿元`), so the delta reads like the plan.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from planctl.quantity import QuantityError, format_decimal, format_in, parse

NAME_KEYS = ("name", "what")


def same(old: Any, new: Any) -> bool:
    """Equal as written: `1.0` and `1` differ (they print different precisions)."""
    if type(old) is not type(new):
        return False
    if isinstance(old, (dict, list)):
        return bool(old == new) and text(old) == text(new)
    return text(old) == text(new)


def text(value: Any) -> str:
    """A value as a short line: figures as printed, a named item by its name."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        for key in (*NAME_KEYS, "value"):
            if isinstance(value.get(key), (str, int, Decimal)):
                return str(value[key])
        return _short("{" + ", ".join(f"{k}: {text(v)}" for k, v in value.items()) + "}")
    if isinstance(value, list):
        return _short("[" + ", ".join(text(item) for item in value) + "]")
    return str(value)


def _short(line: str, limit: int = 120) -> str:
    """A whole section added or removed is named, not printed in full."""
    return line if len(line) <= limit else line[: limit - 1] + "…"


def delta(old: Any, new: Any, unit: str | None) -> str | None:
    """new − old in the old figure's unit, when both are figures of one family."""
    if isinstance(old, (int, Decimal)) and isinstance(new, (int, Decimal)):
        if isinstance(old, bool) or isinstance(new, bool):
            return None
        return _signed(format_decimal(Decimal(new) - Decimal(old)))
    if not isinstance(old, str) or not isinstance(new, str):
        return None
    try:
        before, after = parse(old, unit), parse(new, unit)
    except QuantityError:
        return None
    if before.family != after.family:
        return None
    return _signed(format_in(after.base - before.base, before.unit))


def _signed(value: str) -> str:
    return value if value.startswith("-") else f"+{value}"
