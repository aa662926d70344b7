"""`planctl exit-check`: the year-by-year exit simulation and the criteria verdicts."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import FormatOption, OutputFileOption, choose_format


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
    fmt: FormatOption = None,
    output_file: OutputFileOption = None,
) -> None:
    """Simulate exits year by year and judge every exit criterion: pass, fail or not evaluable.

    Examples:

      planctl exit-check luoyang.yaml

      planctl exit-check luoyang.yaml --year 2019 --region 嵩县

      planctl exit-check --criteria

    Exit codes: 0 every evaluable criterion passes, 1 a criterion fails or the plan does not
    validate, 2 usage error.
    """
    import io
    import sys

    from planctl.cli.output import deliver
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.exits.report import render
    from planctl.exits.run import criteria_text, exit_reports, filter_report

    if criteria:
        typer.echo(criteria_text(), nl=False)
        return
    if not plans:
        raise typer.BadParameter("give a plan file, or --criteria", param_hint="PLAN")
    fmt = choose_format(fmt)
    try:
        files = [resolve_plan(plan) for plan in plans]
    except PathNotFoundError as error:
        raise typer.BadParameter(f"no such file: {error.path}") from None
    reports, unchecked = exit_reports(files)
    try:
        reports = [filter_report(report, year, region) for report in reports]
    except ValueError as error:
        raise typer.BadParameter(str(error)) from None
    buffer = io.StringIO()
    color = output_file is None and sys.stdout.isatty()
    render(reports, unchecked, fmt, buffer, color, None if output_file is None else 120)
    for result in unchecked:
        sys.stderr.write(
            f"{result.file}: not checked: the plan does not validate "
            f"({len(result.findings)} findings; run planctl validate {result.file})\n"
        )
    deliver(buffer.getvalue(), output_file, files)
    failed = unchecked or any(report.failed for report in reports)
    raise typer.Exit(1 if failed else 0)
