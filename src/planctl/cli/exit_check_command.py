"""`planctl exit-check`: is every exit target met by its year? Then the years and the verdicts."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import OutputFileOption, choose_format, format_option
from planctl.cli.policy import IgnoreOption, NoAcceptedOption, SelectOption, StrictOption


def exit_check(
    plans: Annotated[
        list[str] | None, typer.Argument(help="Plan files (a bare name is looked for in plans/).")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help="Show only this year.")] = None,
    region: Annotated[
        str | None, typer.Option("--region", help="Show only this region's verdicts.")
    ] = None,
    criteria: Annotated[
        bool, typer.Option("--criteria", help="Print the exit criteria and their sources.")
    ] = False,
    fmt: Annotated[str | None, format_option("exit-check")] = None,
    output_file: OutputFileOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    no_accepted: NoAcceptedOption = False,
) -> None:
    """Is every exit target met by its year? Then the exits year by year and every verdict.

    First one line per exit target (people, villages, households, counties): met by its year,
    or missed and by how much. Then, per exit measure, the exits, running total, what remains
    and the share of the baseline each year; then every exit verdict (PE rules and the exit
    parts of PC107, PC109, PC110, PC112): pass, fail or not evaluable with the numbers behind
    it, and the plan's other problems. The checks, acceptances, --select/--ignore and
    planctl.toml are validate's: the two commands never disagree about a plan.

    Examples:

      planctl exit-check luoyang.yaml

      planctl exit-check luoyang.yaml --year 2019 --region 嵩县

      planctl exit-check plans/*.yaml --format junit -o exits.xml

      planctl exit-check --criteria

    Exit codes: 0 no finding fails the run, 1 a criterion fails or the plan has errors (as in
    validate), 2 usage error.
    """
    from planctl.cli.output import emit
    from planctl.cli.policy import engine_options
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.exits.run import FilterError, criteria_text, exit_check
    from planctl.render import formats_of

    if criteria:
        typer.echo(criteria_text(), nl=False)
        return
    if not plans:
        raise typer.BadParameter("give a plan file, or --criteria", param_hint="PLAN")
    fmt = choose_format(fmt, formats_of("exit-check"))
    options = engine_options(select, ignore, strict, no_accepted)
    try:
        files = [resolve_plan(plan) for plan in plans]
    except PathNotFoundError as error:
        raise typer.BadParameter(f"no such file: {error.path}") from None
    try:
        result = exit_check(files, options, year, region)
    except FilterError as error:
        raise typer.BadParameter(str(error)) from None
    emit("exit-check", result, fmt, output_file, files)
    raise typer.Exit(result.exit_code)
