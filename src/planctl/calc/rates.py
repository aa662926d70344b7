"""Policy rates: what a printed rate implies once it is applied to its count for its years.

A plan prints rates (`2000元` per 人 per year for 5 years) and, elsewhere, how many units they
apply to and the budget line that pays for them. Multiplying them out is exact: 2000元 × 2.1万人 ×
5 = 2.1亿元. A rate in another unit gives a total in that unit (200公斤 per 亩 × 1000亩 =
200000公斤); a percentage rate takes its share of the count (80% of 5000万元 = 4000万元).

A rate printed as a lower bound (`不低于4000元`) gives a lower bound of the cost; one printed as an
upper bound (`不超过`) gives an upper bound, which proves nothing about overspending.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planctl.calc.budget_lines import divide
from planctl.derive.index import IdTarget, PlanIndex
from planctl.i18n import _
from planctl.location import PlanPath
from planctl.model import Plan
from planctl.model.plan import Rate
from planctl.quantity import Bound, Quantity
from planctl.units import Unit, lookup

_UPPER_BOUNDS = {Bound.AT_MOST, Bound.LESS_THAN}
_COUNT_MEASURES = ("beneficiaries", "projects", "length", "area", "value")
_MONEY_UNITS = (("亿元", Decimal(100_000_000)), ("万元", Decimal(10_000)), ("元", Decimal(1)))


@dataclass(frozen=True, slots=True)
class RateCost:
    """A rate with what it implies; `implied` is None (and `why` says why) when nothing does."""

    index: int
    rate: Rate
    count: Quantity | None  # how many units the rate applies to, resolved from an id if needed
    units: Decimal | None  # the count in units of `per`
    years: int  # the years multiplied in (1 unless per_year)
    implied: Decimal | None  # base units of `family`
    implied_low: Decimal | None  # the same with the rate and the count at their printed minimum
    family: str | None
    unit: Unit | None  # the unit to show `implied` in
    budget: Quantity | None  # the linked budget item's amount
    budget_path: PlanPath | None  # the linked budget item (or figure)
    why: str  # why there is no implied cost, or "" when there is one

    @property
    def path(self) -> PlanPath:
        return ("rates", self.index)

    @property
    def per_year_only(self) -> bool:
        """A yearly rate whose years are not stated: `implied` is the cost of one year."""
        return self.rate.per_year and self.rate.years is None

    @property
    def upper_bound(self) -> bool:
        """The rate or the count is printed as a maximum: the implied cost is a maximum too."""
        bounds = {self.rate.rate.value.bound, self.count.bound if self.count else None}
        return bool(bounds & _UPPER_BOUNDS)

    @property
    def lower_bound(self) -> bool:
        """The rate or the count is printed as a minimum (不低于, 以上, 余)."""
        bounds = {self.rate.rate.value.bound, self.count.bound if self.count else None}
        return not self.upper_bound and bool(bounds & {Bound.AT_LEAST, Bound.MORE_THAN})

    @property
    def comparable(self) -> bool:
        """Implied cost and budget amount are both known and in the same family."""
        return (
            self.implied is not None
            and self.budget is not None
            and self.family == self.budget.family
        )

    @property
    def difference(self) -> Decimal | None:
        """Implied cost minus the budget amount (base units), when comparable."""
        if not self.comparable:
            return None
        assert self.implied is not None
        assert self.budget is not None
        return self.implied - self.budget.base

    @property
    def exceeds_budget(self) -> bool:
        """The implied cost is more than the budget amount beyond what printing can explain.

        The implied cost is taken at its printed minimum and the budget amount at its printed
        maximum; a cost that is only an upper bound never counts.
        """
        if not self.comparable or self.upper_bound or self.implied_low is None:
            return False
        assert self.budget is not None
        return self.implied_low > self.budget.base + self.budget.tolerance


def rate_costs(plan: Plan, plan_index: PlanIndex) -> list[RateCost]:
    """Every rate of the plan with its implied cost and linked budget amount."""
    index = plan_index.ids
    return [_cost(position, rate, index) for position, rate in enumerate(plan.rates)]


def _cost(position: int, rate: Rate, index: dict[str, IdTarget]) -> RateCost:
    value = rate.rate.value
    per_unit = lookup(rate.per)
    count, why = _count(rate, index, per_unit)
    budget, budget_path = _budget(rate, index)
    years = rate.years if rate.per_year and rate.years is not None else 1
    units: Decimal | None = None
    implied = implied_low = None
    family: str | None = None
    unit: Unit | None = None
    if count is not None:
        if value.family == "percent":
            units = count.base
            family, unit = count.family, count.unit
            implied = divide(value.base * count.base * years, Decimal(100))
            implied_low = divide(_low(value) * _low(count) * years, Decimal(100))
        elif per_unit is not None and per_unit.family != count.family:
            why = _("the count {count} is not in the unit of the rate (per {per})").format(
                count=count.text, per=rate.per
            )
        else:
            factor = per_unit.factor if per_unit is not None else Decimal(1)
            units = divide(count.base, factor)
            family, unit = value.family, value.unit
            implied = value.base * units * years
            implied_low = _low(value) * divide(_low(count), factor) * years
    if family == "money" and implied is not None:
        unit = money_unit(implied)
    return RateCost(
        index=position,
        rate=rate,
        count=count,
        units=units,
        years=years,
        implied=implied,
        implied_low=implied_low,
        family=family,
        unit=unit,
        budget=budget,
        budget_path=budget_path,
        why=why,
    )


def _low(quantity: Quantity) -> Decimal:
    return max(quantity.base - quantity.tolerance, Decimal(0))


def _count(rate: Rate, index: dict[str, IdTarget], per: Unit | None) -> tuple[Quantity | None, str]:
    """The count the rate applies to: a figure, an id of a figure, or an id of a budget item."""
    if rate.count is None:
        return None, _("no count")
    if not isinstance(rate.count, str):
        return rate.count.value, ""
    target = index.get(rate.count)
    if target is None:
        return None, _("no figure has the id '{id}'").format(id=rate.count)
    if target.item is None:
        assert target.figure is not None
        return target.figure.value, ""
    figures = target.item.figures
    if per is not None:
        for measure in _COUNT_MEASURES:
            if measure in figures and figures[measure].value.family == per.family:
                return figures[measure].value, ""
    for measure in ("beneficiaries", "projects"):
        if measure in figures:
            return figures[measure].value, ""
    return None, _("the item '{id}' states no count").format(id=rate.count)


def _budget(rate: Rate, index: dict[str, IdTarget]) -> tuple[Quantity | None, PlanPath | None]:
    if rate.budget is None:
        return None, None
    target = index.get(rate.budget)
    if target is None:
        return None, None
    if target.item is not None:
        figure = target.item.figures.get("amount")
        return (figure.value if figure else None), target.path
    if target.figure is not None and target.figure.value.family == "money":
        return target.figure.value, target.path
    return None, target.path


def money_unit(value: Decimal) -> Unit:
    """元, 万元 or 亿元, whichever reads best for `value` (元)."""
    for text, factor in _MONEY_UNITS:
        if abs(value) >= factor:
            found = lookup(text)
            assert found is not None
            return found
    found = lookup("元")
    assert found is not None
    return found
