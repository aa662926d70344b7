"""`planctl report` as a library call: every plan's answers and figures for one HTML page.

The report runs exit-check (so the same engine, rules, acceptances and selection as validate)
and arranges, per plan: the headline exit answers, every finding with its location and figures,
the budget tree with the lines whose parts do not add up (PC101), the exit schedules against the
baseline with the deadlines, the regions' exit years, and, given `sources`, trace coverage.
`planctl.render.html` draws the `ReportResult`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from planctl.engine import FileResult, Options
from planctl.exits.run import exit_check
from planctl.findings import Finding, Outcome, Severity
from planctl.model.plan import BASELINE_OF
from planctl.report_html.budget import budget_rows
from planctl.report_html.coverage import source_for, trace_summary
from planctl.report_html.exits import exit_series, region_exits
from planctl.results import ExitPlan
from planctl.results.report import SOURCE_UNREADABLE, PlanReport, ReportResult, UncheckedFile

__all__ = ["build_report"]


def build_report(
    files: Sequence[str],
    options_for: Callable[[str], Options] = lambda _file: Options(),
    source: str | None = None,
) -> ReportResult:
    """Check `files`, each with `options_for(file)` (its own settings, as validate checks it),
    and gather each plan's section; `source` is a file or a folder of sources."""
    plans: list[PlanReport] = []
    unchecked: list[UncheckedFile] = []
    for file in files:
        options = options_for(file)
        checked = exit_check([file], options)
        result = checked.check.files[0]
        if not checked.plans or result.plan is None:
            unchecked.append(UncheckedFile(result.file, result.findings))
            continue
        anchor = _anchor(len(plans) + 1, result.file)
        plans.append(
            _plan(result, checked.plans[0], anchor, options.strict, source, len(files) == 1)
        )
    return ReportResult(plans, unchecked, traced=source is not None)


def _anchor(number: int, file: str) -> str:
    """A unique id for a plan's section: `plan-3-luoyang`."""
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(file).stem).strip("-")
    return f"plan-{number}" + (f"-{stem}" if stem else "")


def _plan(
    result: FileResult,
    exits: ExitPlan,
    anchor: str,
    strict: bool,
    source: str | None,
    single: bool,
) -> PlanReport:
    assert result.plan is not None
    assert result.derived is not None
    plan = result.plan
    problems = [f for f in result.problems if f.accepted is None]
    verdicts = [*exits.headlines, *exits.verdicts]
    budget = budget_rows(result.derived.index, result.problems)
    baselines = {
        measure: figure.statements()[0].value.text
        for measure in BASELINE_OF
        if (figure := plan.baseline_of(measure)) is not None
    }
    report = PlanReport(
        file=result.file,
        title=plan.plan.title,
        anchor=anchor,
        failed=result.failed(strict),
        errors=_count(problems, Severity.ERROR),
        warnings=_count(problems, Severity.WARNING),
        accepted=sum(1 for f in result.problems if f.accepted is not None),
        passed=_outcomes(verdicts, Outcome.PASS),
        failed_verdicts=_outcomes(verdicts, Outcome.FAIL),
        not_evaluable=_outcomes(verdicts, Outcome.NOT_EVALUABLE),
        budget_total=budget[0].amount if budget else None,
        baselines=baselines,
        headlines=exits.headlines,
        verdicts=exits.verdicts,
        problems=exits.problems,
        budget=budget,
        exits=exit_series(plan, result.derived.timeline),
        regions=region_exits(plan),
    )
    if source is None:
        return report
    from dataclasses import replace

    source_file, problem = source_for(result, source, single)
    if problem is None and source_file is not None:
        summary = trace_summary(result, source_file)
        if summary is not None:
            return replace(report, trace=summary)
        problem = SOURCE_UNREADABLE
    return replace(report, trace_problem=problem, trace_source=source_file)


def _count(findings: list[Finding], severity: Severity) -> int:
    return sum(1 for finding in findings if finding.level is severity)


def _outcomes(findings: list[Finding], outcome: Outcome) -> int:
    return sum(1 for finding in findings if finding.outcome is outcome)
