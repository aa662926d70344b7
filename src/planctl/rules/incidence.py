"""Poverty incidence at the end of the schedule is at most the exit threshold.

The poor people the schedule leaves at its last year, over the baseline's rural population,
must be at most the threshold for villages of the national exit mechanism: 2%, or 3% in the
western provinces (derived from `plan.region.province`; see PC112), unless the plan states its
own `criteria:`. Where the document prints the incidence itself for the schedule's last year or
later (`schedules[].incidence: {YEAR: figure}`), the printed figure is judged (PC113 checks it
against the people it is a ratio of). Otherwise the
figure is not evaluable without a people schedule, a poor population and a rural population
(printed, or the baseline's poor population over its printed incidence); a rural population of
zero cannot be divided by, and is named as such. A partial schedule leaves at most what it
computes: a pass stands, a miss is not evaluable.

Passing: `rural_population: 100万人`, a baseline of `5万人` and a schedule exiting `4.5万人`
(0.5% remain).

Failing: the same schedule exiting only `2万人` (3% remain, against 2%).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.derive import Derived
from planctl.derive.incidence import PrintedIncidence, baseline_rural, latest_printed
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.quantity import format_decimal, format_in
from planctl.rules.base import verdict
from planctl.units import Unit

PEOPLE = Unit("人", "people", Decimal(1))

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
    printed = latest_printed(plan)
    if printed is not None and printed.year is not None and (last is None or printed.year >= last):
        yield _judge_printed(printed, name, limit)
        return
    remaining = series.remaining(last) if series is not None and last is not None else None
    known = baseline_rural(plan)
    rural_base = known[0] if known is not None else None
    why = None
    if rural_base is None:
        lacking = [r.name for r in plan.region_items if r.rural_population is None]
        why = (
            _(
                "needs baseline.rural_population (or baseline.incidence) "
                "(and rural_population for {regions})"
            ).format(regions="、".join(lacking))
            if lacking
            else _("needs baseline.rural_population (or baseline.incidence)")
        )
    elif rural_base == 0:
        why = _("the rural population is 0, so no incidence can be computed")
    elif series is None or remaining is None or last is None:
        why = _("needs a people schedule and baseline.poor_population in the same unit family")
    if why is not None or rural_base is None or remaining is None or series is None:
        message = _("{name}: {why}").format(name=name, why=why)
        yield verdict(CODE, Outcome.NOT_EVALUABLE, message, ("baseline",))
        return
    unit = series.baseline_value.unit if series.baseline_value else PEOPLE
    incidence = max(remaining, Decimal(0)) / rural_base * 100
    met = incidence <= limit
    rural_text = (
        rural.value.text if rural is not None else format_in(Decimal(round(rural_base)), PEOPLE)
    )
    figures = {
        "name": name,
        "year": last,
        "remaining": format_in(remaining, unit),
        "rural": rural_text,
        "incidence": f"{format_decimal(round(incidence, 2))}%",
    }
    message = _(
        "{name} by {year}: {remaining} remain of a rural population of {rural}: {incidence}"
    ).format(**figures)
    outcome = Outcome.PASS if met else Outcome.FAIL
    if not met and series.partial:
        outcome = Outcome.NOT_EVALUABLE
        message = _(
            "{name} by {year}: {remaining} remain of a rural population of {rural}: "
            "{incidence}, but the schedule is partial"
        ).format(**figures)
    path = ("baseline", "rural_population" if rural is not None else "incidence")
    yield verdict(
        CODE,
        outcome,
        message,
        path,
        year=last,
        stated=f"{format_decimal(limit)}%",
        computed=f"{format_decimal(round(incidence, 2))}%",
    )


def _judge_printed(printed: PrintedIncidence, name: str, limit: Decimal) -> Finding:
    """The printed incidence of the latest year against the threshold."""
    value = printed.figure.value
    met = value.base <= limit
    return verdict(
        CODE,
        Outcome.PASS if met else Outcome.FAIL,
        _("{name} by {year}: the document prints {printed}").format(
            name=name, year=printed.year, printed=value.text
        ),
        printed.path,
        year=printed.year,
        stated=f"{format_decimal(limit)}%",
        computed=value.text,
    )
