"""Drawing `planctl schedule`: every schedule, exits and indicators due, year by year.

On a wide console the schedules stand side by side in one table, a pair of columns each (the
year's figure, the running total); when their figures cannot all fit, each schedule gets a small
table of its own, so the figures are never folded or cut whatever the number of schedules.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from planctl.i18n import _, ngettext
from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.display import column_width, flow, key_line, share, table_width
from planctl.render.json_report import envelope
from planctl.results.schedule import CountSeries, ScheduleCell, ScheduleResult, ScheduleYear


def year_label(year: ScheduleYear) -> str:
    """`2017`, or `2021*` for a year outside the plan period."""
    return f"{year.year}{'' if year.in_period else '*'}"


def running_text(cell: ScheduleCell) -> str:
    """`14000人 (66.67%)`: the running total and, for an exit schedule, its share."""
    if cell.cumulative is None:
        return ""
    return cell.cumulative + (f" ({share(cell.share)})" if cell.share is not None else "")


def _empty_line(result: ScheduleResult) -> str:
    return _("{file}: no schedules, exit years or dated indicators").format(file=result.file)


def _undated(result: ScheduleResult) -> str | None:
    count = result.undated_indicators
    if not count:
        return None
    return ngettext(
        "{n} indicator has no year (by)", "{n} indicators have no year (by)", count
    ).format(n=count)


def _names_lines(result: ScheduleResult) -> list[str]:
    return [
        f"{_(counts.title)} {year}: {'、'.join(counts.names[year])}"
        for counts in result.counts
        for year in sorted(counts.names)
    ]


def render_text(result: ScheduleResult, options: RenderOptions, out: TextIO) -> None:
    """One line per year with every schedule and count, then the names of each year."""
    lines = [_empty_line(result)] if result.empty else [f"{result.file}: {_('year by year')}"]
    for year in [] if result.empty else result.years:
        pieces = []
        for series in result.series:
            cell = series.cells[year.year]
            running = running_text(cell)
            piece = f"{series.name} {cell.entry or '—'}"
            if running:
                piece += _(", cumulative {running}").format(running=running)
            pieces.append(piece)
        for counts in result.counts:
            this_year = len(counts.names.get(year.year, []))
            total = counts.running[year.year]
            pieces.append(
                f"{_(counts.title)} {this_year}" + _(", cumulative {running}").format(running=total)
            )
        lines.append(key_line(year_label(year), pieces))
    lines += _names_lines(result)
    if undated := _undated(result):
        lines.append(undated)
    out.write("\n".join(lines) + "\n")


def render_json(result: ScheduleResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(envelope("schedule", schedule_data(result)), out, ensure_ascii=False, indent=2)
    out.write("\n")


def schedule_data(result: ScheduleResult) -> dict[str, Any]:
    return {
        "file": result.file,
        "title": result.title,
        "years": [{"year": y.year, "in_period": y.in_period} for y in result.years],
        "schedules": [
            {
                "name": series.name,
                "measure": series.measure,
                "baseline": series.baseline,
                "years": [
                    {
                        "year": year,
                        "value": cell.entry,
                        "cumulative": cell.cumulative,
                        "share_of_baseline": share(cell.share) or None,
                    }
                    for year, cell in series.cells.items()
                ],
            }
            for series in result.series
        ],
        **{
            counts.title.replace(" ", "_"): [
                {
                    "year": y.year,
                    "names": counts.names.get(y.year, []),
                    "cumulative": counts.running[y.year],
                }
                for y in result.years
            ]
            for counts in result.counts
        },
        "undated_indicators": result.undated_indicators,
    }


def render_table(result: ScheduleResult, options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    if result.empty:
        console.print(escape(_empty_line(result)))
    else:
        console.print(f"[head]{escape(result.file)}: {escape(_('year by year'))}[/]")
        wide = _wide(result)
        if table_width(_widths(wide)) <= console.width:
            console.print(_table(wide))
        else:
            _stacked(console, result)
    for line in _names_lines(result):
        console.print(escape(line), overflow="fold")
    if undated := _undated(result):
        console.print(f"[dim]{escape(undated)}[/]")


Columns = list[tuple[str, list[str]]]  # (header, a cell per year)


def _widths(columns: Columns) -> list[int]:
    return [column_width(header, cells) for header, cells in columns]


def _counts_columns(result: ScheduleResult, counts: CountSeries) -> Columns:
    return [
        (
            _(counts.title),
            [
                str(len(counts.names[y.year])) if y.year in counts.names else ""
                for y in result.years
            ],
        ),
        (_("cumulative"), [str(counts.running[y.year]) for y in result.years]),
    ]


def _wide(result: ScheduleResult) -> Columns:
    columns: Columns = [(_("year"), [year_label(y) for y in result.years])]
    for series in result.series:
        cells = [series.cells[y.year] for y in result.years]
        columns.append((series.name, [cell.entry or "" for cell in cells]))
        columns.append((_("cumulative"), [running_text(cell) for cell in cells]))
    for counts in result.counts:
        columns += _counts_columns(result, counts)
    return columns


def _table(columns: Columns) -> Table:
    table = Table()
    for index, (header, _cells) in enumerate(columns):
        table.add_column(escape(header), justify="left" if index == 0 else "right", no_wrap=True)
    for row in zip(*(cells for _header, cells in columns), strict=True):
        table.add_row(*(escape(cell) for cell in row))
    return table


def _print(console: Console, columns: Columns) -> None:
    """`columns` as a table when it fits, else a line per year (a very narrow terminal)."""
    if table_width(_widths(columns)) <= console.width:
        console.print(_table(columns))
        return
    (_header, years), rest = columns[0], columns[1:]
    for index, year in enumerate(years):
        pieces = [f"{header} {cells[index]}" for header, cells in rest if cells[index]]
        for line in flow([f"{year}:", *pieces], console.width, gap=1):
            console.print(escape(line), overflow="fold")


def _stacked(console: Console, result: ScheduleResult) -> None:
    """One small table per schedule, then one per count (regions exiting, indicators due)."""
    years = (_("year"), [year_label(y) for y in result.years])
    for series in result.series:
        cells = [series.cells[y.year] for y in result.years]
        baseline = (
            _(" (baseline {baseline})").format(baseline=series.baseline) if series.baseline else ""
        )
        console.print(f"[head]{escape(series.name)}[/]{escape(baseline)}", overflow="fold")
        columns: Columns = [
            years,
            (_("this year"), [cell.entry or "" for cell in cells]),
            (_("cumulative"), [cell.cumulative or "" for cell in cells]),
        ]
        if any(cell.share is not None for cell in cells):
            columns.append((_("of baseline"), [share(cell.share) for cell in cells]))
        _print(console, columns)
    counts_columns: Columns = [years]
    for counts in result.counts:
        counts_columns += _counts_columns(result, counts)
    if len(counts_columns) > 1 and table_width(_widths(counts_columns)) <= console.width:
        console.print(_table(counts_columns))
        return
    for counts in result.counts:
        _print(console, [years, *_counts_columns(result, counts)])
