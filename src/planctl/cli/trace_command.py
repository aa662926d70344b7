"""`planctl trace`: find every figure of a plan in the source document it was typed from."""

from __future__ import annotations

from typing import Annotated

import typer

from planctl.cli.options import LangOption, OutputFileOption, choose_format, format_option
from planctl.i18n import N_, _

HELP = N_("""Find every figure, date and document number of a plan in its source document.

Each figure is looked for as printed (full-width digits, spaces before the unit and a unit
printed further on are all accepted), first in the section the plan names, then anywhere. It is
reported as found (with the source line), ambiguous (printed more than once: say which), or NOT
FOUND: most often a typing mistake in the plan. Then the figures the document prints are counted
and the share the plan encodes is given; --missing lists the others.

The source is --source FILE, or the plan's plan.source.file (looked for beside the plan file,
then in the current directory; only inside the plan's project, docs/trace.md).

The CI formats (github, sarif, junit) report the problems at the figure in the plan: PT001 not
found (an error), PT002 found only outside its section, PT003 found only as the bare number
(warnings). See docs/trace.md.

Examples:

  planctl trace plans/luoyang.yaml --source luoyang.txt

  planctl trace luoyang.yaml -s luoyang.txt --problems --missing

  planctl trace plans/luoyang.yaml -s luoyang.txt --format json -o trace.json

  planctl trace plans/luoyang.yaml -s luoyang.txt --format sarif -o trace.sarif

Exit codes: 0 every figure found, 1 a figure not found (or the plan cannot be read), 2 usage
error (such as a missing source), 3 internal error.
""")


def trace(
    plan: Annotated[
        str, typer.Argument(help=_("The plan file (a bare name is looked for in plans/)."))
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source", "-s", help=_("The source document (text, UTF-8)."), show_default=False
        ),
    ] = None,
    fmt: Annotated[str | None, format_option("trace")] = None,
    output_file: OutputFileOption = None,
    missing: Annotated[
        bool,
        typer.Option(
            "--missing", help=_("List the source's figures that the plan does not encode.")
        ),
    ] = False,
    problems: Annotated[
        bool,
        typer.Option(
            "--problems",
            help=_(
                "Show only figures not found, ambiguous, found outside their section, or found "
                "only as a bare number."
            ),
        ),
    ] = False,
    lang: LangOption = None,
) -> None:
    import sys

    from planctl.cli.output import emit
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.render import formats_of
    from planctl.trace.run import (
        SourceNotFoundError,
        SourceRefusedError,
        UnreadablePlanError,
        trace_plan,
    )

    fmt = choose_format(fmt, formats_of("trace"))
    try:
        plan_file = resolve_plan(plan)
    except PathNotFoundError as error:
        raise typer.BadParameter(
            _("no such file: {path}").format(path=error.path), param_hint="PLAN"
        ) from None
    try:
        result = trace_plan(plan_file, source, missing, problems)
    except UnreadablePlanError as error:
        sys.stderr.write("".join(line + "\n" for line in error.lines))
        raise typer.Exit(1) from None
    except SourceRefusedError as error:
        sys.stderr.write(f"{error}\n")
        raise typer.Exit(2) from None
    except SourceNotFoundError as error:
        raise typer.BadParameter(str(error), param_hint="--source") from None
    emit("trace", result, fmt, output_file, [plan_file, result.trace.source.name])
    raise typer.Exit(result.exit_code)


trace.__doc__ = _(HELP)
