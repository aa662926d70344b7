"""Plain lines, one per finding, for logs, grep and editors: `file:line:col  path  message`."""

from __future__ import annotations

from typing import TextIO

from planctl.findings import Finding, Outcome
from planctl.render import RenderOptions
from planctl.render.console import printable
from planctl.render.summary import Summary
from planctl.results import CheckResult


def format_finding(finding: Finding) -> str:
    """One finding on one line, with the figures behind it."""
    text = f"{finding.location}  {finding.path_text or '-'}  {finding.code} {label(finding)}: "
    text += finding.message
    if finding.stated is not None and finding.computed is not None:
        text += f" [stated {finding.stated}, computed {finding.computed}"
        text += f", gap {finding.gap}]" if finding.gap else "]"
    if finding.accepted is not None:
        text += f" (accepted: {finding.accepted})"
    return printable(text)  # names and figures come from the plan: no terminal controls


def label(finding: Finding) -> str:
    """`error`, `warning`, `info`; a verdict that is not a problem says `pass`, `not evaluable`."""
    if finding.outcome is not Outcome.FAIL:
        return str(finding.outcome)
    return str(finding.level)


def render(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    for result in check.files:
        for finding in check.reported(result):
            out.write(format_finding(finding) + "\n")
    out.write(Summary.of(check).line() + "\n")
