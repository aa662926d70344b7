"""Each exit measure's running totals against its baseline, the deadlines, the regions' years.

The printed figures are exit-check's (`year_cell`: the same rounding tolerance, the same unit),
so the page's exit table reads as `planctl exit-check` does. The chart positions are the exact
running totals in that unit.
"""

from __future__ import annotations

from planctl.derive.timeline import Timeline
from planctl.model import Plan
from planctl.model.plan import EXIT_MEASURES
from planctl.render.display import share
from planctl.results import year_cell
from planctl.results.report import Deadline, ExitPoint, ExitSeries, RegionExit


def exit_series(plan: Plan, timeline: Timeline) -> list[ExitSeries]:
    """One entry per exit measure the plan schedules (people, villages, households)."""
    out: list[ExitSeries] = []
    for measure in EXIT_MEASURES:
        series = timeline.exit_series(measure)
        if series is None or series.mixed:
            continue
        baseline = series.baseline_value
        unit = baseline.unit if baseline is not None else series.unit
        if unit is None:
            continue
        points = []
        for year in timeline.years:
            cell = year_cell(series, year)
            done = series.cumulative(year)
            points.append(
                ExitPoint(
                    year=year,
                    in_period=timeline.in_period(year),
                    exits=cell.exits,
                    cumulative=cell.cumulative,
                    remaining=cell.remaining,
                    share=share(cell.share),
                    value=done / unit.factor if done is not None else None,
                )
            )
        remaining = {point.year: point.remaining for point in points}
        deadlines = [
            Deadline(target.by, target.name, remaining.get(target.by))
            for target in plan.targets
            if target.measure == measure and target.by is not None
        ]
        out.append(
            ExitSeries(
                measure=measure,
                unit=unit.text,
                baseline=baseline.text if baseline is not None else None,
                baseline_value=baseline.base / unit.factor if baseline is not None else None,
                points=points,
                deadlines=sorted(set(deadlines), key=lambda d: (d.year, d.name)),
            )
        )
    return out


def region_exits(plan: Plan) -> list[RegionExit]:
    """The listed regions with their exit years, in the plan's order."""
    return [
        RegionExit(region.name, str(region.kind) if region.kind else None, region.exit_year)
        for region in plan.region_items
    ]
