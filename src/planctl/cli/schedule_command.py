"""`planctl schedule`: the plan year by year."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import N_, _

HELP = N_("""Show the plan year by year: every schedule (people, villages, relocation, ...) with its
running total, how many regions exit each year (from regions' exit_year) and how many indicators
fall due, side by side, over the plan period. An exit schedule's running total also shows its
share of the baseline. Years outside the plan period that have entries are added and marked *.
The regions and indicators of each year are listed after the figures. A terminal too narrow for
the schedules side by side gets one small table per schedule.

Examples:

  planctl schedule luoyang

  planctl schedule plans/zhengzhou.yaml --format text

Exit codes: 0 shown, 1 the plan is not valid (its findings are printed), 2 usage error.
""")


def schedule(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help=_("A plan file, or a name under plans/."))
    ],
    fmt: Annotated[str | None, format_option("schedule")] = None,
    output_file: OutputFileOption = None,
    lang: LangOption = None,
) -> None:
    from planctl.cli.output import emit
    from planctl.cli.plan_input import open_plan
    from planctl.render import formats_of
    from planctl.results.schedule import schedule_result

    fmt = choose_format(fmt, formats_of("schedule"))
    opened = open_plan(plan)
    emit("schedule", schedule_result(opened), fmt, output_file, [opened.file])


schedule.__doc__ = _(HELP)
