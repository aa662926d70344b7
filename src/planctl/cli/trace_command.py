"""`planctl trace`: find every figure of a plan in the source document it was typed from."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Annotated

import typer

from planctl.cli.options import OutputFileOption, choose_format

if TYPE_CHECKING:
    from planctl.loader import Document

HELP = """Find every figure, date and document number of a plan in its source document.

Each figure is looked for as printed (full-width digits, spaces before the unit and a unit
printed further on are all accepted), first in the section the plan names, then anywhere. It is
reported as found (with the source line), ambiguous (printed more than once: say which), or NOT
FOUND: most often a typing mistake in the plan. Then the figures the document prints are counted
and the share the plan encodes is given; --missing lists the others.

The source is --source FILE, or the plan's plan.source.file (looked for beside the plan file,
then in the current directory; only inside the plan's project, docs/trace.md).

Examples:

  planctl trace plans/luoyang.yaml --source luoyang.txt

  planctl trace luoyang.yaml -s luoyang.txt --problems --missing

  planctl trace plans/luoyang.yaml -s luoyang.txt --format json -o trace.json

Exit codes: 0 every figure found, 1 a figure not found (or the plan cannot be read), 2 usage
error (such as a missing source), 3 internal error.
"""

TraceFormatOption = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format: table, text, json. Default: table on a terminal, text otherwise.",
        show_default=False,
    ),
]


def trace(
    plan: Annotated[
        str, typer.Argument(help="The plan file (a bare name is looked for in plans/).")
    ],
    source: Annotated[
        str | None,
        typer.Option(
            "--source", "-s", help="The source document (text, UTF-8).", show_default=False
        ),
    ] = None,
    fmt: TraceFormatOption = None,
    output_file: OutputFileOption = None,
    missing: Annotated[
        bool,
        typer.Option("--missing", help="List the source's figures that the plan does not encode."),
    ] = False,
    problems: Annotated[
        bool,
        typer.Option(
            "--problems",
            help="Show only figures not found, ambiguous, found outside their section, or found "
            "only as a bare number.",
        ),
    ] = False,
) -> None:
    import io

    from planctl.cli.output import deliver
    from planctl.discover import PathNotFoundError, resolve_plan
    from planctl.loader import LoadError, load
    from planctl.trace import SourceError, read_source, readable_plan
    from planctl.trace import trace as run_trace
    from planctl.trace.render import TRACE_FORMATS, TraceOptions, renderer

    fmt = choose_format(fmt, TRACE_FORMATS)
    try:
        plan_file = resolve_plan(plan)
    except PathNotFoundError as error:
        raise typer.BadParameter(f"no such file: {error.path}", param_hint="PLAN") from None
    try:
        document = load(plan_file)
    except LoadError as error:
        where = f"{plan_file}:{error.position}" if error.position else plan_file
        sys.stderr.write(f"{where}: {error.message}\n")
        raise typer.Exit(1) from None
    partial = readable_plan(document)
    if partial.plan is None:
        for finding in partial.findings:
            position = f":{finding.position}" if finding.position else ""
            sys.stderr.write(
                f"{plan_file}{position}  {finding.path_text or '-'}  {finding.message}\n"
            )
        sys.stderr.write(f"{plan_file}: the plan cannot be read; run planctl validate on it\n")
        raise typer.Exit(1)
    named = partial.plan.plan.source.file if partial.plan.plan.source else None
    source_file = source or _named_source(plan_file, named, document)
    try:
        text = read_source(source_file)
    except SourceError as error:
        raise typer.BadParameter(
            f"cannot read the source document: {error}", param_hint="--source"
        ) from None
    result = run_trace(partial, document, plan_file, text)
    render = renderer(fmt)
    if output_file is None:
        render(result, TraceOptions(missing, problems, color=sys.stdout.isatty()), sys.stdout)
    else:
        buffer = io.StringIO()
        render(result, TraceOptions(missing, problems, color=False, width=160), buffer)
        deliver(buffer.getvalue(), output_file)
    raise typer.Exit(1 if result.failed else 0)


def _named_source(plan_file: str, named: str | None, document: Document) -> str:
    """The plan's own `source.file`, beside the plan or in the current directory, inside the
    plan's project; one that is not there, or leads out of the project, is exit 2."""
    from pathlib import Path

    from planctl.trace import SourceError, source_candidates

    if not named:
        raise typer.BadParameter(
            f"{plan_file} names no source document (plan.source.file); give one with --source FILE",
            param_hint="--source",
        )
    try:
        candidates = source_candidates(plan_file, named)
    except SourceError as error:
        where = document.locate(("plan", "source", "file"))
        sys.stderr.write(
            f"{plan_file}:{where}: plan.source.file refused: {error}; "
            "give the source with --source FILE\n"
        )
        raise typer.Exit(2) from None
    for candidate in candidates:
        if Path(candidate).is_file():
            return candidate
    raise typer.BadParameter(
        f"the source document {named} named by {plan_file} is not in "
        f"{' nor '.join(candidates)}; give it with --source FILE",
        param_hint="--source",
    )


trace.__doc__ = HELP
