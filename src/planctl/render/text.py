"""Plain lines, one per finding, for logs, grep and editors: `file:line:col  path  message`."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from planctl.engine import FileResult
from planctl.findings import Finding, Outcome
from planctl.i18n import _
from planctl.render import RenderOptions
from planctl.render.console import printable
from planctl.render.summary import Summary
from planctl.render.words import accepted, figures_behind, outcome, rule_title, severity
from planctl.results import CheckResult


def format_finding(finding: Finding) -> str:
    """One finding on one line, with the figures behind it."""
    text = f"{finding.location}  {finding.path_text or '-'}  "
    text += _("{code} {label}: {message}").format(
        code=finding.code, label=label(finding), message=finding.message
    )
    behind = figures_behind(finding)
    if behind is not None:
        text += f" [{behind}]"
    if finding.accepted is not None:
        text += f" ({accepted(finding.accepted)})"
    return printable(text)  # names and figures come from the plan: no terminal controls


def label(finding: Finding) -> str:
    """`error`, `warning`, `info`; a verdict that is not a problem says `pass`, `not evaluable`."""
    if finding.outcome is not Outcome.FAIL:
        return outcome(finding.outcome)
    return severity(finding.level)


def shown(check: CheckResult, result: FileResult, options: RenderOptions) -> list[Finding]:
    """The findings of `result` to print: those the command reports, or with `quiet` only those
    that fail the run."""
    findings = check.reported(result)
    if options.quiet:
        strict = check.strict_for(result)
        return [finding for finding in findings if finding.fails(strict)]
    return findings


def statistics(findings: Iterable[Finding]) -> list[str]:
    """`12  PC110  conflicting deadlines for one target`: a line per code, the commonest first."""
    from planctl.rules import RULES

    counts = Counter(finding.code for finding in findings)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    width = len(str(ranked[0][1])) if ranked else 0
    return [
        f"{count:>{width}}  {code}  {rule_title(RULES[code]) if code in RULES else ''}".rstrip()
        for code, count in ranked
    ]


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    printed: list[Finding] = []
    for result in check.files:
        findings = shown(check, result, options)
        printed.extend(findings)
        for finding in findings:
            out.write(format_finding(finding) + "\n")
    if options.statistics:
        out.writelines(line + "\n" for line in statistics(printed))
    if not options.quiet:
        out.write(Summary.of(check).line() + "\n")
