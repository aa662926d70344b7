"""`planctl report`: the data of the page (overview, budget, exits, PC101 marks) and its HTML.

Expected figures are read from the plan files themselves (their YAML) or from the commands that
already print them (exit-check's JSON), never typed into the test.
"""

from __future__ import annotations

import importlib.util
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from planctl.cli import app
from planctl.cli.policy import checking_policy
from planctl.discover import discover
from planctl.engine import check_file
from planctl.report_html import build_report
from planctl.results.report import ReportResult

# renders every chart of every bundled plan: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

runner = CliRunner()
PLANS = sorted(discover(["plans"]))


class Page(HTMLParser):
    """The page's tables (class, rows of (tr class, cell texts)), sections and charts."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[tuple[str, list[str]]]]] = []
        self.sections: list[str] = []
        self.links: list[str] = []
        self.charts: list[str] = []
        self.svgs = 0
        self._cell: list[str] | None = None
        self.scripts = 0
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "table":
            self.tables.append((attributes.get("class") or "", []))
        elif tag == "tr" and self.tables:
            self.tables[-1][1].append((attributes.get("class") or "", []))
        elif tag in ("td", "th"):
            self._cell = []
        elif tag == "br" and self._cell is not None:
            self._cell.append("\n")
        elif tag == "section":
            self.sections.append(attributes.get("id") or "")
        elif tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"] or "")
        elif tag == "figure":
            self.charts.append(attributes.get("data-chart") or "")
        elif tag == "svg":
            self.svgs += 1
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][1][-1][1].append("".join(self._cell).strip())
            self._cell = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def table(self, css: str) -> list[tuple[str, list[str]]]:
        """The rows (header first) of every table of class `css`, one after another."""
        return [row for name, rows in self.tables if name == css for row in rows]


def raw(file: str) -> Any:
    return yaml.safe_load(Path(file).read_text(encoding="utf-8"))


def printed(value: Any) -> str | None:
    """A figure as the plan file prints it (`641.8亿元` or `{value: 641.8亿元, ...}`)."""
    if isinstance(value, dict):
        return f"{value['value']}{value.get('unit', '')}"
    return None if value is None else str(value)


def item_name(plan: Any, path: tuple[str | int, ...]) -> str:
    """The name of the budget item at `path` (the budget total for `("budget", "total")`)."""
    if path == ("budget", "total"):
        return "budget total"
    node = plan
    for step in path[:-1]:
        node = node[step]
    return str(node["name"])


@pytest.fixture(scope="module")
def report() -> ReportResult:
    return build_report(PLANS)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("report") / "report.html"
    result = runner.invoke(app, ["report", "plans/", "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_every_plan_has_a_row_in_the_overview_and_a_section(
    report: ReportResult, page: str
) -> None:
    assert [plan.file for plan in report.plans] == PLANS
    html = Page(page)
    rows = html.table("overview")[1:]
    assert [cells[0] for _, cells in rows] == PLANS
    assert [cells[1] for _, cells in rows] == [raw(file)["plan"]["title"] for file in PLANS]
    anchors = [plan.anchor for plan in report.plans]
    assert len(set(anchors)) == len(PLANS)
    assert [f"#{anchor}" for anchor in anchors] == html.links
    assert [s for s in html.sections if s] == anchors


def test_overview_budget_total_and_baseline_as_printed(report: ReportResult, page: str) -> None:
    rows = {cells[0]: cells for _, cells in Page(page).table("overview")[1:]}
    header = Page(page).table("overview")[0][1]
    budget_column, baseline_column = header.index("budget total"), header.index("baseline")
    for plan in report.plans:
        data = raw(plan.file)
        total = printed((data.get("budget") or {}).get("total"))
        assert plan.budget_total == total
        assert rows[plan.file][budget_column] == (total or "")
        baseline = data.get("baseline") or {}
        people = printed(baseline.get("poor_population"))
        if people is not None:
            assert plan.baselines["people"] == people
            assert f"people: {people}" in rows[plan.file][baseline_column].split("\n")
    luoyang = next(plan for plan in report.plans if plan.file.endswith("luoyang.yaml"))
    assert luoyang.budget_total is not None
    assert luoyang.baselines["people"]


def test_overview_counts_are_validates_and_exit_checks(report: ReportResult) -> None:
    for plan in report.plans:
        exits = runner.invoke(app, ["exit-check", plan.file, "--format", "json"])
        answers = json.loads(exits.stdout)["plans"][0]
        verdicts = [*answers["headlines"], *answers["verdicts"]]
        outcomes = [finding["outcome"] for finding in verdicts]
        assert (plan.passed, plan.failed_verdicts, plan.not_evaluable) == (
            outcomes.count("pass"),
            outcomes.count("fail"),
            outcomes.count("not evaluable"),
        )
        validate = runner.invoke(app, ["validate", plan.file, "--format", "text"])
        summary = validate.stdout.strip().splitlines()[-1]
        assert re.search(rf"\b{plan.errors} errors?\b", summary), summary
        assert re.search(rf"\b{plan.warnings} warnings?\b", summary), summary


def test_pc101_items_are_marked(report: ReportResult, page: str) -> None:
    luoyang = next(plan for plan in report.plans if plan.file.endswith("luoyang.yaml"))
    findings = [f for f in check_file(luoyang.file).problems if f.code == "PC101"]
    assert findings  # the plan accepts one: it is marked all the same
    data = raw(luoyang.file)
    expected = {item_name(data, f.path) for f in findings}
    assert {row.name or "budget total" for row in luoyang.budget if row.marked} == expected
    marked = [cells for css, cells in Page(page).table("budget") if css == "marked"]
    assert {cells[0].strip("　") for cells in marked} == expected
    assert all(cells[-1] == "parts do not add up" for cells in marked)


def test_a_new_gap_marks_the_item_and_the_total(tmp_path: Path) -> None:
    text = Path("plans/luoyang.yaml").read_text(encoding="utf-8")
    assert text.count("amount: 346.857亿元") == 1
    plan = tmp_path / "luoyang.yaml"
    plan.write_text(text.replace("amount: 346.857亿元", "amount: 346.957亿元"), encoding="utf-8")
    result = build_report([str(plan)])
    marked = {row.name or "budget total" for row in result.plans[0].budget if row.marked}
    assert {"实施精准扶贫工程", "budget total"} <= marked
    row = next(row for row in result.plans[0].budget if row.name == "实施精准扶贫工程")
    assert (row.amount, row.parts, row.gap) == ("346.957亿元", "346.857亿元", "-0.1亿元")
    assert result.exit_code == 1


def test_finding_in_the_page_with_location_and_figures(tmp_path: Path) -> None:
    plan = tmp_path / "gap.yaml"
    plan.write_text(
        "plan: {title: 测试县规划, period: [2016, 2020]}\n"
        "budget:\n"
        "  total: 1.7亿元\n"
        "  items:\n"
        "    - {name: 种植, amount: 9000万元}\n"
        "    - {name: 养殖, amount: 6000万元}\n",
        encoding="utf-8",
    )
    out = tmp_path / "gap.html"
    cli = runner.invoke(app, ["report", str(plan), "-o", str(out)])
    assert cli.exit_code == 1  # the page is written all the same
    html = Page(out.read_text(encoding="utf-8"))
    assert not html.table("overview")  # one plan: no overview
    findings = [cells for _, cells in html.table("findings") if "PC101" in cells]
    assert [cells[3:] for cells in findings] == [
        [f"{plan}:3:10", "budget.total", "1.7亿元", "1.5亿元", "-0.2亿元 (-20000000元)"]
    ]
    marked = [cells[0] for css, cells in html.table("budget") if css == "marked"]
    assert marked == ["budget total"]
    assert html.svgs == len(html.charts) == 1


def test_exit_table_is_exit_checks(report: ReportResult, page: str) -> None:
    for plan in report.plans:
        answers = json.loads(
            runner.invoke(app, ["exit-check", plan.file, "--format", "json"]).stdout
        )["plans"][0]
        for series in plan.exits:
            cumulative = [year[series.measure]["cumulative"] for year in answers["years"]]
            assert [point.cumulative for point in series.points] == cumulative
            assert series.baseline == answers["baseline"].get(series.measure)
    html = Page(page)
    exits = [cells for _, cells in html.table("exits")]
    luoyang = next(plan for plan in report.plans if plan.file.endswith("luoyang.yaml"))
    people = next(series for series in luoyang.exits if series.measure == "people")
    for point in people.points:
        assert [str(point.year), point.exits, point.cumulative] in [c[:3] for c in exits]
    targets = [t for t in raw(luoyang.file)["targets"] if t["measure"] == "people" and "by" in t]
    assert {d.year for d in people.deadlines} == {t["by"] for t in targets}


def test_regions_exit_years(report: ReportResult, page: str) -> None:
    rows = [cells for _, cells in Page(page).table("regions") if cells[0] != "region"]
    expected = [
        [region["name"], str(region.get("exit_year", ""))]
        for plan in report.plans
        for region in ((raw(plan.file).get("regions") or {}).get("items") or [])
    ]
    assert expected
    assert [[cells[0], cells[2]] for cells in rows] == expected


def test_page_is_self_contained_and_escapes_plan_text(tmp_path: Path, page: str) -> None:
    html = Page(page)
    assert html.scripts == 0
    assert html.charts
    assert html.svgs == len(html.charts)
    assert not re.search(r"""(?:src|href)\s*=\s*["'](?!#)""", page)
    assert "@import" not in page
    assert "url(http" not in page
    plan = tmp_path / "evil.yaml"
    plan.write_text(
        "plan: {title: '<script>alert(1)</script>', period: [2016, 2020]}\n"
        "budget: {total: 1亿元, items: [{name: '<b>x</b>', amount: 1亿元}]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "evil.html"
    assert runner.invoke(app, ["report", str(plan), "-o", str(out)]).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "<script>" not in text
    assert "<b>x</b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text


def test_trace_coverage_with_a_source(tmp_path: Path) -> None:
    from tests.test_trace import write

    plan, source = write(tmp_path)
    traced = runner.invoke(app, ["trace", plan, "--source", source, "--format", "json"])
    expected = json.loads(traced.stdout)["coverage"]
    result = build_report([plan], source=source)
    summary = result.plans[0].trace
    assert summary is not None
    assert (summary.encoded, summary.figures) == (expected["encoded"], expected["figures"])
    from planctl.render.html import page

    rows = Page(page(result)).table("trace")
    assert ["source figures the plan encodes", f"{summary.encoded} / {summary.figures}"] in [
        [cells[0], cells[1].split(" (")[0]] for _, cells in rows[1:]
    ]
    folder = build_report([plan], source=str(tmp_path))  # plan.source.file in that folder
    assert folder.plans[0].trace == summary
    missing = build_report([plan, plan], source=str(tmp_path / "elsewhere"))
    assert missing.plans[0].trace is None
    assert missing.plans[0].trace_problem


def test_each_plan_is_checked_under_the_settings_above_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run from elsewhere, the report obeys the planctl.toml of each plan's own folder."""
    quiet, loud = tmp_path / "quiet", tmp_path / "loud"
    gap = (
        "plan: {title: 测试县规划}\n"
        "budget:\n  total: 2.0亿元\n  items: [{name: a, amount: 1.0亿元}]\n"
    )
    for folder in (quiet, loud):
        folder.mkdir()
        (folder / "gap.yaml").write_text(gap, encoding="utf-8")
    (quiet / "planctl.toml").write_text('ignore = ["PC101"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path.parent)
    out = tmp_path / "r.html"
    plans = [str(quiet / "gap.yaml"), str(loud / "gap.yaml")]
    assert runner.invoke(app, ["report", *plans, "-o", str(out)]).exit_code == 1  # loud fails
    result = build_report(plans, checking_policy(None, None, False, False).options_for)
    problems = {plan.file: {f.code for f in plan.problems} for plan in result.plans}
    assert problems == {plans[0]: set(), plans[1]: {"PC101"}}
    assert [plan.failed for plan in build_report(plans).plans] == [True, True]  # no settings


def test_usage_errors_exit_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert runner.invoke(app, ["report", str(tmp_path / "none.yaml")]).exit_code == 2
    assert runner.invoke(app, ["report", "plans/", "--format", "pdf"]).exit_code == 2
    assert runner.invoke(app, ["report", "plans/", "--select", "PX9"]).exit_code == 2
    assert runner.invoke(app, ["report", "plans/", "--source", "nowhere"]).exit_code == 2
    found = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "vl_convert" else found(name)
    )
    result = runner.invoke(app, ["report", "plans/", "-o", str(tmp_path / "r.html")])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert "pip install 'planctl[report]'" in result.stderr
    assert not (tmp_path / "r.html").exists()
