"""A printed poverty incidence agrees with the poor people over the rural population.

Documents print the poverty incidence (贫困发生率) of the baseline year (`baseline.incidence`),
of each region (`regions.items[].incidence`) and of the end of each year of the people schedule
(`schedules[].incidence: {YEAR: figure}`). Each is checked against what it is a ratio of: the
poor population over the rural population (for a year: the baseline's poor people less those
the people schedule has exited by then), at the printed precision of all three figures. A
printed incidence without the figures it is a ratio of cannot be checked and is left alone; the
exit rules still use it (PE05, PE04).

Passing: `baseline: {poor_population: 1.2万人, rural_population: 30万人, incidence: 4%}`.

Failing: the same with `incidence: 4.5%` (computed 4%).
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.compare import compare
from planctl.calc.wording import in_context
from planctl.derive import Derived
from planctl.derive.incidence import Ratio, baseline_rural, figure_ratio, ratio
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Figure, Plan
from planctl.quantity import format_decimal

CODE = "PC113"
TITLE = N_("printed poverty incidence disagrees")
SEVERITY = Severity.ERROR
BASELINE = N_("incidence|baseline")


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    baseline = plan.baseline
    if (
        baseline is not None
        and baseline.incidence is not None
        and baseline.poor_population is not None
        and baseline.rural_population is not None
    ):
        computed = figure_ratio(baseline.poor_population, baseline.rural_population)
        what = in_context(BASELINE)
        yield from _agree(what, baseline.incidence, computed, ("baseline", "incidence"))
    for index, region in enumerate(plan.region_items):
        if region.incidence is None:
            continue
        if region.poor_population is not None and region.rural_population is not None:
            computed = figure_ratio(region.poor_population, region.rural_population)
            path = ("regions", "items", index, "incidence")
            yield from _agree(region.name, region.incidence, computed, path)
    yield from _years(plan, derived)


def _years(plan: Plan, derived: Derived) -> Iterator[Finding]:
    """Each year's printed incidence against the people the people schedule leaves."""
    rural = baseline_rural(plan)
    series = derived.timeline.exit_series("people")
    for index, schedule in enumerate(plan.schedules):
        for year, printed in sorted(schedule.incidence.items()):
            if rural is None or series is None or series.partial:
                continue
            left, baseline = series.remaining(year), series.baseline_value
            if left is None or baseline is None or baseline.family != "people":
                continue
            people_tolerance = baseline.tolerance + series.tolerance(year)
            computed = ratio(max(left, Decimal(0)), people_tolerance, *rural)
            what = _("{schedule} {year}").format(schedule=schedule.name, year=year)
            yield from _agree(what, printed, computed, ("schedules", index, "incidence", year))


def _agree(what: str, printed: Figure, computed: Ratio | None, path: PlanPath) -> Iterator[Finding]:
    if computed is None:
        return
    stated = printed.value
    comparison = compare(stated, computed.percent, computed.tolerance, finest_part=Decimal(0))
    if comparison.agrees:
        return
    computed_text = f"{format_decimal(round(computed.percent, 4))}%"
    yield Finding(
        CODE,
        _(
            "{what}: poverty incidence printed {stated}, computed {computed} "
            "(poor people over rural population), gap {gap} ({explanation})"
        ).format(
            what=what,
            stated=stated.text,
            computed=computed_text,
            gap=comparison.gap,
            explanation=comparison.explain(),
        ),
        path,
        severity=comparison.severity,
        stated=stated.text,
        computed=computed_text,
        gap=comparison.gap,
    )
