"""`planctl budget` as a library call: the budget lines to show and the policy rates' costs.

The sums, gaps, shares and unit costs are `calc.budget_lines`'s and the rates' costs are
`calc.rates`'s, both over the plan's one index; this module only picks the lines asked for
(`--path`, `--depth`) and writes the exact figures in the unit they are shown in, so that every
format (table, text, json) shows the same figures.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from planctl.calc.budget_lines import BudgetLine, budget_lines, subtree
from planctl.calc.rates import RateCost, money_unit, rate_costs
from planctl.engine import FileResult
from planctl.i18n import N_, _
from planctl.location import format_path
from planctl.quantity import Quantity, format_in
from planctl.units import Unit


@dataclass(frozen=True, slots=True)
class UnitCost:
    """A quotient that need not end (a cost per person): exact value in `unit` per `per`."""

    value: Decimal
    unit: str  # 元, 万元 or 亿元
    per: str  # 人, 个, ...


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One budget line as shown: stated figures as printed, sums and gaps exact in `unit`."""

    names: tuple[str, ...]  # item names from the top; () for the budget total
    depth: int  # levels below the first line shown
    path: str  # where in the plan file: budget.items[0]
    amount: str | None  # as printed
    amount_yuan: Decimal | None
    amount_in: str | None  # exactly in the unit asked for with --unit
    parts: str | None  # what the parts add up to, exactly
    parts_yuan: Decimal | None
    parts_missing: int  # parts that state no amount
    gap: str | None  # parts minus amount, signed and exact
    share_of_parent: Decimal | None  # percent; None when not shown or not computable
    share_of_total: Decimal | None
    projects: str | None
    beneficiaries: str | None
    per_beneficiary: UnitCost | None
    per_project: UnitCost | None

    @property
    def name(self) -> str:
        return self.names[-1] if self.names else N_("budget total")  # shown translated


@dataclass(frozen=True, slots=True)
class RateRow:
    """One policy rate with the cost it implies against the budget line that pays for it."""

    name: str
    printed: str  # 2000元/人
    count: str | None
    years: str  # "5", "per year" (a yearly rate, years not stated), or ""
    implied: Decimal | None  # base units of its family
    implied_unit: Unit | None  # the unit to show `implied` in
    bound: str  # "≤" or "≥" when the rate or count is printed as a bound, else ""
    budget_item: str | None  # the id of the budget line that pays for it
    budget: str | None  # that line's amount, as printed
    difference: Decimal | None  # implied minus budget, base units
    difference_unit: Unit | None
    exceeds_budget: bool
    note: str  # why no cost is implied, "per year; years not stated", ...


@dataclass(frozen=True, slots=True)
class BudgetResult:
    file: str
    title: str
    has_budget: bool
    unit: str | None  # the unit asked for with --unit
    rows: list[BudgetRow]
    rates: list[RateRow]


def budget_result(
    result: FileResult,
    names: Sequence[str] = (),
    depth: int | None = None,
    unit: Unit | None = None,
) -> BudgetResult:
    """The budget lines below `names` (item names from the top), `depth` levels deep.

    Raises `calc.budget_lines.UnknownBudgetPathError` when `names` is not a path of the budget.
    """
    assert result.plan is not None
    assert result.derived is not None
    index = result.derived.index
    lines = budget_lines(index)
    title = result.plan.plan.title
    if not lines:
        return BudgetResult(result.file, title, False, unit.text if unit else None, [], [])
    lines = subtree(lines, names)
    top = lines[0].level
    if depth is not None:
        lines = [line for line in lines if line.level <= top + depth]
    paths = {line.path for line in lines}
    costs = [
        cost
        for cost in rate_costs(result.plan, index)
        if not names or (cost.budget_path is not None and cost.budget_path in paths)
    ]
    return BudgetResult(
        file=result.file,
        title=title,
        has_budget=True,
        unit=unit.text if unit else None,
        rows=[_row(line, top, unit) for line in lines],
        rates=[_rate(cost) for cost in costs],
    )


def signed(text: str) -> str:
    """`+` before a non-negative figure, so a gap's direction is visible."""
    return text if text.startswith("-") else f"+{text}"


def _row(line: BudgetLine, top: int, unit: Unit | None) -> BudgetRow:
    shown = unit or (line.amount.unit if line.amount else None)
    if shown is None and line.parts is not None:
        shown = money_unit(line.parts)
    amount = line.amount
    return BudgetRow(
        names=line.names,
        depth=line.level - top,
        path=format_path(line.path),
        amount=amount.text if amount else None,
        amount_yuan=amount.base if amount else None,
        amount_in=format_in(amount.base, unit) if amount and unit else None,
        parts=format_in(line.parts, shown) if line.parts is not None and shown else None,
        parts_yuan=line.parts,
        parts_missing=line.parts_missing,
        gap=signed(format_in(line.gap, shown)) if line.gap is not None and shown else None,
        share_of_parent=line.share_of_parent if line.level > top or top > 0 else None,
        share_of_total=line.share_of_total if line.level > 0 else None,
        projects=line.projects.text if line.projects else None,
        beneficiaries=line.beneficiaries.text if line.beneficiaries else None,
        per_beneficiary=_unit_cost(line.cost_per_beneficiary, line.beneficiaries),
        per_project=_unit_cost(line.cost_per_project, line.projects),
    )


def _unit_cost(value: Decimal | None, count: Quantity | None) -> UnitCost | None:
    if value is None or count is None:
        return None
    money = money_unit(value)
    return UnitCost(value / money.factor, money.text, count.unit.base)


def _rate(cost: RateCost) -> RateRow:
    rate = cost.rate
    note = cost.why
    if cost.per_year_only:
        note = _("per year; years not stated") + (_("; ") + note if note else "")
    bound = "≤" if cost.upper_bound else "≥" if cost.lower_bound else ""
    return RateRow(
        name=rate.name,
        printed=f"{rate.rate.value.text}/{rate.per}",
        count=cost.count.text if cost.count else None,
        years=str(cost.years)
        if rate.per_year and rate.years
        else N_("per year")
        if rate.per_year
        else "",
        implied=cost.implied if cost.unit is not None else None,
        implied_unit=cost.unit,
        bound=bound if cost.implied is not None else "",
        budget_item=rate.budget,
        budget=cost.budget.text if cost.budget else None,
        difference=cost.difference,
        difference_unit=cost.budget.unit if cost.budget else None,
        exceeds_budget=cost.exceeds_budget,
        note=note,
    )
