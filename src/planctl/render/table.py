"""Rich tables, one per file with findings, then the summary line."""

from __future__ import annotations

from typing import TextIO

from rich.markup import escape
from rich.table import Table

from planctl.findings import Finding
from planctl.i18n import _
from planctl.render import RenderOptions
from planctl.render.console import make_console
from planctl.render.summary import Summary
from planctl.render.text import label, shown, statistics
from planctl.render.words import accepted, figures_behind
from planctl.results import CheckResult


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    console = make_console(out, options.color, options.width)
    printed: list[Finding] = []
    for result in check.files:
        findings = shown(check, result, options)
        printed.extend(findings)
        if not findings:
            if not options.quiet:
                console.print(f"[ok]✓[/] [file]{escape(result.file)}[/]")
            continue
        # Narrow columns that never wrap, and one wide column that wraps between words: the
        # path, the message and the figures behind it, so no figure is ever cut in two.
        table = Table(title=escape(result.file), title_justify="left", expand=False)
        table.add_column(_("line:col"), no_wrap=True)
        table.add_column(_("code"), no_wrap=True)
        table.add_column(_("severity"), no_wrap=True)
        table.add_column(_("finding"), overflow="fold", ratio=1, min_width=30)
        for finding in findings:
            style = "accepted" if finding.accepted is not None else str(finding.level)
            text = f"[dim]{escape(finding.path_text)}[/]\n" if finding.path else ""
            text += escape(finding.message)
            behind = figures_behind(finding)
            if behind is not None:
                text += "\n" + escape(behind)
            if finding.accepted is not None:
                text += f"\n[accepted]{escape(accepted(finding.accepted))}[/]"
            table.add_row(
                str(finding.position or ""),
                finding.code,
                f"[{style}]{label(finding)}[/]",
                text,
            )
        console.print(table)
    if options.statistics:
        for line in statistics(printed):
            console.print(escape(line))
    if options.quiet:
        return
    summary = Summary.of(check)
    style = "error" if summary.failed_files else "ok"
    console.print(f"[{style}]{escape(summary.line())}[/]")
