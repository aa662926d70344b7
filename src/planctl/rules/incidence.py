"""Poverty incidence at the end of the schedule is at most the exit threshold.

The poor people the schedule leaves at its last year, over the baseline's rural population,
must be at most the threshold for villages of the national exit mechanism: 2%, or 3% in the
western provinces (derived from `plan.region.province`; see PC112), unless the plan states its
own `criteria:`. The figure is not evaluable without a people schedule, a poor population and a
rural population; a rural population of zero cannot be divided by, and is named as such.

Passing: `rural_population: 100万人`, a baseline of `5万人` and a schedule exiting `4.5万人`
(0.5% remain).

Failing: the same schedule exiting only `2万人` (3% remain, against 2%).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.quantity import format_decimal, format_in
from planctl.rules.base import verdict

CODE = "PE05"
TITLE = N_("poverty incidence at most the threshold")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    series = derived.timeline.exit_series("people")
    rural = plan.baseline.rural_population if plan.baseline else None
    village_rule = next((c for c in derived.criteria if c.applies_to_villages), None)
    limit = village_rule.threshold if village_rule else Decimal(2)
    name = _("poverty incidence at most {limit}").format(limit=f"{format_decimal(limit)}%")
    last = series.last_year if series is not None else None
    remaining = series.remaining(last) if series is not None and last is not None else None
    why = None
    if rural is None:
        lacking = [r.name for r in plan.region_items if r.rural_population is None]
        why = (
            _("needs baseline.rural_population (and rural_population for {regions})").format(
                regions="、".join(lacking)
            )
            if lacking
            else _("needs baseline.rural_population")
        )
    elif rural.value.base == 0:
        why = _("the rural population is 0, so no incidence can be computed")
    elif series is None or remaining is None or last is None:
        why = _("needs a people schedule and baseline.poor_population in the same unit family")
    if why is not None or rural is None or remaining is None or series is None:
        message = _("{name}: {why}").format(name=name, why=why)
        yield verdict(CODE, Outcome.NOT_EVALUABLE, message, ("baseline",))
        return
    unit = series.baseline_value.unit if series.baseline_value else rural.value.unit
    incidence = max(remaining, Decimal(0)) / rural.value.base * 100
    met = incidence <= limit
    yield verdict(
        CODE,
        Outcome.PASS if met else Outcome.FAIL,
        _(
            "{name} by {year}: {remaining} remain of a rural population of {rural}: {incidence}"
        ).format(
            name=name,
            year=last,
            remaining=format_in(remaining, unit),
            rural=rural.value.text,
            incidence=f"{format_decimal(round(incidence, 2))}%",
        ),
        ("baseline", "rural_population"),
        year=last,
        stated=f"{format_decimal(limit)}%",
        computed=f"{format_decimal(round(incidence, 2))}%",
    )
