"""`planctl show`: one screen about one plan."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import N_, _

HELP = N_("""Show one plan on one screen: its metadata (title, issuer, 文号, issue date, region,
period), its baseline, its headline targets with every deadline the document gives them, the
budget total with its top-level split (amount and share of the total), and how many findings
`planctl validate` reports for it.

Examples:

  planctl show luoyang

  planctl show plans/zhengzhou.yaml --format json -o zhengzhou.json

Exit codes: 0 shown (even when the plan has findings: see the last line), 1 the plan is not
valid (its findings are printed), 2 usage error.
""")


def show(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help=_("A plan file, or a name under plans/."))
    ],
    fmt: Annotated[str | None, format_option("show")] = None,
    output_file: OutputFileOption = None,
    lang: LangOption = None,
) -> None:
    from planctl.cli.output import emit
    from planctl.cli.plan_input import open_plan
    from planctl.render import formats_of
    from planctl.results.show import show_result

    fmt = choose_format(fmt, formats_of("show"))
    opened = open_plan(plan)
    emit("show", show_result(opened), fmt, output_file, [opened.file])


show.__doc__ = _(HELP)
