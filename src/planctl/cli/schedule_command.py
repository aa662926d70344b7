"""`planctl schedule`: the plan year by year."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

HELP = """Show the plan year by year: every schedule (people, villages, relocation, ...) with its
running total, how many regions exit each year (from regions' exit_year) and how many indicators
fall due, side by side, over the plan period. An exit schedule's running total also shows its
share of the baseline. Years outside the plan period that have entries are added and marked *.
The regions and indicators of each year are listed under the table.

Examples:

  planctl schedule luoyang

  planctl schedule plans/zhengzhou.yaml

Exit codes: 0 shown, 1 the plan is not valid (its findings are printed), 2 usage error.
"""


def schedule(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help="A plan file, or a name under plans/.")
    ],
) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.cli.plan_input import open_plan
    from planctl.render.display import console, exact_in, share

    result = open_plan(plan)
    assert result.plan is not None
    assert result.derived is not None
    line = result.derived.timeline
    out = console()
    if not (line.series or line.exits or line.due):
        out.print(f"{escape(result.file)}: no schedules, exit years or dated indicators")
        _undated(out, line.undated_indicators)
        return
    out.print(f"[head]{escape(result.file)}: year by year[/]")
    table = Table()
    table.add_column("year", no_wrap=True)
    cells: list[list[str]] = [
        [f"{year}{'' if line.in_period(year) else '*'}"] for year in line.years
    ]
    for series in line.series:
        title = escape(series.schedule.name)
        table.add_column(title, justify="right", no_wrap=True)
        table.add_column("cumulative", justify="right", no_wrap=True)
        for row, year in zip(cells, line.years, strict=True):
            entry = series.entries.get(year)
            row.append(escape(entry.text) if entry else "")
            total = ""
            running = series.cumulative(year)
            if running is not None and series.unit is not None:
                total = exact_in(running, series.unit)
                if (part := series.share(year)) is not None:
                    total += f" ({share(part)})"
            row.append(total)
    for title, counts in (("regions exiting", line.exits), ("indicators due", line.due)):
        if not counts:
            continue
        table.add_column(title, justify="right", no_wrap=True)
        table.add_column("cumulative", justify="right", no_wrap=True)
        running_count = line.running(counts, line.years)
        for row, year in zip(cells, line.years, strict=True):
            row.append(str(len(counts[year])) if year in counts else "")
            row.append(str(running_count[year]))
    for row in cells:
        table.add_row(*row)
    out.print(table)
    for title, counts in (("regions exiting", line.exits), ("indicators due", line.due)):
        for year in sorted(counts):
            out.print(f"{title} {year}: {escape('、'.join(counts[year]))}")
    _undated(out, line.undated_indicators)


def _undated(out: Console, count: int) -> None:
    if count:
        out.print(f"[dim]{count} indicator{' has' if count == 1 else 's have'} no year (by)[/]")


schedule.__doc__ = HELP
