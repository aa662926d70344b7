"""Trace coverage for the report: `planctl trace`'s counts, for each plan whose source is found.

`--source` names the source documents: a file (for a single plan) or a folder in which each
plan's `plan.source.file` is looked for. A plan whose source is not there is reported as not
traced, with the reason; it never stops the report.
"""

from __future__ import annotations

from pathlib import Path

from planctl.engine import FileResult
from planctl.results.report import (
    NO_SOURCE_NAMED,
    SOURCE_MISSING,
    TraceSummary,
)


def source_for(result: FileResult, source: str, single: bool) -> tuple[str | None, str | None]:
    """(the source file of `result`'s plan, None) or (the file looked for, why it is not used)."""
    if single and not Path(source).is_dir():
        return source, None
    assert result.plan is not None
    meta = result.plan.plan.source
    named = meta.file if meta is not None else None
    if not named:
        return None, NO_SOURCE_NAMED
    candidate = str(Path(source) / Path(named).name) if Path(source).is_dir() else source
    if not Path(candidate).is_file():
        return candidate, SOURCE_MISSING
    return candidate, None


def trace_summary(result: FileResult, source_file: str) -> TraceSummary | None:
    """`planctl trace`'s counts for the plan of `result` in `source_file`; None if unreadable."""
    from planctl.trace import SourceError, Status, read_source, readable_plan, trace

    assert result.document is not None
    try:
        text = read_source(source_file)
    except SourceError:
        return None
    traced = trace(readable_plan(result.document), result.document, result.file, text)
    cover = traced.coverage
    return TraceSummary(
        source=source_file,
        found=traced.count(Status.FOUND),
        ambiguous=traced.count(Status.AMBIGUOUS),
        not_found=traced.count(Status.NOT_FOUND),
        encoded=len(cover.encoded) if cover is not None else 0,
        figures=len(cover.figures) if cover is not None else 0,
        percent=f"{cover.percent}%" if cover is not None and cover.percent is not None else None,
    )
