"""The JSON format: a stable structure for scripts and CI (documented in docs/json-output.md)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from planctl import __version__
from planctl.findings import Finding
from planctl.render import RenderOptions
from planctl.render.summary import Summary
from planctl.render.words import rule_title
from planctl.results import CheckResult
from planctl.rules import RULES

SCHEMA_VERSION = 1


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding as JSON-ready data."""
    rule = RULES.get(finding.code)
    return {
        "code": finding.code,
        "severity": str(finding.level),
        "outcome": str(finding.outcome),
        "title": rule_title(rule) if rule else None,
        "message": finding.message,
        "file": finding.file,
        "line": finding.position.line if finding.position else None,
        "column": finding.position.column if finding.position else None,
        "path": finding.path_text,
        "stated": finding.stated,
        "computed": finding.computed,
        "gap": asdict(finding.gap) if finding.gap else None,
        "accepted": finding.accepted,
        "year": finding.year,
        "region": finding.region,
        "source": finding.source,
    }


def envelope(command: str, data: dict[str, Any]) -> dict[str, Any]:
    """Every command's JSON: the format's version, the tool, the command, then its result."""
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "planctl", "version": __version__},
        "command": command,
        **data,
    }


def results_data(check: CheckResult) -> dict[str, Any]:
    """A whole run as JSON-ready data; the library API returns exactly this."""
    summary = Summary.of(check)
    results = check.files
    return envelope(
        check.command,
        {
            "summary": {**asdict(summary), "failed": summary.failed_files > 0},
            "files": [
                {
                    "file": result.file,
                    "failed": result.failed(check.strict_for(result)),
                    "findings": [finding_data(finding) for finding in check.reported(result)],
                }
                for result in results
            ],
        },
    )


def render_findings(check: CheckResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(results_data(check), out, ensure_ascii=False, indent=2)
    out.write("\n")
