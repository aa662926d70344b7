"""Drawing `planctl budget`: the budget tree with its derived figures, then the policy rates.

One function writes each line's figures (`row_cells`); the table, text and json formats only
arrange them. The table is as wide as the figures need: all columns in one table when they fit
the width; else the amounts in one table and the counts and unit costs in a second; else one
block per item, its figures flowed under its name. A figure is never folded or cut.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from rich.console import Console
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from planctl.i18n import N_, _
from planctl.quantity import format_decimal
from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.display import cells as text_cells
from planctl.render.display import (
    column_width,
    flow,
    key_line,
    name_min,
    readable_in,
    rounded,
    share,
    table_width,
)
from planctl.render.json_report import envelope
from planctl.results.budget import BudgetResult, BudgetRow, RateRow, UnitCost, signed

# Column names: the JSON keys (`json_key`), and the headers' message ids (`_header`).
AMOUNTS = (
    N_("amount"),
    N_("in unit"),
    N_("sum of parts"),
    N_("gap"),
    N_("of parent"),
    N_("of total"),
)
COUNTS = (N_("projects"), N_("beneficiaries"), N_("per beneficiary"), N_("per project"))
RATES = (
    N_("printed"),
    N_("count"),
    N_("years"),
    N_("implied cost"),
    N_("budget item"),
    N_("budget"),
    N_("cost − budget"),
)
NOTE_MIN = 12


def unit_cost(cost: UnitCost | None) -> str:
    """`835.295元/人`: six significant digits, at least two decimals."""
    return f"{rounded(cost.value)}{cost.unit}/{cost.per}" if cost is not None else ""


def row_cells(row: BudgetRow, unit: str | None, json: bool = False) -> dict[str, str]:
    """A line's figures as shown, by column; "" where there is none (in JSON, whatever the
    language, the sum's note stays `(+2 missing)`: `parts_missing` says it to programs)."""
    parts = row.parts or ""
    if parts and row.parts_missing:
        missing = "(+{n} missing)" if json else _("(+{n} missing)")
        parts += " " + missing.format(n=row.parts_missing)
    return {
        "amount": row.amount or "",
        "in unit": (row.amount_in or "") if unit else "",
        "sum of parts": parts,
        "gap": row.gap or "",
        "of parent": share(row.share_of_parent),
        "of total": share(row.share_of_total),
        "projects": row.projects or "",
        "beneficiaries": row.beneficiaries or "",
        "per beneficiary": unit_cost(row.per_beneficiary),
        "per project": unit_cost(row.per_project),
    }


def rate_cells(rate: RateRow, json: bool = False) -> dict[str, str]:
    implied = ""
    if rate.implied is not None and rate.implied_unit is not None:
        implied = f"{rate.bound} {readable_in(rate.implied, rate.implied_unit)}".lstrip()
    difference = ""
    if rate.difference is not None and rate.difference_unit is not None:
        difference = signed(readable_in(rate.difference, rate.difference_unit))
    return {
        "printed": rate.printed,
        "count": rate.count or "",
        "years": rate.years if json or rate.years.isdigit() else _(rate.years),
        "implied cost": implied,
        "budget item": rate.budget_item or "",
        "budget": rate.budget or "",
        "cost − budget": difference,
    }


def rate_piece(column: str, value: str) -> str:
    """A rate's figure with its label, for lines: `count 3000人`, `5 years`, `per year`."""
    if column == "years":
        return _("{n} years").format(n=value) if value.isdigit() else value
    return f"{_(column)} {value}"


def rate_note(rate: RateRow) -> str:
    notes = [_("exceeds the budget item")] if rate.exceeds_budget else []
    return _("; ").join([*notes, rate.note] if rate.note else notes)


def _header(result: BudgetResult, column: str) -> str:
    return _("in {unit}").format(unit=result.unit) if column == "in unit" else _(column)


def render_text(result: BudgetResult, options: RenderOptions, out: TextIO) -> None:
    """One line per budget line (`names / from / the top: label figure; ...`), then rates."""
    if not result.has_budget:
        out.write(_("{file}: the plan has no budget").format(file=result.file) + "\n")
        return
    out.write(f"{result.file}: {_('budget')}\n")
    for row in result.rows:
        figures = row_cells(row, result.unit)
        pieces = [f"{_header(result, k)} {v}" for k, v in figures.items() if v]
        out.write(key_line(" / ".join(row.names) or _shown_name(row), pieces) + "\n")
    for rate in result.rates:
        pieces = [rate_piece(k, v) for k, v in rate_cells(rate).items() if v]
        if note := rate_note(rate):
            pieces.append(_("note {note}").format(note=note))
        out.write(key_line(_("rate {name}").format(name=rate.name), pieces) + "\n")


def json_key(column: str) -> str:
    """A column's name as a JSON key: `cost − budget` → `cost_minus_budget`."""
    return column.replace(" − ", " minus ").replace(" ", "_")


def render_json(result: BudgetResult, options: RenderOptions, out: TextIO) -> None:
    data = envelope("budget", budget_data(result))
    json.dump(data, out, ensure_ascii=False, indent=2)
    out.write("\n")


def budget_data(result: BudgetResult) -> dict[str, Any]:
    """The budget as JSON-ready data: figures as shown, amounts also exactly in 元."""

    def exact(value: Any) -> str | None:
        return format_decimal(value) if value is not None else None

    def empty_none(cells: dict[str, str]) -> dict[str, str | None]:
        return {json_key(key): value or None for key, value in cells.items()}

    return {
        "file": result.file,
        "title": result.title,
        "has_budget": result.has_budget,
        "unit": result.unit,
        "lines": [
            {
                "names": list(row.names),
                "path": row.path,
                "depth": row.depth,
                **empty_none(row_cells(row, result.unit, json=True)),
                "amount_yuan": exact(row.amount_yuan),
                "sum_of_parts_yuan": exact(row.parts_yuan),
                "parts_missing": row.parts_missing,
            }
            for row in result.rows
        ],
        "rates": [
            {
                "name": rate.name,
                **empty_none(rate_cells(rate, json=True)),
                "implied_cost_base": exact(rate.implied),
                "exceeds_budget": rate.exceeds_budget,
                "note": rate_note(rate) or None,
            }
            for rate in result.rates
        ],
    }


def render_table(result: BudgetResult, options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    if not result.has_budget:
        console.print(escape(_("{file}: the plan has no budget").format(file=result.file)))
        return
    console.print(f"[head]{escape(result.file)}: {escape(_('budget'))}[/]")
    draw_budget(console, result)
    if result.rates:
        console.print(f"[head]{escape(_('policy rates'))}[/]")
        draw_rates(console, result.rates)


def _name(row: BudgetRow) -> str:
    return "  " * row.depth + _shown_name(row)


def _shown_name(row: BudgetRow) -> str:
    """The line's name; the unnamed total line as `budget total` reads in this language."""
    return row.name if row.names else _(row.name)


def draw_budget(console: Console, result: BudgetResult) -> None:
    """The budget lines in the widest layout that fits the console without cutting a figure."""
    rows = [(row, row_cells(row, result.unit)) for row in result.rows]
    names = [_name(row) for row in result.rows]
    shown = [c for c in (*AMOUNTS, *COUNTS) if any(cells[c] for _, cells in rows)]
    widths = {c: column_width(_header(result, c), [cells[c] for _, cells in rows]) for c in shown}
    least = max(name_min(names), text_cells(_("item")))

    def fits(columns: list[str]) -> bool:
        return table_width([least, *(widths[c] for c in columns)]) <= console.width

    amounts = [c for c in shown if c in AMOUNTS]
    counts = [c for c in shown if c in COUNTS]
    if fits(shown):
        console.print(_table(result, rows, shown, least))
    elif fits(amounts) and fits(counts):
        console.print(_table(result, rows, amounts, least))
        if counts:
            console.print(f"[head]{escape(_('counts and unit costs'))}[/]")
            console.print(_table(result, _with_counts(rows, counts), counts, least))
    else:
        for row, cells in rows:
            style = "head" if row.depth == 0 else "none"
            console.print(f"[{style}]{escape(_name(row))}[/]", overflow="fold")
            pieces = [f"{_header(result, c)} {cells[c]}" for c in shown if cells[c]]
            for line in flow(pieces, console.width, indent=2 * row.depth + 2):
                console.print(escape(line), overflow="fold")


Rows = list[tuple[BudgetRow, dict[str, str]]]


def _with_counts(rows: Rows, counts: list[str]) -> Rows:
    """The lines that state a count, and the lines above them, so the tree still reads."""
    kept = {
        row.names[:level]
        for row, cells in rows
        if any(cells[c] for c in counts)
        for level in range(len(row.names) + 1)
    }
    return [(row, cells) for row, cells in rows if row.names in kept]


def _table(result: BudgetResult, rows: Rows, columns: list[str], least: int) -> Table:
    table = Table()
    table.add_column(_("item"), overflow="fold", min_width=least)
    for column in columns:
        table.add_column(_header(result, column), justify="right", no_wrap=True)
    for row, cells in rows:
        # The indent is padding, so a name that wraps keeps it on every line.
        name = Padding(Text(_shown_name(row), overflow="fold"), (0, 0, 0, 2 * row.depth))
        table.add_row(
            name,
            *(escape(cells[c]) for c in columns),
            style="head" if row.depth == 0 else None,
        )
    return table


def draw_rates(console: Console, rates: list[RateRow]) -> None:
    """The rates table when it fits, else one block per rate."""
    rows = [(rate, rate_cells(rate), rate_note(rate)) for rate in rates]
    shown = [c for c in RATES if any(cells[c] for _, cells, _ in rows)]
    widths = [column_width(_(c), [cells[c] for _c, cells, _n in rows]) for c in shown]
    least = max(name_min([rate.name for rate in rates]), text_cells(_("rate")))
    notes = any(note for _, _, note in rows)
    if table_width([least, *widths, *([NOTE_MIN] if notes else [])]) <= console.width:
        table = Table()
        table.add_column(_("rate"), overflow="fold", min_width=least)
        for column in shown:
            table.add_column(_(column), justify="right", no_wrap=True)
        if notes:
            table.add_column(_("note"), overflow="fold", min_width=NOTE_MIN)
        for rate, cells, note in rows:
            style = "warning" if rate.exceeds_budget else "none"
            extra = [f"[{style}]{escape(note)}[/]"] if notes else []
            table.add_row(escape(rate.name), *(escape(cells[c]) for c in shown), *extra)
        console.print(table)
        return
    for rate, cells, note in rows:
        console.print(escape(rate.name), overflow="fold")
        pieces = [rate_piece(c, cells[c]) for c in shown if cells[c]]
        for line in flow(pieces, console.width, indent=2):
            console.print(escape(line), overflow="fold")
        if note:
            style = "warning" if rate.exceeds_budget else "none"
            console.print(f"  [{style}]{escape(note)}[/]", overflow="fold")
