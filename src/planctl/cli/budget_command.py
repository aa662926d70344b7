"""`planctl budget`: the budget tree with sums, gaps, shares, unit costs, and the policy rates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from planctl.calc.budget_lines import BudgetLine
    from planctl.calc.rates import RateCost
    from planctl.units import Unit

UNITS = ("元", "万元", "亿元")

HELP = """Show the budget as a tree: each line's amount as printed, what its parts add up to, the
gap, its share of its parent and of the total, projects, beneficiaries and unit costs; then the
plan's policy rates with the cost each implies.

Sums, gaps and conversions are exact. The gap is the sum of the parts minus the stated amount
("+2 missing" marks parts that state no amount). Shares are of the parent's amount and of the
budget total (each the stated amount, or the sum of its parts when none is stated), rounded to
0.01%. Unit costs divide the amount by the beneficiaries or projects, rounded to 6 digits.

Examples:

  planctl budget luoyang

  planctl budget luoyang --depth 2 --unit 亿元

  planctl budget luoyang --path 实施精准扶贫工程/产业扶持工程

Exit codes: 0 shown, 1 the plan is not valid (its findings are printed), 2 usage error.
"""


def budget(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help="A plan file, or a name under plans/.")
    ],
    depth: Annotated[
        int | None,
        typer.Option("--depth", "-d", min=0, help="Levels to show below the top line."),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", "-u", help="Also show amounts, sums and gaps in 元, 万元 or 亿元."),
    ] = None,
    path: Annotated[
        str | None,
        typer.Option("--path", "-p", help="Only the item with these names, e.g. 甲工程/乙项目."),
    ] = None,
) -> None:
    from planctl.calc.budget_lines import UnknownBudgetPathError, budget_lines, subtree
    from planctl.calc.rates import rate_costs
    from planctl.cli.plan_input import open_plan
    from planctl.render.display import console
    from planctl.units import lookup

    if unit is not None and unit not in UNITS:
        raise typer.BadParameter(f"choose one of {', '.join(UNITS)}", param_hint="--unit")
    chosen = lookup(unit) if unit else None
    result = open_plan(plan)
    assert result.plan is not None
    assert result.derived is not None
    lines = budget_lines(result.derived.index)
    out = console()
    if not lines:
        out.print(f"{result.file}: the plan has no budget")
        return
    names = [name for name in (path or "").split("/") if name]
    try:
        lines = subtree(lines, names)
    except UnknownBudgetPathError as error:
        where = " / ".join(error.found) or "the top level"
        problem = "is ambiguous" if error.ambiguous else "is not"
        raise typer.BadParameter(
            f"'{error.missing}' {problem} under {where}; the names there are: "
            + (", ".join(error.available) or "(none)"),
            param_hint="--path",
        ) from None
    if depth is not None:
        lines = [line for line in lines if line.level <= lines[0].level + depth]
    _budget_table(out, result.file, lines, chosen)
    paths = {line.path for line in lines}
    costs = [
        cost
        for cost in rate_costs(result.plan, result.derived.index)
        if not names or (cost.budget_path is not None and cost.budget_path in paths)
    ]
    if costs:
        _rates_table(out, costs)


budget.__doc__ = HELP


def _budget_table(out: Console, file: str, lines: list[BudgetLine], unit: Unit | None) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.calc.rates import money_unit
    from planctl.render.display import exact_in, per_unit, share, signed

    out.print(f"[head]{escape(file)}: budget[/]")
    table = Table()
    table.add_column("item", overflow="fold")
    table.add_column("amount", justify="right", no_wrap=True)
    if unit is not None:
        table.add_column(f"in {unit.text}", justify="right", no_wrap=True)
    for column in ("sum of parts", "gap", "of parent", "of total", "projects", "beneficiaries"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("per beneficiary", justify="right", no_wrap=True)
    table.add_column("per project", justify="right", no_wrap=True)
    top = lines[0].level
    for line in lines:
        shown = unit or (line.amount.unit if line.amount else None)
        if shown is None and line.parts is not None:
            shown = money_unit(line.parts)
        parts = gap = ""
        if line.parts is not None and shown is not None:
            parts = exact_in(line.parts, shown)
            if line.parts_missing:
                parts += f" (+{line.parts_missing} missing)"
        if line.gap is not None and shown is not None:
            gap = signed(exact_in(line.gap, shown))
        cells = [
            "  " * (line.level - top) + escape(line.name),
            escape(line.amount.text) if line.amount else "",
        ]
        if unit is not None:
            cells.append(exact_in(line.amount.base, unit) if line.amount else "")
        beneficiaries = line.beneficiaries
        per_beneficiary = line.cost_per_beneficiary
        per_project = line.cost_per_project
        cells += [
            parts,
            gap,
            share(line.share_of_parent) if line.level > top or top > 0 else "",
            share(line.share_of_total) if line.level > 0 else "",
            escape(line.projects.text) if line.projects else "",
            escape(beneficiaries.text) if beneficiaries else "",
            per_unit(per_beneficiary, money_unit(per_beneficiary), beneficiaries.unit.base)
            if per_beneficiary is not None and beneficiaries is not None
            else "",
            per_unit(per_project, money_unit(per_project), line.projects.unit.base)
            if per_project is not None and line.projects is not None
            else "",
        ]
        table.add_row(*cells, style="head" if line.level == top else None)
    out.print(table)


def _rates_table(out: Console, costs: list[RateCost]) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.render.display import readable_in, signed

    out.print("[head]policy rates[/]")
    table = Table()
    table.add_column("rate", overflow="fold")
    for column in ("printed", "count", "years", "implied cost", "budget item", "budget"):
        table.add_column(column, justify="right", no_wrap=True)
    table.add_column("cost − budget", justify="right", no_wrap=True)
    table.add_column("note", overflow="fold")
    for cost in costs:
        rate = cost.rate
        implied = ""
        if cost.implied is not None and cost.unit is not None:
            implied = readable_in(cost.implied, cost.unit)
            if cost.upper_bound:
                implied = "≤ " + implied
            elif cost.lower_bound:
                implied = "≥ " + implied
        note = cost.why
        if cost.per_year_only:
            note = "per year; years not stated" + (f"; {note}" if note else "")
        if cost.exceeds_budget:
            note = "[warning]exceeds the budget item[/]" + (f"; {escape(note)}" if note else "")
        else:
            note = escape(note)
        difference = cost.difference
        table.add_row(
            escape(rate.name),
            escape(f"{rate.rate.value.text}/{rate.per}"),
            escape(cost.count.text) if cost.count else "",
            str(cost.years) if rate.per_year and rate.years else ("/year" if rate.per_year else ""),
            implied,
            escape(rate.budget or ""),
            escape(cost.budget.text) if cost.budget else "",
            signed(readable_in(difference, cost.budget.unit))
            if difference is not None and cost.budget is not None
            else "",
            note,
        )
    out.print(table)
