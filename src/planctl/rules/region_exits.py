"""Each region's exit year is feasible: the schedule exits what the regions exiting by then need.

A region (`regions.items`) with an `exit_year` can exit only when its poor villages and poor
people have exited as the criteria require: all poor villages of a non-poor county; for a poor
county, the share of villages a provincial rule requires (Henan: 90%) and the people that bring
its poverty incidence under the threshold (2%, 3% in the western provinces). The schedule is
plan-wide, so what every region exiting by a year needs is summed and compared with the
schedule's running total at the end of that year, with the tolerance its printed figures allow.
A region without an exit year, or one missing the figure its need is computed from, is *not
evaluable*, naming the figure to add.

Passing: two non-poor counties of 120 and 80 poor villages exiting in 2018 and 2019, and a
villages schedule reaching 200个 by 2019.

Failing: the same with a schedule reaching only 150个 by 2019.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from decimal import Decimal

from planctl.calc.wording import in_context, measure_name
from planctl.criteria import POOR_KINDS, CriterionMeasure, ExitCriterion
from planctl.derive import Derived
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.model import Plan
from planctl.model.plan import Region, RegionKind
from planctl.quantity import format_decimal
from planctl.rules.base import verdict

CODE = "PE04"
TITLE = N_("region exit year feasible")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True

# What `_missing` says of a figure to add; a field the need names for a purpose says it.
MISSING_FIELD = N_("missing {field} of {regions}")
MISSING = {
    "rural_population (for poverty incidence)": N_(
        "missing rural_population (for poverty incidence) of {regions}"
    ),
}
SEPARATOR = N_("list|; ")

# A need is a number of villages or people, or the (field, region) of the figure missing for it.
Need = Callable[[Region, list[ExitCriterion]], Decimal | tuple[str, str]]


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    regions = plan.region_items
    needs: tuple[tuple[str, Need], ...] = (("villages", villages_needed), ("people", people_needed))
    for index, region in enumerate(regions):
        path = ("regions", "items", index, "exit_year")
        if region.exit_year is None:
            yield verdict(
                CODE,
                Outcome.NOT_EVALUABLE,
                _("{name}: regions.items[{index}] has no exit_year").format(
                    name=region.name, index=index
                ),
                path,
                region=region.name,
            )
            continue
        year = region.exit_year
        exiting = [r for r in regions if r.exit_year is not None and r.exit_year <= year]
        for measure, need in needs:
            name = _("{name} exits in {year} ({measure})").format(
                name=region.name, year=year, measure=measure_name(measure)
            )
            series = derived.timeline.exit_series(measure)
            done = series.cumulative(year) if series is not None and series.entries else None
            needed, lacking = _sum_needs(exiting, derived.criteria, need)
            why = None
            if series is None or not series.entries:
                why = _("the plan has no {measure} schedule").format(measure=measure_name(measure))
            elif done is None:
                why = _("the {measure} schedule mixes units; see PC107").format(
                    measure=measure_name(measure)
                )
            elif lacking:
                why = _missing(lacking)
            if why is not None or series is None or done is None:
                yield verdict(
                    CODE,
                    Outcome.NOT_EVALUABLE,
                    _("{name}: {why}").format(name=name, why=why),
                    path,
                    year=year,
                    region=region.name,
                )
                continue
            unit = series.unit.base if series.unit else ""
            met = needed <= done + series.tolerance(year)
            yield verdict(
                CODE,
                Outcome.PASS if met else Outcome.FAIL,
                _(
                    "{name}: the {n} regions exiting by {year} need {needed}; "
                    "the schedule exits {done} by then"
                ).format(
                    name=name,
                    n=len(exiting),
                    year=year,
                    needed=f"{format_decimal(needed)}{unit}",
                    done=f"{format_decimal(done)}{unit}",
                ),
                path,
                year=year,
                region=region.name,
                stated=f"{format_decimal(needed)}{unit}",
                computed=f"{format_decimal(done)}{unit}",
            )


def _missing(lacking: list[tuple[str, str]]) -> str:
    """`missing rural_population of 栾川县、嵩县`: the figures to add to make it evaluable."""
    by_field: dict[str, list[str]] = {}
    for field, region in lacking:
        by_field.setdefault(field, []).append(region)
    return in_context(SEPARATOR).join(
        _(MISSING.get(field, MISSING_FIELD)).format(field=field, regions="、".join(regions))
        for field, regions in by_field.items()
    )


def _sum_needs(
    exiting: list[Region], criteria: list[ExitCriterion], need: Need
) -> tuple[Decimal, list[tuple[str, str]]]:
    """What the exiting regions need together, or the figures missing to say so."""
    total, lacking = Decimal(0), []
    for region in exiting:
        result = need(region, criteria)
        if isinstance(result, tuple):
            lacking.append(result)
        else:
            total += result
    return total, lacking


def villages_needed(region: Region, criteria: list[ExitCriterion]) -> Decimal | tuple[str, str]:
    """Villages that must have exited for the region to exit."""
    if region.poor_villages is None:
        return ("poor_villages", region.name)
    villages = region.poor_villages.value.base
    if region.kind not in POOR_KINDS:
        return villages  # a non-poor county exits with all its poor villages
    rule = criterion_for(criteria, CriterionMeasure.VILLAGES_EXITED, region.kind)
    if rule is None:
        return Decimal(0)
    return Decimal(math.ceil(villages * rule.threshold / 100))


def people_needed(region: Region, criteria: list[ExitCriterion]) -> Decimal | tuple[str, str]:
    """People who must have exited for the region to exit."""
    if region.poor_population is None:
        return ("poor_population", region.name)
    people = region.poor_population.value.base
    share_rule = criterion_for(criteria, CriterionMeasure.PEOPLE_EXITED, region.kind)
    if share_rule is not None:
        return Decimal(math.ceil(people * share_rule.threshold / 100))
    incidence = criterion_for(criteria, CriterionMeasure.INCIDENCE, region.kind)
    if incidence is None:
        return Decimal(0)
    if region.rural_population is None:
        return ("rural_population (for poverty incidence)", region.name)
    allowed = Decimal(math.floor(region.rural_population.value.base * incidence.threshold / 100))
    return max(people - allowed, Decimal(0))


def criterion_for(
    criteria: list[ExitCriterion], measure: CriterionMeasure, kind: RegionKind | None
) -> ExitCriterion | None:
    """The criterion of `measure` that applies to regions of `kind` (the last one wins)."""
    for criterion in reversed(criteria):
        if criterion.measure is measure and kind in criterion.kinds:
            return criterion
    return None
