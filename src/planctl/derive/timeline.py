"""The plan year by year: every schedule, the regions that exit, the targets and indicators due.

A plan spreads its work over the years in several places: exit schedules for people, villages
and households, free schedules (relocation, ...), the exit year of each region, the year each
target and indicator is due. This is the one year-by-year model of a plan: the exit rules judge
it, `exit-check` and `schedule` show it, so no two of them can count a year differently.

A schedule whose entries mix unit families (人 beside 户) has no running total: adding them
would invent a figure (PC107 reports the mix), so everything derived from it is unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.model import Figure, Plan, Schedule
from planctl.model.plan import EXIT_MEASURES
from planctl.quantity import Quantity
from planctl.units import Unit, lookup


@dataclass(frozen=True, slots=True)
class Series:
    """One schedule over the years, with the baseline figure an exit schedule counts against."""

    schedule: Schedule
    index: int  # its position in `plan.schedules`
    entries: dict[int, Quantity]  # year -> the figure as printed, in year order
    unit: Unit | None  # the unit its running totals are shown in; None when units mix
    baseline: Figure | None

    @property
    def path(self) -> tuple[str, int]:
        return ("schedules", self.index)

    @property
    def mixed(self) -> bool:
        """Whether the entries mix unit families, so that they cannot be added."""
        return len({entry.family for entry in self.entries.values()}) > 1

    @property
    def family(self) -> str | None:
        """The entries' unit family, or None when they mix or there are none."""
        families = {entry.family for entry in self.entries.values()}
        return next(iter(families)) if len(families) == 1 else None

    @property
    def baseline_value(self) -> Quantity | None:
        """The most precise statement of the baseline, when it counts in the entries' family."""
        if self.baseline is None:
            return None
        value = self.baseline.statements()[0].value
        return value if value.family == self.family else None

    @property
    def last_year(self) -> int | None:
        return max(self.entries, default=None)

    @property
    def partial(self) -> bool:
        """Whether the schedule gives only some of the work: its running totals are lower bounds."""
        return self.schedule.partial

    def cumulative(self, year: int) -> Decimal | None:
        """Exact running total (base units) at the end of `year`; None when units mix."""
        if self.mixed:
            return None
        return sum((v.base for y, v in self.entries.items() if y <= year), Decimal(0))

    def tolerance(self, year: int) -> Decimal:
        """How far the running total at `year` may be from the truth, from the printed digits."""
        return sum((v.tolerance for y, v in self.entries.items() if y <= year), Decimal(0))

    def remaining(self, year: int) -> Decimal | None:
        """The baseline less the running total (base units), when both are known."""
        done, baseline = self.cumulative(year), self.baseline_value
        return None if done is None or baseline is None else baseline.base - done

    def share(self, year: int) -> Decimal | None:
        """The running total as a percentage of the baseline, when both are known."""
        done, baseline = self.cumulative(year), self.baseline_value
        if done is None or baseline is None or baseline.base == 0:
            return None
        return done / baseline.base * 100


@dataclass(frozen=True, slots=True)
class Timeline:
    """Every year from the first to the last that the plan period or any entry names."""

    years: list[int]
    period: tuple[int, int] | None
    series: list[Series]
    exits: dict[int, list[str]] = field(default_factory=dict)  # year -> region names
    due: dict[int, list[str]] = field(default_factory=dict)  # year -> indicator names
    targets_due: dict[int, list[str]] = field(default_factory=dict)  # year -> target names
    undated_indicators: int = 0

    def in_period(self, year: int) -> bool:
        return self.period is None or self.period[0] <= year <= self.period[1]

    def exit_series(self, measure: str) -> Series | None:
        """The plan's first schedule of an exit measure (people, villages or households)."""
        return next(
            (s for s in self.series if s.schedule.measure == measure and s.schedule.scope is None),
            None,
        )

    @staticmethod
    def running(counts: dict[int, list[str]], years: list[int]) -> dict[int, int]:
        """How many names `counts` lists up to and including each year."""
        total, out = 0, {}
        for year in years:
            total += len(counts.get(year, []))
            out[year] = total
        return out


def build_timeline(plan: Plan) -> Timeline:
    """Everything of the plan that happens in a given year."""
    series = [_series(plan, index, schedule) for index, schedule in enumerate(plan.schedules)]
    exits: dict[int, list[str]] = {}
    for region in plan.region_items:
        if region.exit_year is not None:
            exits.setdefault(region.exit_year, []).append(region.name)
    own = plan.plan.region
    if own is not None and own.exit_year is not None:  # the plan's own region exits too
        exits.setdefault(own.exit_year, []).append(own.name)
    due: dict[int, list[str]] = {}
    for indicator in plan.indicators:
        if indicator.by is not None:
            due.setdefault(indicator.by, []).append(indicator.name)
    targets_due: dict[int, list[str]] = {}
    for target in plan.targets:
        year = target.by if target.by is not None else target.in_year
        if year is not None:
            targets_due.setdefault(year, []).append(target.name)
    years = {year for item in series for year in item.entries} | set(exits) | set(due)
    period = plan.plan.period
    if period is not None:
        years |= set(range(period[0], period[1] + 1))
    span = list(range(min(years), max(years) + 1)) if years else []
    undated = sum(1 for indicator in plan.indicators if indicator.by is None)
    return Timeline(span, period, series, exits, due, targets_due, undated)


def _series(plan: Plan, index: int, schedule: Schedule) -> Series:
    entries = {year: figure.value for year, figure in sorted(schedule.years.items())}
    units = {entry.unit.text for entry in entries.values()}
    families = {entry.family for entry in entries.values()}
    unit: Unit | None = None
    if len(units) == 1:
        unit = next(iter(entries.values())).unit
    elif len(families) == 1:
        unit = lookup(next(iter(entries.values())).unit.base)
    # A scoped schedule (one town's exits) does not count against the plan's baseline.
    exits = schedule.measure in EXIT_MEASURES and schedule.scope is None
    baseline = plan.exit_baseline(schedule.measure) if exits else None
    return Series(schedule, index, entries, unit, baseline)
