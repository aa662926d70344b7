"""`planctl trace --format table`: one rich table per plan, the missing figures, the summary."""

from __future__ import annotations

from typing import TextIO

from rich.markup import escape
from rich.table import Table

from planctl.location import format_path
from planctl.render.console import make_console
from planctl.trace import TraceResult
from planctl.trace.render import TraceOptions, message, severity, shown, summary_lines


def render(result: TraceResult, options: TraceOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    table = Table(title=escape(f"{result.plan_file} ← {result.source.name}"), title_justify="left")
    for column in ("where", "figure", "section", "result", "in the source"):
        table.add_column(column, overflow="fold")
    for traced in shown(result, options):
        level = severity(traced)
        occurrence = traced.match.occurrences[0] if traced.match.occurrences else None
        context = (
            result.source.excerpt(occurrence.line, occurrence.start, occurrence.end, around=6)
            if occurrence is not None
            else ""
        )
        table.add_row(
            escape(f"{traced.position} {format_path(traced.path)}"),
            escape(traced.item.text),
            escape(traced.item.section or ""),
            f"[{level}]{escape(message(traced))}[/]",
            escape(context),
        )
    console.print(table)
    for skipped, position in result.skipped:
        reason = "; ".join(skipped.messages) or "does not validate"
        console.print(
            f"[warning]left out[/] {position} {escape(format_path(skipped.path))}: {escape(reason)}"
        )
    if options.missing and result.coverage is not None and result.coverage.missing:
        missing = Table(title="figures in the source that the plan does not encode")
        for column in ("line", "figure", "context"):
            missing.add_column(column, overflow="fold")
        for figure in result.coverage.missing:
            context = result.source.excerpt(figure.line, figure.start, figure.end)
            missing.add_row(f"{figure.line}:{figure.column}", escape(figure.text), escape(context))
        console.print(missing)
    style = "error" if result.failed else "ok"
    for line in summary_lines(result):
        console.print(f"[{style}]{escape(line)}[/]")
