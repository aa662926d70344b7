"""Precision-aware comparison of a stated figure with one computed from other figures.

A printed figure only tells its value to half a unit of its last digit, and so does each part
added to make a total. A stated figure agrees with a computed one when their difference is
within the sum of those half-units. A larger gap is *rounding* when the stated figure is printed
more coarsely than its parts and misses by at most one and a half units of its last digit (a
warning), and
*substantive* otherwise (an error).

A figure printed with a qualifier is a bound: `20.58万余人`, `10多万人`, `5个以上` say at least that
much, `不超过`, `不足`, `以下` at most; `约`, `近`, `左右` say about that much. A sum checks a bound
only on its side (parts adding up to more than `20余万人` agree with it), and an approximate
figure is allowed one whole unit of its last printed digit instead of half of one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from enum import StrEnum

from planctl.findings import Gap, Severity
from planctl.i18n import _
from planctl.quantity import Bound, Quantity, format_in

_LOWER = frozenset({Bound.AT_LEAST, Bound.MORE_THAN})
_UPPER = frozenset({Bound.AT_MOST, Bound.LESS_THAN})

# A coarse total that rounds its parts correctly is within half a unit of its last digit; one
# that misses by up to one more unit was rounded or cut off carelessly, not miscalculated.
ROUNDING_UNITS = Decimal("1.5")


class Agreement(StrEnum):
    AGREES = "agrees"
    ROUNDING = "rounding"
    SUBSTANTIVE = "substantive"


@dataclass(frozen=True, slots=True)
class Comparison:
    """The outcome of comparing `stated` with a value computed from `parts`."""

    stated: Quantity
    computed: Decimal  # base units
    tolerance: Decimal  # base units
    verdict: Agreement
    truncated: bool  # the stated figure equals the computed one cut off, not rounded
    bounded: bool = False  # a qualifier (余, 以上, 约, ...) made it agree, not the digits

    @property
    def agrees(self) -> bool:
        return self.verdict is Agreement.AGREES

    @property
    def within_rounding(self) -> bool:
        """It agrees at the printed precision, but the exact sum printed to the stated figure's
        digits is another figure (parts of 245460.75万元 against a printed 245460.74万元): worth
        showing, never a problem. A total printed more coarsely than its parts that rounds them
        correctly (641.8亿元 for 641.8006亿元) is no news and is not reported."""
        if not self.agrees or self.bounded or self.computed == self.stated.base:
            return False  # (an exact sum printed to the stated digits is the stated figure)
        return _to_digits(self.computed, self.stated, ROUND_HALF_UP) != self.stated.base

    @property
    def severity(self) -> Severity:
        return Severity.WARNING if self.verdict is Agreement.ROUNDING else Severity.ERROR

    @property
    def gap(self) -> Gap:
        return Gap.between(self.stated.base, self.computed, self.stated.unit)

    @property
    def computed_text(self) -> str:
        """The computed value in the stated figure's unit."""
        return format_in(self.computed, self.stated.unit)

    def explain(self) -> str:
        """A short reading of the gap for the finding's message, in the current language."""
        if self.verdict is Agreement.ROUNDING:
            rounded = format_in(
                _to_digits(self.computed, self.stated, ROUND_HALF_UP), self.stated.unit
            )
            if self.truncated:
                return _(
                    "a rounding gap: the computed figure rounds to {rounded}; "
                    "the stated figure looks truncated rather than rounded"
                ).format(rounded=rounded)
            return _("a rounding gap: the computed figure rounds to {rounded}").format(
                rounded=rounded
            )
        return _("a substantive gap")


def compare(
    stated: Quantity,
    computed: Decimal,
    computed_tolerance: Decimal,
    *,
    finest_part: Decimal,
    rounding_units: Decimal = ROUNDING_UNITS,
) -> Comparison:
    """Compare `stated` with `computed` (base units) known to within `computed_tolerance`.

    `finest_part` is the smallest last-digit unit (base units) among the figures behind
    `computed`: a stated figure printed no more coarsely than its parts cannot be rounding.
    """
    tolerance = stated.tolerance + computed_tolerance
    gap = abs(computed - stated.base)
    truncated = gap > tolerance and _to_digits(computed, stated, ROUND_DOWN) == stated.base
    if gap <= tolerance:
        verdict = Agreement.AGREES
    elif (
        stated.ulp_base > finest_part
        and gap <= rounding_units * stated.ulp_base + computed_tolerance
    ):
        verdict = Agreement.ROUNDING
    else:
        verdict = Agreement.SUBSTANTIVE
    return Comparison(stated, computed, tolerance, verdict, truncated)


def compare_sum(
    stated: Quantity, parts: Sequence[Quantity], *, whole_tolerance: Decimal = Decimal(0)
) -> Comparison:
    """Compare a stated total with the exact sum of its parts (at least one, all of one family).

    Qualifiers count: a total printed as a lower bound (`20余万人`) agrees with any larger sum,
    parts of which one is a lower bound agree with any larger total (and the same for upper
    bounds); an approximate figure (`约`) is allowed a whole unit of its last digit.
    `whole_tolerance` widens the whole's precision when it is itself a sum (a schedule's years).
    """
    # One pass over the parts (a plan has a few hundred sums): their sum, what printing may
    # have lost from them, and the finest last digit among them.
    computed, tolerance, finest_part = Decimal(0), Decimal(0), parts[0].ulp_base
    for part in parts:
        computed += part.base
        tolerance += part.ulp_base if part.bound is Bound.ABOUT else part.tolerance
        finest_part = min(finest_part, part.ulp_base)
    comparison = compare(
        stated,
        computed,
        tolerance + _tolerance(stated) - stated.tolerance + whole_tolerance,
        finest_part=finest_part,
    )
    if comparison.agrees:
        return comparison
    above = computed > stated.base  # the parts say more than the total
    parts_bounds = {part.bound for part in parts}
    if (above and (stated.bound in _LOWER or parts_bounds & _UPPER)) or (
        not above and (stated.bound in _UPPER or parts_bounds & _LOWER)
    ):
        return replace(comparison, verdict=Agreement.AGREES, truncated=False, bounded=True)
    return comparison


def _tolerance(figure: Quantity) -> Decimal:
    """What printing may have lost: half a unit of the last digit, a whole one when `约`."""
    return figure.ulp_base if figure.bound is Bound.ABOUT else figure.tolerance


def exceeds(
    stated: Quantity, parts: Sequence[Quantity], *, whole_tolerance: Decimal = Decimal(0)
) -> Comparison | None:
    """For a partial breakdown: the comparison when the parts exceed the whole, else None."""
    comparison = compare_sum(stated, parts, whole_tolerance=whole_tolerance)
    if comparison.agrees or comparison.computed <= stated.base:
        return None
    return comparison


def _to_digits(value: Decimal, like: Quantity, rounding: str) -> Decimal:
    """`value` (base units) cut to the printed digits of `like`, back in base units."""
    in_unit = value / like.unit.factor
    return in_unit.quantize(like.ulp, rounding=rounding) * like.unit.factor
