"""The plan year by year: every schedule, the regions that exit and the indicators that fall due.

A plan spreads its work over the years in several places: exit schedules for people and
villages, free schedules (relocation, ...), the exit year of each region, the year each indicator
is due. Put side by side with running totals they show whether the pieces tell one story (do
the villages exit before the people who live in them? does the last region exit in the last
year?).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.calc.budget_lines import percent
from planctl.model import Plan, Schedule
from planctl.quantity import Quantity
from planctl.units import Unit, lookup


@dataclass(frozen=True, slots=True)
class Series:
    """One schedule over the years; cumulative sums are None when its units do not mix."""

    schedule: Schedule
    entries: dict[int, Quantity]
    unit: Unit | None  # the unit its running totals are shown in
    baseline: Quantity | None  # for exit schedules, what they count against

    @property
    def mixed(self) -> bool:
        return len({entry.family for entry in self.entries.values()}) > 1

    def cumulative(self, years: list[int]) -> dict[int, Decimal]:
        """Running total (base units) at the end of each year; empty when units mix."""
        if self.mixed:
            return {}
        running, out = Decimal(0), {}
        for year in years:
            if year in self.entries:
                running += self.entries[year].base
            out[year] = running
        return out

    def cumulative_share(self, years: list[int]) -> dict[int, Decimal]:
        """Running total as a percentage of the baseline, for exit schedules."""
        baseline = self.baseline
        if baseline is None or self.mixed or not self.entries:
            return {}
        if next(iter(self.entries.values())).family != baseline.family:
            return {}
        shares = {}
        for year, value in self.cumulative(years).items():
            share = percent(value, baseline.base)
            if share is not None:
                shares[year] = share
        return shares


@dataclass(slots=True)
class Timeline:
    years: list[int]  # the plan period, widened to every year that has an entry
    period: tuple[int, int] | None
    series: list[Series] = field(default_factory=list)
    exits: dict[int, list[str]] = field(default_factory=dict)  # year -> region names
    due: dict[int, list[str]] = field(default_factory=dict)  # year -> indicator names
    undated_indicators: int = 0

    def in_period(self, year: int) -> bool:
        return self.period is None or self.period[0] <= year <= self.period[1]

    @staticmethod
    def running(counts: dict[int, list[str]], years: list[int]) -> dict[int, int]:
        total, out = 0, {}
        for year in years:
            total += len(counts.get(year, []))
            out[year] = total
        return out


def timeline(plan: Plan) -> Timeline:
    """Everything of the plan that happens in a given year."""
    series = [_series(plan, schedule) for schedule in plan.schedules]
    exits: dict[int, list[str]] = {}
    if plan.regions is not None:
        for region in plan.regions.items:
            if region.exit_year is not None:
                exits.setdefault(region.exit_year, []).append(region.name)
    due: dict[int, list[str]] = {}
    undated = 0
    for indicator in plan.indicators:
        if indicator.by is None:
            undated += 1
        else:
            due.setdefault(indicator.by, []).append(indicator.name)
    years = {year for item in series for year in item.entries} | set(exits) | set(due)
    period = plan.plan.period
    if period is not None:
        years |= set(range(period[0], period[1] + 1))
    span = list(range(min(years), max(years) + 1)) if years else []
    return Timeline(span, period, series, exits, due, undated)


def _series(plan: Plan, schedule: Schedule) -> Series:
    entries = {year: figure.value for year, figure in sorted(schedule.years.items())}
    units = {entry.unit.text for entry in entries.values()}
    families = {entry.family for entry in entries.values()}
    unit: Unit | None = None
    if len(units) == 1:
        unit = next(iter(entries.values())).unit
    elif len(families) == 1:
        unit = lookup(next(iter(entries.values())).unit.base)
    figure = plan.baseline_of(schedule.measure)
    baseline = figure.value if figure is not None else None
    return Series(schedule, entries, unit, baseline)
