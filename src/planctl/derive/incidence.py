"""Poverty incidence (贫困发生率): poor people over the rural population, printed or computed.

Documents print the incidence of the baseline year, of each region and of the years of the
schedule. planctl checks each printed figure against the people and population it is a ratio of
(PC113) and judges the exit threshold by the printed figure where there is one (PE05, PE04).
The ratio of two printed figures is only known to the precision of both: `ratio` carries that
tolerance, so that the comparison with the printed incidence stays the one precision-aware
comparison of `calc/compare.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from planctl.location import PlanPath
from planctl.model import Figure, Plan, Region

HUNDRED = Decimal(100)
SHOWN = Decimal("0.000001")


@dataclass(frozen=True, slots=True)
class Ratio:
    """A computed incidence in percent, with how far the printed inputs let it be off."""

    percent: Decimal
    tolerance: Decimal


def ratio(
    people: Decimal, people_tolerance: Decimal, population: Decimal, population_tolerance: Decimal
) -> Ratio | None:
    """`people / population` in percent; None when the population may be zero."""
    if population <= population_tolerance:
        return None
    percent = people / population * HUNDRED
    # Worst case over the inputs' intervals: more people over fewer inhabitants, or the reverse.
    high = (people + people_tolerance) / (population - population_tolerance) * HUNDRED
    low = max(people - people_tolerance, Decimal(0)) / (population + population_tolerance) * HUNDRED
    spread = max(high - percent, percent - low)
    # Shown to six decimals; the rounding is added to the tolerance, so no comparison changes.
    shown = percent.quantize(SHOWN, rounding=ROUND_HALF_EVEN)
    return Ratio(shown, spread + abs(percent - shown))


def figure_ratio(people: Figure, population: Figure) -> Ratio | None:
    """The incidence two printed figures give (their most precise statements)."""
    poor, rural = people.statements()[0].value, population.statements()[0].value
    if poor.family != rural.family:
        return None
    return ratio(poor.base, poor.tolerance, rural.base, rural.tolerance)


def rural_population(region: Region) -> Decimal | None:
    """A region's rural population: as printed, or its poor population over its incidence."""
    if region.rural_population is not None:
        return region.rural_population.value.base
    if region.poor_population is None or region.incidence is None:
        return None
    incidence = region.incidence.value.base
    if incidence <= 0:
        return None
    return region.poor_population.value.base / incidence * HUNDRED


def baseline_rural(plan: Plan) -> tuple[Decimal, Decimal] | None:
    """The baseline's rural population and its tolerance (base units).

    As printed; or, when only the incidence is printed, the poor population over it, known to
    the precision both printed figures allow.
    """
    baseline = plan.baseline
    if baseline is None:
        return None
    if baseline.rural_population is not None:
        rural = baseline.rural_population.value
        return rural.base, rural.tolerance
    if baseline.poor_population is None or baseline.incidence is None:
        return None
    poor, incidence = baseline.poor_population.value, baseline.incidence.value
    if incidence.base <= incidence.tolerance or poor.family != "people":
        return None
    value = poor.base / incidence.base * HUNDRED
    tolerance = value * (poor.tolerance / poor.base + incidence.tolerance / incidence.base)
    return value, tolerance


@dataclass(frozen=True, slots=True)
class PrintedIncidence:
    """An incidence the document prints for the end of a year, and where it is written."""

    year: int | None
    figure: Figure
    path: PlanPath


def printed_incidences(plan: Plan) -> list[PrintedIncidence]:
    """Every incidence printed for the plan's whole region: baseline, schedules, year by year."""
    found: list[PrintedIncidence] = []
    if plan.baseline is not None and plan.baseline.incidence is not None:
        found.append(
            PrintedIncidence(plan.baseline.year, plan.baseline.incidence, ("baseline", "incidence"))
        )
    for index, schedule in enumerate(plan.schedules):
        for year, figure in sorted(schedule.incidence.items()):
            found.append(PrintedIncidence(year, figure, ("schedules", index, "incidence", year)))
    return found


def latest_printed(plan: Plan) -> PrintedIncidence | None:
    """The incidence printed for the latest year of the schedules, if the document prints any.

    The baseline's incidence is where the plan starts, not a result: it is not a candidate.
    """
    dated = [one for one in printed_incidences(plan) if one.path[0] == "schedules"]
    return max(dated, key=lambda one: one.year or 0, default=None)
