"""A plan as flat tables, for spreadsheets and scripts: budget lines, schedules, regions,
indicators and rates.

Each table has fixed columns (documented in docs/export.md) so that a sheet built on an export
keeps working when the plan changes. Figures appear as printed and also exactly in their base
unit, as a number a spreadsheet can add up; the column's name says the unit (`amount_yuan`,
`beneficiaries_people`) or a column beside it does (`value_base` and `unit`). A column holds one
unit only: a line whose beneficiaries are households leaves `beneficiaries_people` empty. Money
is given once more as text, because a spreadsheet keeps only 15 significant digits of a number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planctl.calc.budget_lines import budget_lines
from planctl.calc.rates import rate_costs
from planctl.derive.index import PlanIndex
from planctl.model import Figure, Plan
from planctl.quantity import Quantity, format_decimal, format_in

Cell = str | int | Decimal | None

PATH_SEPARATOR = " / "


@dataclass(frozen=True, slots=True)
class Table:
    """One flat table: a name (`budget`), column names, and rows of cells."""

    name: str
    columns: tuple[str, ...]
    rows: list[tuple[Cell, ...]]


def plan_tables(plan: Plan, index: PlanIndex) -> list[Table]:
    """Every table of the plan, in a fixed order; a section the plan lacks gives an empty table."""
    return [
        _budget(plan, index),
        _schedules(plan),
        _regions(plan),
        _indicators(plan),
        _rates(plan, index),
    ]


def _text(figure: Figure | Quantity | None) -> str | None:
    if figure is None:
        return None
    return figure.value.text if isinstance(figure, Figure) else figure.text


def _base(quantity: Quantity | None) -> Decimal | None:
    return Decimal(format_decimal(quantity.base)) if quantity is not None else None


def _quantity(figure: Figure | None) -> Quantity | None:
    return figure.value if figure is not None else None


def _in(figure: Figure | Quantity | None, *families: str) -> Decimal | None:
    """The figure exactly in its base unit when it is of one of `families` (`count`: any
    counter), so that a column holds one unit only and a spreadsheet can add it up."""
    quantity = figure.value if isinstance(figure, Figure) else figure
    if quantity is None:
        return None
    family = "count" if quantity.family.startswith("count:") else quantity.family
    return _base(quantity) if family in families else None


def _unit(figure: Figure | None) -> str | None:
    return figure.value.unit.base if figure is not None else None


def _base_text(quantity: Quantity | None) -> str | None:
    return format_decimal(quantity.base) if quantity is not None else None


def _budget(plan: Plan, index: PlanIndex) -> Table:
    columns = (
        "path",
        "level",
        "name",
        "id",
        "amount",
        "amount_yuan",
        "amount_yuan_text",
        "projects",
        "projects_count",
        "beneficiaries",
        "beneficiaries_people",
        "beneficiaries_households",
        "beneficiaries_person_times",
        "beneficiaries_count",
        "owners",
        "source",
    )
    rows: list[tuple[Cell, ...]] = []
    for line in budget_lines(index):
        node = line.node
        rows.append(
            (
                PATH_SEPARATOR.join(line.names),
                line.level,
                line.name,
                node.id if node is not None else None,
                _text(line.amount),
                _base(line.amount),
                _base_text(line.amount),
                _text(line.projects),
                _in(line.projects, "count"),
                _text(line.beneficiaries),
                _in(line.beneficiaries, "people"),
                _in(line.beneficiaries, "households"),
                _in(line.beneficiaries, "person-times"),
                _in(line.beneficiaries, "count"),
                "、".join(node.owners) if node is not None and node.owners else None,
                node.source if node is not None else (plan.budget.source if plan.budget else None),
            )
        )
    return Table("budget", columns, rows)


def _schedules(plan: Plan) -> Table:
    columns = ("schedule", "measure", "year", "value", "value_base", "value_base_text", "unit")
    rows: list[tuple[Cell, ...]] = []
    for schedule in plan.schedules:
        for year, figure in sorted(schedule.years.items()):
            value = figure.value
            rows.append(
                (
                    schedule.name,
                    schedule.measure,
                    year,
                    value.text,
                    _base(value),
                    _base_text(value),
                    value.unit.base,
                )
            )
    return Table("schedules", columns, rows)


def _regions(plan: Plan) -> Table:
    columns = (
        "name",
        "kind",
        "tags",
        "poor_population",
        "poor_population_people",
        "poor_households",
        "poor_households_households",
        "poor_villages",
        "poor_villages_count",
        "rural_population",
        "rural_population_people",
        "exit_year",
        "source",
    )
    rows: list[tuple[Cell, ...]] = []
    for region in plan.region_items:
        rows.append(
            (
                region.name,
                str(region.kind) if region.kind else None,
                "、".join(region.tags) if region.tags else None,
                _text(region.poor_population),
                _in(region.poor_population, "people"),
                _text(region.poor_households),
                _in(region.poor_households, "households"),
                _text(region.poor_villages),
                _in(region.poor_villages, "count"),
                _text(region.rural_population),
                _in(region.rural_population, "people"),
                region.exit_year,
                region.source,
            )
        )
    return Table("regions", columns, rows)


def _indicators(plan: Plan) -> Table:
    columns = (
        "name",
        "target",
        "target_base",
        "target_unit",
        "by",
        "baseline",
        "baseline_base",
        "baseline_unit",
        "region",
        "source",
    )
    rows: list[tuple[Cell, ...]] = [
        (
            indicator.name,
            _text(indicator.target),
            _base(_quantity(indicator.target)),
            _unit(indicator.target),
            indicator.by,
            _text(indicator.baseline),
            _base(_quantity(indicator.baseline)),
            _unit(indicator.baseline),
            indicator.region,
            indicator.source,
        )
        for indicator in plan.indicators
    ]
    return Table("indicators", columns, rows)


def _rates(plan: Plan, index: PlanIndex) -> Table:
    columns = (
        "name",
        "rate",
        "rate_base",
        "per",
        "per_year",
        "years",
        "count",
        "count_base",
        "count_unit",
        "budget",
        "implied_cost",
        "implied_cost_base",
        "implied_cost_base_text",
        "base_unit",
        "budget_amount",
        "budget_amount_yuan",
        "exceeds_budget",
        "source",
    )
    rows: list[tuple[Cell, ...]] = []
    for cost in rate_costs(plan, index):
        rate = cost.rate
        implied = cost.implied
        exact = Decimal(format_decimal(implied)) if implied is not None else None
        rows.append(
            (
                rate.name,
                rate.rate.value.text,
                _base(rate.rate.value),
                rate.per,
                "yes" if rate.per_year else "no",
                rate.years,
                _text(cost.count)
                if cost.count
                else (rate.count if isinstance(rate.count, str) else None),
                _base(cost.count),
                cost.count.unit.base if cost.count is not None else None,
                rate.budget,
                format_in(implied, cost.unit) if implied is not None and cost.unit else None,
                exact,
                format_decimal(implied) if implied is not None else None,
                cost.unit.base if implied is not None and cost.unit else None,
                _text(cost.budget),
                _in(cost.budget, "money"),
                ("yes" if cost.exceeds_budget else "no") if cost.comparable else None,
                rate.source,
            )
        )
    return Table("rates", columns, rows)
