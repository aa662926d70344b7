"""`planctl exit-check`: is every exit target met by its year? Then the years and the verdicts."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import (
    LangOption,
    OutputFileOption,
    QuietOption,
    choose_format,
    format_option,
)
from planctl.cli.policy import (
    ConfigOption,
    ExtendIgnoreOption,
    ExtendSelectOption,
    IgnoreOption,
    IsolatedOption,
    NoAcceptedOption,
    SelectOption,
    ShowOption,
    StrictOption,
)
from planctl.i18n import _, translated_doc


@translated_doc
def exit_check(
    plans: Annotated[
        list[str] | None,
        typer.Argument(help=_("Plan files (a bare name is looked for in plans/).")),
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=_("Show only this year."))] = None,
    region: Annotated[
        str | None, typer.Option("--region", help=_("Show only this region's verdicts."))
    ] = None,
    criteria: Annotated[
        bool, typer.Option("--criteria", help=_("Print the exit criteria and their sources."))
    ] = False,
    fmt: Annotated[str | None, format_option("exit-check")] = None,
    output_file: OutputFileOption = None,
    select: SelectOption = None,
    extend_select: ExtendSelectOption = None,
    ignore: IgnoreOption = None,
    extend_ignore: ExtendIgnoreOption = None,
    strict: StrictOption = False,
    no_accepted: NoAcceptedOption = False,
    config: ConfigOption = None,
    isolated: IsolatedOption = False,
    show: ShowOption = "warning",
    quiet: QuietOption = False,
    lang: LangOption = None,
) -> None:
    """Is every exit target met by its year? Then the exits year by year and every verdict.

    First one line per exit target (people, villages, households, counties): met by its year,
    or missed and by how much. Then, per exit measure, the exits, running total, what remains
    and the share of the baseline each year; then every exit verdict (PE rules and the exit
    parts of PC107, PC109, PC110, PC112): pass, fail or not evaluable with the numbers behind
    it, and the plan's other problems. The checks, acceptances, --select/--ignore and
    settings files are validate's: the two commands never disagree about a plan. With
    --quiet (table and text) only the findings that fail the run are printed.

    Examples:

      planctl exit-check luoyang.yaml

      planctl exit-check luoyang.yaml --year 2019 --region 嵩县

      planctl exit-check plans/*.yaml --format junit -o exits.xml

      planctl exit-check --criteria

    Exit codes: 0 no finding fails the run, 1 a criterion fails or the plan has errors (as in
    validate), 2 usage error.
    """
    from planctl.cli.output import emit
    from planctl.cli.policy import checking_policy
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.exits.run import FilterError, criteria_text, exit_check
    from planctl.render import formats_of
    from planctl.results import CheckResult, ExitCheckResult

    if criteria:
        typer.echo(criteria_text(), nl=False)
        return
    if not plans:
        raise typer.BadParameter(_("give a plan file, or --criteria"), param_hint="PLAN")
    fmt = choose_format(fmt, formats_of("exit-check"))
    policy = checking_policy(
        select,
        ignore,
        strict,
        no_accepted,
        extend_select=extend_select,
        extend_ignore=extend_ignore,
        config=config,
        isolated=isolated,
        show=show,
    )
    try:
        files = [resolve_plan(plan) for plan in plans]
    except PathNotFoundError as error:
        raise typer.BadParameter(_("no such file: {path}").format(path=error.path)) from None
    policy.groups(files)  # settings errors and warnings before any plan is checked
    try:  # each plan with the options of its own settings, in the order given
        each = [exit_check([file], policy.options_for(file), year, region) for file in files]
    except FilterError as error:
        raise typer.BadParameter(str(error)) from None
    results = [one for part in each for one in part.check.files]
    strict_files = frozenset(r.file for part in each if part.check.strict for r in part.check.files)
    check = CheckResult("exit-check", results, policy.strict, strict_files)
    result = ExitCheckResult(check, [plan for part in each for plan in part.plans])
    if quiet and fmt in ("table", "text"):
        emit("validate", check, fmt, output_file, files, quiet=True)
    else:
        emit("exit-check", result, fmt, output_file, files)
    raise typer.Exit(result.exit_code)
