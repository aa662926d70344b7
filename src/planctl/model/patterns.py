"""Regular expressions that accept the figure text `planctl.quantity.parse` accepts.

An editor validating against the JSON Schema should flag `6圆`, `很多个` and `1,200个` as planctl
does. The patterns are built from the same tables the parser reads (units, multipliers,
qualifiers, numeral characters), so a unit added there is accepted here too; a property test
compares the two on generated text. They use only what ECMA-262 and Python's `re` share
(classes, alternation, lookahead), so editors and Python validators read them alike.

What a pattern cannot say: the 10^24 base-unit ceiling (it depends on the unit's factor) and
digits other than ASCII and full-width ones, which Python happens to read as digits too.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Literal

from planctl import numerals
from planctl.quantity import _AFTER_NUMBER, _PREFIXES, _SUFFIXES, MAX_DIGITS
from planctl.units import MULTIPLIERS, base_units, lookup, takes_multiplier

_SPECIAL = set("\\^$.|?*+()[]{}/-")


def _literal(text: str) -> str:
    """`text` as a pattern; every unit and qualifier is plain characters (`%` reads ％ too)."""
    assert not set(text) & _SPECIAL, text
    return text.replace("%", "[%％]")


def _one_of(texts: Iterable[str]) -> str:
    """An alternation of literal texts, longest first; `(?!)` when there are none."""
    unique = sorted(set(texts), key=lambda text: (-len(text), text))
    if not unique:
        return "(?!)"
    return "(?:" + "|".join(_literal(text) for text in unique) + ")"


# --- numbers ---------------------------------------------------------------------------------

_DIGIT = "[0-9０-９]"
_DOT = "[.．]"
_ARABIC = f"(?:{_DIGIT}+(?:{_DOT}{_DIGIT}+)?|{_DOT}{_DIGIT}+)"
_ZERO = f"(?:[0０]+(?:{_DOT}[0０]+)?|{_DOT}[0０]+)"
# More than MAX_DIGITS significant digits: the first non-zero digit and MAX_DIGITS more.
_TOO_LONG = f"(?![0０]*{_DOT}?[0０]*[1-9１-９](?:{_DOT}?{_DIGIT}){{{MAX_DIGITS}}})"

_D = "[" + "".join(ch for ch, value in numerals.DIGITS.items() if value and ch != "两") + "]"
_D2 = _D[:-1] + "两]"  # 两 stands for 二 before 百, 千, 万 and 亿
_Z = "[" + "".join(ch for ch, value in numerals.DIGITS.items() if value == 0) + "]"
_NUMERAL_CHARACTERS = "[" + "".join(sorted(numerals.NUMERAL_CHARACTERS)) + "]"


def _sections(last: str) -> tuple[str, str]:
    """Standard spellings of one section (1..9999) whose last digit is of class `last`:
    (those of 1000 and more, those under 1000)."""
    tens = f"(?:{_D}十{last}?|{_Z}{last})"
    hundreds = f"{_D2}百{tens}?"
    thousands = f"{_D2}千(?:{hundreds}|{_Z}{_D}十{last}?|{_Z}{last})?"
    return thousands, f"(?:{hundreds}|{_D}十{last}?|{last})"


def _short_sections() -> tuple[str, str]:
    """A last section with its final scale dropped (`一百一`, `三千五`, `一千一百一`)."""
    return f"{_D2}千(?:{_D2}百{_D}|{_D})", f"{_D2}百{_D}"


def _numeral(first_ten: str, short: bool) -> tuple[str, str, str]:
    """Numerals as `numerals.read` accepts them: (with no 万/亿, with 万 or 亿 not last alone,
    with 万 or 亿 last alone).

    `first_ten` spells a leading 10..19; `short`: the spelling ends in a dropped scale."""
    big, small = _sections(_D)
    big2, small2 = _sections(_D2)
    first = f"(?:{big}|{_D2}百(?:{_D}十{_D}?|{_Z}{_D})?|{first_ten}十{_D}?|{_D})"
    first2 = f"(?:{big2}|{_D2}百(?:{_D}十{_D2}?|{_Z}{_D2})?|{first_ten}十{_D2}?|{_D2})"
    if short:
        short_big, short_small = _short_sections()
        last_any = f"(?:{short_big}|{short_small})"
        after_wan = f"(?:{_D}|{short_big}|{_Z}{short_small})"
        after_yi = f"(?:{_D}|(?:{big2}|{_Z}{small2})万{after_wan}|{_Z}{last_any})"
        return last_any, f"{first2}(?:万{after_wan}|亿{after_yi})", "(?!)"
    after_wan = f"(?:{big}|{_Z}{small})"
    after_yi = f"(?:(?:{big2}|{_Z}{small2})万{after_wan}?|{_Z}(?:{big}|{small}))"
    return (
        f"(?:{first}|{_Z}|两)",
        f"{first2}(?:万{after_wan}|亿{after_yi})",
        f"{first2}[万亿]",
    )


def numeral_pattern() -> str:
    """A whole Chinese numeral as `numerals.read` accepts it."""
    plain, sections = _numeral_parts()
    return f"^(?:{plain}|{sections}|{_numeral(f'{_D}?', short=False)[2]})$"


# --- units -----------------------------------------------------------------------------------


def _units(families: frozenset[str] | None) -> tuple[list[str], list[str]]:
    """The base units of `families` (None: all): (those that take a multiplier, the others)."""
    chosen = [
        (text, family)
        for text, family in base_units().items()
        if families is None
        or family in families
        or ("count" in families and family.startswith("count:"))
    ]
    return (
        [text for text, family in chosen if takes_multiplier(family)],
        [text for text, family in chosen if not takes_multiplier(family)],
    )


def unit_pattern(families: frozenset[str] | None, multiplied: bool = True) -> str:
    """A whole `unit:` value of `families`; `multiplied=False`: only the plain units that may
    follow a multiplier (`人`, not `万人` or `%`)."""
    scaled, plain = _units(families)
    if not multiplied:
        return f"^{_one_of(scaled)}$"
    return f"^(?:{_one_of(MULTIPLIERS)}?{_one_of(scaled)}|{_one_of(plain)})$"


Bare = Literal["none", "plain", "multiplied"]


def bare_kind(default: str | None) -> Bare:
    """What a figure may print in place of its unit when `default` is the unit it falls back on:
    nothing at all (no default), the number alone (`%`), or also a multiplier (`8万` in 人)."""
    if default is None:
        return "none"
    unit = lookup(default)
    if unit is not None and default in base_units() and takes_multiplier(unit.family):
        return "multiplied"
    return "plain"


@cache
def figure_pattern(families: frozenset[str] | None, bare: Bare, negative: bool = False) -> str:
    """Figure text of `families` as `parse` and the family check accept it.

    `bare` (see `bare_kind`) says what may stand in place of the unit; `negative`: whether the
    field admits negative figures (only fields of any family do)."""
    multiplied, plain = _units(families)
    multipliers = list(MULTIPLIERS)
    bare_texts = {"none": [], "plain": [""], "multiplied": ["", *multipliers]}[bare]
    qualifier = _one_of(_AFTER_NUMBER)
    scaled = _one_of(multiplied)  # a unit that may follow a multiplier
    then = f"(?:{scaled})?" if bare == "multiplied" else scaled
    whole = f"(?:{_one_of(multipliers)}{then}|{_one_of([*multiplied, *plain, *bare_texts])})"
    # 余/多 after the multiplier the parser reads first: `万余人`, `十余万人`, `千余米`.
    splits = {
        (m, text[len(m) :]) for text in multipliers for m in multipliers if text.startswith(m)
    }
    after_multiplier = (
        "(?:"
        + "|".join(f"{_literal(m)}{qualifier}{_literal(rest)}" for m, rest in sorted(splits))
        + ")"
    )
    # ... and inside a unit that starts with a multiplier's characters (`千余米`).
    within_unit = {
        f"{_literal(m + unit[:cut])}{qualifier}{_literal(unit[cut:])}"
        for unit in [*multiplied, *plain]
        for m in ["", *(multipliers if unit in multiplied else [])]
        for cut in range(1, len(unit))
        if m + unit[:cut] in MULTIPLIERS
    }
    split = "|".join([f"{after_multiplier}{then}", *sorted(set(within_unit))])
    any_unit = (
        "(?:" + _one_of(multipliers) + _one_of(_units(None)[0]) + "|" + _one_of(base_units()) + ")"
    )
    suffix = _one_of(_SUFFIXES)
    sign = "[-+－＋]?" if negative else f"(?:[+＋]?|[-－](?={_ZERO}(?![0-9０-９]|{_DOT})))"
    arabic = f"{sign}{_TOO_LONG}{_ARABIC}"
    # A numeral reads its whole run of numeral characters, less a final 万/亿 when that is the
    # run's only one; text that is a unit as a whole (`十人`, `十万元`) is not a numeral.
    lone, sections = _numeral_parts()
    chinese = (
        f"(?!{any_unit}{suffix}?\\s*$)"
        f"(?:{lone}(?=[万亿]?(?!{_NUMERAL_CHARACTERS}))|{sections}(?!{_NUMERAL_CHARACTERS}))"
    )
    rest = f"(?:{qualifier}\\s*{whole}|\\s*(?:{whole}|{split}))"
    prefix = _one_of(_PREFIXES)
    return f"^\\s*{prefix}?(?:{arabic}|{chinese}){rest}\\s*{suffix}?\\s*$"


@cache
def _numeral_parts() -> tuple[str, str]:
    """Numerals (with no 万 or 亿, with one not last alone), in full and with a dropped scale."""
    plain, sections, _ = _numeral(f"{_D}?", short=False)
    short_plain, short_sections, _ = _numeral("[二三四五六七八九]?", short=True)
    return f"(?:{plain}|{short_plain})", f"(?:{sections}|{short_sections})"
