"""`planctl trace` output: plain lines, JSON data, and the registry of formats.

Every line and every JSON entry says where the plan states the item (file:line:col and path) and
where the source prints it (line numbers), so either side can be opened at the right place.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TextIO

from planctl.location import format_path
from planctl.trace import Traced, TraceResult
from planctl.trace.coverage import DocumentFigure
from planctl.trace.match import Status

JSON_VERSION = 1


@dataclass(frozen=True, slots=True)
class TraceOptions:
    """What to show and how."""

    missing: bool = False  # list the document figures the plan does not encode
    problems_only: bool = False  # leave out items found once in their own section
    color: bool = False
    width: int | None = None


Renderer = Callable[[TraceResult, TraceOptions, TextIO], None]

# name -> (module, description); modules are imported only when their format is used.
TRACE_FORMATS: dict[str, tuple[str, str]] = {
    "table": ("planctl.trace.table", "a rich table, then the summary (default on a terminal)"),
    "text": ("planctl.trace.render", "one line per item: plan location, path, figure, result"),
    "json": ("planctl.trace.render", "a stable JSON document (docs/trace.md)"),
}


def renderer(name: str) -> Renderer:
    """The renderer registered as `name`."""
    module = importlib.import_module(TRACE_FORMATS[name][0])
    function: Renderer = module.render_json if name == "json" else module.render
    return function


def severity(traced: Traced) -> str:
    """error (not found), warning (outside its section, number only), info (ambiguous), ok."""
    match = traced.match
    if match.status is Status.NOT_FOUND:
        return "error"
    if match.outside_section or match.number_only:
        return "warning"
    return "info" if match.status is Status.AMBIGUOUS else "ok"


def message(traced: Traced) -> str:
    """What happened to one item, in words, with the source lines."""
    match = traced.match
    section = match.section
    if match.status is Status.NOT_FOUND:
        where = f" (looked in {section.describe()}, then everywhere)" if section else ""
        return f"NOT FOUND{where}"
    lines = ", ".join(str(line) for line in match.lines)
    text = f"found at line {lines}" if match.status is Status.FOUND else f"ambiguous: lines {lines}"
    notes = []
    if match.number_only:
        notes.append("only the bare number: the unit printed next to it differs")
    if match.outside_section and section is not None:
        notes.append(f"only outside {section.describe()}")
    if section is not None and not section.exists:
        known = "not in the source" if section.understood else "not understood"
        notes.append(f"section {section.reference} {known}")
    return text + "".join(f"; {note}" for note in notes)


def shown(result: TraceResult, options: TraceOptions) -> list[Traced]:
    if not options.problems_only:
        return result.traced
    return [traced for traced in result.traced if severity(traced) != "ok"]


def summary_lines(result: TraceResult) -> list[str]:
    """The closing lines: counts per result, then the coverage."""
    found, ambiguous = result.count(Status.FOUND), result.count(Status.AMBIGUOUS)
    missing = result.count(Status.NOT_FOUND)
    outside = sum(1 for traced in result.traced if traced.match.outside_section)
    loose = sum(1 for traced in result.traced if traced.match.number_only)
    lines = [
        f"{len(result.traced)} items traced in {result.source.name}: {found} found, "
        f"{ambiguous} ambiguous, {missing} not found; {outside} only outside their section, "
        f"{loose} only as a bare number"
    ]
    if result.skipped:
        lines.append(f"{len(result.skipped)} parts of the plan left out: they do not validate")
    unknown = result.unknown_sections
    if unknown:
        lines.append(f"sections not found in the source: {', '.join(unknown)}")
    cover = result.coverage
    if cover is not None:
        percent = f"{cover.percent}%" if cover.percent is not None else "n/a"
        lines.append(
            f"coverage: {len(cover.encoded)} of {len(cover.figures)} figures printed in the "
            f"source are in the plan ({percent})"
        )
    return lines


def render(result: TraceResult, options: TraceOptions, out: TextIO) -> None:
    """Plain lines: `file:line:col  path  figure  result`, then the summary."""
    for traced in shown(result, options):
        where = f"{result.plan_file}:{traced.position}"
        out.write(
            f"{where}  {format_path(traced.path)}  {traced.item.text}  "
            f"{severity(traced)}: {message(traced)}\n"
        )
    for skipped, position in result.skipped:
        reason = "; ".join(skipped.messages) or "does not validate"
        out.write(
            f"{result.plan_file}:{position}  {format_path(skipped.path)}  warning: left out "
            f"({reason})\n"
        )
    if options.missing and result.coverage is not None:
        for figure in result.coverage.missing:
            out.write(
                f"{result.source.name}:{figure.line}:{figure.column}  {figure.text}  "
                "not in the plan\n"
            )
    for line in summary_lines(result):
        out.write(line + "\n")


def data(result: TraceResult) -> dict[str, Any]:
    """The JSON document (see docs/trace.md)."""
    cover = result.coverage
    return {
        "version": JSON_VERSION,
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


def render_json(result: TraceResult, options: TraceOptions, out: TextIO) -> None:
    json.dump(data(result), out, ensure_ascii=False, indent=2)
    out.write("\n")
