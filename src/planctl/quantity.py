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
from decimal import Decimal, InvalidOperation, localcontext
from enum import StrEnum

import planctl.exact  # noqa: F401  (sets the arithmetic context every figure is computed in)
from planctl import numerals
from planctl.i18n import _
from planctl.units import (
    FRACTION,
    MULTIPLIERS,
    Unit,
    known_multipliers,
    known_units,
    lookup,
    suggest,
)


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
MAX_DIGITS = 24  # significant digits of a figure; see docs/plan-format.md
_MULTIPLIERS_LONGEST_FIRST = tuple(sorted(MULTIPLIERS, key=len, reverse=True))


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
        # 48805±0.5人. All but `base` depend only on the unit and the last digit's place.
        number, unit = self.number, self.unit
        exponent = number.as_tuple().exponent
        steps = _STEPS.get((exponent, unit))
        if steps is None:
            steps = _STEPS[exponent, unit] = _steps(exponent, unit)
        set_field = object.__setattr__
        set_field(self, "base", number * unit.factor)
        set_field(self, "ulp", steps[0])
        set_field(self, "ulp_base", steps[1])
        set_field(self, "tolerance", steps[2])

    @property
    def family(self) -> str:
        return self.unit.family

    def in_unit(self, unit: Unit) -> Decimal:
        """The exact value expressed in another unit of the same family."""
        if unit.family != self.unit.family:
            from planctl.calc.wording import family_name  # only for the message

            raise QuantityError(
                _("cannot express {figure} ({family}) in {unit}").format(
                    figure=self.text, family=family_name(self.family), unit=unit.text
                )
            )
        return normalize(self.base / unit.factor)

    def __str__(self) -> str:
        return self.text


# (last digit's exponent, unit) -> (ulp, ulp_base, tolerance): a few hundred pairs in practice
# (exponents are bounded by MAX_DIGITS), computed once each instead of once per figure.
_STEPS: dict[tuple[int | str, Unit], tuple[Decimal, Decimal, Decimal]] = {}


def _steps(exponent: int | str, unit: Unit) -> tuple[Decimal, Decimal, Decimal]:
    assert isinstance(exponent, int)  # finite by construction
    ulp = Decimal(1).scaleb(min(exponent, 0))
    ulp_base = ulp * unit.factor
    exact = unit.discrete and ulp_base <= 1
    return ulp, ulp_base, Decimal(0) if exact else ulp_base / 2


def normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation (`1.50` → `1.5`, `100` stays)."""
    with localcontext() as context:  # exact whatever the length: never round, never overflow
        context.prec = max(context.prec, len(value.as_tuple().digits) + abs(value.adjusted()) + 1)
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()


def format_decimal(value: Decimal) -> str:
    """A decimal as plain digits, never `1E+2`."""
    return f"{normalize(value):f}"


def format_in(value: Decimal, unit: Unit) -> str:
    """A base-unit value written in `unit`: 64180000000 (元) in 亿元 → `641.8亿元`."""
    return f"{format_decimal(value / unit.factor)}{unit.text}"


# Most figures are ASCII digits followed by a known unit (`641.8亿元`, `3个`, `95%`): read them
# without the qualifier and numeral machinery, which gives the same quantity for them.
_DIGITS_AND_UNIT = re.compile(r"([0-9]+(?:\.[0-9]+)?)(.+)", re.DOTALL)
# What can follow the digits in a figure the full reading treats differently: thousands
# separators, exponents, 余/多 qualifiers, spaces, the full-width percent sign.
_NOT_A_PLAIN_UNIT = frozenset(",，eE余多％ \t\n\r\u3000")
_SUFFIX_WORDS = tuple(_SUFFIXES)


def parse(text: str, default_unit: str | None = None) -> Quantity:
    """Read a printed figure: number, qualifiers and unit (`31.0975万人`, `95%以上`, `80余家`).

    `default_unit` applies when the text prints no unit (`0.63` in a share, `8万余` with a declared
    unit of 人); the multiplier printed with the number (`万`) still counts.
    """
    plain = _DIGITS_AND_UNIT.fullmatch(text)
    if plain is not None:
        rest = plain.group(2)
        if (
            rest[0] not in _NOT_A_PLAIN_UNIT
            and rest[-1] not in _NOT_A_PLAIN_UNIT
            and not rest.endswith(_SUFFIX_WORDS)
            and rest not in MULTIPLIERS
            and "％" not in rest
        ):
            unit = lookup(rest)
            digits = plain.group(1)
            if unit is not None and len(digits) <= MAX_DIGITS:  # so no more significant digits
                number = Decimal(digits)
                quantity = Quantity(text, number, unit)
                if number and quantity.base.adjusted() >= MAX_DIGITS:
                    _check_size(number, unit, text)  # raises: too large
                return quantity
    return _parse(text, default_unit)


def _parse(text: str, default_unit: str | None) -> Quantity:
    """`parse` for every figure: qualifiers, full-width digits, numerals, missing units."""
    original = text
    text = _fold_digits(text.strip()).replace("％", "%")
    if not text:
        raise QuantityError(_("empty figure: write a number with its unit, such as 48805人"))
    bound: Bound | None = None
    head, tail = "", ""
    for prefix, prefix_bound in _PREFIXES.items():
        if text.startswith(prefix):
            bound, head, text = prefix_bound, prefix, text.removeprefix(prefix)
            break
    for suffix, suffix_bound in _SUFFIXES.items():
        if text.endswith(suffix) and len(text) > len(suffix):
            bound, tail, text = bound or suffix_bound, suffix, text.removesuffix(suffix)
            break
    number, rest = _split_number(text, original)
    qualifier, rest = _qualified_unit(rest)
    bound = bound or qualifier
    unit_printed = True
    if not rest or rest in MULTIPLIERS:
        if default_unit is None:
            raise MissingUnitError(original, head + text, rest, tail)
        rest, unit_printed = rest + default_unit, False
    unit = lookup(rest)
    if unit is None:
        raise QuantityError(_unknown_unit_message(original, rest))
    _check_size(number, unit, original)
    return Quantity(original, number, unit, bound, unit_printed)


def parse_fraction(text: str) -> Quantity:
    """Read a share printed as a fraction of one (`0.074`, `约0.16`): kept as printed, 7.4%.

    The document prints no unit; the plan says the figure is a fraction (`kind: fraction`), so
    the number is never misread as 0.074%. A unit printed with it contradicts that.
    """
    quantity = parse(text, "%")
    if quantity.unit_printed:
        raise QuantityError(
            _(
                "'{figure}' is a fraction (kind: fraction): write the number alone, as printed, "
                "such as 0.074"
            ).format(figure=text)
        )
    return Quantity(quantity.text, quantity.number, FRACTION, quantity.bound, unit_printed=False)


class MissingUnitError(QuantityError):
    """A figure printed without a unit where the field has none of its own.

    The hint writes the figure as printed with a unit added where it belongs, keeping the
    multiplier and the qualifiers (`6.53万` → `6.53万人`), in the units the field accepts.
    """

    def __init__(
        self, original: str, before: str, multiplier: str, after: str, units: tuple[str, ...] = ()
    ) -> None:
        self.original, self.before, self.multiplier, self.after = (
            original,
            before,
            multiplier,
            after,
        )
        self.units = units or ("元", "人")
        examples = [
            f"{before}{unit}{after}" for unit in self.units if lookup(multiplier + unit) is not None
        ]
        examples = examples or [f"{before}{self.units[0]}{after}"]
        listed = (
            examples[0]
            if len(examples) == 1
            else _("{some} or {last}").format(some=", ".join(examples[:-1]), last=examples[-1])
        )
        super().__init__(
            _(
                "'{figure}' has no unit; write it with its unit as printed, such as {examples}"
            ).format(figure=original, examples=listed)
        )

    def with_units(self, units: tuple[str, ...]) -> MissingUnitError:
        """The same error, suggesting `units` (the ones the field accepts)."""
        return MissingUnitError(self.original, self.before, self.multiplier, self.after, units)


def _qualified_unit(rest: str) -> tuple[Bound | None, str]:
    """Strip 余/多 before or after the multiplier: `余万人`, `多万人`, `万余人`, `万余`."""
    bound: Bound | None = None
    for word, word_bound in _AFTER_NUMBER.items():
        if rest.startswith(word):
            bound, rest = word_bound, rest.removeprefix(word)
            break
    rest = rest.strip()
    multiplier = next((m for m in _MULTIPLIERS_LONGEST_FIRST if rest.startswith(m)), "")
    after = rest.removeprefix(multiplier)
    if multiplier and bound is None and after[:1] in _AFTER_NUMBER:
        bound, after = _AFTER_NUMBER[after[:1]], after[1:]
    return bound, multiplier + after


def _split_number(text: str, original: str) -> tuple[Decimal, str]:
    """Split `31.0975万人` into (31.0975, `万人`); also reads Chinese numerals (`十六个`)."""
    if re.match(r"[-+]?\d[\d,，]*\d[,，]\d{3}|[-+]?\d{1,3}[,，]\d{3}", text):
        raise QuantityError(
            _("'{figure}': thousands separators are not accepted; write {plain}").format(
                figure=original, plain=_without_commas(text)
            )
        )
    if re.match(r"[-+]?(\d+(\.\d+)?|\.\d+)[eE][-+]?\d", text):
        raise QuantityError(
            _(
                "'{figure}': exponent notation is not accepted; write the number in full digits"
            ).format(figure=original)
        )
    match = _NUMBER.match(text)
    if match:
        return _decimal(match.group(), original), text[match.end() :]
    length = 0
    while length < len(text) and text[length] in numerals.NUMERAL_CHARACTERS:
        length += 1
    # `千瓦` is a unit with no number, not the numeral 千 followed by 瓦.
    if length and lookup(text) is None:
        run = text[:length]
        # `三十万人` prints 三十 in 万人, as `30万人` does; `一亿二千万` is one numeral.
        if length > 1 and run[-1] in numerals.SECTIONS and run.count("万") + run.count("亿") == 1:
            run = run[:-1]
        try:
            return Decimal(numerals.read(run)), text[len(run) :]
        except numerals.NumeralError as error:
            raise QuantityError(
                _("'{figure}': {problem}").format(figure=original, problem=error)
            ) from None
    if text.lower() in {"nan", ".nan", "inf", ".inf", "-inf", "-.inf", "infinity"}:
        raise QuantityError(_("'{figure}' is not a finite number").format(figure=original))
    raise QuantityError(
        _("'{figure}' does not start with a number; write it as printed, such as 641.8亿元").format(
            figure=original
        )
    )


def _check_size(number: Decimal, unit: Unit, original: str) -> None:
    """Refuse figures outside the range planctl computes exactly: 24 significant digits, under
    10^24 base units (the arithmetic context in `planctl.exact` is sized for that range)."""
    shown = original if len(original) <= 40 else original[:40] + "…"
    if len(number.as_tuple().digits) > MAX_DIGITS:
        raise QuantityError(
            _(
                "'{figure}' has more than {digits} significant digits; planctl reads figures of "
                "up to {digits} digits"
            ).format(figure=shown, digits=MAX_DIGITS)
        )
    if number and (number * unit.factor).adjusted() >= MAX_DIGITS:
        raise QuantityError(
            _("'{figure}' is 10^{digits} {unit} or more; planctl reads figures below that").format(
                figure=shown, digits=MAX_DIGITS, unit=unit.base
            )
        )


def _decimal(text: str, original: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:  # pragma: no cover - the regular expression admits only numbers
        raise QuantityError(_("'{figure}' is not a number").format(figure=original)) from None
    if not value.is_finite():
        raise QuantityError(_("'{figure}' is not a finite number").format(figure=original))
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
    suggestion = suggest(unit)
    head = _("'{figure}': unknown unit '{unit}'").format(figure=original, unit=unit)
    if suggestion:
        head += _("; did you mean '{suggestion}'?").format(suggestion=suggestion)
    else:
        head += "."
    return (
        head
        + " "
        + _("Known units: {units}; any of them may follow a multiplier ({multipliers})").format(
            units=" ".join(known_units()), multipliers=" ".join(known_multipliers())
        )
    )
