"""Drawing `planctl show`: the plan's facts, headline targets, top-level budget, problem count.

A headline target lists each deadline on a line of its own, so that a target given two years
reads as a conflict at a glance; the tables fit 80 columns, and a table whose figures could not
fit is written as lines instead.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from planctl.calc.overview import TargetValue
from planctl.i18n import N_, _
from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.display import cells, column_width, flow, key_line, name_min, share, table_width
from planctl.render.json_report import envelope
from planctl.render.words import measure
from planctl.results.show import Deadline, HeadlineRow, Region, ShowBudget, ShowResult

DUE_MIN = 16


def deadline_text(deadline: Deadline) -> str:
    """`2019 (第二章)`, `no year (序言)`: a year and the sections that give it."""
    year = str(deadline.year) if deadline.year is not None else _("no year")
    return f"{year} ({_(', ').join(deadline.sources) or _('no section')})"


# The plan format's region levels, as a reader calls them (JSON keeps the format's words).
LEVELS = {
    "province": N_("province"),
    "city": N_("city"),
    "county": N_("county"),
    "district": N_("district"),
    "zone": N_("zone"),
    "town": N_("town"),
    "village": N_("village"),
}


def worded(value: str | Region | TargetValue | None) -> str:
    """A fact or target value in the reader's language (`全部 (31.0975万人)`); JSON keeps
    their `str()`, the same in every language."""
    if value is None:
        return "—"
    if isinstance(value, TargetValue):
        if value.figure is not None:
            return value.figure
        if value.baseline is None:
            return _("all")
        return _("all ({baseline})").format(baseline=value.baseline)
    if isinstance(value, Region):
        level = _(LEVELS[value.level]) if value.level in LEVELS else value.level
        extra = _(", ").join(part for part in (level, value.province) if part)
        return (
            _("{name} ({details})").format(name=value.name, details=extra) if extra else value.name
        )
    return value


def total_text(budget: ShowBudget) -> str:
    stated = budget.total or "—"
    parts = _(" (parts: {parts})").format(parts=budget.parts) if budget.parts is not None else ""
    return stated + parts


def findings_line(result: ShowResult) -> str:
    return _(
        "findings: {errors} errors, {warnings} warnings, {accepted} accepted "
        "(planctl validate {file})"
    ).format(
        errors=result.errors, warnings=result.warnings, accepted=result.accepted, file=result.file
    )


def _baseline_label(result: ShowResult) -> str:
    if result.baseline_year:
        return _("baseline ({year})").format(year=result.baseline_year)
    return _("baseline")


def render_text(result: ShowResult, options: RenderOptions, out: TextIO) -> None:
    """Plain `label: value` lines, one per fact, headline target and budget item."""
    lines = [f"{result.file}: {result.title}"]
    lines += [key_line(_(label), [worded(value)]) for label, value in result.facts]
    if result.baseline:
        stated = [f"{_(label)} {figure}" for label, figure in result.baseline]
        lines.append(key_line(_baseline_label(result), stated))
    if not result.headlines:
        lines.append(_("headline targets: none stated"))
    for headline in result.headlines:
        due = _("; ").join(deadline_text(d) for d in headline.deadlines)
        conflict = _(" (more than one year)") if headline.conflicting else ""
        values = _(", ").join(worded(value) for value in headline.values)
        lines.append(
            key_line(
                _("headline {measure}").format(measure=measure(headline.measure)),
                [values, _("due {due}").format(due=due)],
            )
            + conflict
        )
    if result.budget is None:
        lines.append(_("budget: none stated"))
    else:
        lines.append(key_line(_("budget total"), [total_text(result.budget)]))
        for item in result.budget.items:
            of_total = ""
            if item.share_of_total:
                of_total = _(" ({share} of total)").format(share=share(item.share_of_total))
            name = _("budget {name}").format(name=item.name)
            lines.append(key_line(name, [(item.amount or "—") + of_total]))
    lines.append(findings_line(result))
    out.write("\n".join(lines) + "\n")


def render_json(result: ShowResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(envelope("show", show_data(result)), out, ensure_ascii=False, indent=2)
    out.write("\n")


def show_data(result: ShowResult) -> dict[str, Any]:
    budget = result.budget
    return {
        "file": result.file,
        "title": result.title,
        "facts": {label: None if value is None else str(value) for label, value in result.facts},
        "baseline": {
            "year": result.baseline_year,
            **{label.replace(" ", "_"): figure for label, figure in result.baseline},
        },
        "headline_targets": [
            {
                "measure": headline.measure,
                "values": [str(value) for value in headline.values],
                "deadlines": [{"year": d.year, "sources": d.sources} for d in headline.deadlines],
                "conflicting": headline.conflicting,
            }
            for headline in result.headlines
        ],
        "budget": None
        if budget is None
        else {
            "total": budget.total,
            "sum_of_parts": budget.parts,
            "items": [
                {
                    "name": item.name,
                    "amount": item.amount,
                    "of_total": share(item.share_of_total) or None,
                }
                for item in budget.items
            ],
        },
        "findings": {
            "errors": result.errors,
            "warnings": result.warnings,
            "accepted": result.accepted,
        },
    }


def render_table(result: ShowResult, options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    console.print(f"[head]{escape(result.title)}[/]  [dim]{escape(result.file)}[/]")
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    for label, value in result.facts:
        facts.add_row(escape(_(label)), escape(worded(value)))
    if result.baseline:
        stated = "\n".join(f"{_(label)} {figure}" for label, figure in result.baseline)
        facts.add_row(_baseline_label(result), escape(stated))
    console.print(facts)
    if result.headlines:
        console.print(f"[head]{escape(_('headline targets'))}[/]")
        _headlines(console, result.headlines)
    else:
        console.print(escape(_("headline targets: none stated")))
    if result.budget is None:
        console.print(escape(_("budget: none stated")))
    else:
        console.print(f"[head]{escape(_('budget'))}[/]")
        _budget(console, result.budget)
    style = "error" if result.errors else "warning" if result.warnings else "ok"
    console.print(f"[{style}]{escape(findings_line(result))}[/]")


def _headlines(console: Console, headlines: list[HeadlineRow]) -> None:
    """measure | values | deadlines, one value and one deadline a line; else lines."""
    values = ["\n".join(worded(value) for value in h.values) for h in headlines]
    measure_width = column_width(_("measure"), [measure(h.measure) for h in headlines])
    value = column_width(_("value"), values)
    if table_width([measure_width, value, DUE_MIN]) > console.width:
        for headline in headlines:
            shown = _(", ").join(worded(value) for value in headline.values)
            console.print(escape(f"{measure(headline.measure)}: {shown}"))
            for deadline in headline.deadlines:
                due_then = _("due {due}").format(due=deadline_text(deadline))
                console.print(escape(f"  {due_then}"), overflow="fold")
        return
    table = Table()
    table.add_column(_("measure"), no_wrap=True)
    table.add_column(_("value"), no_wrap=True)
    table.add_column(_("due"), overflow="fold", min_width=DUE_MIN)
    for headline, shown in zip(headlines, values, strict=True):
        style = "warning" if headline.conflicting else "none"
        due = "\n".join(deadline_text(d) for d in headline.deadlines)
        table.add_row(measure(headline.measure), escape(shown), f"[{style}]{escape(due)}[/]")
    console.print(table)


def _budget(console: Console, budget: ShowBudget) -> None:
    """item | amount | of total; else one line per item."""
    rows = [(_("total"), total_text(budget), "")]
    rows += [(i.name, i.amount or "—", share(i.share_of_total)) for i in budget.items]
    least = max(name_min([row[0] for row in rows]), cells(_("item")))
    amount = column_width(_("amount"), [row[1] for row in rows])
    of_total = column_width(_("of total"), [row[2] for row in rows])
    if table_width([least, amount, of_total]) > console.width:
        for name, stated, part in rows:
            pieces = [f"{_('amount')} {stated}", *([f"{_('of total')} {part}"] if part else [])]
            console.print(escape(name), overflow="fold")
            for line in flow(pieces, console.width, indent=2):
                console.print(escape(line), overflow="fold")
        return
    table = Table()
    table.add_column(_("item"), overflow="fold", min_width=least)
    table.add_column(_("amount"), justify="right", no_wrap=True)
    table.add_column(_("of total"), justify="right", no_wrap=True)
    for index, (name, stated, part) in enumerate(rows):
        table.add_row(escape(name), escape(stated), part, style="head" if index == 0 else None)
    console.print(table)
