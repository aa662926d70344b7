"""Drawing `planctl trace`: a table that reads at 80 columns, plain lines, or JSON.

Every line and every JSON entry says where the plan states the item (file:line:col and path) and
where the source prints it (line numbers), so either side can be opened at the right place.
In the table a figure is never folded, so a digit cannot hide at a line break; paths and
messages fold. The section and the text around the match need room: they are shown from
`WIDE` columns on (a file gets 120), and the message still names the lines.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from planctl.i18n import N_, _
from planctl.location import format_path
from planctl.render import RenderOptions
from planctl.render.json_report import envelope
from planctl.render.words import severity as severity_word
from planctl.results.trace import TraceReport, message, severity
from planctl.trace import Traced, TraceResult
from planctl.trace.coverage import DocumentFigure
from planctl.trace.match import Status

WIDE = 110  # columns from which the table shows the section and the source text around a match
OK = N_("ok")


def level_word(level: str) -> str:
    """An item's level (`error`, `warning`, `info`, `ok`) as a reader of the language says it;
    JSON keeps the English value."""
    return _(OK) if level == "ok" else severity_word(level)


def left_out_reason(messages: tuple[str, ...] | list[str]) -> str:
    """Why a part of the plan is left out: its validation messages, or a general reason."""
    return _("; ").join(messages) or _("does not validate")


def summary_lines(result: TraceResult) -> list[str]:
    """The closing lines: counts per result, then the coverage."""
    counts = result.counts()
    found, ambiguous = counts[Status.FOUND], counts[Status.AMBIGUOUS]
    missing = counts[Status.NOT_FOUND]
    outside = sum(1 for traced in result.traced if traced.match.outside_section)
    loose = sum(1 for traced in result.traced if traced.match.number_only)
    lines = [
        _(
            "{items} items traced in {source}: {found} found, {ambiguous} ambiguous, {missing} "
            "not found; {outside} only outside their section, {loose} only as a bare number"
        ).format(
            items=len(result.traced),
            source=result.source.name,
            found=found,
            ambiguous=ambiguous,
            missing=missing,
            outside=outside,
            loose=loose,
        )
    ]
    if result.skipped:
        lines.append(
            _("{n} parts of the plan left out: they do not validate").format(n=len(result.skipped))
        )
    unknown = result.unknown_sections
    if unknown:
        lines.append(
            _("sections not found in the source: {sections}").format(sections=_(", ").join(unknown))
        )
    cover = result.coverage
    if cover is not None:
        percent = f"{cover.percent}%" if cover.percent is not None else _("n/a")
        lines.append(
            _(
                "coverage: {encoded} of {figures} figures printed in the source are in the plan "
                "({percent})"
            ).format(encoded=len(cover.encoded), figures=len(cover.figures), percent=percent)
        )
    return lines


def render_text(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    """Plain lines: `file:line:col  path  figure  result`, then the summary."""
    result = report.trace
    for traced in report.shown:
        where = f"{result.plan_file}:{traced.position}"
        out.write(
            f"{where}  {format_path(traced.path)}  {traced.item.text}  "
            + _("{level}: {message}").format(
                level=level_word(severity(traced)), message=message(traced)
            )
            + "\n"
        )
    for skipped, position in result.skipped:
        left_out = _("{warning}: left out ({reason})").format(
            warning=severity_word("warning"), reason=left_out_reason(skipped.messages)
        )
        out.write(f"{result.plan_file}:{position}  {format_path(skipped.path)}  {left_out}\n")
    if report.missing and result.coverage is not None:
        for figure in result.coverage.missing:
            out.write(
                f"{result.source.name}:{figure.line}:{figure.column}  {figure.text}  "
                f"{_('not in the plan')}\n"
            )
    for line in summary_lines(result):
        out.write(line + "\n")


def render_table(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    """The items, the parts left out, the figures the plan misses (--missing), the summary."""
    from rich.markup import escape
    from rich.table import Table

    from planctl.render.console import make_console

    result = report.trace
    console = make_console(out, options.color, options.width)
    wide = console.width >= WIDE
    table = Table(title=escape(f"{result.plan_file} ← {result.source.name}"), title_justify="left")
    table.add_column(_("where"), no_wrap=True)
    table.add_column(_("path"), overflow="fold", min_width=12, ratio=2)
    table.add_column(_("figure"), no_wrap=True)
    if wide:
        table.add_column(_("section"), overflow="fold", min_width=8, ratio=1)
    table.add_column(_("result"), overflow="fold", min_width=16, ratio=3)
    if wide:
        table.add_column(_("in the source"), overflow="fold", min_width=12, ratio=2)
    for traced in report.shown:
        level = severity(traced)
        row = [
            str(traced.position),
            escape(format_path(traced.path)),
            escape(traced.item.text),
            f"[{level}]{escape(message(traced))}[/]",
        ]
        if wide:
            row.insert(3, escape(traced.item.section or ""))
            row.append(escape(_context(result, traced)))
        table.add_row(*row)
    console.print(table)
    for skipped, position in result.skipped:
        reason = left_out_reason(skipped.messages)
        console.print(
            f"[warning]{escape(_('left out'))}[/] {position} "
            f"{escape(format_path(skipped.path))}: {escape(reason)}"
        )
    if report.missing and result.coverage is not None and result.coverage.missing:
        missing = Table(
            title=escape(_("figures in the source that the plan does not encode")),
            title_justify="left",
        )
        missing.add_column(_("line"), no_wrap=True)
        missing.add_column(_("figure"), no_wrap=True)
        missing.add_column(_("context"), overflow="fold", min_width=16, ratio=1)
        for figure in result.coverage.missing:
            context = result.source.excerpt(figure.line, figure.start, figure.end)
            missing.add_row(f"{figure.line}:{figure.column}", escape(figure.text), escape(context))
        console.print(missing)
    style = "error" if result.failed else "ok"
    for line in summary_lines(result):
        console.print(f"[{style}]{escape(line)}[/]")


def _context(result: TraceResult, traced: Traced) -> str:
    occurrences = traced.match.occurrences
    if not occurrences:
        return ""
    first = occurrences[0]
    return result.source.excerpt(first.line, first.start, first.end, around=6)


def trace_data(report: TraceReport) -> dict[str, Any]:
    """The trace as JSON-ready data (docs/trace.md, docs/json-output.md)."""
    result = report.trace
    cover = result.coverage
    return {
        "plan": result.plan_file,
        "source": result.source.name,
        "summary": {
            "items": len(result.traced),
            "found": result.count(Status.FOUND),
            "ambiguous": result.count(Status.AMBIGUOUS),
            "not_found": result.count(Status.NOT_FOUND),
            "outside_section": sum(1 for t in result.traced if t.match.outside_section),
            "number_only": sum(1 for t in result.traced if t.match.number_only),
            "skipped": len(result.skipped),
        },
        "failed": report.failed,
        "items": [_item(result, traced) for traced in result.traced],
        "skipped": [
            {
                "path": format_path(skipped.path),
                "line": position.line,
                "column": position.column,
                "messages": list(skipped.messages),
            }
            for skipped, position in result.skipped
        ],
        "unknown_sections": result.unknown_sections,
        "coverage": None
        if cover is None
        else {
            "figures": len(cover.figures),
            "encoded": len(cover.encoded),
            "percent": str(cover.percent) if cover.percent is not None else None,
            "missing": [_figure(result, figure) for figure in cover.missing],
        },
    }


def _item(result: TraceResult, traced: Traced) -> dict[str, Any]:
    match = traced.match
    section = match.section
    return {
        "kind": traced.item.kind,
        "path": format_path(traced.path),
        "line": traced.position.line,
        "column": traced.position.column,
        "text": traced.item.text,
        "section": traced.item.section,
        "section_lines": [list(span) for span in section.ranges] if section else None,
        "status": str(match.status),
        "severity": severity(traced),
        "form": str(match.form) if match.form else None,
        "outside_section": match.outside_section,
        "number_only": match.number_only,
        "lines": match.lines,
        "occurrences": [
            {
                "line": occurrence.line,
                "column": occurrence.column,
                "text": result.source.printed[occurrence.line - 1][
                    occurrence.start : occurrence.end
                ],
                "context": result.source.excerpt(occurrence.line, occurrence.start, occurrence.end),
                "in_section": occurrence.in_section,
            }
            for occurrence in match.occurrences
        ],
        "message": message(traced),
    }


def _figure(result: TraceResult, figure: DocumentFigure) -> dict[str, Any]:
    return {
        "line": figure.line,
        "column": figure.column,
        "text": figure.text,
        "family": figure.family,
        "context": result.source.excerpt(figure.line, figure.start, figure.end),
    }


def render_json(report: TraceReport, options: RenderOptions, out: TextIO) -> None:
    json.dump(envelope("trace", trace_data(report)), out, ensure_ascii=False, indent=2)
    out.write("\n")
