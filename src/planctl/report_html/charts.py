"""Vega-Lite specs of the report's charts, and their drawing as inline SVG.

The charts are declared, not drawn by hand: each function returns a Vega-Lite spec and
`draw` turns it into SVG with vl-convert (Vega's own renderer, run locally: no network, no
JavaScript in the page). Positions come from exact Decimals converted to floats only for
drawing; every label shows the figure as printed, and the table beside each chart repeats them.
Every word a reader sees goes through `planctl.render.html.t`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from planctl.i18n import N_
from planctl.render.html import t
from planctl.results.report import BudgetRow, ExitSeries, RegionExit

__all__ = ["ExitSeries", "Spec", "budget_chart", "draw", "exit_chart", "regions_chart"]

FONT = (
    "Noto Sans CJK SC, Noto Sans SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"
)
BLUE, RED, ORANGE, GREY = "#4c78a8", "#c62828", "#e67e22", "#555555"
WIDTH = 380
EXIT_TITLES = {
    "people": N_("People exiting: running total"),
    "villages": N_("Villages exiting: running total"),
    "households": N_("Households exiting: running total"),
}
Spec = dict[str, Any]


def _spec(data: list[dict[str, Any]], title: str, **body: Any) -> Spec:
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": title,
        "data": {"values": data},
        "width": WIDTH,
        "config": {"font": FONT, "view": {"stroke": None}, "axis": {"labelLimit": 260}},
        **body,
    }


def _number(value: Decimal) -> float:
    """A position on the chart (never a printed figure)."""
    return float(value)


def budget_chart(rows: list[BudgetRow]) -> Spec | None:
    """Bars of the budget's top levels, the lines whose parts do not add up in red."""
    shown = [row for row in rows if row.charted and row.value is not None]
    if not shown:
        return None
    ok, bad = t("parts add up"), t("parts do not add up")
    data = [
        {
            "key": f"{number:04d}|{'　' * row.level}{row.name or t('budget total')}",
            "value": _number(row.value),
            "label": row.amount or row.parts or "",
            "status": bad if row.marked else ok,
        }
        for number, row in enumerate(shown)
        if row.value is not None
    ]
    y = {
        "field": "key",
        "type": "nominal",
        "sort": None,
        "title": None,
        "axis": {"labelExpr": "split(datum.value, '|')[1]"},
    }
    x = {"field": "value", "type": "quantitative", "title": t("amount (10,000 yuan)")}
    return _spec(
        data,
        t("Budget"),
        height={"step": 18},
        encoding={"y": y},
        layer=[
            {
                "mark": {"type": "bar"},
                "encoding": {
                    "x": x,
                    "color": {
                        "field": "status",
                        "type": "nominal",
                        "scale": {"domain": [ok, bad], "range": [BLUE, RED]},
                        "legend": {"title": None, "orient": "bottom"},
                    },
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 3, "fontSize": 10},
                "encoding": {"x": x, "text": {"field": "label"}},
            },
        ],
    )


def exit_chart(series: ExitSeries) -> Spec:
    """Running total by year, with the baseline and each deadline marked."""
    points = [
        {"year": str(p.year), "value": _number(p.value), "label": p.cumulative or ""}
        for p in series.points
        if p.value is not None
    ]
    x = {"field": "year", "type": "ordinal", "title": t("year"), "axis": {"labelAngle": 0}}
    y = {
        "field": "value",
        "type": "quantitative",
        "title": f"{t('cumulative')} ({series.unit})",
        "scale": {"zero": True},
    }
    layers: list[Spec] = [
        {"mark": {"type": "line", "point": True, "color": BLUE}, "encoding": {"x": x, "y": y}},
        {
            "mark": {"type": "text", "dy": -9, "fontSize": 10},
            "encoding": {"x": x, "y": y, "text": {"field": "label"}},
        },
    ]
    if series.baseline_value is not None:
        baseline = [{"value": _number(series.baseline_value), "label": _baseline(series)}]
        layers += [
            {
                "data": {"values": baseline},
                "mark": {"type": "rule", "color": RED, "strokeDash": [6, 3]},
                "encoding": {"y": {"field": "value", "type": "quantitative"}},
            },
            {
                "data": {"values": baseline},
                "mark": {"type": "text", "align": "left", "x": 2, "dy": -6, "color": RED},
                "encoding": {
                    "y": {"field": "value", "type": "quantitative"},
                    "text": {"field": "label"},
                },
            },
        ]
    due = sorted({str(d.year) for d in series.deadlines} & {p["year"] for p in points})
    if due:
        marks = [{"year": year, "label": f"{t('due')} {year}"} for year in due]
        layers += [
            {
                "data": {"values": marks},
                "mark": {"type": "rule", "color": ORANGE, "strokeDash": [2, 2]},
                "encoding": {"x": {"field": "year", "type": "ordinal"}},
            },
            {
                "data": {"values": marks},
                "mark": {
                    "type": "text",
                    "y": "height",
                    "dy": -4,
                    "dx": 3,
                    "align": "left",
                    "color": ORANGE,
                    "fontSize": 10,
                },
                "encoding": {"x": {"field": "year", "type": "ordinal"}, "text": {"field": "label"}},
            },
        ]
    title = t(EXIT_TITLES.get(series.measure, N_("Exits: running total")))
    return _spec(points, title, height=220, layer=layers)


def _baseline(series: ExitSeries) -> str:
    return f"{t('baseline')} {series.baseline}"


def regions_chart(regions: list[RegionExit]) -> Spec | None:
    """How many regions exit in each year."""
    counts: dict[int, int] = {}
    for region in regions:
        if region.exit_year is not None:
            counts[region.exit_year] = counts.get(region.exit_year, 0) + 1
    if not counts:
        return None
    data = [{"year": str(year), "count": count} for year, count in sorted(counts.items())]
    x = {"field": "year", "type": "ordinal", "title": t("exit year"), "axis": {"labelAngle": 0}}
    y = {
        "field": "count",
        "type": "quantitative",
        "title": t("regions"),
        "axis": {"tickMinStep": 1},
    }
    return _spec(
        data,
        t("Regions exiting per year"),
        height=160,
        encoding={"x": x, "y": y},
        layer=[
            {"mark": {"type": "bar", "color": BLUE}},
            {"mark": {"type": "text", "dy": -6}, "encoding": {"text": {"field": "count"}}},
        ],
    )


_ID = re.compile(r'\bid="([^"]+)"')


def draw(spec: Spec, prefix: str) -> str:
    """The chart as an SVG element, its ids prefixed so that many charts share a page."""
    import vl_convert

    svg: str = vl_convert.vegalite_to_svg(spec)
    for name in set(_ID.findall(svg)):
        svg = svg.replace(f'id="{name}"', f'id="{prefix}{name}"')
        svg = svg.replace(f"url(#{name})", f"url(#{prefix}{name})")
        svg = svg.replace(f'href="#{name}"', f'href="#{prefix}{name}"')
    return svg
