"""`planctl show`: one screen about one plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from planctl.derive.index import PlanIndex
    from planctl.model import Plan

HELP = """Show one plan on one screen: its metadata (title, issuer, 文号, issue date, region,
period), its baseline, its headline targets with every deadline the document gives them, the
budget total with its top-level split (amount and share of the total), and how many findings
`planctl validate` reports for it.

Examples:

  planctl show luoyang

  planctl show plans/zhengzhou.yaml

Exit codes: 0 shown (even when the plan has findings: see the last line), 1 the plan is not
valid (its findings are printed), 2 usage error.
"""

BASELINE_FIELDS = (
    ("poor_population", "poor population"),
    ("poor_households", "poor households"),
    ("poor_villages", "poor villages"),
    ("poor_counties", "poor counties"),
    ("rural_population", "rural population"),
)


def show(
    plan: Annotated[
        str, typer.Argument(metavar="PLAN", help="A plan file, or a name under plans/.")
    ],
) -> None:
    from rich.markup import escape

    from planctl.cli.plan_input import open_plan
    from planctl.render.display import console
    from planctl.render.summary import Summary
    from planctl.results import CheckResult

    result = open_plan(plan)
    model = result.plan
    assert model is not None
    out = console()
    out.print(f"[head]{escape(model.plan.title)}[/]  [dim]{escape(result.file)}[/]")
    _metadata(out, model)
    _headlines(out, model)
    assert result.derived is not None
    _budget(out, result.derived.index)
    summary = Summary.of(CheckResult("validate", [result]))
    style = "error" if summary.errors else "warning" if summary.warnings else "ok"
    out.print(
        f"[{style}]findings: {summary.errors} errors, {summary.warnings} warnings, "
        f"{summary.accepted} accepted[/] [dim](planctl validate {escape(result.file)})[/]"
    )


def _metadata(out: Console, model: Plan) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.model import Figure

    meta = model.plan
    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim")
    facts.add_column()
    region = ""
    if meta.region is not None:
        extra = [str(meta.region.level) if meta.region.level else "", meta.region.province or ""]
        region = meta.region.name + (f" ({', '.join(e for e in extra if e)})" if any(extra) else "")
    for label, value in (
        ("issuer", meta.issuer),
        ("文号", meta.document),
        ("issued", meta.issued.isoformat() if meta.issued else None),
        ("region", region),
        ("period", f"{meta.period[0]}–{meta.period[1]}" if meta.period else None),
    ):
        facts.add_row(label, escape(value) if value else "—")
    if model.baseline is not None:
        stated = [
            f"{label} {figure.value.text}"
            for field, label in BASELINE_FIELDS
            if isinstance(figure := getattr(model.baseline, field), Figure)
        ]
        year = f" ({model.baseline.year})" if model.baseline.year else ""
        facts.add_row(f"baseline{year}", escape("; ".join(stated)) or "—")
    out.print(facts)


def _headlines(out: Console, model: Plan) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.calc.overview import headline_targets

    headlines = headline_targets(model)
    if not headlines:
        out.print("headline targets: none stated")
        return
    out.print("[head]headline targets[/]")
    table = Table()
    for column in ("measure", "value", "due"):
        table.add_column(column, overflow="fold")
    for headline in headlines:
        due = [f"{year} ({_sources(headline.deadlines[year])})" for year in headline.years]
        if None in headline.deadlines:
            due.append(f"no year ({_sources(headline.deadlines[None])})")
        style = "warning" if len(headline.years) > 1 else "none"
        table.add_row(
            headline.measure,
            escape(", ".join(headline.values)),
            f"[{style}]{escape('; '.join(due))}[/]",
        )
    out.print(table)


def _budget(out: Console, index: PlanIndex) -> None:
    from rich.markup import escape
    from rich.table import Table

    from planctl.calc.budget_lines import budget_lines
    from planctl.render.display import exact_in, share

    lines = budget_lines(index)
    if not lines:
        out.print("budget: none stated")
        return
    total = lines[0]
    out.print("[head]budget[/]")
    table = Table()
    table.add_column("item", overflow="fold")
    table.add_column("amount", justify="right", no_wrap=True)
    table.add_column("of total", justify="right", no_wrap=True)
    stated = total.amount.text if total.amount else "—"
    if total.parts is not None and total.amount is not None:
        stated += f" (parts: {exact_in(total.parts, total.amount.unit)})"
    table.add_row("[head]total[/]", escape(stated), "")
    for line in lines:
        if line.level == 1:
            amount = line.amount.text if line.amount else "—"
            table.add_row(escape(line.name), escape(amount), share(line.share_of_total))
    out.print(table)


def _sources(sources: list[str]) -> str:
    named = list(dict.fromkeys(source for source in sources if source))
    return ", ".join(named) if named else "no section"


show.__doc__ = HELP
