"""Plain YAML scalars → exact values, by a small strict rule set instead of YAML 1.1's.

PyYAML's own resolution reads `641.8` as a float, `no` as False, `012` as octal and `12:30` as
base 60. planctl reads integers as `int`, decimals as `Decimal`, ISO dates as dates, `null`/`~`
as None and `true`/`false` as booleans; every other YAML 1.1 reading that would surprise a
writer is kept as text and reported (`AmbiguousScalarError`), so the plan author can quote it.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from planctl.i18n import _

MAX_NUMBER_DIGITS = 24  # as for figures (quantity.MAX_DIGITS, docs/plan-format.md)

_INT = re.compile(r"[-+]?(0|[1-9][0-9]*)")
_DECIMAL = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+)")
_LEADING_ZERO = re.compile(r"[-+]?0[0-9]+(\.[0-9]*)?")
_EXPONENT = re.compile(r"[-+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)[eE][-+]?[0-9]+")
_SEXAGESIMAL = re.compile(r"[-+]?[0-9]+(:[0-5]?[0-9])+(\.[0-9]*)?")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_BOOL_11 = frozenset({"yes", "no", "on", "off", "y", "n"})
_NON_FINITE = frozenset({".nan", ".inf", "-.inf", "+.inf"})
# Every number, date and non-finite value starts with one of these and ends with one of those;
# other plain scalars can only be null, a boolean or text. Testing the two characters first
# saves the regular expressions for names and for figures such as `641.8亿元`.
NUMERIC_START = frozenset("+-.0123456789")
_NUMERIC_END = frozenset("0123456789.nNfF")
WORDS_MAX = max(map(len, ("null", "true", "false", *_BOOL_11)))


class AmbiguousScalarError(Exception):
    """A plain scalar YAML tools would read as something else; it is kept as its text."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def plain_value(text: str) -> Any:
    """The value of a plain (unquoted) scalar; raises `AmbiguousScalarError` for YAML 1.1 traps.

    The reader calls this only for scalars that may be something other than text (see
    `NUMERIC_START` and `WORDS_MAX`); it gives the right answer for any plain scalar.
    """
    if not text:
        return None
    if text[0] not in NUMERIC_START:
        return _word(text) if len(text) <= WORDS_MAX else text
    if text[-1] not in _NUMERIC_END:
        return text
    if _INT.fullmatch(text):
        digits = len(text.lstrip("+-"))
        if digits > MAX_NUMBER_DIGITS:  # int() refuses 4,300 digits
            raise AmbiguousScalarError(
                _(
                    "'{text}…' has {digits} digits; plans hold numbers of "
                    "at most {most} digits (docs/plan-format.md)"
                ).format(text=text[:20], digits=f"{digits:,}", most=MAX_NUMBER_DIGITS)
            )
        return int(text)
    if _LEADING_ZERO.fullmatch(text):
        raise AmbiguousScalarError(
            _(
                "'{text}' has a leading zero, which YAML 1.1 reads as an octal number; "
                "remove the zero or quote it"
            ).format(text=text)
        )
    if _DECIMAL.fullmatch(text):
        return Decimal(text)
    if _EXPONENT.fullmatch(text):
        raise AmbiguousScalarError(
            _(
                "'{text}' is in exponent notation, which YAML tools read inconsistently; "
                "write the number in full digits"
            ).format(text=text)
        )
    if _SEXAGESIMAL.fullmatch(text):
        raise AmbiguousScalarError(
            _("'{text}' is read by YAML 1.1 as a base-60 number; quote it").format(text=text)
        )
    if text.lower() in _NON_FINITE:
        raise AmbiguousScalarError(
            _("'{text}' is not a finite number; plans hold exact figures").format(text=text)
        )
    if _DATE.fullmatch(text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise AmbiguousScalarError(
                _("'{text}' is not a valid date").format(text=text)
            ) from None
    return text


def _word(text: str) -> Any:
    """A short plain scalar that is not a number: null, a boolean, a YAML 1.1 word or text."""
    lowered = text.lower()
    if text == "~" or lowered == "null":
        return None
    if lowered in {"true", "false"}:
        return lowered == "true"
    if lowered in _BOOL_11:
        raise AmbiguousScalarError(
            _(
                "'{text}' is read as a yes/no value by YAML 1.1 tools; quote it if it is a "
                "name, or write true/false"
            ).format(text=text)
        )
    return text
