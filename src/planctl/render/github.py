"""GitHub Actions workflow commands: each finding becomes an annotation on its file and line.

A line such as `::error file=plans/a.yaml,line=42,col=7,title=PC101 ...::message` in a step's
output is turned by the runner into an annotation on the pull request, so nothing but
`planctl validate plans/` is needed in a workflow (`--format` picks `github` by itself when
`GITHUB_ACTIONS=true`). The runner reads the line back by splitting on `::`, `,` and `=` and
decoding `%XX`, which is why every value is escaped here; an unescaped newline in a message
would end the command early and show the rest as plain log text.

Accepted findings get no annotation: the plan already says why they stand. They are counted in
the summary line, which closes the output as in every format.
"""

from __future__ import annotations

from typing import TextIO

from planctl.findings import Finding, Severity
from planctl.render import RenderOptions
from planctl.render.summary import Summary
from planctl.render.words import rule_title
from planctl.results import CheckResult
from planctl.rules import RULES

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
STDIN_NAME = "<stdin>"


def escape_data(text: str) -> str:
    """Escape the message part of a workflow command (after the second `::`)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (`file=`, `title=`): also `:` and `,`, which delimit properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    """One finding as one workflow command line (without the newline)."""
    properties: list[tuple[str, str]] = []
    if finding.file and finding.file != STDIN_NAME:
        properties.append(("file", finding.file))
    if finding.position is not None:
        properties.append(("line", str(finding.position.line)))
        properties.append(("col", str(finding.position.column)))
    rule = RULES.get(finding.code)
    properties.append(("title", f"{finding.code} {rule_title(rule)}" if rule else finding.code))
    fields = ",".join(f"{key}={escape_property(value)}" for key, value in properties)
    message = f"{finding.path_text}: {finding.message}" if finding.path else finding.message
    return f"::{COMMANDS[finding.level]} {fields}::{escape_data(message)}"


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    for result in check.files:
        for finding in check.reported(result):
            if finding.accepted is None:
                out.write(annotation(finding) + "\n")
    out.write(Summary.of(check).line() + "\n")
