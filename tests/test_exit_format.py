"""Annual targets, printed incidence, partial schedules, the plan's own exit and own criteria.

A realistic county plan (tests/data/qingshi.yaml, made up) uses every one of them and validates
clean without an `accepted:` entry; each rule is then made to fail at a located place.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from planctl.cli import app
from planctl.engine import FileResult, Options, check_file
from planctl.findings import Finding, Outcome, Severity
from tests.conftest import CheckText, codes_at

QINGSHI = Path(__file__).parent / "data" / "qingshi.yaml"
runner = CliRunner()


def only(*codes: str) -> Options:
    return Options(select=codes)


def answers(result: FileResult, code: str) -> list[Finding]:
    return [finding for finding in result.findings if finding.code == code]


def outcomes(result: FileResult, code: str) -> list[tuple[str, Outcome]]:
    return [(finding.path_text, finding.outcome) for finding in answers(result, code)]


def check_variant(tmp_path: Path, old: str, new: str) -> FileResult:
    """The realistic plan with one printed figure changed."""
    text = QINGSHI.read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "qingshi.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return check_file(str(path))


def test_the_realistic_county_plan_validates_without_acceptances() -> None:
    result = check_file(str(QINGSHI), Options(use_accepted=False))
    assert result.plan is not None
    assert result.plan.accepted == []
    assert result.problems == []
    passed = {finding.code for finding in result.findings if finding.outcome is Outcome.PASS}
    assert {"PE02", "PE04", "PE05", "PE09", "PE10", "PC107"} <= passed
    cli = runner.invoke(app, ["validate", str(QINGSHI), "--no-accepted"])
    assert cli.exit_code == 0
    own = runner.invoke(app, ["exit-check", str(QINGSHI), "--region", "青石县", "--format", "json"])
    assert own.exit_code == 0
    verdicts = json.loads(own.stdout)["plans"][0]["verdicts"]
    assert {(v["code"], v["path"], v["outcome"]) for v in verdicts if v["code"] == "PE04"} == {
        ("PE04", "plan.region.exit_year", "pass")
    }


def test_an_annual_target_against_the_table_of_its_year_is_located(tmp_path: Path) -> None:
    result = check_variant(
        tmp_path,
        "{name: 当年退出贫困村, measure: villages, value: 2个, in: 2018",
        "{name: 当年退出贫困村, measure: villages, value: 1个, in: 2018",
    )
    # The schedule and the table of villages both give 2个 for 2018.
    assert codes_at(result) == {("PE09", "targets[6].value")}
    assert len(result.problems) == 2
    for failed in result.problems:
        assert failed.position is not None
        assert failed.position.line == 29
        assert (failed.stated, failed.computed, failed.level) == ("1个", "2个", Severity.ERROR)
        assert failed.year == 2018
    cli = runner.invoke(app, ["validate", failed.file])
    assert cli.exit_code == 1


ANNUAL = """
baseline: {poor_villages: 27个}
schedules:
  - {name: 贫困村退出, measure: villages, years: {2018: 27个}}
regions:
  items:
%s
targets:
  - {name: 贫困村退出, measure: villages, value: 11个, %s: 2018}
"""


def _villages(count: int) -> str:
    return "\n".join(
        f"    - {{name: 村{i}, level: village, exit_year: 2018}}" for i in range(count)
    )


def test_a_running_total_hid_what_an_annual_target_reports(check_text: CheckText) -> None:
    # "by 2018" is met by 27 villages; "in 2018" says 11 and the document's own table says 27.
    by = check_text(ANNUAL % (_villages(27), "by"), only("PE02", "PE09"))
    assert outcomes(by, "PE02") == [("targets[0].by", Outcome.PASS)]
    annual = check_text(ANNUAL % (_villages(27), "in"), only("PE02", "PE09"))
    assert answers(annual, "PE02") == []
    assert codes_at(annual) == {("PE09", "targets[0].value")}
    assert sorted(f.computed or "" for f in annual.problems) == ["27个", "27个"]


def test_an_annual_target_needs_a_figure_and_one_year(check_text: CheckText) -> None:
    both = "targets:\n  - {name: 村, measure: villages, value: 1个, in: 2018, by: 2019}\n"
    assert codes_at(check_text(both, only("PC003"))) == {("PC003", "targets[0]")}
    allof = "targets:\n  - {name: 村, measure: villages, value: all, in: 2018}\n"
    result = check_text(allof, only("PE09"))
    assert outcomes(result, "PE09") == [("targets[0].in", Outcome.NOT_EVALUABLE)]


def test_annual_counties_come_from_the_poor_regions_exit_years(check_text: CheckText) -> None:
    text = """
    regions:
      items:
        - {name: 甲县, kind: national_key, exit_year: 2018}
        - {name: 乙县, kind: provincial_key, exit_year: 2018}
        - {name: 丙县, kind: non_poor, exit_year: 2018}
        - {name: 丁县, kind: poor, exit_year: 2019}
    targets:
      - {name: 摘帽, measure: counties, value: %s, in: 2018}
    """
    met = check_text(text % "2个", only("PE09"))
    assert outcomes(met, "PE09") == [("targets[0].value", Outcome.PASS)]
    missed = check_text(text % "3个", only("PE09"))
    assert codes_at(missed) == {("PE09", "targets[0].value")}
    assert missed.problems[0].computed == "2个"


INCIDENCE = """
baseline: {poor_population: 1.2万人, rural_population: 30万人, incidence: %s}
schedules:
  - {name: 脱贫, measure: people, years: {2016: 6000人, 2017: 5000人}, incidence: {2017: %s}}
regions:
  items:
    - {name: 甲乡, poor_population: 600人, rural_population: 3000人, incidence: %s}
"""


def test_printed_incidence_is_checked_at_its_precision(check_text: CheckText) -> None:
    # 1.2万 / 30万 = 4%; (12000 - 11000) / 300000 = 0.33%; 600 / 3000 = 20%.
    good = check_text(INCIDENCE % ("4%", "0.33%", "20%"), only("PC113"))
    assert codes_at(good) == set()
    # 1.2万人 is known to ±500人, so 2017's incidence is 0.33% ± 0.17%: 0.5% agrees, 0.6% not.
    assert codes_at(check_text(INCIDENCE % ("4%", "0.5%", "20%"), only("PC113"))) == set()
    bad = check_text(INCIDENCE % ("4.5%", "0.6%", "2%"), only("PC113"))
    assert codes_at(bad) == {
        ("PC113", "baseline.incidence"),
        ("PC113", "schedules[0].incidence.2017"),
        ("PC113", "regions.items[0].incidence"),
    }
    region = next(f for f in bad.problems if f.path_text.startswith("regions"))
    assert (region.stated, region.computed) == ("2%", "20%")


def test_the_incidence_criterion_uses_the_printed_figure(check_text: CheckText) -> None:
    printed = check_text(INCIDENCE % ("4%", "2.5%", "20%"), only("PE05"))
    assert outcomes(printed, "PE05") == [("schedules[0].incidence.2017", Outcome.FAIL)]
    # No rural population printed: it is the poor population over the printed incidence.
    implied = """
    baseline: {poor_population: 1.2万人, incidence: 4%}
    schedules:
      - {name: 脱贫, measure: people, years: {2016: 6000人, 2017: 5000人}}
    """
    result = check_text(implied, only("PE05"))
    [answer] = answers(result, "PE05")
    assert (answer.outcome, answer.computed) == (Outcome.PASS, "0.33%")


def test_an_incidence_target_and_its_measure_name(check_text: CheckText) -> None:
    target = "targets:\n  - {name: 发生率, measure: incidence, value: %s, by: %s}\n"
    # Printed for 2017: 0.33%; computed for 2016: 6000 of 300000 left, 2%.
    plan = INCIDENCE % ("4%", "0.33%", "20%")
    for value, year, outcome in [
        ("1%以下", 2017, Outcome.PASS),
        ("0.3%以下", 2017, Outcome.FAIL),
        ("2%以下", 2016, Outcome.PASS),
        ("1%以下", 2016, Outcome.FAIL),
    ]:
        result = check_text(plan + target % (value, year), only("PE02"))
        assert outcomes(result, "PE02") == [("targets[0].by", outcome)], (value, year)
    typo = check_text("targets:\n  - {name: 率, measure: 贫困发生率, value: 2%}\n", only("PC003"))
    assert codes_at(typo) == {("PC003", "targets[0].measure")}


PARTIAL = """
baseline: {poor_population: 10000人}
schedules:
  - {name: 脱贫, measure: people, %s years: {2017: 3000人, 2018: %s}}
targets:
  - {name: 全部脱贫, measure: people, value: all, by: 2020}
"""


def test_a_partial_schedule_is_held_only_to_what_it_can_claim(check_text: CheckText) -> None:
    whole = check_text(PARTIAL % ("", "4000人"), only("PC107", "PE02"))
    assert ("PC107", "schedules[0].years") in codes_at(whole)
    assert outcomes(whole, "PE02") == [("targets[0].by", Outcome.FAIL)]
    partial = check_text(PARTIAL % ("partial: true,", "4000人"), only("PC107", "PE02"))
    assert codes_at(partial) == set()
    assert outcomes(partial, "PE02") == [("targets[0]", Outcome.NOT_EVALUABLE)]
    too_many = check_text(PARTIAL % ("partial: true,", "8000人"), only("PC107"))
    assert codes_at(too_many) == {("PC107", "schedules[0].years.2018")}


OWN = """
plan:
  title: 测试县规划
  period: [2016, 2020]
  region: {name: 测试县, level: county, province: 山东省, kind: national_key, exit_year: 2018}
baseline: {poor_population: 1000人, rural_population: 10000人, poor_villages: 10个}
schedules:
  - {name: 脱贫, measure: people, years: {2016: 500人, 2017: %s, 2018: 100人}}
targets:
  - {name: 贫困县摘帽, measure: counties, value: all, by: %s}
"""


def test_the_plans_own_region_is_an_exit_unit(check_text: CheckText) -> None:
    met = check_text(OWN % ("400人", 2018), only("PE02", "PE04"), header=False)
    assert outcomes(met, "PE02") == [("targets[0].by", Outcome.PASS)]
    assert ("plan.region.exit_year", Outcome.PASS) in outcomes(met, "PE04")
    early = check_text(OWN % ("400人", 2017), only("PE02"), header=False)
    assert codes_at(early) == {("PE02", "targets[0].by")}
    # By 2018 the county needs 1000 - 2% of 10000 = 800 people out; 500 + 100 + 100 is short.
    short = check_text(OWN % ("100人", 2018), only("PE04"), header=False)
    assert codes_at(short) == {("PE04", "plan.region.exit_year")}


DEADLINES = """
baseline: {poor_villages: 10个}
schedules:
  - {name: 村, measure: villages, years: {2016: 4个, 2017: %s, 2018: %s}}
targets:
  - {name: 贫困村全部退出, measure: villages, value: all, by: 2018}
  - {name: 贫困村全部退出, measure: villages, value: all, by: 2017}
"""


def test_a_met_earlier_deadline_is_a_restatement_not_a_conflict(check_text: CheckText) -> None:
    met = check_text(DEADLINES % ("6个", "0个"), only("PC110"))
    assert codes_at(met) == set()
    assert outcomes(met, "PC110") == [("targets[1].by", Outcome.PASS)]
    missed = check_text(DEADLINES % ("5个", "1个"), only("PC110"))
    assert codes_at(missed) == {("PC110", "targets[1].by")}
    assert missed.problems[0].level is Severity.WARNING


def test_an_undated_or_annual_statement_hides_no_later_conflict(check_text: CheckText) -> None:
    text = """
    baseline: {poor_villages: 10个}
    targets:
      - {name: 贫困村全部退出, measure: villages, value: all, source: 第一章}
      - {name: 贫困村全部退出, measure: villages, value: 10个, in: 2017}
      - {name: 贫困村全部退出, measure: villages, value: all, by: 2018}
      - {name: 贫困村全部退出, measure: villages, value: all, by: 2019}
    """
    # No schedule: nothing shows which deadline the plan meets.
    assert codes_at(check_text(text, only("PC110"))) == {("PC110", "targets[3].by")}


def test_the_bundled_plans_call_no_met_deadline_a_conflict() -> None:
    options = Options(select=("PC110",), use_accepted=False)
    conflicts = {
        (Path(result.file).name, finding.path_text)
        for result in (
            check_file(str(plan), options) for plan in sorted(Path("plans").glob("*.yaml"))
        )
        for finding in result.problems
    }
    # Only 第三章第一节's 2019 for all people is missed: the schedule exits the last 6070人 in 2020.
    assert conflicts == {("luoyang.yaml", "targets[5].by")}
    luoyang = check_file("plans/luoyang.yaml", options)
    assert sum(f.outcome is Outcome.PASS for f in answers(luoyang, "PC110")) == 4


CRITERIA = """
criteria:
  - {name: 贫困村退出, measure: 村集体经济收入, threshold: %s}
regions:
  items:
    - {name: 甲村, level: village, figures: {村集体经济收入: %s}}
"""


def test_own_criteria_of_any_unit_family(check_text: CheckText) -> None:
    met = check_text(CRITERIA % ("3万元以上", "3.2万元"), only("PE10"))
    assert outcomes(met, "PE10") == [("regions.items[0].figures.村集体经济收入", Outcome.PASS)]
    missed = check_text(CRITERIA % ("3万元以上", "2.5万元"), only("PE10"))
    assert codes_at(missed) == {("PE10", "regions.items[0].figures.村集体经济收入")}
    undirected = check_text(CRITERIA % ("3万元", "3.2万元"), only("PE10"))
    assert outcomes(undirected, "PE10") == [("criteria[0]", Outcome.NOT_EVALUABLE)]
    declared = CRITERIA.replace("threshold: %s}", "threshold: %s, bound: at_most}")
    at_most = check_text(declared % ("3万元", "3.2万元"), only("PE10"))
    assert codes_at(at_most) == {("PE10", "regions.items[0].figures.村集体经济收入")}
    other_family = check_text(CRITERIA % ("3万元以上", "3个"), only("PE10"))
    assert outcomes(other_family, "PE10") == [("criteria[0]", Outcome.NOT_EVALUABLE)]


def test_household_conditions_say_which_statement_they_found(check_text: CheckText) -> None:
    text = """
    targets:
      - {name: 贫困人口全部脱贫, measure: people, value: all, by: 2020}
      - {name: 义务教育、基本医疗和住房安全有保障, measure: 两不愁三保障, by: 2020, source: 第二章}
    """
    result = check_text(text, only("PE07"))
    found = {f.path_text for f in answers(result, "PE07") if f.outcome is Outcome.PASS}
    assert found == {"targets[1]"}
    assert sum(f.outcome is Outcome.NOT_EVALUABLE for f in answers(result, "PE07")) == 2
