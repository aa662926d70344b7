"""Drawing exit-check: the headline answers, the year table, the verdicts, the other problems.

The headline comes first because it is the question analysts ask: is each exit target met by
its year, and if not, by how much? The year table is one narrow table per exit measure, so it
reads at 80 columns whatever the number of measures; a figure is never folded. The CI formats
(github, sarif, junit) draw the same findings as validate's, verdicts included.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, TextIO

from planctl.findings import Finding, Outcome
from planctl.i18n import N_, _, ngettext
from planctl.quantity import format_decimal
from planctl.render import RenderOptions, render
from planctl.render.json_report import envelope, finding_data
from planctl.render.words import accepted, ljust, measure
from planctl.results import ExitCheckResult, ExitPlan, ExitYear

MARKS = {Outcome.PASS: N_("PASS"), Outcome.FAIL: N_("FAIL"), Outcome.NOT_EVALUABLE: N_("N/A")}
LEVEL_MARKS = {"error": N_("ERROR"), "warning": N_("WARNING"), "info": N_("INFO")}
STYLES = {Outcome.PASS: "ok", Outcome.FAIL: "error", Outcome.NOT_EVALUABLE: "warning"}


def _ci(fmt: str) -> Any:
    """github, sarif, junit: validate's findings formats, drawing every verdict too."""

    def draw(result: ExitCheckResult, options: RenderOptions, out: TextIO) -> None:
        render("validate", fmt, result.check, options, out)

    return draw


render_github, render_sarif, render_junit = _ci("github"), _ci("sarif"), _ci("junit")


def mark(finding: Finding) -> str:
    """PASS, FAIL, N/A; a failure that does not fail the run (a warning, accepted) says so."""
    if finding.outcome is Outcome.FAIL and finding.accepted is not None:
        return _("ACCEPTED")
    if finding.outcome is Outcome.FAIL and not finding.fails():
        return _(LEVEL_MARKS[str(finding.level)])
    return _(MARKS[finding.outcome])


def summary_line(result: ExitCheckResult) -> str:
    counts = dict.fromkeys(Outcome, 0)
    for plan in result.plans:
        for finding in (*plan.headlines, *plan.verdicts):
            counts[finding.outcome] += 1
    plans = len(result.check.files)
    return ngettext(
        "{n} plan checked: {passed} passed, {failed} failed, {na} not evaluable",
        "{n} plans checked: {passed} passed, {failed} failed, {na} not evaluable",
        plans,
    ).format(
        n=plans,
        passed=counts[Outcome.PASS],
        failed=counts[Outcome.FAIL],
        na=counts[Outcome.NOT_EVALUABLE],
    )


def _share(value: Decimal | None) -> str:
    return f"{format_decimal(round(value, 2))}%" if value is not None else "?"


def render_text(result: ExitCheckResult, options: RenderOptions, out: TextIO) -> None:
    """Plain lines: headline answers, one line per year and measure, then every verdict."""
    for plan in result.plans:
        out.write(f"{plan.file}: {plan.title}\n")
        for finding in plan.headlines:
            out.write(
                f"  {ljust(mark(finding), 8)} {finding.code} {finding.message}{_at(finding)}\n"
            )
        for year in plan.years:
            for name, cell in year.cells.items():
                figures = _("exits {exits}, cumulative {cumulative}, left {left} ({share})").format(
                    exits=cell.exits or "-",
                    cumulative=cell.cumulative or "?",
                    left=cell.remaining or "?",
                    share=_share(cell.share),
                )
                out.write(f"  {_year_label(year)} {measure(name)}: {figures}\n")
            if year.regions_exiting:
                exiting = _("{year} regions exiting: {names}").format(
                    year=year.year, names="、".join(year.regions_exiting)
                )
                out.write(f"  {exiting}\n")
        for finding in (*plan.verdicts, *plan.problems):
            out.write(
                f"  {ljust(mark(finding), 8)} {finding.code} {finding.message}{_at(finding)}\n"
            )
    _unchecked(result, out)
    out.write(summary_line(result) + "\n")


def _answer_line(finding: Finding) -> str:
    return f"  {ljust(mark(finding), 8)} {finding.code} {finding.message}{_at(finding)}\n"


def _at(finding: Finding) -> str:
    return f"  [{finding.location}]" if finding.position else ""


def _unchecked(result: ExitCheckResult, out: TextIO) -> None:
    checked = {plan.file for plan in result.plans}
    for file in result.check.files:
        if file.file not in checked:
            for finding in file.findings:
                fail = ljust(_(MARKS[Outcome.FAIL]), 8)
                out.write(f"  {fail} {finding.code} {finding.message}  [{finding.location}]\n")
            reason = _("not checked: the plan is not in the plan format")
            out.write(f"{file.file}: {reason}\n")


def render_table(result: ExitCheckResult, options: RenderOptions, out: TextIO) -> None:
    """Rich tables that read at 80 columns: headline, a year table per measure, verdicts."""
    from rich.markup import escape

    from planctl.render.console import make_console

    console = make_console(out, options.color, options.width)
    for plan in result.plans:
        console.print(f"[head]{escape(plan.file)}: {escape(plan.title)}[/]")
        for finding in plan.headlines:
            style = STYLES[finding.outcome]
            console.print(f"[{style}]{mark(finding)}[/] {escape(finding.message)}")
        for name in plan.years[0].cells if plan.years else ():
            console.print(_year_table(plan, name))
        exiting = [(y.year, y.regions_exiting) for y in plan.years if y.regions_exiting]
        for year, names in exiting:
            exiting_then = _("regions exiting {year}: {names}").format(
                year=year, names="、".join(names)
            )
            console.print(escape(exiting_then))
        findings = [*plan.verdicts, *plan.problems]
        if findings:
            console.print(_verdict_table(findings))
    console.print(escape(summary_line(result)))


def _year_table(plan: ExitPlan, name: str) -> Any:
    from rich.markup import escape
    from rich.table import Table

    baseline = plan.baselines.get(name)
    title = measure(name)
    if baseline:
        title = _("{measure} (baseline {baseline})").format(measure=title, baseline=baseline)
    table = Table(title=escape(title), title_justify="left")
    table.add_column(_("year"), no_wrap=True)
    for column in (N_("exits"), N_("cumulative"), N_("remaining"), N_("of baseline")):
        table.add_column(_(column), justify="right", no_wrap=True)
    for year in plan.years:
        cell = year.cells[name]
        table.add_row(
            _year_label(year),
            cell.exits or "",
            cell.cumulative or "",
            cell.remaining or "?",
            _share(cell.share),
        )
    return table


def _year_label(year: ExitYear) -> str:
    return f"{year.year}{'' if year.in_period else '*'}"


def _verdict_table(findings: list[Finding]) -> Any:
    from rich.markup import escape
    from rich.table import Table

    table = Table(title=_("verdicts"), title_justify="left")
    table.add_column("", no_wrap=True)
    table.add_column(_("code"), no_wrap=True)
    table.add_column(_("verdict"), overflow="fold", ratio=1, min_width=20)
    table.add_column(_("where"), overflow="fold", max_width=18)
    for finding in findings:
        text = escape(finding.message)
        if finding.accepted is not None:
            text += f" [dim]({escape(accepted(finding.accepted))})[/]"
        table.add_row(
            f"[{STYLES[finding.outcome]}]{mark(finding)}[/]",
            finding.code,
            text,
            escape(f"{finding.position or ''} {finding.path_text}".strip()),
        )
    return table


def exit_data(result: ExitCheckResult) -> dict[str, Any]:
    """The whole exit check as JSON-ready data."""
    return {
        "plans": [
            {
                "file": plan.file,
                "title": plan.title,
                "baseline": plan.baselines,
                "headlines": [finding_data(f) for f in plan.headlines],
                "years": [
                    {
                        "year": year.year,
                        "in_period": year.in_period,
                        **{
                            measure: {
                                "exits": cell.exits,
                                "cumulative": cell.cumulative,
                                "remaining": cell.remaining,
                                "share_of_baseline": _share(cell.share)
                                if cell.share is not None
                                else None,
                            }
                            for measure, cell in year.cells.items()
                        },
                        "regions_exiting": year.regions_exiting,
                        "targets_due": year.targets_due,
                        "indicators_due": year.indicators_due,
                    }
                    for year in plan.years
                ],
                "verdicts": [finding_data(f) for f in plan.verdicts],
                "problems": [finding_data(f) for f in plan.problems],
            }
            for plan in result.plans
        ],
        "failed": result.check.failed,
    }


def render_json(result: ExitCheckResult, options: RenderOptions, out: TextIO) -> None:
    json.dump(envelope("exit-check", exit_data(result)), out, ensure_ascii=False, indent=2)
    out.write("\n")
