"""The parts of a plan's section of the report page: findings, budget, exits, regions, trace.

Each part is a chart (`charts`) beside a table of the same figures as printed; the wording goes
through `planctl.render.html.t` and every plan text through `e`.
"""

from __future__ import annotations

from planctl.findings import Finding
from planctl.i18n import N_
from planctl.render.html import e, mark, num, t, table, td, tr
from planctl.report_html import charts
from planctl.results.report import PlanReport


def figure(kind: str, prefix: str, spec: charts.Spec | None, figures: str) -> str:
    """A chart and the table of its figures, side by side (one above the other in print)."""
    plot = f'<div class="plot">{charts.draw(spec, prefix)}</div>' if spec is not None else ""
    return f'<figure class="chart" data-chart="{e(kind)}">{plot}<div>{figures}</div></figure>'


def finding_rows(findings: list[Finding]) -> str:
    """Every finding with where it is and its figures as printed (stated, computed, gap)."""
    rows = []
    for finding in findings:
        message = e(finding.message)
        if finding.accepted is not None:
            message += f'<br><span class="note">{e(t("accepted:"))} {e(finding.accepted)}</span>'
        rows.append(
            tr(
                [
                    td(mark(finding)),
                    td(e(finding.code)),
                    td(message),
                    td(e(finding.location)),
                    td(e(finding.path_text)),
                    num(finding.stated or ""),
                    num(finding.computed or ""),
                    num(str(finding.gap) if finding.gap is not None else ""),
                ]
            )
        )
    headers = [
        "",
        N_("code"),
        N_("finding"),
        N_("where"),
        N_("path"),
        N_("stated"),
        N_("computed"),
        N_("gap"),
    ]
    return table(headers, rows, "findings")


def headlines(plan: PlanReport) -> str:
    """The exit targets' answers: the question the page answers first."""
    head = f"<h3>{e(t('Exit targets'))}</h3>"
    if not plan.headlines:
        return head + f'<p class="note">{e(t("The plan states no exit target."))}</p>'
    return head + finding_rows(plan.headlines)


def findings(plan: PlanReport) -> str:
    """Every other verdict and every finding, after the charts: the detail behind them."""
    others = [*plan.verdicts, *plan.problems]
    if not others:
        return ""
    return f"<h3>{e(t('Verdicts and findings'))}</h3>" + finding_rows(others)


def budget(plan: PlanReport) -> str:
    if not plan.budget:
        return f'<h3>{e(t("Budget"))}</h3><p class="note">{e(t("The plan has no budget."))}</p>'
    shown = [row for row in plan.budget if row.charted]
    rows = [
        tr(
            [
                td("　" * row.level + e(row.name or t("budget total"))),
                num(row.amount or ""),
                num(_parts(row.parts, row.parts_missing)),
                num(row.gap or ""),
                num(row.share_of_total),
                td(
                    f'<span class="fail">{e(t("parts do not add up"))}</span>' if row.marked else ""
                ),
            ],
            "marked" if row.marked else "",
        )
        for row in shown
    ]
    headers = [N_("item"), N_("amount"), N_("sum of parts"), N_("gap"), N_("of total"), "PC101"]
    note = ""
    if len(shown) < len(plan.budget):
        note = (
            f'<p class="note">{len(plan.budget) - len(shown)} {e(t("deeper lines not shown:"))} '
            f"planctl budget {e(plan.file)}</p>"
        )
    chart = figure(
        "budget",
        f"{plan.anchor}-budget-",
        charts.budget_chart(plan.budget),
        table(headers, rows, "budget") + note,
    )
    return f"<h3>{e(t('Budget'))}</h3>{chart}"


def _parts(parts: str | None, missing: int) -> str:
    """The sum of the parts, and how many parts state no amount (as `planctl budget` says)."""
    if parts is None:
        return ""
    return f"{parts} (+{missing} {t('missing')})" if missing else parts


def exits(plan: PlanReport) -> str:
    if not plan.exits:
        return (
            f"<h3>{e(t('Exits by year'))}</h3>"
            f'<p class="note">{e(t("The plan has no exit schedule."))}</p>'
        )
    parts = [f"<h3>{e(t('Exits by year'))}</h3>"]
    for series in plan.exits:
        due = {d.year for d in series.deadlines}
        rows = [
            tr(
                [
                    td(f"{point.year}{'' if point.in_period else '*'}"),
                    num(point.exits or ""),
                    num(point.cumulative or ""),
                    num(point.remaining or "?"),
                    num(point.share),
                    td(e(t("due")) if point.year in due else ""),
                ]
            )
            for point in series.points
        ]
        headers = [
            N_("year"),
            N_("exits"),
            N_("cumulative"),
            N_("remaining"),
            N_("of baseline"),
            N_("deadline"),
        ]
        baseline = series.baseline or t("no baseline stated")
        figures = (
            f'<p class="note">{e(t("baseline"))}: {e(baseline)}</p>'
            + table(headers, rows, "exits")
            + _deadlines(series)
        )
        prefix = f"{plan.anchor}-{series.measure}-"
        parts.append(figure(f"exits-{series.measure}", prefix, charts.exit_chart(series), figures))
    return "\n".join(parts)


def _deadlines(series: charts.ExitSeries) -> str:
    if not series.deadlines:
        return ""
    rows = [tr([td(str(d.year)), td(e(d.name)), num(d.remaining or "?")]) for d in series.deadlines]
    return table([N_("due"), N_("target"), N_("remaining then")], rows, "deadlines")


def regions(plan: PlanReport) -> str:
    if not plan.regions:
        return ""
    rows = [
        tr(
            [
                td(e(region.name)),
                td(e(t(region.kind)) if region.kind else ""),
                num(region.exit_year or ""),
            ]
        )
        for region in plan.regions
    ]
    chart = figure(
        "regions",
        f"{plan.anchor}-regions-",
        charts.regions_chart(plan.regions),
        table([N_("region"), N_("kind"), N_("exit year")], rows, "regions"),
    )
    return f"<h3>{e(t('Regions'))}</h3>{chart}"


def trace(plan: PlanReport) -> str:
    head = f"<h3>{e(t('Trace coverage'))}</h3>"
    if plan.trace is None:
        where = f" ({e(plan.trace_source)})" if plan.trace_source else ""
        return head + f'<p class="note">{e(t(plan.trace_problem or ""))}{where}</p>'
    summary = plan.trace
    rows = [
        tr([td(e(t("source document"))), td(e(summary.source))]),
        tr([td(e(t("plan items found"))), num(summary.found)]),
        tr([td(e(t("plan items printed more than once (ambiguous)"))), num(summary.ambiguous)]),
        tr([td(e(t("plan items not found"))), num(summary.not_found)]),
        tr(
            [
                td(e(t("source figures the plan encodes"))),
                num(f"{summary.encoded} / {summary.figures} ({summary.percent or '-'})"),
            ]
        ),
    ]
    return head + table(["", ""], rows, "trace")
