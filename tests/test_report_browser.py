"""The report of plans/ in a real browser: no console error, no request, every chart drawn.

Headless Chromium (Debian's `chromium`, with `fonts-noto-cjk`; `.ci/browser-deps` installs
both) is driven by Playwright using the system browser, so nothing is downloaded. Outside CI
the test is skipped when no Chromium is installed; under CI=true it must run. It also writes
the screenshot that docs/report.md shows.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.discover import discover
from planctl.report_html import build_report
from planctl.results.report import PlanReport

CHROMIUM = shutil.which("chromium")
SCREENSHOT = Path(__file__).parent.parent / "docs" / "report.png"

if CHROMIUM is None and os.environ.get("CI") != "true":
    pytest.skip(
        "no chromium installed (apt-get install chromium fonts-noto-cjk, or .ci/browser-deps)",
        allow_module_level=True,
    )


@pytest.fixture(scope="module", params=["en", "zh"])
def browser_page(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Any, list[str]]]:
    """The report of plans/ in each language opened in Chromium, with every problem the
    browser reported."""
    from playwright.sync_api import sync_playwright

    assert CHROMIUM is not None, "CI=true but no chromium: run .ci/browser-deps"
    out = tmp_path_factory.mktemp("browser") / "report.html"
    result = CliRunner().invoke(app, ["report", "plans/", "--lang", request.param, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert f'<html lang="{request.param}' in out.read_text(encoding="utf-8")
    url = out.resolve().as_uri()
    problems: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1280, "height": 1000})
        page.on(
            "console",
            lambda message: (
                problems.append(f"console {message.type}: {message.text}")
                if message.type in ("error", "warning")
                else None
            ),
        )
        page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
        page.on("requestfailed", lambda request: problems.append(f"failed: {request.url}"))
        page.on(
            "request",
            lambda request: (
                problems.append(f"request: {request.url}") if request.url != url else None
            ),
        )
        page.goto(url, wait_until="load")
        yield page, problems
        browser.close()


@pytest.fixture(scope="module")
def plans() -> list[PlanReport]:
    return build_report(discover(["plans"])).plans


def test_no_console_error_and_no_request(browser_page: tuple[Any, list[str]]) -> None:
    page, problems = browser_page
    page.reload(wait_until="load")
    assert problems == []


def test_every_chart_is_drawn_with_the_plans_figures(
    browser_page: tuple[Any, list[str]], plans: list[PlanReport]
) -> None:
    page, _ = browser_page
    drawn = 0
    for plan in plans:
        section = page.locator(f"section#{plan.anchor}")
        expected = _figures(plan)
        charts = section.locator("figure.chart")
        assert sorted(charts.evaluate_all("els => els.map(e => e.dataset.chart)")) == sorted(
            expected
        )
        for kind, figures in expected.items():
            chart = section.locator(f'figure.chart[data-chart="{kind}"]')
            marks = chart.locator("svg .role-mark")
            assert marks.count() > 0, f"{plan.file}: {kind} has no marks"
            box = chart.locator("svg").bounding_box()
            assert box is not None
            assert box["width"] > 100
            assert box["height"] > 100
            text = chart.inner_text()
            for figure in figures:
                assert figure in text, f"{plan.file}: {kind} does not show {figure}"
            drawn += 1
    assert drawn >= 6  # luoyang and zhengzhou: budget, two exit charts, regions


def _figures(plan: PlanReport) -> dict[str, list[str]]:
    """Each chart of the plan's section and the figures it must show, as printed."""
    out: dict[str, list[str]] = {}
    if plan.budget:
        out["budget"] = [row.amount for row in plan.budget if row.charted and row.amount]
    for series in plan.exits:
        shown = [p.cumulative for p in series.points if p.cumulative]
        out[f"exits-{series.measure}"] = shown + ([series.baseline] if series.baseline else [])
    if plan.regions:
        out["regions"] = [str(r.exit_year) for r in plan.regions if r.exit_year]
    return out


def test_chinese_is_drawn_in_a_cjk_font(browser_page: tuple[Any, list[str]]) -> None:
    """Two different characters drawn in the page's font differ: missing glyphs are one box."""
    page, _ = browser_page
    same = page.evaluate(
        """() => {
        const font = getComputedStyle(document.body).fontFamily;
        const pixels = (ch) => {
            const canvas = document.createElement("canvas");
            canvas.width = 60; canvas.height = 60;
            const context = canvas.getContext("2d");
            context.font = "48px " + font;
            context.fillText(ch, 4, 50);
            return Array.from(context.getImageData(0, 0, 60, 60).data).join(",");
        };
        return pixels("洛") === pixels("阳");
    }"""
    )
    assert same is False


def test_prints_one_plan_per_page_without_clipping(
    browser_page: tuple[Any, list[str]], tmp_path: Path
) -> None:
    page, _ = browser_page
    page.emulate_media(media="print")
    try:
        breaks = page.locator("section.plan").evaluate_all(
            "els => els.map(e => getComputedStyle(e).breakBefore)"
        )
        assert breaks
        assert set(breaks) == {"page"}
        page.set_viewport_size({"width": 700, "height": 1000})  # about an A4 page's width
        overflow = page.evaluate(
            """() => Array.from(document.querySelectorAll("figure.chart svg")).filter(
                svg => svg.getBoundingClientRect().right > document.body.clientWidth + 1
            ).length"""
        )
        assert overflow == 0
        pdf = tmp_path / "report.pdf"
        page.pdf(path=str(pdf), format="A4")
        assert pdf.read_bytes().startswith(b"%PDF")
    finally:
        page.emulate_media(media="screen")
        page.set_viewport_size({"width": 1280, "height": 1000})


def test_screenshot(
    browser_page: tuple[Any, list[str]], plans: list[PlanReport], tmp_path: Path
) -> None:
    """The first plan with a budget, as a reader sees it; written to docs/report.png (the picture
    docs/report.md shows) only with PLANCTL_UPDATE_GOLDEN=1, so a test run leaves the tree clean."""
    page, _ = browser_page
    shot = SCREENSHOT if os.environ.get("PLANCTL_UPDATE_GOLDEN") == "1" else tmp_path / "r.png"
    with_budget = next(plan for plan in plans if plan.budget)
    top = page.evaluate(
        f"document.getElementById('{with_budget.anchor}').getBoundingClientRect().top"
        " + window.scrollY"
    )
    page.screenshot(
        path=str(shot),
        full_page=True,
        clip={"x": 0, "y": top, "width": 1280, "height": 2300},
    )
    assert shot.read_bytes().startswith(b"\x89PNG")
