"""Drawing `planctl report` as one self-contained HTML page: no script, no request when it opens.

The page is built with f-strings and `html.escape` (`e`): it has a dozen fragments, every plan
text passes through `e`, and the charts arrive as finished SVG, so a template engine would add a
dependency and a second place where escaping is decided without removing any code. Charts are
Vega-Lite specs (`planctl.report_html.charts`) rendered to inline SVG; each sits beside a table
with its figures exactly as printed, and the print styles put each plan on its own pages.

Every string a reader sees goes through `t`, the page's one choke point for wording: `t` is
the `planctl` catalog's lookup (`planctl.i18n`), so the page is in the language of the run
(`--lang`). The texts are whole phrases without placeholders (figures and names are put beside
them, never inside); a phrase only named (a table's headers) is marked with `N_` and
translated by `t` where it is drawn.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TextIO

from planctl.findings import Finding, Outcome
from planctl.i18n import N_, _, language
from planctl.render import RenderOptions
from planctl.results.report import PlanReport, ReportResult, UncheckedFile


def t(text: str) -> str:
    """The page's wording of `text` (an English phrase without placeholders)."""
    return _(text)


def e(text: object) -> str:
    """`text` escaped for HTML text and attribute values."""
    return html.escape(str(text), quote=True)


CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","PingFang SC",
"Microsoft YaHei",sans-serif;margin:1.5rem;color:#222;line-height:1.4;font-size:14px}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:2px solid #4c78a8;padding-bottom:.2rem}
h3{font-size:1.05rem;margin-top:1.4rem}
table{border-collapse:collapse;margin:.4rem 0;font-size:12px}
th,td{border:1px solid #ccc;padding:2px 6px;vertical-align:top;text-align:left;
overflow-wrap:anywhere}
th{background:#eef2f7;overflow-wrap:normal}td.num{text-align:right;white-space:nowrap}
td .pass,td .fail,td .na,td .accepted{white-space:nowrap}
table.findings,table.overview{width:100%}
table.findings{table-layout:fixed}table.findings td{white-space:normal}
table.findings th:nth-child(1){width:7%}table.findings th:nth-child(2){width:6%}
table.findings th:nth-child(3){width:35%}table.findings th:nth-child(4){width:15%}
table.findings th:nth-child(5){width:13%}table.findings th:nth-child(n+6){width:8%}
.pass{color:#1b7f3b;font-weight:bold}.fail{color:#c62828;font-weight:bold}
.na{color:#666;font-weight:bold}.accepted{color:#8a6d00;font-weight:bold}
tr.marked td{background:#fdecea}
figure.chart{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:.6rem 0}
figure.chart .plot svg{max-width:100%;height:auto}
.note{color:#555;font-size:12px}
@media print{
body{margin:0;font-size:10pt}
section.plan{break-before:page}h1+section.plan{break-before:auto}
figure.chart{display:block;break-inside:avoid}
h2,h3{break-after:avoid;page-break-after:avoid}
figure.chart .plot svg{max-width:100%;height:auto}
thead{display:table-header-group}tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
}
"""

MARKS = {Outcome.PASS: (N_("PASS"), "pass"), Outcome.FAIL: (N_("FAIL"), "fail")}


def render_page(result: ReportResult, options: RenderOptions, out: TextIO) -> None:
    """The whole page on `out`."""
    out.write(page(result))


def page(result: ReportResult) -> str:
    body = [f"<h1>{e(t('Plan report'))}</h1>"]
    if len(result.plans) + len(result.unchecked) > 1:
        body.append(_overview(result))
    body += [_plan(plan, result.traced) for plan in result.plans]
    body += [_unchecked(file) for file in result.unchecked]
    return (
        f'<!DOCTYPE html>\n<html lang="{language()}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{e(t('Plan report'))}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


def table(headers: Iterable[str], rows: Iterable[str], css: str = "") -> str:
    """A table of `rows` (from `tr`) under `headers` (phrases, translated here)."""
    head = "".join(f"<th>{e(t(h))}</th>" for h in headers)
    return (
        f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def tr(cells: Iterable[str], css: str = "") -> str:
    """A row of cells (from `td` or `num`), with a class such as `marked`."""
    return (f'<tr class="{css}">' if css else "<tr>") + "".join(cells) + "</tr>"


def td(markup: str) -> str:
    """A cell holding finished HTML."""
    return f"<td>{markup}</td>"


def num(text: object) -> str:
    """A right-aligned cell holding a figure (escaped here)."""
    return f'<td class="num">{e("" if text is None else text)}</td>'


def mark(finding: Finding) -> str:
    """PASS, FAIL, N/A, ACCEPTED or the severity of a failure that does not fail the run."""
    if finding.outcome is Outcome.FAIL and finding.accepted is not None:
        return f'<span class="accepted">{e(t("ACCEPTED"))}</span>'
    if finding.outcome is Outcome.NOT_EVALUABLE:
        return f'<span class="na">{e(t("N/A"))}</span>'
    if finding.outcome is Outcome.FAIL and not finding.fails():
        return f'<span class="na">{e(t(str(finding.level).upper()))}</span>'
    text, css = MARKS[finding.outcome]
    return f'<span class="{css}">{e(t(text))}</span>'


def _overview(result: ReportResult) -> str:
    rows = []
    for plan in result.plans:
        status = f'<span class="{"fail" if plan.failed else "pass"}">'
        status += e(t("fails") if plan.failed else t("passes")) + "</span>"
        rows.append(
            tr(
                [
                    td(f'<a href="#{e(plan.anchor)}">{e(plan.file)}</a>'),
                    td(e(plan.title)),
                    td(status),
                    num(plan.errors),
                    num(plan.warnings),
                    num(plan.passed),
                    num(plan.failed_verdicts),
                    num(plan.not_evaluable),
                    num(plan.budget_total or ""),
                    td(_baselines(plan)),
                ]
            )
        )
    for file in result.unchecked:
        not_checked = f'<span class="fail">{e(t("not checked"))}</span>'
        cells = [td(e(file.file)), td(""), td(not_checked), num(len(file.findings))]
        rows.append(tr(cells + [td("")] * 6))
    headers = [
        N_("plan"),
        N_("title"),
        N_("status"),
        N_("errors"),
        N_("warnings"),
        N_("verdicts passed"),
        N_("verdicts failed"),
        N_("not evaluable"),
        N_("budget total"),
        N_("baseline"),
    ]
    return f"<h2>{e(t('Overview'))}</h2>" + table(headers, rows, "overview")


def _baselines(plan: PlanReport) -> str:
    return "<br>".join(f"{e(t(measure))}: {e(text)}" for measure, text in plan.baselines.items())


def _plan(plan: PlanReport, traced: bool) -> str:
    from planctl.report_html.sections import budget, exits, findings, headlines, regions, trace

    status = t("fails") if plan.failed else t("passes")
    summary = (
        f'<p class="{"fail" if plan.failed else "pass"}">{e(status)}</p><p class="note">'
        f"{e(t('errors'))} {plan.errors} · {e(t('warnings'))} {plan.warnings} · "
        f"{e(t('accepted'))} {plan.accepted} · {e(t('verdicts passed'))} {plan.passed} · "
        f"{e(t('verdicts failed'))} {plan.failed_verdicts} · "
        f"{e(t('not evaluable'))} {plan.not_evaluable}</p>"
    )
    parts = [
        f'<section class="plan" id="{e(plan.anchor)}">',
        f'<h2>{e(plan.title)}</h2><p class="note">{e(plan.file)}</p>',
        summary,
        headlines(plan),
        budget(plan),
        exits(plan),
        regions(plan),
        trace(plan) if traced else "",
        findings(plan),
        "</section>",
    ]
    return "\n".join(part for part in parts if part)


def _unchecked(file: UncheckedFile) -> str:
    from planctl.report_html.sections import finding_rows

    return (
        f'<section class="plan unchecked"><h2>{e(file.file)}</h2>'
        f'<p class="fail">{e(t("not checked: the file is not a readable plan"))}</p>'
        + finding_rows(file.findings)
        + "</section>"
    )
