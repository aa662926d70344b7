"""`planctl exit-check` on small hand-made plans: each verdict, boundaries at 2% and 90%."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

HEADER = "plan: {title: 测试县规划, period: [2016, 2018], region: {name: 测试市, province: %s}}\n"


def run(tmp_path: Path, body: str, *args: str, province: str = "山东省") -> tuple[int, Any]:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER % province + textwrap.dedent(body), encoding="utf-8")
    result = runner.invoke(app, ["exit-check", str(path), "--format", "json", *args])
    assert "Traceback" not in result.output
    return result.exit_code, json.loads(result.stdout)["plans"][0]


def answers(report: Any) -> list[Any]:
    """Every finding exit-check reports for a plan: headlines, verdicts, other problems."""
    return [*report["headlines"], *report["verdicts"], *report["problems"]]


def verdicts(report: Any, code: str) -> list[tuple[str, str]]:
    """(what was judged, outcome) for each answer of `code`, in the order of the plan."""
    found = [v for v in answers(report) if v["code"] == code]
    return [(v["message"].split(": ")[0], v["outcome"]) for v in found]


def named(report: Any, name: str) -> list[Any]:
    return [v for v in answers(report) if v["message"].startswith(f"{name}: ")]


PEOPLE = """
baseline: {poor_population: 1000人, poor_villages: 10个}
schedules:
  - {name: 脱贫, measure: people, years: {2016: 400人, 2017: 500人, 2018: %s}}
"""


def test_year_table_is_cumulative(tmp_path: Path) -> None:
    _, report = run(tmp_path, PEOPLE % "100人")
    people = [row["people"] for row in report["years"]]
    assert [p["cumulative"] for p in people] == ["400人", "900人", "1000人"]
    assert [p["remaining"] for p in people] == ["600人", "100人", "0人"]
    assert [p["share_of_baseline"] for p in people] == ["40%", "90%", "100%"]


def test_schedule_reaches_the_baseline_or_fails(tmp_path: Path) -> None:
    code, report = run(tmp_path, PEOPLE % "100人")
    # one rule, PC107, answers this for validate and exit-check alike
    assert sorted(verdicts(report, "PC107")) == [
        ("people schedule reaches the baseline", "pass"),
        ("villages schedule reaches the baseline", "not evaluable"),
    ]
    assert code == 0
    code, report = run(tmp_path, PEOPLE % "99人")
    assert [v["path"] for v in named(report, "脱贫") if v["outcome"] == "fail"] == [
        "schedules[0].years"
    ]
    assert code == 1


def test_targets_by_their_year_and_conflicting_deadlines(tmp_path: Path) -> None:
    body = PEOPLE % "100人" + textwrap.dedent("""
    targets:
      - {name: 全部脱贫, measure: people, value: all, by: 2017}
      - {name: 全部脱贫, measure: people, value: all, by: 2018}
    """)
    code, report = run(tmp_path, body)
    assert verdicts(report, "PE02") == [("全部脱贫", "fail"), ("全部脱贫", "pass")]
    [missed] = [v for v in report["headlines"] if v["outcome"] == "fail"]
    assert missed["message"].endswith("missed by 100人")
    assert verdicts(report, "PC110") == [("全部脱贫", "fail")]
    assert code == 1


VILLAGES = """
baseline: {poor_villages: 10个}
schedules:
  - {name: 村, measure: villages, years: {2016: %s, 2017: 1个}}
regions:
  items:
    - {name: 甲县, kind: national_key, poor_villages: 10个, exit_year: 2016}
"""


@pytest.mark.parametrize(("exited", "status"), [("9个", "pass"), ("8个", "fail")])
def test_henan_poor_county_needs_90_percent_of_its_villages(
    tmp_path: Path, exited: str, status: str
) -> None:
    _, report = run(tmp_path, VILLAGES % exited, province="河南省")
    assert ("甲县 exits in 2016 (villages)", status) in verdicts(report, "PE04")


def test_without_the_provincial_rule_villages_need_nothing_but_incidence(tmp_path: Path) -> None:
    _, report = run(tmp_path, VILLAGES % "1个")
    assert ("甲县 exits in 2016 (villages)", "pass") in verdicts(report, "PE04")
    people = named(report, "甲县 exits in 2016 (people)")
    assert people[0]["outcome"] == "not evaluable"


INCIDENCE = """
baseline: {poor_population: 100人, rural_population: 1000人}
schedules:
  - {name: 人, measure: people, years: {2016: %s, 2017: 0人, 2018: 0人}}
regions:
  items:
    - {name: 甲县, kind: poor, poor_population: 100人, rural_population: 1000人, exit_year: 2016}
"""


@pytest.mark.parametrize(("exited", "status"), [("80人", "pass"), ("79人", "fail")])
def test_poor_county_incidence_boundary_is_exactly_2_percent(
    tmp_path: Path, exited: str, status: str
) -> None:
    _, report = run(tmp_path, INCIDENCE % exited)
    assert ("甲县 exits in 2016 (people)", status) in verdicts(report, "PE04")
    [(_, overall)] = verdicts(report, "PE05")
    assert overall == status


def test_western_provinces_allow_3_percent(tmp_path: Path) -> None:
    body = INCIDENCE % "70人"
    path = tmp_path / "plan.yaml"
    header = "plan: {title: 西部县, period: [2016, 2018], region: {name: 县, western: true}}\n"
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    result = runner.invoke(app, ["exit-check", str(path), "--format", "json"])
    report = json.loads(result.stdout)["plans"][0]
    assert ("甲县 exits in 2016 (people)", "pass") in verdicts(report, "PE04")


def test_missing_denominator_is_named_not_passed(tmp_path: Path) -> None:
    body = INCIDENCE.replace(", rural_population: 1000人", "") % "80人"
    _, report = run(tmp_path, body)
    [people] = named(report, "甲县 exits in 2016 (people)")
    assert people["outcome"] == "not evaluable"
    assert "rural_population" in people["message"]
    assert "甲县" in people["message"].split(": ", 1)[1]


NON_POOR = """
baseline: {poor_population: 100人, poor_villages: 2个}
schedules:
  - {name: 人, measure: people, years: {2016: %s}}
  - {name: 村, measure: villages, years: {2016: 2个}}
regions:
  items:
    - {name: 乙区, kind: non_poor, poor_population: 100人, poor_villages: 2个, exit_year: 2016}
criteria:
  - {name: 非贫困县脱贫, applies_to: [non_poor], measure: 贫困人口减少比例, threshold: 90%%以上}
"""


@pytest.mark.parametrize(("exited", "status"), [("90人", "pass"), ("89人", "fail")])
def test_plan_rule_for_non_poor_counties_at_exactly_90_percent(
    tmp_path: Path, exited: str, status: str
) -> None:
    _, report = run(tmp_path, NON_POOR % exited)
    assert ("乙区 exits in 2016 (people)", status) in verdicts(report, "PE04")
    assert ("乙区 exits in 2016 (villages)", "pass") in verdicts(report, "PE04")


def test_indicators_due_within_the_period(tmp_path: Path) -> None:
    body = """
    indicators:
      - {name: 签约率, target: 100%, by: 2018}
      - {name: 入园率, target: 99%, by: 2021}
      - {name: 巩固率, target: 95%以上}
    """
    _, report = run(tmp_path, body)
    # PC109 answers it for validate and exit-check alike: only the one due after the period
    assert [(v["path"], v["outcome"]) for v in answers(report) if v["code"] == "PC109"] == [
        ("indicators[1].by", "fail")
    ]


def test_plan_without_figures_is_not_evaluable_rather_than_passing(tmp_path: Path) -> None:
    code, report = run(
        tmp_path, "targets: [{name: 全部脱贫, measure: people, value: all, by: 2018}]\n"
    )
    statuses = {v["outcome"] for v in answers(report) if v["code"] in {"PE02", "PE05"}}
    assert statuses == {"not evaluable"}
    assert code == 0


def test_year_and_region_filters(tmp_path: Path) -> None:
    _, report = run(tmp_path, VILLAGES % "9个", "--year", "2017", province="河南省")
    assert [row["year"] for row in report["years"]] == [2017]
    path = tmp_path / "plan.yaml"
    result = runner.invoke(app, ["exit-check", str(path), "--region", "丙县"])
    assert result.exit_code == 2
    assert "甲县" in result.output


def test_criteria_are_listed_with_sources() -> None:
    result = runner.invoke(app, ["exit-check", "--criteria"])
    assert result.exit_code == 0
    assert "厅字〔2016〕16号" in result.output
    assert "2855元" in result.output
    assert "(not confirmed)" in result.output


def test_a_plan_that_does_not_validate_is_not_checked(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("plan: {title: x}\nbaseline: {poor_population: 5元}\n", encoding="utf-8")
    result = runner.invoke(app, ["exit-check", str(path), "--format", "text"])
    assert result.exit_code == 1
    assert "PC003" in result.stdout
    assert "not checked" in result.stdout
    assert "PASS" not in result.stdout


def test_findings_formats_show_each_failed_verdict(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER % "山东省" + textwrap.dedent(PEOPLE % "99人"), encoding="utf-8")
    result = runner.invoke(app, ["exit-check", str(path), "--format", "github"])
    assert result.exit_code == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error")]
    assert len(errors) == 1
    assert "PC107" in errors[0]
    assert f"file={path}" in errors[0]
    # the verdicts that pass or cannot be judged are carried too, as notices
    notices = [line for line in result.stdout.splitlines() if line.startswith("::notice")]
    assert any("PE08" in line for line in notices)


@pytest.mark.parametrize(
    ("province", "status"), [("新疆维吾尔自治区", "pass"), ("河南省", "fail"), ("山东省", "fail")]
)
def test_western_thresholds_come_from_the_province(
    tmp_path: Path, province: str, status: str
) -> None:
    # 30 of 1000 remain: 3% passes in a western province without any flag, fails at 2%
    _, report = run(tmp_path, INCIDENCE % "70人", province=province)
    [(_, overall)] = verdicts(report, "PE05")
    assert overall == status
    assert verdicts(report, "PC112") == []


def test_a_western_flag_that_contradicts_the_province_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    header = (
        "plan: {title: 县, period: [2016, 2018], "
        "region: {name: 县, province: 河南省, western: true}}\n"
    )
    path.write_text(header + textwrap.dedent(INCIDENCE % "70人"), encoding="utf-8")
    result = runner.invoke(app, ["exit-check", str(path), "--format", "json"])
    report = json.loads(result.stdout)["plans"][0]
    [warning] = [v for v in answers(report) if v["code"] == "PC112"]
    assert (warning["path"], warning["severity"]) == ("plan.region.western", "warning")
    [(_, overall)] = verdicts(report, "PE05")
    assert overall == "fail"  # the province wins: 2%


def test_acceptances_and_ignore_reach_exit_check(tmp_path: Path) -> None:
    body = PEOPLE % "100人" + "targets: [{name: 全部脱贫, measure: people, value: all, by: 2017}]\n"
    code, report = run(tmp_path, body)
    assert code == 1
    code, _ = run(tmp_path, body, "--ignore", "PE02")
    assert code == 0
    accepted = body + "accepted: [{rule: PE02, at: 'targets[0].by', reason: 原文如此}]\n"
    code, report = run(tmp_path, accepted)
    assert code == 0
    assert report["headlines"][0]["accepted"] == "原文如此"


def test_a_rounded_baseline_is_met_by_the_exact_schedule(tmp_path: Path) -> None:
    # 31万 stands for 30.95万-31.05万: 310975人 meets it, in validate and exit-check alike
    body = (
        "baseline: {poor_population: 31万人}\n"
        "schedules: [{name: 脱贫, measure: people, years: {2016: 300000人, 2017: 10975人}}]\n"
        "targets: [{name: 全部脱贫, measure: people, value: all, by: 2017}]\n"
    )
    code, report = run(tmp_path, body)
    assert code == 0
    assert verdicts(report, "PE02") == [("全部脱贫", "pass")]
    assert report["years"][1]["people"]["remaining"] == "0万人"


def test_a_schedule_that_mixes_units_gives_no_verdict_and_fails(tmp_path: Path) -> None:
    body = (
        "baseline: {poor_population: 10万人}\n"
        "schedules: [{name: 脱贫, measure: people, years: {2016: 3.47万人, 2017: 6.53万户}}]\n"
        "targets: [{name: 全部脱贫, measure: people, value: all, by: 2017}]\n"
    )
    code, report = run(tmp_path, body)
    assert code == 1
    assert verdicts(report, "PE02") == [("全部脱贫", "not evaluable")]
    assert ("PC107", "schedules[0].years") in {
        (v["code"], v["path"]) for v in answers(report) if v["outcome"] == "fail"
    }


def test_exit_check_ci_formats_carry_every_verdict(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(HEADER % "山东省" + textwrap.dedent(PEOPLE % "99人"), encoding="utf-8")
    junit = runner.invoke(app, ["exit-check", str(path), "--format", "junit"]).stdout
    report = runner.invoke(app, ["exit-check", str(path), "--format", "json"])
    plan = json.loads(report.stdout)["plans"][0]
    verdict_count = len(plan["headlines"]) + len(plan["verdicts"])
    assert junit.count("<testcase") >= verdict_count
    assert 'failures="1"' in junit.splitlines()[1]
    sarif = json.loads(runner.invoke(app, ["exit-check", str(path), "--format", "sarif"]).stdout)
    run_ = sarif["runs"][0]
    defined = {rule["id"] for rule in run_["tool"]["driver"]["rules"]}
    used = {result["ruleId"] for result in run_["results"]}
    assert used <= defined
    assert {"PE08", "PC107"} <= used
    kinds = {result.get("kind", "fail") for result in run_["results"]}
    assert {"fail", "review"} <= kinds
