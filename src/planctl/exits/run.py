"""Exit-check for files: load and validate each plan, simulate, judge, filter."""

from __future__ import annotations

import dataclasses

from planctl.engine import FileResult, check_file
from planctl.exits.criteria import (
    HOUSEHOLD_CONDITIONS,
    NATIONAL_SOURCE,
    POVERTY_LINES,
    PROVINCIAL_SOURCE,
    THIRD_PARTY,
    national_criteria,
    provincial_criteria,
)
from planctl.exits.report import ExitReport
from planctl.exits.simulate import simulate
from planctl.exits.verdicts import CODES, judge
from planctl.quantity import format_decimal


def exit_reports(files: list[str]) -> tuple[list[ExitReport], list[FileResult]]:
    """Exit reports for the plans that validate, and the results of those that do not."""
    reports, unchecked = [], []
    for file in files:
        result = check_file(file)
        if result.plan is None:
            unchecked.append(result)
            continue
        simulation = simulate(result.plan)
        reports.append(
            ExitReport(
                file,
                result.plan.plan.title,
                simulation,
                judge(result.plan, simulation),
                result.document,
            )
        )
    return reports, unchecked


def filter_report(report: ExitReport, year: int | None, region: str | None) -> ExitReport:
    """Only one year's row and verdicts, or only one region's verdicts (plan-wide ones stay)."""
    simulation = report.simulation
    verdicts = report.verdicts
    if year is not None:
        if year not in simulation.years:
            raise ValueError(
                f"--year {year} is outside the plan's years "
                f"{simulation.years[0] if simulation.years else '?'}-"
                f"{simulation.years[-1] if simulation.years else '?'}"
            )
        rows = [row for row in simulation.rows if row.year == year]
        simulation = dataclasses.replace(simulation, rows=rows)
        verdicts = [v for v in verdicts if v.year in (None, year)]
    if region is not None:
        names = {v.region for v in report.verdicts if v.region}
        if region not in names:
            raise ValueError(
                f"--region {region} is not a region of {report.file}; regions: "
                f"{'、'.join(sorted(names)) or 'none'}"
            )
        verdicts = [v for v in verdicts if v.region in (None, region)]
    return dataclasses.replace(report, simulation=simulation, verdicts=verdicts)


def criteria_text() -> str:
    """The built-in criteria and reference data with their sources, for --criteria."""
    lines = ["Verdicts:"]
    lines += [f"  {code}  {title}" for code, title in CODES.items()]
    lines.append("\nNational exit thresholds (the plan's region may be marked western: 3%):")
    for criterion in national_criteria(western=False):
        lines.append(
            f"  {criterion.name} <= {format_decimal(criterion.threshold)}%  [{criterion.source}]"
        )
    lines.append("  non-poor counties exit when all their poor villages have exited")
    for name, source in THIRD_PARTY:
        lines.append(f"  {name}  [{source}] (needs survey data: not evaluable from a plan)")
    lines.append("\nHousehold exit conditions (not numeric: reported as stated or not):")
    lines += [f"  {name}  [{NATIONAL_SOURCE}]" for name, _ in HOUSEHOLD_CONDITIONS]
    lines.append("\nProvincial rules:")
    for province, source in PROVINCIAL_SOURCE.items():
        for criterion in provincial_criteria(province):
            lines.append(
                f"  {province}: {criterion.name} >= "
                f"{format_decimal(criterion.threshold)}%  [{source}]"
            )
    lines.append(
        "\nA plan's own `criteria:` override these for the kinds they name "
        "(measure: incidence/贫困发生率, villages_exited/贫困村退出比例, "
        "people_exited/贫困人口减少比例)."
    )
    lines.append("\nNational rural poverty line (per person per year):")
    for line in POVERTY_LINES:
        mark = "" if line.confirmed else "  (not confirmed)"
        lines.append(f"  {line.year}: {format_decimal(line.yuan)}元  [{line.source}]{mark}")
    return "\n".join(lines) + "\n"
