"""`planctl trace` as a library call: read the plan and its source, trace, return the report.

Two kinds of trouble are told apart because they exit differently: a plan that cannot be read
(`UnreadablePlanError`, exit 1 like any plan with errors) and a source document that is not
given, not found or not readable (`SourceNotFoundError`, a usage error).
"""

from __future__ import annotations

from os.path import isfile

from planctl.i18n import _
from planctl.loader import Document, LoadError, load
from planctl.results.trace import TraceReport
from planctl.trace import SourceError, read_source, readable_plan, source_candidates, trace


class UnreadablePlanError(Exception):
    """The plan cannot be traced; `lines` say why, each with its location."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


class SourceNotFoundError(Exception):
    """The source document is not named, not where it is looked for, or cannot be read."""


class SourceRefusedError(Exception):
    """The plan names a source outside its project; the message is located at the name."""


def trace_plan(
    plan_file: str, source: str | None = None, missing: bool = False, problems_only: bool = False
) -> TraceReport:
    """Trace `plan_file` in `source`, or in the source document the plan names."""
    try:
        document = load(plan_file)
    except LoadError as error:
        where = f"{plan_file}:{error.position}" if error.position else plan_file
        raise UnreadablePlanError([f"{where}: {error.message}"]) from None
    partial = readable_plan(document)
    if partial.plan is None:
        lines = [
            f"{plan_file}{f':{f.position}' if f.position else ''}  {f.path_text or '-'}  "
            f"{f.message}"
            for f in partial.findings
        ]
        lines.append(
            _("{file}: the plan cannot be read; run planctl validate on it").format(file=plan_file)
        )
        raise UnreadablePlanError(lines)
    named = partial.plan.plan.source.file if partial.plan.plan.source else None
    source_file = source or _named_source(plan_file, named, document)
    try:
        text = read_source(source_file)
    except SourceError as error:
        raise SourceNotFoundError(
            _("cannot read the source document: {error}").format(error=error)
        ) from None
    return TraceReport(trace(partial, document, plan_file, text), missing, problems_only)


def _named_source(plan_file: str, named: str | None, document: Document) -> str:
    """The plan's own `source.file`, beside the plan or in the current directory, inside the
    plan's project: a plan must not make trace print files from elsewhere on the machine."""
    if not named:
        raise SourceNotFoundError(
            _(
                "{file} names no source document (plan.source.file); give one with --source FILE"
            ).format(file=plan_file)
        )
    try:
        candidates = source_candidates(plan_file, named)
    except SourceError as error:
        where = document.locate(("plan", "source", "file"))
        raise SourceRefusedError(
            _(
                "{file}:{where}: plan.source.file refused: {error}; "
                "give the source with --source FILE"
            ).format(file=plan_file, where=where, error=error)
        ) from None
    for candidate in candidates:
        if isfile(candidate):  # never raises, even behind a directory that cannot be searched
            return candidate
    raise SourceNotFoundError(
        _(
            "the source document {named} named by {file} is not in {places}; "
            "give it with --source FILE"
        ).format(named=named, file=plan_file, places=_(" nor ").join(candidates))
    )
