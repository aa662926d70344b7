"""Each region's exit year is feasible: the schedule exits what the regions exiting by then need.

A region (`regions.items`) with an `exit_year` can exit only when its poor villages and poor
people have exited as the criteria require: all poor villages of a non-poor county; for a poor
county, the share of villages a provincial rule requires (Henan: 90%) and the people that bring
its poverty incidence under the threshold (2%, 3% in the western provinces). The schedule is
plan-wide, so what every region exiting by a year needs is summed and compared with the
schedule's running total at the end of that year, with the tolerance its printed figures allow.
A region without an exit year, or one missing the figure its need is computed from, is *not
evaluable*, naming the figure to add. The plan's own region (`plan.region` with a `kind` and an
`exit_year`: a poor county's own plan) is judged alone, with the baseline's figures. Where a
region prints its poverty incidence but no rural population, the rural population is taken as
its poor population over that incidence. A partial schedule that falls short is *not
evaluable*: it gives only some years.

Passing: two non-poor counties of 120 and 80 poor villages exiting in 2018 and 2019, and a
villages schedule reaching 200个 by 2019.

Failing: the same with a schedule reaching only 150个 by 2019.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from decimal import Decimal

from planctl.calc.wording import in_context, measure_name
from planctl.criteria import POOR_KINDS, CriterionMeasure, ExitCriterion
from planctl.derive import Derived
from planctl.derive.exit_units import listed_units, own_region
from planctl.derive.incidence import rural_population
from planctl.findings import Finding, Outcome, Severity
from planctl.i18n import N_, _
from planctl.location import PlanPath
from planctl.model import Plan
from planctl.model.plan import Level, Region, RegionKind
from planctl.quantity import format_decimal
from planctl.rules.base import not_evaluable, verdict

CODE = "PE04"
TITLE = N_("region exit year feasible")
SEVERITY = Severity.ERROR
EXIT_CRITERION = True

# What `_missing` says of a figure to add; a field the need names for a purpose says it.
MISSING_FIELD = N_("missing {field} of {regions}")
MISSING = {
    "rural_population or incidence (for poverty incidence)": N_(
        "missing rural_population or incidence (for poverty incidence) of {regions}"
    ),
}
SEPARATOR = N_("list|; ")

# A need is a number of villages or people, or the (field, region) of the figure missing for it.
Need = Decimal | tuple[str, str]


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    listed = [unit.region for unit in listed_units(plan)]
    # The needs of each region with an exit year, once: every such year sums those of all the
    # regions exiting by then.
    dated = [(region.exit_year, region) for region in listed if region.exit_year is not None]
    needs = _needs([region for _year, region in dated], derived.criteria)
    for index, region in enumerate(listed):
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
        exiting = [i for i, (other_year, _region) in enumerate(dated) if other_year <= year]
        exiting_needs = {measure: [needs[measure][i] for i in exiting] for measure in needs}
        yield from _judge(derived, region, exiting_needs, path)
    own = own_region(plan)
    if own is not None and own.region.exit_year is not None:
        yield from _judge(derived, own.region, _needs([own.region], derived.criteria), own.path)


def _judge(
    derived: Derived,
    region: Region,
    exiting: dict[str, list[Need]],
    path: PlanPath,
) -> Iterator[Finding]:
    """Whether the schedules exit, by `region`'s exit year, what the regions exiting by then
    need (`exiting`: each one's need, by measure)."""
    year = region.exit_year
    assert year is not None
    for measure, needs in exiting.items():
        name = _("{name} exits in {year} ({measure})").format(
            name=region.name, year=year, measure=measure_name(measure)
        )
        series = derived.timeline.exit_series(measure)
        done = series.cumulative(year) if series is not None and series.entries else None
        needed, lacking = _sum_needs(needs)
        why = None
        if series is None or not series.entries:
            why = _("the plan has no {measure} schedule").format(measure=measure_name(measure))
        elif done is None:
            why = _("the {measure} schedule mixes units; see PC107").format(
                measure=measure_name(measure)
            )
        elif lacking:
            why = _missing(lacking)
        if why is not None:
            yield not_evaluable(
                CODE,
                name,
                why,
                path,
                year=year,
                region=region.name,
            )
            continue
        assert series is not None  # else `why` says what is missing
        assert done is not None
        unit = series.unit.base if series.unit else ""
        met = needed <= done + series.tolerance(year)
        needed_text, done_text = f"{format_decimal(needed)}{unit}", f"{format_decimal(done)}{unit}"
        figures = {
            "name": name,
            "n": len(needs),
            "year": year,
            "needed": needed_text,
            "done": done_text,
        }
        message = _(
            "{name}: the {n} regions exiting by {year} need {needed}; "
            "the schedule exits {done} by then"
        ).format(**figures)
        outcome = Outcome.PASS if met else Outcome.FAIL
        if not met and series.partial:
            outcome = Outcome.NOT_EVALUABLE
            message = _(
                "{name}: the {n} regions exiting by {year} need {needed}; "
                "the schedule exits {done} by then, but the schedule is partial"
            ).format(**figures)
        yield verdict(
            CODE,
            outcome,
            message,
            path,
            year=year,
            region=region.name,
            stated=needed_text,
            computed=done_text,
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


def _needs(regions: list[Region], criteria: list[ExitCriterion]) -> dict[str, list[Need]]:
    """What each region needs to exit, by the measure of the schedule that must meet it."""
    return {
        "villages": [villages_needed(region, criteria) for region in regions],
        "people": [people_needed(region, criteria) for region in regions],
    }


def _sum_needs(needs: list[Need]) -> tuple[Decimal, list[tuple[str, str]]]:
    """What the exiting regions need together, or the figures missing to say so."""
    total, lacking = Decimal(0), []
    for result in needs:
        if isinstance(result, tuple):
            lacking.append(result)
        else:
            total += result
    return total, lacking


def villages_needed(region: Region, criteria: list[ExitCriterion]) -> Decimal | tuple[str, str]:
    """Villages that must have exited for the region to exit (a village: itself)."""
    if region.level is Level.VILLAGE:
        return Decimal(1)
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
    if region.level is Level.VILLAGE:
        village_rule = next((c for c in criteria if c.applies_to_villages), None)
        return _incidence_need(region, people, village_rule)
    share_rule = criterion_for(criteria, CriterionMeasure.PEOPLE_EXITED, region.kind)
    if share_rule is not None:
        return Decimal(math.ceil(people * share_rule.threshold / 100))
    incidence = criterion_for(criteria, CriterionMeasure.INCIDENCE, region.kind)
    return _incidence_need(region, people, incidence)


def _incidence_need(
    region: Region, people: Decimal, incidence: ExitCriterion | None
) -> Decimal | tuple[str, str]:
    """The people to exit for the region's incidence to reach the criterion's threshold."""
    if incidence is None:
        return Decimal(0)
    rural = rural_population(region)
    if rural is None:
        return ("rural_population or incidence (for poverty incidence)", region.name)
    allowed = Decimal(math.floor(rural * incidence.threshold / 100))
    return max(people - allowed, Decimal(0))


def criterion_for(
    criteria: list[ExitCriterion], measure: CriterionMeasure, kind: RegionKind | None
) -> ExitCriterion | None:
    """The criterion of `measure` that applies to regions of `kind` (the last one wins)."""
    for criterion in reversed(criteria):
        if criterion.measure is measure and kind in criterion.kinds:
            return criterion
    return None
