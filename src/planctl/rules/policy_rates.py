"""A policy rate applied to its count costs more than the budget line it names.

A rate with a `count` and a `budget` implies a cost: rate × count, times `years` when it is paid
per year (a yearly rate without `years` counts one year, which is the least it can cost). When
that cost is larger than the linked budget item's amount, the plan cannot pay the rate it
promises from the line it names. The cost is taken at the lowest value its printed figures allow
and the amount at the highest; a rate or count printed as a maximum (不超过, 不足) is not
reported, because its cost may be smaller.

Passing: `{rate: 2000元, per: 人, per_year: true, years: 5, count: 2.1万人, budget: bq}` with the
item `{name: 搬迁后续扶持, id: bq, amount: 2.1亿元}`.

Failing: the same rate linked to an item of `amount: 20000万元`: it implies 2.1亿元. (Against
`amount: 2亿元` it passes: printed to the whole 亿, that amount may be as much as 2.5亿元.)
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.calc.rates import rate_costs
from planctl.derive import Derived
from planctl.findings import Finding, Gap, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.quantity import format_in

CODE = "PC111"
TITLE = N_("policy rate costs more than its budget line")
SEVERITY = Severity.WARNING


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    for cost in rate_costs(plan, derived.index):
        if not cost.exceeds_budget:
            continue
        assert cost.implied is not None
        assert cost.budget is not None
        assert cost.unit is not None
        implied = format_in(cost.implied, cost.unit)
        count = cost.count.text if cost.count is not None else "?"
        message = (
            _(
                "{name}: {rate} per {per} × {count} × {years} years = {implied}, "
                "more than the amount of '{budget}' ({amount})"
            )
            if cost.rate.per_year and cost.rate.years
            else _(
                "{name}: {rate} per {per} × {count} = {implied}, "
                "more than the amount of '{budget}' ({amount})"
            )
        )
        yield Finding(
            CODE,
            message.format(
                name=cost.rate.name,
                rate=cost.rate.rate.value.text,
                per=cost.rate.per,
                count=count,
                years=cost.years,
                implied=implied,
                budget=cost.rate.budget,
                amount=cost.budget.text,
            ),
            (*cost.path, "budget"),
            stated=cost.budget.text,
            computed=implied,
            gap=Gap.between(cost.budget.base, cost.implied, cost.budget.unit),
        )
