"""`planctl show` as a library call: one plan's metadata, baseline, headline targets, top-level
budget and how many problems `validate` finds, ready for any format.

The headline targets are `calc.overview`'s (every deadline the document gives them), the budget
lines `calc.budget_lines`'s over the plan's one index, and the problem counts `validate`'s own.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from planctl.calc.budget_lines import budget_lines
from planctl.calc.overview import TargetValue, headline_targets
from planctl.engine import FileResult
from planctl.i18n import N_
from planctl.model import Figure, Plan
from planctl.quantity import format_in

BASELINE_FIELDS = (
    ("poor_population", N_("poor population")),
    ("poor_households", N_("poor households")),
    ("poor_villages", N_("poor villages")),
    ("poor_counties", N_("poor counties")),
    ("rural_population", N_("rural population")),
)


@dataclass(frozen=True, slots=True)
class Deadline:
    year: int | None  # None: the document gives the target without a year
    sources: list[str]  # the sections that give it; empty when none is named


@dataclass(frozen=True, slots=True)
class Region:
    """The plan's region; `str()` is the form JSON carries: `洛阳市 (city, 河南省)`."""

    name: str
    level: str | None  # a plan-format value: county, city, ...
    province: str | None

    def __str__(self) -> str:
        extra = ", ".join(part for part in (self.level, self.province) if part)
        return f"{self.name} ({extra})" if extra else self.name


@dataclass(frozen=True, slots=True)
class HeadlineRow:
    measure: str
    values: list[TargetValue]  # as printed, or everyone (of the baseline)
    deadlines: list[Deadline]  # years in order, then the statements without a year

    @property
    def conflicting(self) -> bool:
        """The document gives the target more than one year."""
        return sum(deadline.year is not None for deadline in self.deadlines) > 1


@dataclass(frozen=True, slots=True)
class ShowBudgetItem:
    name: str
    amount: str | None  # as printed
    share_of_total: Decimal | None  # percent


@dataclass(frozen=True, slots=True)
class ShowBudget:
    total: str | None  # as printed
    parts: str | None  # what the top-level items add up to, exactly in the total's unit
    items: list[ShowBudgetItem]


@dataclass(frozen=True, slots=True)
class ShowResult:
    file: str
    title: str
    facts: list[
        tuple[str, str | Region | None]
    ]  # (label, value) in a fixed order; None: not stated
    baseline_year: int | None
    baseline: list[tuple[str, str]]  # (label, figure as printed)
    headlines: list[HeadlineRow]
    budget: ShowBudget | None
    errors: int
    warnings: int
    accepted: int


def show_result(result: FileResult) -> ShowResult:
    """Everything `show` tells about the plan checked in `result`."""
    from planctl.render.summary import Summary
    from planctl.results import CheckResult

    plan = result.plan
    assert plan is not None
    assert result.derived is not None
    summary = Summary.of(CheckResult("validate", [result]))
    baseline = plan.baseline
    return ShowResult(
        file=result.file,
        title=plan.plan.title,
        facts=_facts(plan),
        baseline_year=baseline.year if baseline is not None else None,
        baseline=[
            (label, figure.value.text)
            for field, label in BASELINE_FIELDS
            if baseline is not None and isinstance(figure := getattr(baseline, field), Figure)
        ],
        headlines=_headlines(plan),
        budget=_budget(result),
        errors=summary.errors,
        warnings=summary.warnings,
        accepted=summary.accepted,
    )


def _facts(plan: Plan) -> list[tuple[str, str | Region | None]]:
    meta = plan.plan
    region = None
    if meta.region is not None:
        level = str(meta.region.level) if meta.region.level else None
        region = Region(meta.region.name, level, meta.region.province or None)
    return [
        (N_("issuer"), meta.issuer or None),
        ("文号", meta.document or None),
        (N_("issued"), meta.issued.isoformat() if meta.issued else None),
        (N_("region"), region),
        (N_("period"), f"{meta.period[0]}–{meta.period[1]}" if meta.period else None),
    ]


def _headlines(plan: Plan) -> list[HeadlineRow]:
    rows = []
    for headline in headline_targets(plan):
        years: list[int | None] = [*headline.years]
        if None in headline.deadlines:
            years.append(None)
        deadlines = [
            Deadline(year, list(dict.fromkeys(s for s in headline.deadlines[year] if s)))
            for year in years
        ]
        rows.append(HeadlineRow(headline.measure, list(headline.values), deadlines))
    return rows


def _budget(result: FileResult) -> ShowBudget | None:
    assert result.derived is not None
    lines = budget_lines(result.derived.index)
    if not lines:
        return None
    total = lines[0]
    parts = None
    if total.parts is not None and total.amount is not None:
        parts = format_in(total.parts, total.amount.unit)
    items = [
        ShowBudgetItem(line.name, line.amount.text if line.amount else None, line.share_of_total)
        for line in lines
        if line.level == 1
    ]
    return ShowBudget(total.amount.text if total.amount else None, parts, items)
