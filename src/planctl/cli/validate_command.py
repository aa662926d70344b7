"""`planctl validate`: load, check and report plan files."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import (
    FormatOption,
    LangOption,
    OutputFileOption,
    QuietOption,
    StatisticsOption,
    choose_format,
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
from planctl.i18n import N_, _

if TYPE_CHECKING:
    from planctl.engine import FileResult

HELP = N_("""Check plan files: format, totals, cross-references, counts, shares, schedules, dates.

PATHS are files, directories (searched for *.yaml and *.yml) or - for standard input; with none,
plans/ under the current directory is checked. A bare name such as luoyang.yaml is also looked
for under plans/.

Examples:

  planctl validate

  planctl validate plans/luoyang.yaml --format json

  planctl validate plans/ --select PC1 --ignore PC109 --strict

  planctl validate archive/ --jobs 4

  cat plan.yaml | planctl validate - --stdin-filename plans/plan.yaml

Settings come from the nearest planctl.toml or pyproject.toml [tool.planctl] above each plan;
--select/--ignore replace its lists, --extend-select/--extend-ignore add to them.

Many files are checked in parallel, one process per CPU unless --jobs says otherwise; the report
is the same, in the same order, as with --jobs 1.

Exit codes: 0 no errors, 1 errors found, 2 usage error, 3 internal error.
""")


def validate(
    paths: Annotated[list[str] | None, typer.Argument(help=_("Plan files or directories."))] = None,
    fmt: FormatOption = None,
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
    stdin_filename: Annotated[
        str | None,
        typer.Option(
            "--stdin-filename",
            help=_(
                "The name of the plan read from - (standard input): findings name it, and "
                "its settings are looked for from its directory."
            ),
            show_default=False,
        ),
    ] = None,
    quiet: QuietOption = False,
    statistics: StatisticsOption = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help=_("Exit 0 even when errors are found."))
    ] = False,
    max_size: Annotated[
        int,
        typer.Option("--max-size", help=_("Refuse files larger than this many MiB."), min=1),
    ] = 8,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help=_(
                "Check files in up to N processes (default: one per CPU; 1: all in this "
                "process). A few small files are always checked in this process."
            ),
            min=1,
            show_default=False,
        ),
    ] = None,
    lang: LangOption = None,
) -> None:
    from planctl.cli.output import emit
    from planctl.cli.policy import check_grouped, checking_policy
    from planctl.discover import PathNotFoundError, discover
    from planctl.parallel import usable_jobs
    from planctl.render import formats_of
    from planctl.results import CheckResult

    fmt = choose_format(fmt, formats_of("validate"))
    policy = checking_policy(
        select,
        ignore,
        strict,
        no_accepted,
        max_size * 1024 * 1024,
        extend_select=extend_select,
        extend_ignore=extend_ignore,
        config=config,
        isolated=isolated,
        show=show,
    )
    if stdin_filename is not None and paths and "-" not in paths:
        raise typer.BadParameter(
            _("--stdin-filename names the plan read from -; give - among the paths"),
            param_hint="--stdin-filename",
        )
    if stdin_filename is not None and not paths:
        paths = ["-"]
    try:
        files = discover(paths or [])
    except PathNotFoundError as error:
        raise typer.BadParameter(
            _("no such file or directory: {path}").format(path=error.path)
        ) from None
    if not files:
        raise typer.BadParameter(
            _("no plan files (*.yaml, *.yml) in {paths}").format(paths=" ".join(paths or ["plans"]))
        )
    jobs, note = usable_jobs(jobs)
    if note:
        typer.echo(f"planctl: {note}", err=True)
    named = [stdin_filename if file == "-" and stdin_filename else file for file in files]
    results, strict_ones = check_grouped(files, policy, jobs, named)
    if stdin_filename is not None:
        results = [_renamed(result, stdin_filename) for result in results]
    result = CheckResult(
        "validate",
        results,
        policy.strict,
        frozenset(results[index].file for index in strict_ones),
    )
    emit("validate", result, fmt, output_file, files, quiet=quiet, statistics=statistics)
    raise typer.Exit(0 if exit_zero else result.exit_code)


def _renamed(result: FileResult, name: str) -> FileResult:
    """Standard input's result under the name --stdin-filename gives it."""
    if result.file != "<stdin>":
        return result
    findings = [replace(finding, file=name) for finding in result.findings]
    return replace(result, file=name, findings=findings)


validate.__doc__ = _(HELP)
