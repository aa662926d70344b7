"""Rich tables, one per file with findings, then the summary line."""

from __future__ import annotations

from typing import TextIO

from rich.markup import escape
from rich.table import Table

from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.summary import Summary
from planctl.render.text import label
from planctl.results import CheckResult


def render(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    for result in check.files:
        findings = check.reported(result)
        if not findings:
            console.print(f"[ok]✓[/] [file]{escape(result.file)}[/]")
            continue
        table = Table(title=escape(result.file), title_justify="left", expand=False)
        for column in ("where", "code", "severity", "message", "stated", "computed", "gap"):
            table.add_column(column, overflow="fold")
        for finding in findings:
            style = "accepted" if finding.accepted is not None else str(finding.level)
            message = escape(finding.message)
            if finding.accepted is not None:
                message += f" [accepted: {escape(finding.accepted)}]"
            where = f"{finding.position or ''} {finding.path_text}".strip()
            table.add_row(
                escape(where),
                finding.code,
                f"[{style}]{label(finding)}[/]",
                message,
                escape(finding.stated or ""),
                escape(finding.computed or ""),
                escape(str(finding.gap) if finding.gap else ""),
            )
        console.print(table)
    summary = Summary.of(check)
    style = "error" if summary.failed_files else "ok"
    console.print(f"[{style}]{escape(summary.line())}[/]")
