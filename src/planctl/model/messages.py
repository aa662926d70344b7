"""The model's complaints in planctl's own words.

The model is checked by a validation library whose messages speak of its own types ("Input should
be a valid integer, unable to parse string as an integer"). A person typing a plan needs to hear
what the field wants and what was written instead, so every kind of error a plan can cause is
said here again; a kind not listed gets a plain "not accepted here" rather than the library's text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from planctl.i18n import N_, _

# A year typed as printed, `2018年` or `2018 年`: suggest the bare number.
_YEAR_AS_PRINTED = re.compile(r"\s*(\d{4})\s*年\s*")
_QUOTED = re.compile(r"'([^']*)'")
_INTEGER = {"int_type", "int_parsing", "int_from_float", "int_parsing_size"}
_TEXT = {"string_type", "string_unicode", "string_sub_type"}
_BOOL = {"bool_type", "bool_parsing"}
_LIST = {"list_type", "tuple_type", "set_type", "frozen_set_type", "iterable_type"}
_MAPPING = {"dict_type", "model_type", "model_attributes_type", "mapping_type"}
_CHOICE = {"enum", "literal_error"}
_BOUNDS = {
    "greater_than_equal": N_("must be at least {limit}, not {value}"),
    "greater_than": N_("must be more than {limit}, not {value}"),
}
_BOUNDS_ABOVE = {
    "less_than_equal": N_("must be at most {limit}, not {value}"),
    "less_than": N_("must be less than {limit}, not {value}"),
}


def translate(kind: str, value: Any, context: Mapping[str, Any]) -> str:
    """What is wrong, said for a person typing the plan (`value` is what they wrote)."""
    if kind in {"value_error", "assertion_error"}:
        return str(context.get("error", _("this value is not accepted here")))
    if kind in _INTEGER:
        return _integer(kind, value)
    if kind in _TEXT:
        return _("expected text here, not {value}").format(value=describe(value))
    if kind in _BOOL:
        return _("expected true or false here, not {value}").format(value=describe(value))
    if kind in _LIST:
        return _("expected a list here ([a, b] or lines starting with '- '), not {value}").format(
            value=describe(value)
        )
    if kind in _MAPPING:
        return _(
            "expected a mapping here ({{key: value}} or key: value lines), not {value}"
        ).format(value=describe(value))
    if kind.startswith("date") or kind.startswith("datetime"):
        return _("expected a date written YYYY-MM-DD (such as 2016-05-01), not {value}").format(
            value=describe(value)
        )
    if kind in _CHOICE:
        return choice(value, _QUOTED.findall(str(context.get("expected", ""))))
    if kind in _BOUNDS or kind in _BOUNDS_ABOVE:
        return _bound(kind, value, context)
    if kind == "string_too_short":
        return _("must not be empty")
    if kind == "too_short":
        return _("needs at least {least} entries, not {value}").format(
            least=context.get("min_length"), value=describe(value)
        )
    if kind == "too_long":
        return _("takes at most {most} entries, not {value}").format(
            most=context.get("max_length"), value=describe(value)
        )
    return _("{value} is not accepted here").format(value=describe(value))


def rank(kind: str, value: Any) -> int:
    """Which of a union's complaints about one value to show: planctl's own, then a year's."""
    if kind in {"value_error", "assertion_error"}:
        return 0
    if kind in _INTEGER and isinstance(value, str) and _YEAR_AS_PRINTED.fullmatch(value):
        return 1
    return 2


def choice(value: Any, known: list[str]) -> str:
    """`value` is none of `known`: list them, and name the closest when there is one."""
    import difflib  # only for suggestions: most runs never need it

    message = _("{value} is not one of {known}").format(
        value=describe(value), known=", ".join(known)
    )
    if isinstance(value, str):
        folded = {name.casefold(): name for name in known}
        close = folded.get(value.strip().casefold()) or next(
            iter(difflib.get_close_matches(value, known, n=1, cutoff=0.6)), None
        )
        if close is not None:
            message = did_you_mean(message, close)
    return message


def did_you_mean(message: str, meant: str) -> str:
    """`message; did you mean 'meant'?`: the one way a typo's nearest name is offered."""
    return _("{message}; did you mean '{meant}'?").format(message=message, meant=meant)


def describe(value: Any) -> str:
    """What the person wrote, as they would recognise it."""
    if value is None:
        return _("an empty value")
    if isinstance(value, bool):
        return _("the yes/no value {value}").format(value=str(value).lower())
    if isinstance(value, list):
        return _("the list {value}").format(value=_short(value))
    if isinstance(value, dict):
        return _("the mapping {value}").format(value=_short(value))
    if isinstance(value, (int, float)):
        return _("the number {value}").format(value=value)
    return f"'{_cut(str(value))}'"


def _integer(kind: str, value: Any) -> str:
    if isinstance(value, str) and (year := _YEAR_AS_PRINTED.fullmatch(value)):
        return _("'{value}': write the year as a bare number, {year}").format(
            value=value, year=year.group(1)
        )
    if kind == "int_parsing_size":
        return _("{value} is far too large for a whole number here").format(value=describe(value))
    return _("expected a whole number here, not {value}").format(value=describe(value))


def _bound(kind: str, value: Any, context: Mapping[str, Any]) -> str:
    limit = next(iter(context.values()), "?")
    if context.get("ge") == 1949 or context.get("le") == 2100:
        return _("{value} is not a year planctl accepts: years run from 1949 to 2100").format(
            value=describe(value)
        )
    text = _BOUNDS.get(kind) or _BOUNDS_ABOVE[kind]
    return _(text).format(limit=limit, value=describe(value))


def _short(value: Any) -> str:
    return _cut(repr(value))


def _cut(text: str) -> str:
    return text if len(text) <= 60 else text[:57] + "…"
