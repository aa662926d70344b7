"""`planctl budget`: the budget tree with sums, gaps, shares, unit costs, and the policy rates."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import N_, _

UNITS = ("元", "万元", "亿元")

HELP = N_("""Show the budget as a tree: each line's amount as printed, what its parts add up to, the
gap, its share of its parent and of the total, projects, beneficiaries and unit costs; then the
plan's policy rates with the cost each implies.

Sums, gaps and conversions are exact. The gap is the sum of the parts minus the stated amount
("+2 missing" marks parts that state no amount). Shares are of the parent's amount and of the
budget total (each the stated amount, or the sum of its parts when none is stated), rounded to
0.01%. Unit costs divide the amount by the beneficiaries or projects, rounded to 6 digits.
A terminal too narrow for every column gets the unit costs in a second table, or one block of
figures per item.

Examples:

  planctl budget luoyang

  planctl budget luoyang --depth 2 --unit 亿元

  planctl budget luoyang --path 实施精准扶贫工程/产业扶持工程 --format json

Exit codes: 0 shown, 1 the plan is not valid (its findings are printed), 2 usage error.
""")


def budget(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help=_("A plan file, or a name under plans/."))
    ],
    depth: Annotated[
        int | None,
        typer.Option("--depth", "-d", min=0, help=_("Levels to show below the top line.")),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit", "-u", help=_("Also show amounts, sums and gaps in 元, 万元 or 亿元.")
        ),
    ] = None,
    path: Annotated[
        str | None,
        typer.Option("--path", "-p", help=_("Only the item with these names, e.g. 甲工程/乙项目.")),
    ] = None,
    fmt: Annotated[str | None, format_option("budget")] = None,
    output_file: OutputFileOption = None,
    lang: LangOption = None,
) -> None:
    from planctl.calc.budget_lines import UnknownBudgetPathError
    from planctl.cli.output import emit
    from planctl.cli.plan_input import open_plan
    from planctl.render import formats_of
    from planctl.results.budget import budget_result
    from planctl.units import lookup

    if unit is not None and unit not in UNITS:
        raise typer.BadParameter(
            _("choose one of {choices}").format(choices=", ".join(UNITS)), param_hint="--unit"
        )
    fmt = choose_format(fmt, formats_of("budget"))
    names = [name for name in (path or "").split("/") if name]
    opened = open_plan(plan)
    try:
        result = budget_result(opened, names, depth, lookup(unit) if unit else None)
    except UnknownBudgetPathError as error:
        where = " / ".join(error.found) or "the top level"
        problem = "is ambiguous" if error.ambiguous else "is not"
        raise typer.BadParameter(
            f"'{error.missing}' {problem} under {where}; the names there are: "
            + (", ".join(error.available) or "(none)"),
            param_hint="--path",
        ) from None
    emit("budget", result, fmt, output_file, [opened.file])


budget.__doc__ = _(HELP)
