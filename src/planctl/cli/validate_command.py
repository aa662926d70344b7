"""`planctl validate`: load, check and report plan files."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import FormatOption, OutputFileOption, choose_format
from planctl.cli.policy import IgnoreOption, NoAcceptedOption, SelectOption, StrictOption

HELP = """Check plan files: format, totals, cross-references, counts, shares, schedules, dates.

PATHS are files, directories (searched for *.yaml and *.yml) or - for standard input; with none,
plans/ under the current directory is checked. A bare name such as luoyang.yaml is also looked
for under plans/.

Examples:

  planctl validate

  planctl validate plans/luoyang.yaml --format json

  planctl validate plans/ --select PC1 --ignore PC109 --strict

  planctl validate archive/ --jobs 4

Many files are checked in parallel, one process per CPU unless --jobs says otherwise; the report
is the same, in the same order, as with --jobs 1.

Exit codes: 0 no errors, 1 errors found, 2 usage error, 3 internal error.
"""


def validate(
    paths: Annotated[list[str] | None, typer.Argument(help="Plan files or directories.")] = None,
    fmt: FormatOption = None,
    output_file: OutputFileOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    no_accepted: NoAcceptedOption = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when errors are found.")
    ] = False,
    max_size: Annotated[
        int,
        typer.Option("--max-size", help="Refuse files larger than this many MiB.", min=1),
    ] = 8,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            help="Check files in up to N processes (default: one per CPU; 1: all in this "
            "process). A few small files are always checked in this process.",
            min=1,
            show_default=False,
        ),
    ] = None,
) -> None:
    from planctl.cli.output import emit
    from planctl.cli.policy import engine_options
    from planctl.discover import PathNotFoundError, discover
    from planctl.engine import check_files, default_jobs
    from planctl.render import formats_of
    from planctl.results import CheckResult

    fmt = choose_format(fmt, formats_of("validate"))
    options = engine_options(select, ignore, strict, no_accepted, max_size * 1024 * 1024)
    try:
        files = discover(paths or [])
    except PathNotFoundError as error:
        raise typer.BadParameter(f"no such file or directory: {error.path}") from None
    if not files:
        raise typer.BadParameter(f"no plan files (*.yaml, *.yml) in {' '.join(paths or ['plans'])}")
    result = CheckResult(
        "validate", check_files(files, options, jobs or default_jobs()), options.strict
    )
    emit("validate", result, fmt, output_file)
    raise typer.Exit(0 if exit_zero else result.exit_code)


validate.__doc__ = HELP
