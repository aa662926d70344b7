"""The budget tree as report rows: amounts as printed, sums of parts, gaps, PC101 marks.

The figures are those of `planctl budget` (the same `budget_lines`, written the same way), so
the page and the terminal never show a line differently. The chart draws the top levels and
every line whose parts do not add up: a county plan's 100-odd lines would not read as bars.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from planctl.calc.budget_lines import BudgetLine, budget_lines
from planctl.calc.rates import money_unit
from planctl.derive.index import MEASURES, PlanIndex
from planctl.findings import Finding
from planctl.location import PlanPath
from planctl.render.display import exact_in, share, signed
from planctl.results.report import BudgetRow
from planctl.rules import rollup

CHART_DEPTH = 2  # the budget total, its items and theirs
TEN_THOUSAND = Decimal(10000)  # the chart's axis is in 万元


def marked_paths(findings: Iterable[Finding]) -> set[PlanPath]:
    """The budget lines that PC101 says do not add up (its path is the line's, plus a measure)."""
    marked: set[PlanPath] = set()
    for finding in findings:
        if finding.code != rollup.CODE or not finding.path or finding.path[0] != "budget":
            continue
        if finding.path == ("budget", "total"):
            marked.add(("budget",))
        elif finding.path[-1] in MEASURES:
            marked.add(finding.path[:-1])
    return marked


def budget_rows(index: PlanIndex, findings: Iterable[Finding]) -> list[BudgetRow]:
    """Every budget line, total first; empty when the plan has no budget."""
    lines = budget_lines(index)
    marked = marked_paths(findings)
    charted = _charted(lines, marked)
    return [_row(line, line.path in marked, line.path in charted) for line in lines]


def _charted(lines: list[BudgetLine], marked: set[PlanPath]) -> set[PlanPath]:
    """The top levels, and every marked line with the lines above it (so it reads in place)."""
    shown = {line.path for line in lines if line.level <= CHART_DEPTH}
    by_names = {line.names: line.path for line in lines}
    for line in lines:
        if line.path in marked:
            for depth in range(line.level + 1):
                shown.add(by_names[line.names[:depth]])
    return shown


def _row(line: BudgetLine, marked: bool, charted: bool) -> BudgetRow:
    unit = line.amount.unit if line.amount is not None else None
    if unit is None and line.parts is not None:
        unit = money_unit(line.parts)
    parts = gap = None
    if line.parts is not None and unit is not None:
        parts = exact_in(line.parts, unit)
    if line.gap is not None and unit is not None:
        gap = signed(exact_in(line.gap, unit))
    reference = line.reference
    return BudgetRow(
        names=line.names,
        path=line.path,
        amount=line.amount.text if line.amount is not None else None,
        parts=parts,
        parts_missing=line.parts_missing,
        gap=gap,
        share_of_total=share(line.share_of_total) if line.level > 0 else "",
        value=reference / TEN_THOUSAND if reference is not None else None,
        marked=marked,
        charted=charted,
    )
