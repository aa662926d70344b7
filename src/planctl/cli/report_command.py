"""`planctl report`: one self-contained HTML page with every plan's answers, figures and charts."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption
from planctl.cli.policy import IgnoreOption, NoAcceptedOption, SelectOption, StrictOption
from planctl.i18n import _, translated_doc

INSTALL = "pip install 'planctl[report]'"


@translated_doc
def report(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            help=_("Plan files or folders (default plans/; a bare name is looked for in plans/).")
        ),
    ] = None,
    fmt: Annotated[
        str, typer.Option("--format", "-f", help=_("Output format: html."), show_default=False)
    ] = "html",
    output_file: OutputFileOption = None,
    source: Annotated[
        str | None,
        typer.Option(
            "--source",
            "-s",
            help=_(
                "Trace coverage: the source document (one plan), or a folder in which each "
                "plan's plan.source.file is looked for."
            ),
            show_default=False,
        ),
    ] = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    strict: StrictOption = False,
    no_accepted: NoAcceptedOption = False,
    lang: LangOption = None,
) -> None:
    """Write one HTML page: per plan the exit answers, findings, budget, exits and regions.

    The page opens offline (no script, no request): each chart is drawn as SVG beside a table
    of its figures as printed, and it prints with each plan on its own pages. With several
    plans an overview table links to each plan's section. The checks, acceptances,
    --select/--ignore and planctl.toml are validate's.

    Examples:

      planctl report plans/ -o report.html

      planctl report luoyang.yaml --source 002_11ae40bad7665c8f.txt -o luoyang.html

    Exit codes: 0 no finding fails the run, 1 a plan fails (the page is written all the same),
    2 usage error (or the report extra is not installed).
    """
    import importlib.util

    from planctl.cli.output import emit
    from planctl.cli.policy import checking_policy
    from planctl.discover import PathNotFoundError, discover

    if fmt != "html":
        raise typer.BadParameter(
            _("unknown format '{fmt}'; choose one of: html").format(fmt=fmt), param_hint="--format"
        )
    if importlib.util.find_spec("vl_convert") is None:
        sys.stderr.write(
            _("planctl report needs the charting library: {install}").format(install=INSTALL) + "\n"
        )
        raise typer.Exit(2)
    policy = checking_policy(select, ignore, strict, no_accepted)
    try:
        files = discover(paths or [])
    except PathNotFoundError as error:
        raise typer.BadParameter(_("no such file: {path}").format(path=error.path)) from None
    if not files:
        raise typer.BadParameter(_("no plan files found"), param_hint="PATH")
    if source is not None and not _exists(source):
        raise typer.BadParameter(
            _("no such file or folder: {source}").format(source=source), param_hint="--source"
        )
    from planctl.report_html import build_report

    policy.groups(files)  # settings errors and warnings before any plan is checked
    result = build_report(files, policy.options_for, source)
    emit("report", result, fmt, output_file, [*files, *([source] if source else [])])
    raise typer.Exit(result.exit_code)


def _exists(path: str) -> bool:
    from os.path import exists

    return exists(path)  # never raises, even behind a directory that cannot be searched
