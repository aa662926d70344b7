"""Rich tables, one per file with findings, then the summary line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from rich.markup import escape
from rich.table import Table

from planctl.engine import FileResult
from planctl.report import RenderOptions
from planctl.report.console import make_console
from planctl.report.summary import Summary


def render(results: Sequence[FileResult], options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    for result in results:
        if not result.findings:
            console.print(f"[ok]✓[/] [file]{escape(result.file)}[/]")
            continue
        table = Table(title=escape(result.file), title_justify="left", expand=False)
        for column in ("where", "code", "severity", "message", "stated", "computed", "gap"):
            table.add_column(column, overflow="fold")
        for finding in result.findings:
            style = "accepted" if finding.accepted is not None else str(finding.severity)
            message = escape(finding.message)
            if finding.accepted is not None:
                message += f" [accepted: {escape(finding.accepted)}]"
            where = f"{finding.position or ''} {finding.path_text}".strip()
            table.add_row(
                escape(where),
                finding.code,
                f"[{style}]{finding.severity}[/]",
                message,
                escape(finding.stated or ""),
                escape(finding.computed or ""),
                escape(str(finding.gap) if finding.gap else ""),
            )
        console.print(table)
    summary = Summary.of(results, options.strict)
    style = "error" if summary.failed_files else "ok"
    console.print(f"[{style}]{escape(summary.line())}[/]")
