"""Rendering exit-check results: the year table, the regions, and the verdicts."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TextIO

from planctl.engine import FileResult
from planctl.exits.simulate import Simulation
from planctl.exits.verdicts import Status, Verdict
from planctl.findings import Finding, Severity
from planctl.loader import Document
from planctl.location import format_path
from planctl.quantity import format_decimal


@dataclass(frozen=True, slots=True)
class ExitReport:
    """One plan's exit check, ready to render."""

    file: str
    title: str
    simulation: Simulation
    verdicts: list[Verdict]
    document: Document | None = None

    @property
    def failed(self) -> bool:
        return any(verdict.status is Status.FAIL for verdict in self.verdicts)


def year_rows(report: ExitReport) -> list[dict[str, Any]]:
    """The year table as data: exits, cumulative, remaining, share per measure and year."""
    rows = []
    for row in report.simulation.rows:
        entry: dict[str, Any] = {"year": row.year}
        for measure, track in report.simulation.tracks.items():
            remaining = track.remaining(row.year)
            share = track.share(row.year)
            entry[measure] = {
                "exits": _text(track.exits.get(row.year)),
                "cumulative": _text(track.cumulative(row.year)),
                "remaining": _text(remaining),
                "share_of_baseline": f"{format_decimal(round(share, 2))}%"
                if share is not None
                else None,
                "unit": track.unit,
            }
        entry["regions_exiting"] = row.regions_exiting
        entry["targets_due"] = row.targets_due
        entry["indicators_due"] = row.indicators_due
        rows.append(entry)
    return rows


def report_data(report: ExitReport) -> dict[str, Any]:
    """One plan's exit check as JSON-ready data."""
    return {
        "file": report.file,
        "title": report.title,
        "failed": report.failed,
        "baseline": {
            measure: _text(track.baseline) for measure, track in report.simulation.tracks.items()
        },
        "years": year_rows(report),
        "verdicts": [
            {
                "code": v.code,
                "name": v.name,
                "status": str(v.status),
                "detail": v.detail,
                "path": _path(v),
                "year": v.year,
                "region": v.region,
                "source": v.source,
            }
            for v in report.verdicts
        ],
    }


def to_findings(report: ExitReport) -> list[Finding]:
    """Failed verdicts as findings, for the formats shared with validate (github, sarif, ...)."""
    findings = []
    for verdict in report.verdicts:
        if verdict.status is not Status.FAIL:
            continue
        position = report.document.locate(verdict.path) if report.document else None
        findings.append(
            Finding(
                verdict.code,
                f"{verdict.name}: {verdict.detail}",
                verdict.path,
                Severity.ERROR,
                report.file,
                position,
            )
        )
    return findings


def render(
    reports: list[ExitReport],
    unchecked: list[FileResult],
    fmt: str,
    out: TextIO,
    color: bool = False,
    width: int | None = None,
) -> None:
    """Render in `fmt`: exit-check's own table, text or JSON, or a findings format of validate's
    (github, sarif, junit) with each failed verdict as a finding."""
    if fmt == "table":
        render_table(reports, out, color, width)
    elif fmt == "text":
        render_text(reports, out)
    elif fmt == "json":
        data = {
            "plans": [report_data(report) for report in reports],
            "unchecked": [
                {"file": result.file, "findings": len(result.findings)} for result in unchecked
            ],
        }
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from planctl.report import RenderOptions, renderer

        results = [FileResult(r.file, to_findings(r)) for r in reports] + unchecked
        renderer(fmt)(results, RenderOptions(command="exit-check"), out)


def render_text(reports: list[ExitReport], out: TextIO) -> None:
    """Plain lines: one per year, then one per verdict with its location."""
    for report in reports:
        out.write(f"{report.file}: {report.title}\n")
        for row in year_rows(report):
            parts = [str(row["year"])]
            for measure in report.simulation.tracks:
                cell = row[measure]
                parts.append(
                    f"{measure} {cell['exits'] or '-'} cum {cell['cumulative']} "
                    f"left {cell['remaining'] or '?'} ({cell['share_of_baseline'] or '?'})"
                )
            if row["regions_exiting"]:
                parts.append("regions: " + "、".join(row["regions_exiting"]))
            out.write("  " + " | ".join(parts) + "\n")
        for verdict in report.verdicts:
            where = report.document.locate(verdict.path) if report.document and verdict.path else ""
            out.write(
                f"  {verdict.status.upper():<13} {verdict.code} {verdict.name}: "
                f"{verdict.detail}" + (f"  [{report.file}:{where}]" if where else "") + "\n"
            )
    out.write(_summary(reports) + "\n")


def render_table(reports: list[ExitReport], out: TextIO, color: bool, width: int | None) -> None:
    """Rich tables: the years, then the verdicts."""
    from rich.markup import escape
    from rich.table import Table

    from planctl.report.console import make_console

    console = make_console(out, color, width)
    styles = {Status.PASS: "ok", Status.FAIL: "error", Status.NOT_EVALUABLE: "warning"}
    for report in reports:
        years = Table(title=escape(f"{report.file}: {report.title}"), title_justify="left")
        years.add_column("year")
        for measure in report.simulation.tracks:
            for column in ("exits", "cumulative", "remaining", "of baseline"):
                years.add_column(f"{measure} {column}", justify="right")
        years.add_column("regions exiting", overflow="fold")
        for row in year_rows(report):
            cells = [str(row["year"])]
            for measure in report.simulation.tracks:
                cell = row[measure]
                cells += [
                    cell["exits"] or "",
                    cell["cumulative"] or "",
                    cell["remaining"] or "?",
                    cell["share_of_baseline"] or "?",
                ]
            cells.append(escape("、".join(row["regions_exiting"])))
            years.add_row(*cells)
        console.print(years)
        verdicts = Table(title="verdicts", title_justify="left")
        for column in ("status", "code", "criterion", "numbers", "where"):
            verdicts.add_column(column, overflow="fold")
        for verdict in report.verdicts:
            where = report.document.locate(verdict.path) if report.document and verdict.path else ""
            verdicts.add_row(
                f"[{styles[verdict.status]}]{verdict.status}[/]",
                verdict.code,
                escape(verdict.name),
                escape(verdict.detail),
                f"{where} {_path(verdict)}".strip(),
            )
        console.print(verdicts)
    console.print(escape(_summary(reports)))


def _summary(reports: list[ExitReport]) -> str:
    counts = dict.fromkeys(Status, 0)
    for report in reports:
        for verdict in report.verdicts:
            counts[verdict.status] += 1
    return (
        f"{len(reports)} plan{'s' if len(reports) != 1 else ''} checked: "
        f"{counts[Status.PASS]} passed, {counts[Status.FAIL]} failed, "
        f"{counts[Status.NOT_EVALUABLE]} not evaluable"
    )


def _path(verdict: Verdict) -> str:
    return format_path(verdict.path)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else format_decimal(value)
