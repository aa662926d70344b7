"""One typed result per command: what the library computed, ready for any renderer.

Commands build a result and hand it to `planctl.render`, which draws it in the format asked
for; nothing here prints. A check result (validate, exit-check) says which of each file's
findings the command reports: validate the problems, exit-check the problems and every answer
of the exit rules, so that the CI formats carry exit-check's verdicts as they carry validate's
findings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from planctl.derive.timeline import Series
from planctl.engine import FileResult
from planctl.findings import Finding, Outcome
from planctl.rules import RULES


@dataclass(frozen=True, slots=True)
class CheckResult:
    """validate or exit-check over some files."""

    command: str  # "validate" or "exit-check"
    files: list[FileResult]
    strict: bool = False
    strict_files: frozenset[str] = frozenset()  # checked strictly by their own settings

    def strict_for(self, result: FileResult) -> bool:
        """Whether warnings fail `result` (--strict, or `strict = true` in its settings)."""
        return self.strict or result.file in self.strict_files

    def reported(self, result: FileResult) -> list[Finding]:
        """The findings of `result` this command reports."""
        if self.command == "validate":
            return result.problems
        return result.findings

    @property
    def failed(self) -> bool:
        return any(result.failed(self.strict_for(result)) for result in self.files)

    @property
    def exit_code(self) -> int:
        """0 when nothing fails, 1 when a finding fails the run."""
        return 1 if self.failed else 0


def is_verdict(finding: Finding) -> bool:
    """Whether `finding` is an exit rule's answer (shown among exit-check's verdicts)."""
    rule = RULES.get(finding.code)
    return rule is not None and rule.exit_criterion


@dataclass(frozen=True, slots=True)
class YearCell:
    """One exit measure in one year: exits that year, running total, what remains, share."""

    exits: str | None
    cumulative: str | None
    remaining: str | None
    share: Decimal | None


@dataclass(frozen=True, slots=True)
class ExitYear:
    year: int
    in_period: bool
    cells: dict[str, YearCell]  # measure -> cell
    regions_exiting: list[str]
    targets_due: list[str]
    indicators_due: list[str]


@dataclass(frozen=True, slots=True)
class ExitPlan:
    """One plan's exit check: headline answers first, then the year table and the verdicts."""

    file: str
    title: str
    headlines: list[Finding]  # one per exit target: met by its year, or by how much it misses
    years: list[ExitYear]
    verdicts: list[Finding]  # every other answer of the exit rules
    problems: list[Finding]  # the plan's other problems, which exit-check reports too
    baselines: dict[str, str] = field(default_factory=dict)  # measure -> baseline as printed


@dataclass(frozen=True, slots=True)
class ExitCheckResult:
    check: CheckResult
    plans: list[ExitPlan]

    @property
    def exit_code(self) -> int:
        return self.check.exit_code


def year_cell(series: Series, year: int) -> YearCell:
    """How `series` stands at the end of `year`, with figures in the baseline's printed unit."""
    from planctl.quantity import format_in

    entry = series.entries.get(year)
    baseline = series.baseline_value
    unit = baseline.unit if baseline is not None else series.unit
    done = series.cumulative(year)
    remaining = series.remaining(year)
    share = series.share(year)
    # Within what the printed figures allow, nothing remains: 31万 is met by 310975人.
    if (
        baseline is not None
        and remaining is not None
        and abs(remaining) <= baseline.tolerance + series.tolerance(year)
    ):
        remaining, share = Decimal(0), Decimal(100)
    return YearCell(
        exits=entry.text if entry is not None else None,
        cumulative=format_in(done, unit) if done is not None and unit is not None else None,
        remaining=format_in(remaining, unit) if remaining is not None and unit else None,
        share=share,
    )


__all__ = [
    "CheckResult",
    "ExitCheckResult",
    "ExitPlan",
    "ExitYear",
    "Outcome",
    "YearCell",
    "is_verdict",
    "year_cell",
]
