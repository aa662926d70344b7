"""The JSON format: a stable structure for scripts and CI (documented in docs/json-output.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, TextIO

from planctl import __version__
from planctl.checks import RULES
from planctl.engine import FileResult
from planctl.findings import Finding
from planctl.report import RenderOptions
from planctl.report.summary import Summary

SCHEMA_VERSION = 1


def finding_data(finding: Finding) -> dict[str, Any]:
    """One finding as JSON-ready data."""
    rule = RULES.get(finding.code)
    return {
        "code": finding.code,
        "severity": str(finding.severity),
        "title": rule.title if rule else None,
        "message": finding.message,
        "file": finding.file,
        "line": finding.position.line if finding.position else None,
        "column": finding.position.column if finding.position else None,
        "path": finding.path_text,
        "stated": finding.stated,
        "computed": finding.computed,
        "gap": asdict(finding.gap) if finding.gap else None,
        "accepted": finding.accepted,
    }


def results_data(results: Sequence[FileResult], strict: bool = False) -> dict[str, Any]:
    """A whole run as JSON-ready data; the library API returns exactly this."""
    summary = Summary.of(results, strict)
    return {
        "version": SCHEMA_VERSION,
        "tool": {"name": "planctl", "version": __version__},
        "summary": {**asdict(summary), "failed": summary.failed_files > 0},
        "files": [
            {
                "file": result.file,
                "failed": result.failed(strict),
                "findings": [finding_data(finding) for finding in result.findings],
            }
            for result in results
        ],
    }


def render(results: Sequence[FileResult], options: RenderOptions, out: TextIO) -> None:
    json.dump(results_data(results, options.strict), out, ensure_ascii=False, indent=2)
    out.write("\n")
