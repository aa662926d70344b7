"""Plain lines, one per finding, for logs, grep and editors: `file:line:col  path  message`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from planctl.engine import FileResult
from planctl.findings import Finding
from planctl.report import RenderOptions
from planctl.report.summary import Summary


def format_finding(finding: Finding) -> str:
    """One finding on one line, with the figures behind it."""
    text = f"{finding.location}  {finding.path_text or '-'}  {finding.code} {finding.severity}: "
    text += finding.message
    if finding.stated is not None and finding.computed is not None:
        text += f" [stated {finding.stated}, computed {finding.computed}"
        text += f", gap {finding.gap}]" if finding.gap else "]"
    if finding.accepted is not None:
        text += f" (accepted: {finding.accepted})"
    return text


def render(results: Sequence[FileResult], options: RenderOptions, out: TextIO) -> None:
    for result in results:
        for finding in result.findings:
            out.write(format_finding(finding) + "\n")
    out.write(Summary.of(results, options.strict).line() + "\n")
