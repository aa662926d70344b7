"""The year-by-year exit table: exits, cumulative, remaining and share of the baseline."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.model import Plan, Schedule
from planctl.model.plan import EXIT_MEASURES


@dataclass(frozen=True, slots=True)
class Track:
    """One exit measure over the years: what the schedule exits against what the baseline holds."""

    measure: str
    unit: str
    baseline: Decimal | None  # base units
    exits: dict[int, Decimal]  # year -> base units

    def cumulative(self, year: int) -> Decimal:
        return sum((value for y, value in self.exits.items() if y <= year), Decimal(0))

    def remaining(self, year: int) -> Decimal | None:
        return None if self.baseline is None else self.baseline - self.cumulative(year)

    def share(self, year: int) -> Decimal | None:
        if not self.baseline:
            return None
        return self.cumulative(year) / self.baseline * 100


@dataclass(frozen=True, slots=True)
class YearRow:
    year: int
    regions_exiting: list[str]
    indicators_due: list[str]
    targets_due: list[str]


@dataclass(slots=True)
class Simulation:
    """Everything exit-check derives from the plan before judging it."""

    years: list[int]
    tracks: dict[str, Track] = field(default_factory=dict)
    rows: list[YearRow] = field(default_factory=list)


def simulate(plan: Plan) -> Simulation:
    """Build the tracks for people, villages and households, and the per-year lists."""
    tracks = {
        measure: track for measure in EXIT_MEASURES if (track := _track(plan, measure)) is not None
    }
    simulation = Simulation(_years(plan, tracks), tracks)
    regions = plan.region_items
    for year in simulation.years:
        simulation.rows.append(
            YearRow(
                year,
                [region.name for region in regions if region.exit_year == year],
                [indicator.name for indicator in plan.indicators if indicator.by == year],
                [target.name for target in plan.targets if target.by == year],
            )
        )
    return simulation


def exit_schedule(plan: Plan, measure: str) -> Schedule | None:
    """The plan's first schedule of `measure` (people, villages or households)."""
    return next((s for s in plan.schedules if s.measure == measure), None)


def _track(plan: Plan, measure: str) -> Track | None:
    schedule = exit_schedule(plan, measure)
    baseline = plan.exit_baseline(measure)
    if schedule is None and baseline is None:
        return None
    exits = {
        year: figure.value.base for year, figure in (schedule.years if schedule else {}).items()
    }
    unit = (baseline.value.unit.base if baseline else None) or next(
        (f.value.unit.base for f in (schedule.years.values() if schedule else [])), ""
    )
    return Track(measure, unit, baseline.statements()[0].value.base if baseline else None, exits)


def _years(plan: Plan, tracks: dict[str, Track]) -> list[int]:
    if plan.plan.period:
        first, last = plan.plan.period
    else:
        years = {y for track in tracks.values() for y in track.exits}
        years |= {r.exit_year for r in plan.region_items if r.exit_year}
        if not years:
            return []
        first, last = min(years), max(years)
    scheduled = {y for track in tracks.values() for y in track.exits}
    return sorted(set(range(first, last + 1)) | scheduled)
