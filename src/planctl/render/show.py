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

from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.display import column_width, flow, key_line, name_min, share, table_width
from planctl.render.json_report import envelope
from planctl.results.show import Deadline, HeadlineRow, ShowBudget, ShowResult

DUE_MIN = 16


def deadline_text(deadline: Deadline) -> str:
    """`2019 (第二章)`, `no year (序言)`: a year and the sections that give it."""
    year = str(deadline.year) if deadline.year is not None else "no year"
    return f"{year} ({', '.join(deadline.sources) or 'no section'})"


def total_text(budget: ShowBudget) -> str:
    stated = budget.total or "—"
    return stated + (f" (parts: {budget.parts})" if budget.parts is not None else "")


def findings_line(result: ShowResult) -> str:
    return (
        f"findings: {result.errors} errors, {result.warnings} warnings, "
        f"{result.accepted} accepted (planctl validate {result.file})"
    )


def _baseline_label(result: ShowResult) -> str:
    return "baseline" + (f" ({result.baseline_year})" if result.baseline_year else "")


def render_text(result: ShowResult, options: RenderOptions, out: TextIO) -> None:
    """Plain `label: value` lines, one per fact, headline target and budget item."""
    lines = [f"{result.file}: {result.title}"]
    lines += [key_line(label, [value or "—"]) for label, value in result.facts]
    if result.baseline:
        stated = [f"{label} {figure}" for label, figure in result.baseline]
        lines.append(key_line(_baseline_label(result), stated))
    if not result.headlines:
        lines.append("headline targets: none stated")
    for headline in result.headlines:
        due = "; ".join(deadline_text(d) for d in headline.deadlines)
        conflict = " (more than one year)" if headline.conflicting else ""
        lines.append(
            key_line(f"headline {headline.measure}", [", ".join(headline.values), f"due {due}"])
            + conflict
        )
    if result.budget is None:
        lines.append("budget: none stated")
    else:
        lines.append(key_line("budget total", [total_text(result.budget)]))
        for item in result.budget.items:
            of_total = f" ({share(item.share_of_total)} of total)" if item.share_of_total else ""
            lines.append(key_line(f"budget {item.name}", [(item.amount or "—") + of_total]))
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
        "facts": dict(result.facts),
        "baseline": {
            "year": result.baseline_year,
            **{label.replace(" ", "_"): figure for label, figure in result.baseline},
        },
        "headline_targets": [
            {
                "measure": headline.measure,
                "values": headline.values,
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
        facts.add_row(label, escape(value) if value else "—")
    if result.baseline:
        stated = "\n".join(f"{label} {figure}" for label, figure in result.baseline)
        facts.add_row(_baseline_label(result), escape(stated))
    console.print(facts)
    if result.headlines:
        console.print("[head]headline targets[/]")
        _headlines(console, result.headlines)
    else:
        console.print("headline targets: none stated")
    if result.budget is None:
        console.print("budget: none stated")
    else:
        console.print("[head]budget[/]")
        _budget(console, result.budget)
    style = "error" if result.errors else "warning" if result.warnings else "ok"
    console.print(f"[{style}]{escape(findings_line(result))}[/]")


def _headlines(console: Console, headlines: list[HeadlineRow]) -> None:
    """measure | values | deadlines, one value and one deadline a line; else lines."""
    values = ["\n".join(h.values) for h in headlines]
    measure = column_width("measure", [h.measure for h in headlines])
    value = column_width("value", values)
    if table_width([measure, value, DUE_MIN]) > console.width:
        for headline in headlines:
            console.print(escape(f"{headline.measure}: {', '.join(headline.values)}"))
            for deadline in headline.deadlines:
                console.print(escape(f"  due {deadline_text(deadline)}"), overflow="fold")
        return
    table = Table()
    table.add_column("measure", no_wrap=True)
    table.add_column("value", no_wrap=True)
    table.add_column("due", overflow="fold", min_width=DUE_MIN)
    for headline, shown in zip(headlines, values, strict=True):
        style = "warning" if headline.conflicting else "none"
        due = "\n".join(deadline_text(d) for d in headline.deadlines)
        table.add_row(headline.measure, escape(shown), f"[{style}]{escape(due)}[/]")
    console.print(table)


def _budget(console: Console, budget: ShowBudget) -> None:
    """item | amount | of total; else one line per item."""
    rows = [("total", total_text(budget), "")]
    rows += [(i.name, i.amount or "—", share(i.share_of_total)) for i in budget.items]
    least = max(name_min([name for name, _, _ in rows]), len("item"))
    amount = column_width("amount", [a for _, a, _ in rows])
    of_total = column_width("of total", [s for _, _, s in rows])
    if table_width([least, amount, of_total]) > console.width:
        for name, stated, part in rows:
            pieces = [f"amount {stated}", *([f"of total {part}"] if part else [])]
            console.print(escape(name), overflow="fold")
            for line in flow(pieces, console.width, indent=2):
                console.print(escape(line), overflow="fold")
        return
    table = Table()
    table.add_column("item", overflow="fold", min_width=least)
    table.add_column("amount", justify="right", no_wrap=True)
    table.add_column("of total", justify="right", no_wrap=True)
    for index, (name, stated, part) in enumerate(rows):
        table.add_row(escape(name), escape(stated), part, style="head" if index == 0 else None)
    console.print(table)
