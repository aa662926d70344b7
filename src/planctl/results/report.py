"""The result of `planctl report`: every plan's answers and figures, ready to be drawn as a page.

Figures are kept twice: as printed (`str`, exactly what the other commands print: the page's
tables and chart labels show these) and, where a chart needs a position, as an exact Decimal in
the chart's unit. Nothing here knows about HTML or charts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.findings import Finding
from planctl.location import PlanPath


@dataclass(frozen=True, slots=True)
class BudgetRow:
    """One line of the budget tree: its amount as printed, the sum of its parts and the gap."""

    names: tuple[str, ...]  # item names from the top; () for the budget total
    path: PlanPath
    amount: str | None  # as printed in the plan
    parts: str | None  # what the parts add up to, exactly, in the amount's unit
    parts_missing: int  # parts that state no amount
    gap: str | None  # parts minus amount, signed
    share_of_total: str  # "54.04%", or "" when unknown
    value: Decimal | None  # the amount (stated, else its parts) in 万元, for the chart
    marked: bool  # a PC101 finding says its parts do not add up
    charted: bool  # drawn in the chart (the top levels and every marked line)

    @property
    def level(self) -> int:
        return len(self.names)

    @property
    def name(self) -> str:
        return self.names[-1] if self.names else ""


@dataclass(frozen=True, slots=True)
class ExitPoint:
    """One year of an exit schedule, figures in the baseline's printed unit."""

    year: int
    in_period: bool
    exits: str | None
    cumulative: str | None
    remaining: str | None
    share: str  # of the baseline, "" when unknown
    value: Decimal | None  # the running total in `ExitSeries.unit`, for the chart


@dataclass(frozen=True, slots=True)
class Deadline:
    """A target of the measure that is due by a year, and what remains of the baseline then."""

    year: int
    name: str
    remaining: str | None


@dataclass(frozen=True, slots=True)
class ExitSeries:
    """One exit measure (people, villages, households): running totals against the baseline."""

    measure: str
    unit: str  # the unit the running totals and the baseline are charted in
    baseline: str | None  # as printed
    baseline_value: Decimal | None  # in `unit`
    points: list[ExitPoint]
    deadlines: list[Deadline]


@dataclass(frozen=True, slots=True)
class RegionExit:
    name: str
    kind: str | None
    exit_year: int | None


@dataclass(frozen=True, slots=True)
class TraceSummary:
    """How much of the plan was found in its source document, and how much of it the plan holds."""

    source: str
    found: int
    ambiguous: int
    not_found: int
    encoded: int  # the document's figures that the plan encodes
    figures: int  # the figures the document prints
    percent: str | None  # encoded of figures, "12.5%"


NO_SOURCE_NAMED = "the plan names no source document"
SOURCE_MISSING = "the source document is not there"
SOURCE_UNREADABLE = "the source document cannot be read"
TRACE_PROBLEMS = (NO_SOURCE_NAMED, SOURCE_MISSING, SOURCE_UNREADABLE)


@dataclass(frozen=True, slots=True)
class PlanReport:
    """One plan's section of the report and its row in the overview."""

    file: str
    title: str
    anchor: str  # the id of its section in the page
    failed: bool
    errors: int
    warnings: int
    accepted: int
    passed: int  # exit verdicts (headlines and the others) by outcome
    failed_verdicts: int
    not_evaluable: int
    budget_total: str | None
    baselines: dict[str, str]  # measure -> baseline as printed
    headlines: list[Finding]
    verdicts: list[Finding]
    problems: list[Finding]
    budget: list[BudgetRow]
    exits: list[ExitSeries]
    regions: list[RegionExit]
    trace: TraceSummary | None = None
    # Why the plan was not traced when --source was given: one of `TRACE_PROBLEMS`, about
    # `trace_source` (the source file looked for), so that the page can word it.
    trace_problem: str | None = None
    trace_source: str | None = None


@dataclass(frozen=True, slots=True)
class UncheckedFile:
    """A file that could not be read or is not in the plan format: only its findings."""

    file: str
    findings: list[Finding]


@dataclass(frozen=True, slots=True)
class ReportResult:
    plans: list[PlanReport]
    unchecked: list[UncheckedFile] = field(default_factory=list)
    traced: bool = False  # whether --source was given

    @property
    def failed(self) -> bool:
        return bool(self.unchecked) or any(plan.failed for plan in self.plans)

    @property
    def exit_code(self) -> int:
        """0 when nothing fails, 1 when a plan fails (the page is written all the same)."""
        return 1 if self.failed else 0
