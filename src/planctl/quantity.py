"""Figures as printed: `641.8亿元`, `31.0975万人`, `95%以上`, `七个`.

A `Quantity` keeps the text exactly as written (for display and for tracing it back to the
document), its exact decimal value in the printed unit and in the family's base unit, and its
precision: a figure printed with one decimal is only known to half a unit of that decimal, and the
checks use that to tell rounding from real mistakes. Nothing here ever touches a float.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from planctl.units import MULTIPLIERS, Unit, family_label, known_multipliers, known_units, lookup


class QuantityError(ValueError):
    """A figure's text cannot be read; the message says why and how to write it."""


class Bound(StrEnum):
    """What the document's qualifier says about the printed number."""

    AT_LEAST = "at_least"  # 不少于, 不低于, 达到, 以上
    MORE_THAN = "more_than"  # 超过, 余, 多
    AT_MOST = "at_most"  # 不超过, 以下
    LESS_THAN = "less_than"  # 不足, 不到
    ABOUT = "about"  # 约, 近, 左右


_PREFIXES = {
    "不少于": Bound.AT_LEAST,
    "至少": Bound.AT_LEAST,
    "不低于": Bound.AT_LEAST,
    "不超过": Bound.AT_MOST,
    "不高于": Bound.AT_MOST,
    "超过": Bound.MORE_THAN,
    "不足": Bound.LESS_THAN,
    "不到": Bound.LESS_THAN,
    "达到": Bound.AT_LEAST,
    "约": Bound.ABOUT,
    "近": Bound.ABOUT,
}
_SUFFIXES = {
    "以上": Bound.AT_LEAST,
    "以下": Bound.AT_MOST,
    "左右": Bound.ABOUT,
    "多": Bound.MORE_THAN,
}
_AFTER_NUMBER = {"余": Bound.MORE_THAN, "多": Bound.MORE_THAN}

_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)")
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_SCALES = {"十": 10, "百": 100, "千": 1000}
_MAX_DIGITS = 20  # docs/plan-format.md: sums and comparisons stay exact within these two
_MAX_BASE = Decimal(10) ** 20  # in base units (元, 人): 1万亿亿元


@dataclass(frozen=True, slots=True)
class Quantity:
    """An exact figure with its unit, as printed.

    `number` is the printed number in the printed unit (`641.8` for `641.8亿元`); `base` the same
    value in the family's base unit (`64180000000` 元). `unit_printed` is False when the unit was
    not printed but declared by the field or the plan.
    """

    text: str
    number: Decimal
    unit: Unit
    bound: Bound | None = None
    unit_printed: bool = True
    # Derived once: the checks read them for every figure of every sum.
    base: Decimal = field(init=False, repr=False, compare=False)
    ulp: Decimal = field(init=False, repr=False, compare=False)
    ulp_base: Decimal = field(init=False, repr=False, compare=False)
    tolerance: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # `base`: the exact value in the family's base unit. `ulp`: one unit of the last
        # printed digit (0.1 for `641.8亿元`), `ulp_base` the same in the base unit.
        # `tolerance`: half of that, what printing may have lost; counts of indivisible things
        # (people, households, items) printed to the single unit are exact: 48805人 is not
        # 48805±0.5人.
        exponent = self.number.as_tuple().exponent
        assert isinstance(exponent, int)  # finite by construction
        ulp = Decimal(1).scaleb(min(exponent, 0))
        ulp_base = ulp * self.unit.factor
        exact = self.unit.discrete and ulp_base <= 1
        object.__setattr__(self, "base", self.number * self.unit.factor)
        object.__setattr__(self, "ulp", ulp)
        object.__setattr__(self, "ulp_base", ulp_base)
        object.__setattr__(self, "tolerance", Decimal(0) if exact else ulp_base / 2)

    @property
    def family(self) -> str:
        return self.unit.family

    def in_unit(self, unit: Unit) -> Decimal:
        """The exact value expressed in another unit of the same family."""
        if unit.family != self.unit.family:
            raise QuantityError(
                f"cannot express {self.text} ({family_label(self.family)}) in {unit.text}"
            )
        return normalize(self.base / unit.factor)

    def __str__(self) -> str:
        return self.text


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (`1.50` → `1.5`, `100` stays)."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


def format_decimal(value: Decimal) -> str:
    """A decimal as plain digits, never `1E+2`."""
    return f"{normalize(value):f}"


def format_in(value: Decimal, unit: Unit) -> str:
    """A base-unit value written in `unit`: 64180000000 (元) in 亿元 → `641.8亿元`."""
    return f"{format_decimal(value / unit.factor)}{unit.text}"


def parse_number(text: str) -> Decimal:
    """A plain decimal number (`31.0975`); refuses exponents, separators and non-numbers."""
    cleaned = _fold_digits(text.strip())
    if "," in cleaned or "，" in cleaned:
        raise QuantityError(
            f"'{text}': thousands separators are not accepted; write {_without_commas(cleaned)}"
        )
    if not _NUMBER.fullmatch(cleaned):
        raise QuantityError(f"'{text}' is not a number")
    return _decimal(cleaned, text)


def parse(text: str, default_unit: str | None = None) -> Quantity:
    """Read a printed figure: number, qualifiers and unit (`31.0975万人`, `95%以上`, `80余家`).

    `default_unit` applies when the text prints no unit (`0.63` in a share, `8万余` with a declared
    unit of 人); the multiplier printed with the number (`万`) still counts.
    """
    original = text
    text = _fold_digits(text.strip()).replace("％", "%")
    if not text:
        raise QuantityError("empty figure: write a number with its unit, such as 48805人")
    bound: Bound | None = None
    for prefix, prefix_bound in _PREFIXES.items():
        if text.startswith(prefix):
            bound, text = prefix_bound, text.removeprefix(prefix)
            break
    for suffix, suffix_bound in _SUFFIXES.items():
        if text.endswith(suffix) and len(text) > len(suffix):
            bound, text = bound or suffix_bound, text.removesuffix(suffix)
            break
    number, rest = _split_number(text, original)
    for word, word_bound in _AFTER_NUMBER.items():
        if rest.startswith(word):
            bound, rest = bound or word_bound, rest.removeprefix(word)
    rest = rest.strip()
    # `8万余` prints a multiplier, a qualifier and no unit: the qualifier may follow the multiplier.
    for word, word_bound in _AFTER_NUMBER.items():
        multiplier, _, tail = rest.partition(word)
        if tail == "" and multiplier in MULTIPLIERS and rest.endswith(word):
            bound, rest = bound or word_bound, multiplier
    unit_printed = True
    if not rest or rest in MULTIPLIERS:
        if default_unit is None:
            raise QuantityError(
                f"'{original}' has no unit; write it with its unit as printed, such as "
                f"{format_decimal(number)}万元 or {format_decimal(number)}人"
            )
        rest, unit_printed = rest + default_unit, False
    unit = lookup(rest)
    if unit is None:
        raise QuantityError(_unknown_unit_message(original, rest))
    if abs(number) * unit.factor >= _MAX_BASE:
        raise QuantityError(f"'{original[:40]}' is too large: planctl reads figures below 10^20")
    return Quantity(original, number, unit, bound, unit_printed)


def _split_number(text: str, original: str) -> tuple[Decimal, str]:
    """Split `31.0975万人` into (31.0975, `万人`); also reads small Chinese numerals (`十六个`)."""
    if re.match(r"[-+]?\d[\d,，]*\d[,，]\d{3}|[-+]?\d{1,3}[,，]\d{3}", text):
        raise QuantityError(
            f"'{original}': thousands separators are not accepted; write {_without_commas(text)}"
        )
    if re.match(r"[-+]?(\d+(\.\d+)?|\.\d+)[eE][-+]?\d", text):
        raise QuantityError(
            f"'{original}': exponent notation is not accepted; write the number in full digits"
        )
    match = _NUMBER.match(text)
    if match:
        return _decimal(match.group(), original), text[match.end() :]
    length = 0
    while length < len(text) and (text[length] in _CHINESE_DIGITS or text[length] in "十百千"):
        length += 1
    # `千瓦` is a unit with no number, not the numeral 千 followed by 瓦.
    if length and lookup(text) is None:
        return Decimal(_chinese_integer(text[:length], original)), text[length:]
    if text.lower() in {"nan", ".nan", "inf", ".inf", "-inf", "-.inf", "infinity"}:
        raise QuantityError(f"'{original}' is not a finite number")
    raise QuantityError(
        f"'{original}' does not start with a number; write it as printed, such as 641.8亿元"
    )


def _chinese_integer(text: str, original: str) -> int:
    """Small Chinese numerals as documents print counts: 七, 十六, 二十三, 一百零八."""
    total, current = 0, 0
    for ch in text:
        if ch in _CHINESE_DIGITS:
            current = _CHINESE_DIGITS[ch]
        else:
            scale = _CHINESE_SCALES[ch]
            total += (current or 1) * scale
            current = 0
    total += current
    if total == 0 and not set(text) <= {"零", "〇"}:
        raise QuantityError(f"'{original}': cannot read the Chinese numeral '{text}'")
    return total


def _decimal(text: str, original: str) -> Decimal:
    digits = sum(ch.isdigit() for ch in text)
    if digits > _MAX_DIGITS:
        raise QuantityError(f"'{original[:40]}…' has more than {_MAX_DIGITS} digits")
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regular expression admits only numbers
        raise QuantityError(f"'{original}' is not a number") from None
    if not value.is_finite():
        raise QuantityError(f"'{original}' is not a finite number")
    return value


def _fold_digits(text: str) -> str:
    """Full-width digits and dots (`４８８０５`) read as their ASCII forms; nothing else changes."""
    return "".join(
        unicodedata.normalize("NFKC", ch) if ch in "０１２３４５６７８９．＋－" else ch
        for ch in text
    )


def _without_commas(text: str) -> str:
    return text.replace(",", "").replace("，", "")


def _unknown_unit_message(original: str, unit: str) -> str:
    return (
        f"'{original}': unknown unit '{unit}'. Known units: {' '.join(known_units())}; "
        f"any of them may follow a multiplier ({' '.join(known_multipliers())})"
    )
