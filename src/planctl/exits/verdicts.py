"""Verdicts on a plan's exit schedule: pass, fail or not evaluable, with the numbers behind each.

Every verdict carries a code (PE01-PE08, documented in `planctl exit-check --criteria`), the
path of the plan figure it is about, and a detail that states the figures compared or exactly
which figure is missing.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planctl.exits.criteria import (
    HOUSEHOLD_CONDITIONS,
    MEASURE_ALIASES,
    POOR_KINDS,
    THIRD_PARTY,
    Criterion,
    Measure,
    national_criteria,
    provincial_criteria,
)
from planctl.exits.simulate import Simulation, Track, exit_schedule
from planctl.location import Path
from planctl.model import Plan
from planctl.model.plan import EXIT_MEASURES, Region, RegionKind
from planctl.quantity import format_decimal

COUNTY_MEASURE = "counties"


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NOT_EVALUABLE = "not evaluable"


@dataclass(frozen=True, slots=True)
class Verdict:
    code: str
    name: str
    status: Status
    detail: str
    path: Path = ()
    year: int | None = None
    region: str | None = None
    source: str | None = None


CODES = {
    "PE01": "exit schedule adds up to the baseline",
    "PE02": "target met by its year",
    "PE03": "one target, conflicting deadlines",
    "PE04": "region exit year feasible",
    "PE05": "poverty incidence",
    "PE06": "indicator due within the plan period",
    "PE07": "household exit conditions have targets",
    "PE08": "third-party evaluation thresholds",
}


def judge(plan: Plan, simulation: Simulation) -> list[Verdict]:
    """All verdicts for the plan, in a stable order."""
    criteria = effective_criteria(plan)
    return [
        *_schedule_totals(plan, simulation),
        *_targets(plan, simulation),
        *_region_feasibility(plan, simulation, criteria),
        *_incidence(plan, simulation, criteria),
        *_indicators(plan),
        *_household_conditions(plan),
        *(
            Verdict(
                "PE08",
                name,
                Status.NOT_EVALUABLE,
                "needs survey data no plan contains",
                source=source,
            )
            for name, source in THIRD_PARTY
        ),
    ]


def effective_criteria(plan: Plan) -> list[Criterion]:
    """National defaults, then provincial rules, then the plan's own (later ones override)."""
    region = plan.plan.region
    chosen: dict[tuple[Measure, tuple[RegionKind, ...], bool], Criterion] = {}
    defaults = national_criteria(region.western if region else False)
    defaults += provincial_criteria(region.province if region else None)
    for criterion in defaults:
        chosen[(criterion.measure, criterion.kinds, criterion.applies_to_villages)] = criterion
    for own in plan.criteria:
        measure = MEASURE_ALIASES.get(own.measure)
        if measure is None or own.threshold.value.family != "percent":
            continue
        kinds = tuple(own.applies_to)
        criterion = Criterion(
            own.name,
            measure,
            own.threshold.value.base,
            kinds,
            own.source or "the plan",
            applies_to_villages=not kinds,
        )
        for key in list(chosen):
            if key[0] is measure and set(key[1]) & set(kinds):
                del chosen[key]
        chosen[(measure, kinds, not kinds)] = criterion
    return list(chosen.values())


def _schedule_totals(plan: Plan, simulation: Simulation) -> Iterator[Verdict]:
    for measure, track in simulation.tracks.items():
        schedule = exit_schedule(plan, measure)
        index = plan.schedules.index(schedule) if schedule else None
        path: Path = ("schedules", index) if index is not None else ("baseline",)
        name = f"{measure} schedule reaches the baseline"
        if schedule is None:
            yield Verdict(
                "PE01",
                name,
                Status.NOT_EVALUABLE,
                f"the plan has no schedule with measure: {measure}",
                path,
            )
        elif track.baseline is None:
            field = EXIT_MEASURES[measure]
            yield Verdict(
                "PE01", name, Status.NOT_EVALUABLE, f"the plan states no baseline.{field}", path
            )
        else:
            total = track.cumulative(max(track.exits, default=0))
            status = Status.PASS if total == track.baseline else Status.FAIL
            yield Verdict(
                "PE01",
                name,
                status,
                f"the schedule exits {_n(total, track)}; the baseline is "
                f"{_n(track.baseline, track)}",
                path,
            )


def _targets(plan: Plan, simulation: Simulation) -> Iterator[Verdict]:
    seen: dict[tuple[str, Decimal | None], tuple[int, int]] = {}
    for index, target in enumerate(plan.targets):
        path: Path = ("targets", index)
        if target.measure not in (*simulation.tracks, COUNTY_MEASURE):
            continue
        required = _target_value(plan, simulation, target.measure, target.value)
        if target.by is None:
            yield Verdict(
                "PE02",
                target.name,
                Status.NOT_EVALUABLE,
                "the document gives no year for it",
                path,
                source=target.source,
            )
            continue
        key = (target.measure, required)
        if key in seen and seen[key][1] != target.by:
            other_index, other_year = seen[key]
            yield Verdict(
                "PE03",
                target.name,
                Status.FAIL,
                f"due {target.by} here, {other_year} at targets[{other_index}]",
                (*path, "by"),
                target.by,
                source=target.source,
            )
        seen.setdefault(key, (index, target.by))
        yield _target_verdict(
            plan, simulation, target.name, target.measure, required, target.by, path, target.source
        )


def _target_value(
    plan: Plan, simulation: Simulation, measure: str, value: object
) -> Decimal | None:
    if measure == COUNTY_MEASURE:
        poor = _poor_counties(plan)
        if value == "all" or value is None:
            return Decimal(len(poor)) if poor else None
    elif value == "all" or value is None:
        return simulation.tracks[measure].baseline
    figure = getattr(value, "value", None)
    return figure.base if figure is not None else None


def _target_verdict(
    plan: Plan,
    simulation: Simulation,
    name: str,
    measure: str,
    required: Decimal | None,
    year: int,
    path: Path,
    source: str | None,
) -> Verdict:
    if measure == COUNTY_MEASURE:
        poor = _poor_counties(plan)
        if required is None or not poor:
            return Verdict(
                "PE02",
                name,
                Status.NOT_EVALUABLE,
                "the plan lists no poor counties with their kinds",
                path,
                year,
                source=source,
            )
        undated = [r.name for r in poor if r.exit_year is None]
        if undated:
            return Verdict(
                "PE02",
                name,
                Status.NOT_EVALUABLE,
                f"no exit_year for {'、'.join(undated)}",
                path,
                year,
                source=source,
            )
        exited = sum(1 for r in poor if r.exit_year is not None and r.exit_year <= year)
        status = Status.PASS if exited >= required else Status.FAIL
        return Verdict(
            "PE02",
            name,
            status,
            f"{exited} of {format_decimal(required)} poor counties exit by {year}",
            path,
            year,
            source=source,
        )
    track = simulation.tracks[measure]
    if not track.exits:
        return Verdict(
            "PE02",
            name,
            Status.NOT_EVALUABLE,
            f"the plan has no schedule with measure: {measure}",
            path,
            year,
            source=source,
        )
    if required is None:
        return Verdict(
            "PE02",
            name,
            Status.NOT_EVALUABLE,
            f"the plan states no baseline for {measure}",
            path,
            year,
            source=source,
        )
    done = track.cumulative(year)
    status = Status.PASS if done >= required else Status.FAIL
    return Verdict(
        "PE02",
        name,
        status,
        f"by {year} the schedule exits {_n(done, track)} of {_n(required, track)}",
        path,
        year,
        source=source,
    )


def _region_feasibility(
    plan: Plan, simulation: Simulation, criteria: list[Criterion]
) -> Iterator[Verdict]:
    """Per region and measure: do the exits scheduled by its exit year cover what it needs?

    What the regions exiting by a year need (all villages of a non-poor county, 90% of a poor
    county's villages where that rule applies, the people that bring incidence under the
    threshold, ...) is summed over every region exiting by then, since the schedule is plan-wide.
    """
    regions = plan.region_items
    needs: tuple[tuple[str, Need], ...] = (
        ("villages", _villages_needed),
        ("people", _people_needed),
    )
    for index, region in enumerate(regions):
        path: Path = ("regions", "items", index, "exit_year")
        if region.exit_year is None:
            yield Verdict(
                "PE04",
                f"{region.name} exit year",
                Status.NOT_EVALUABLE,
                f"regions.items[{index}] has no exit_year",
                path,
                region=region.name,
            )
            continue
        year = region.exit_year
        exiting = [r for r in regions if r.exit_year is not None and r.exit_year <= year]
        for measure, need in needs:
            name = f"{region.name} exits in {year} ({measure})"
            track = simulation.tracks.get(measure)
            if track is None or not track.exits:
                yield Verdict(
                    "PE04",
                    name,
                    Status.NOT_EVALUABLE,
                    f"the plan has no {measure} schedule",
                    path,
                    year,
                    region.name,
                )
                continue
            needed, lacking = _sum_needs(exiting, criteria, need)
            if lacking:
                yield Verdict(
                    "PE04",
                    name,
                    Status.NOT_EVALUABLE,
                    _missing(lacking),
                    path,
                    year,
                    region.name,
                )
                continue
            done = track.cumulative(year)
            status = Status.PASS if needed <= done else Status.FAIL
            yield Verdict(
                "PE04",
                name,
                status,
                f"the {len(exiting)} regions exiting by {year} need "
                f"{_n(needed, track)}; the schedule exits {_n(done, track)} by then",
                path,
                year,
                region.name,
            )


# A need is a number of villages or people, or the name of the figure missing to compute it.
Need = Callable[[Region, list[Criterion]], Decimal | tuple[str, str]]


def _missing(lacking: list[tuple[str, str]]) -> str:
    """`missing rural_population of 栾川县、嵩县`: the figures to add to make it evaluable."""
    by_field: dict[str, list[str]] = {}
    for field, region in lacking:
        by_field.setdefault(field, []).append(region)
    return "; ".join(
        f"missing {field} of {'、'.join(regions)}" for field, regions in by_field.items()
    )


def _sum_needs(
    exiting: list[Region], criteria: list[Criterion], need: Need
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


def _villages_needed(region: Region, criteria: list[Criterion]) -> Decimal | tuple[str, str]:
    """Villages that must have exited for the region to exit."""
    if region.poor_villages is None:
        return ("poor_villages", region.name)
    villages = region.poor_villages.value.base
    if region.kind not in POOR_KINDS:
        return villages  # a non-poor county exits with all its poor villages
    rule = _rule(criteria, Measure.VILLAGES_EXITED, region.kind)
    if rule is None:
        return Decimal(0)
    return Decimal(math.ceil(villages * rule.threshold / 100))


def _people_needed(region: Region, criteria: list[Criterion]) -> Decimal | tuple[str, str]:
    """People who must have exited for the region to exit."""
    if region.poor_population is None:
        return ("poor_population", region.name)
    people = region.poor_population.value.base
    share_rule = _rule(criteria, Measure.PEOPLE_EXITED, region.kind)
    if share_rule is not None:
        return Decimal(math.ceil(people * share_rule.threshold / 100))
    incidence = _rule(criteria, Measure.INCIDENCE, region.kind)
    if incidence is None:
        return Decimal(0)
    if region.rural_population is None:
        return ("rural_population (for poverty incidence)", region.name)
    allowed = Decimal(math.floor(region.rural_population.value.base * incidence.threshold / 100))
    return max(people - allowed, Decimal(0))


def _rule(criteria: list[Criterion], measure: Measure, kind: RegionKind | None) -> Criterion | None:
    for criterion in reversed(criteria):
        if criterion.measure is measure and kind in criterion.kinds:
            return criterion
    return None


def _incidence(plan: Plan, simulation: Simulation, criteria: list[Criterion]) -> Iterator[Verdict]:
    people = simulation.tracks.get("people")
    rural = plan.baseline.rural_population if plan.baseline else None
    village_rule = next((c for c in criteria if c.applies_to_villages), None)
    limit = village_rule.threshold if village_rule else Decimal(2)
    if rural is None or people is None or people.baseline is None or not simulation.years:
        missing = "baseline.rural_population" if rural is None else "a people schedule and baseline"
        lacking = [r.name for r in plan.region_items if r.rural_population is None]
        detail = f"needs {missing}"
        if lacking:
            detail += f" and rural_population for {'、'.join(lacking)}"
        yield Verdict(
            "PE05",
            f"poverty incidence at most {format_decimal(limit)}%",
            Status.NOT_EVALUABLE,
            detail,
            ("baseline",),
        )
        return
    last = simulation.years[-1]
    remaining = people.remaining(last) or Decimal(0)
    incidence = remaining / rural.value.base * 100
    status = Status.PASS if incidence <= limit else Status.FAIL
    yield Verdict(
        "PE05",
        f"poverty incidence at most {format_decimal(limit)}% by {last}",
        status,
        f"{_n(remaining, people)} remaining of a rural population of "
        f"{rural.value.text}: {format_decimal(round(incidence, 2))}%",
        ("baseline", "rural_population"),
        last,
    )


def _indicators(plan: Plan) -> Iterator[Verdict]:
    period = plan.plan.period
    for index, indicator in enumerate(plan.indicators):
        path: Path = ("indicators", index, "by")
        name = f"{indicator.name} {indicator.target.value.text}"
        if indicator.by is None:
            yield Verdict(
                "PE06",
                name,
                Status.NOT_EVALUABLE,
                "no year is given",
                path,
                source=indicator.source,
            )
        elif period is None:
            yield Verdict(
                "PE06",
                name,
                Status.NOT_EVALUABLE,
                "the plan states no period",
                path,
                indicator.by,
                source=indicator.source,
            )
        else:
            inside = period[0] <= indicator.by <= period[1]
            yield Verdict(
                "PE06",
                name,
                Status.PASS if inside else Status.FAIL,
                f"due {indicator.by}; period {period[0]}-{period[1]}",
                path,
                indicator.by,
                source=indicator.source,
            )


def _household_conditions(plan: Plan) -> Iterator[Verdict]:
    names = [t.name for t in plan.targets] + [i.name for i in plan.indicators]
    pending = list(plan.measures)
    while pending:
        measure = pending.pop()
        names.append(measure.name)
        pending.extend(measure.items)
    if plan.budget:
        names += [item.name for item in plan.budget.items]
        names += [child.name for item in plan.budget.items for child in item.items]
    for condition, keywords in HOUSEHOLD_CONDITIONS:
        stated = [name for name in names if any(word in name for word in keywords)]
        if stated:
            yield Verdict("PE07", condition, Status.PASS, f"stated: {'、'.join(stated[:3])}")
        else:
            yield Verdict(
                "PE07",
                condition,
                Status.NOT_EVALUABLE,
                "the plan states no target or measure for it",
            )


def _regions(plan: Plan) -> list[Region]:
    return plan.regions.items if plan.regions else []


def _n(value: Decimal, track: Track) -> str:
    return f"{format_decimal(value)}{track.unit}"


def _poor_counties(plan: Plan) -> list[Region]:
    """The regions of a poor kind (national or provincial key, or poor of no stated level)."""
    return [region for region in plan.region_items if region.kind in POOR_KINDS]
