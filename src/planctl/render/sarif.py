"""SARIF 2.1.0: findings as static-analysis results, for code-scanning dashboards.

One run, whose tool driver lists every registered rule (code, title, documentation, default
level) so a viewer can explain a result without planctl installed. Each finding becomes a
result pointing at its rule by id and index, located by the file path as given (a relative URI
reference, so the report is the same on any machine that checks out the repository) and by
line and column; the path inside the plan travels as a logical location, and the figures behind
the finding (stated, computed, gap) as result properties. An accepted finding stays in the
report as a suppressed result with the plan's reason, so a dashboard can show it as dismissed
rather than lose it.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import asdict
from pathlib import PurePath
from typing import Any, TextIO
from urllib.parse import quote

from planctl import __version__
from planctl.findings import Finding, Outcome, Severity
from planctl.render import RenderOptions
from planctl.render.words import rule_doc, rule_summary, rule_title
from planctl.results import CheckResult
from planctl.rules import RULES, Rule

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
# exit-check's verdicts that are not problems: SARIF's result kinds say so, with level "none".
KINDS = {Outcome.PASS: "pass", Outcome.NOT_EVALUABLE: "review"}


def sarif_log(rules: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    """One run of planctl as a SARIF log, its driver defining `rules`: every command's SARIF."""
    return {
        "$schema": SARIF_SCHEMA,
        "version": SARIF_VERSION,
        "runs": [
            {
                "tool": {"driver": {"name": "planctl", "version": __version__, "rules": rules}},
                # Positions count characters (Python string indices), not UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def sarif_data(check: CheckResult) -> dict[str, Any]:
    """A whole run as a SARIF log (JSON-ready data)."""
    index = {code: position for position, code in enumerate(RULES)}
    return sarif_log(
        [rule_data(rule) for rule in RULES.values()],
        [result_data(f, index) for result in check.files for f in check.reported(result)],
    )


def rule_data(rule: Rule) -> dict[str, Any]:
    """A rule as a SARIF reporting descriptor."""
    return {
        "id": rule.code,
        "name": _pascal_case(rule.title),
        "shortDescription": {"text": rule_title(rule)},
        "fullDescription": {"text": rule_summary(rule)},
        "help": {"text": rule_doc(rule), "markdown": rule_doc(rule)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def result_data(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    """A finding as a SARIF result."""
    physical: dict[str, Any] = {"artifactLocation": {"uri": file_uri(finding.file)}}
    if finding.position is not None:
        physical["region"] = {
            "startLine": finding.position.line,
            "startColumn": finding.position.column,
        }
    location: dict[str, Any] = {"physicalLocation": physical}
    if finding.path:
        location["logicalLocations"] = [{"fullyQualifiedName": finding.path_text}]
    data: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        data["ruleIndex"] = index[finding.code]
    if finding.outcome is Outcome.FAIL:
        data["level"] = LEVELS[finding.level]
    else:
        data["kind"] = KINDS[finding.outcome]
        data["level"] = "none"
    data["message"] = {"text": finding.message}
    data["locations"] = [location]
    properties = {
        key: value
        for key, value in (
            ("stated", finding.stated),
            ("computed", finding.computed),
            ("gap", asdict(finding.gap) if finding.gap else None),
        )
        if value is not None
    }
    if properties:
        data["properties"] = properties
    if finding.accepted is not None:
        data["suppressions"] = [{"kind": "inSource", "justification": finding.accepted}]
    return data


def file_uri(file: str) -> str:
    """The file as a URI reference: a relative path stays relative, an absolute one is `file:`.

    The name's bytes are percent-encoded, so a name that is not UTF-8 (`\\xff.yaml`, which
    Python holds as a lone surrogate) becomes `%FF.yaml`, the URI of that very file.
    """
    path = PurePath(file)
    if path.is_absolute():
        return path.as_uri()
    return quote(os.fsencode(path.as_posix()), safe="/")


def _pascal_case(title: str) -> str:
    """`parts do not add up to the total` → `PartsDoNotAddUpToTheTotal` (SARIF's rule name)."""
    return "".join(word[:1].upper() + word[1:] for word in re.split(r"[^0-9A-Za-z]+", title))


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(sarif_data(check), out, ensure_ascii=False, indent=2)
    out.write("\n")
