"""`planctl schedule` as a library call: the plan's one timeline, year by year, as figures.

Everything comes from `derived.timeline`, the same year-by-year model the exit rules judge and
`exit-check` shows: the entries as printed, their exact running totals in the schedule's unit
and, for an exit schedule, the share of the baseline.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planctl.derive.timeline import Series, Timeline
from planctl.engine import FileResult
from planctl.i18n import N_
from planctl.quantity import format_in


@dataclass(frozen=True, slots=True)
class ScheduleCell:
    entry: str | None  # as printed; None when the schedule names no figure for the year
    cumulative: str | None  # exact running total; None when the entries' units mix
    share: Decimal | None  # running total as a percent of the baseline (exit schedules)


@dataclass(frozen=True, slots=True)
class ScheduleSeries:
    name: str
    measure: str | None  # people, villages, ... ; None for a free schedule
    baseline: str | None  # the baseline an exit schedule counts against, as printed
    cells: dict[int, ScheduleCell]  # every year of the timeline


@dataclass(frozen=True, slots=True)
class CountSeries:
    """Names falling in each year (regions exiting, indicators due) with the running count."""

    title: str
    names: dict[int, list[str]]  # only the years that have some
    running: dict[int, int]  # every year of the timeline


@dataclass(frozen=True, slots=True)
class ScheduleYear:
    year: int
    in_period: bool


@dataclass(frozen=True, slots=True)
class ScheduleResult:
    file: str
    title: str
    years: list[ScheduleYear]
    series: list[ScheduleSeries]
    counts: list[CountSeries]  # only those with some names
    undated_indicators: int

    @property
    def empty(self) -> bool:
        return not (self.series or self.counts)


def schedule_result(result: FileResult) -> ScheduleResult:
    """The timeline of the plan checked in `result`."""
    assert result.plan is not None
    assert result.derived is not None
    line = result.derived.timeline
    counts = [
        CountSeries(title, names, line.running(names, line.years))
        for title, names in ((N_("regions exiting"), line.exits), (N_("indicators due"), line.due))
        if names
    ]
    return ScheduleResult(
        file=result.file,
        title=result.plan.plan.title,
        years=[ScheduleYear(year, line.in_period(year)) for year in line.years],
        series=[_series(one, line) for one in line.series],
        counts=counts,
        undated_indicators=line.undated_indicators,
    )


def _series(series: Series, line: Timeline) -> ScheduleSeries:
    cells = {}
    for year in line.years:
        entry = series.entries.get(year)
        running = series.cumulative(year)
        cumulative = None
        if running is not None and series.unit is not None:
            cumulative = format_in(running, series.unit)
        cells[year] = ScheduleCell(
            entry.text if entry else None, cumulative, series.share(year) if cumulative else None
        )
    baseline = series.baseline_value
    return ScheduleSeries(
        series.schedule.name,
        series.schedule.measure,
        baseline.text if baseline is not None else None,
        cells,
    )
