"""`planctl trace` as a user runs it: figures found, ambiguous, not found; sections; coverage."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

# A small source document in the style of the real ones: a notice header, a preamble, chapters,
# sections, 一、/（一）/1． headings, full-width digits, a bookmark, spaces before a unit.
SOURCE = """\
示政〔2017〕9号
示例县“十三五”脱贫攻坚规划
为打赢脱贫攻坚战，确保到2020年全县１２００人全部脱贫，编制本规划。
[bookmark: _Toc525829442]第一章  基本情况
第一节  贫困现状
截至2015年底，全县有贫困人口1.2万人，贫困村20个，贫困发生率7.5％，其中因病致贫1759户。
第二节  扶贫成效
“十二五”期间投入扶贫资金2.4亿元，实现1.2万农村贫困人口稳定脱贫。
第二章  主要任务
一、产业扶贫
（一）种植项目。安排资金5000万元，扶持项目20个。
（二）养殖项目。安排资金4000万元。
1．建设标准化养殖场七个。
二、交通扶贫
新建道路120.5 公里，总投资6000\u2009万元，惠及群众3000人。
2017年7月6日
"""

PLAN = """\
plan:
  title: 示例县“十三五”脱贫攻坚规划
  document: 示政〔2017〕9号
  issued: 2017-07-06
  source: {file: source.txt}
  dates: [{what: 统计截止, date: 2015-12-31, source: 第一章第一节}]
baseline:
  poor_population: {value: 1.2万人, source: 第一章第一节}
  poor_villages: {value: 20个, source: 第一章 第一节}
targets:
  - {name: 全部脱贫, measure: people, value: 1200人, by: 2020, source: 序言}
facts:
  - {name: 扶贫资金, value: 2.4亿元, source: 第一章第一节}
  - {name: 脱贫人口, value: 1.2万人, source: 第一章第二节}
  - {name: 贫困发生率, value: 7.5%, source: 第一章第一节}
  - {name: 因病致贫户, value: 759户, source: 第一章第一节}
  - {name: 因病致贫户, value: 175户, source: 第一章第一节}
  - {name: 贫困发生率, value: 5%, source: 第一章第一节}
budget:
  items:
    - {name: 种植项目, amount: 5000万元, projects: 20个, source: 第二章一（一）}
    - name: 养殖项目
      amount: 4100万元
      source: 第二章一（二）
      items:
        - {name: 养殖场, projects: 七个, source: 第二章一（二）1}
    - {name: 交通, amount: 6000万元, length: 120.5公里, source: 二}
counts:
  - {name: 项目, value: 20个}
"""


def write(tmp_path: Path, plan: str = PLAN, source: str = SOURCE) -> tuple[str, str]:
    plan_file = tmp_path / "plan.yaml"
    plan_file.write_text(plan, encoding="utf-8")
    source_file = tmp_path / "source.txt"
    source_file.write_text(source, encoding="utf-8")
    return str(plan_file), str(source_file)


def trace_json(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["trace", *args, "--format", "json"])
    assert result.exit_code in {0, 1}, result.output
    data: dict[str, Any] = json.loads(result.output)
    return result.exit_code, data


def items_by_path(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["path"]: item for item in data["items"]}


@pytest.fixture
def traced(tmp_path: Path) -> tuple[int, dict[str, dict[str, Any]], dict[str, Any]]:
    plan, source = write(tmp_path)
    code, data = trace_json(plan, "--source", source)
    return code, items_by_path(data), data


def test_a_figure_printed_once_in_its_section_is_found_with_its_line(traced: Any) -> None:
    _, items, _ = traced
    item = items["baseline.poor_population"]
    assert (item["status"], item["lines"], item["severity"]) == ("found", [6], "ok")
    assert item["occurrences"][0]["text"] == "1.2万人"
    assert item["occurrences"][0]["in_section"] is True


def test_each_item_says_where_the_plan_states_it(traced: Any) -> None:
    _, items, _ = traced
    item = items["baseline.poor_population"]
    assert (item["line"], item["column"]) == (8, 28)  # the `value` inside the mapping


def test_a_typing_mistake_is_not_found_and_fails_the_run(traced: Any) -> None:
    code, items, data = traced
    assert code == 1
    assert items["budget.items[1].amount"]["status"] == "not_found"  # printed 4000万元
    assert items["budget.items[1].amount"]["severity"] == "error"
    assert data["summary"]["not_found"] == 4  # with the three below


def test_a_number_never_matches_inside_a_longer_number(traced: Any) -> None:
    _, items, _ = traced
    # The text prints 1759户 and 7.5％: neither 759户, 175户 nor 5% is printed.
    for path in ("facts[3].value", "facts[4].value", "facts[5].value"):
        assert items[path]["status"] == "not_found"
        assert items[path]["lines"] == []


def test_a_figure_printed_twice_is_ambiguous_and_both_lines_are_listed(traced: Any) -> None:
    _, items, _ = traced
    # 20个 is printed in 第一章第一节 and in 第二章一（一）: each figure with a section finds its
    # own, the count with no section gets both.
    assert items["baseline.poor_villages"]["lines"] == [6]
    assert items["budget.items[0].projects"]["lines"] == [11]
    item = items["counts[0].value"]
    assert (item["status"], item["lines"], item["severity"]) == ("ambiguous", [6, 11], "info")


def test_a_figure_found_only_in_another_section_is_a_warning(traced: Any) -> None:
    _, items, _ = traced
    item = items["facts[0].value"]  # 2.4亿元 is printed in 第一章第二节, not 第一节
    assert (item["status"], item["outside_section"], item["severity"]) == ("found", True, "warning")
    assert item["lines"] == [8]
    assert item["section_lines"] == [[5, 6]]


def test_full_width_digits_percent_and_spaces_before_the_unit_match(traced: Any) -> None:
    _, items, _ = traced
    assert items["targets[0].value"]["lines"] == [3]  # １２００人, in the preamble (序言)
    assert items["targets[0].value"]["outside_section"] is False
    assert items["facts[2].value"]["lines"] == [6]  # 7.5％
    assert items["budget.items[2].length"]["lines"] == [15]  # 120.5 公里
    assert items["budget.items[2].amount"]["lines"] == [15]  # 6000 万元, with a thin space


def test_a_figure_whose_unit_is_printed_further_on_is_found(traced: Any) -> None:
    _, items, _ = traced
    item = items["facts[1].value"]  # 1.2万人 in 第一章第二节, printed 1.2万农村贫困人口
    assert (item["status"], item["lines"], item["form"]) == ("found", [8], "unit_apart")


def test_chinese_numerals_and_nested_section_references(traced: Any) -> None:
    _, items, _ = traced
    item = items["budget.items[1].items[0].projects"]
    assert (item["status"], item["lines"], item["outside_section"]) == ("found", [13], False)
    assert items["budget.items[0].amount"]["outside_section"] is False  # 第二章一（一）


def test_dates_and_the_document_number_are_traced(traced: Any) -> None:
    _, items, _ = traced
    assert items["plan.issued"]["lines"] == [16]
    assert items["plan.document"]["lines"] == [1]
    assert items["plan.dates[0].date"]["lines"] == [6]  # 截至2015年底


def test_coverage_counts_the_documents_figures_and_lists_the_missing(traced: Any) -> None:
    _, _, data = traced
    coverage = data["coverage"]
    missing = {(figure["line"], figure["text"]) for figure in coverage["missing"]}
    # Not in the plan: 1759户, 4000万元 (the plan says 4100万元), 3000人. The years, 〔2017〕9号,
    # the bookmark's digits and the list number 1． are not figures at all.
    assert missing == {(6, "1759户"), (12, "4000万元"), (15, "3000人")}
    assert coverage["figures"] == 14
    assert coverage["encoded"] == 11
    assert coverage["percent"] == "78.6"


def test_text_output_reports_each_result_and_the_coverage(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "--format", "text", "--missing"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"{plan}:8:28  baseline.poor_population  1.2万人  ok: found at line 6" in lines
    not_found = [line for line in lines if "budget.items[1].amount" in line]
    assert len(not_found) == 1
    assert "4100万元  error: NOT FOUND" in not_found[0]
    assert f"{source}:15:29  3000人  not in the plan" in lines
    assert "coverage: 11 of 14 figures printed in the source are in the plan (78.6%)" in lines


def test_problems_only_leaves_out_clean_results(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "-f", "text", "--problems"])
    assert "baseline.poor_population" not in result.output
    assert "facts[0].value" in result.output
    assert "facts[3].value" in result.output


def test_a_plan_whose_figures_are_all_found_exits_zero(tmp_path: Path) -> None:
    plan_text = PLAN.replace("4100万元", "4000万元").replace("value: 759户", "value: 1759户")
    plan_text = plan_text.replace("value: 175户", "value: 1759户").replace(
        "value: 5%", "value: 7.5%"
    )
    assert plan_text != PLAN
    plan, source = write(tmp_path, plan_text)
    code, data = trace_json(plan, "--source", source)
    assert code == 0
    assert data["summary"]["not_found"] == 0


def test_the_plan_names_its_source_beside_the_plan_file(tmp_path: Path) -> None:
    plan, _ = write(tmp_path)
    code, data = trace_json(plan)  # plan.source.file: source.txt, beside the plan
    assert data["source"] == str(tmp_path / "source.txt")
    assert code == 1


@pytest.mark.parametrize(
    ("plan_text", "args", "says"),
    [
        (PLAN, ["--source", "nowhere.txt"], "no such file: nowhere.txt"),
        (PLAN.replace("file: source.txt", "file: gone.txt"), [], "gone.txt"),
        (PLAN.replace("  source: {file: source.txt}\n", ""), [], "names no source document"),
    ],
)
def test_a_missing_source_is_a_usage_error(
    tmp_path: Path, plan_text: str, args: list[str], says: str
) -> None:
    plan, _ = write(tmp_path, plan_text)
    result = runner.invoke(app, ["trace", plan, *args])
    assert result.exit_code == 2
    assert says in result.output
    assert "Traceback" not in result.output


def test_a_part_that_does_not_validate_is_left_out_and_the_rest_traced(tmp_path: Path) -> None:
    broken = PLAN.replace(
        "  - {name: 扶贫资金, value: 2.4亿元",
        "  - {name: 坏, value: 12万美元}\n  - {name: 扶贫资金, value: 2.4亿元",
    )
    plan, source = write(tmp_path, broken)
    _, data = trace_json(plan, "--source", source)
    assert [entry["path"] for entry in data["skipped"]] == ["facts[0]"]
    assert "unknown unit" in data["skipped"][0]["messages"][0]
    items = items_by_path(data)
    # Paths and locations stay those of the file: 2.4亿元 is now facts[1], on line 14.
    assert items["facts[1].value"]["text"] == "2.4亿元"
    assert items["facts[1].value"]["line"] == 14


def test_output_file_and_table_format(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    out = tmp_path / "trace.txt"
    result = runner.invoke(app, ["trace", plan, "-s", source, "-f", "table", "-o", str(out)])
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "NOT FOUND" in text
    assert "coverage: 11 of 14" in text


def test_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "--format", "xml"])
    assert result.exit_code == 2
    assert "unknown format" in result.output


def test_sections_are_matched_however_they_are_written(tmp_path: Path) -> None:
    source = textwrap.dedent("""\
        前言文字，共8个乡镇。
        一、总体要求
        (一)目标任务
        全年脱贫5000人。
        二、主要措施
        （一）产业
        新建基地3个。
        """)
    plan = textwrap.dedent("""\
        plan: {title: 示例}
        facts:
          - {name: 乡镇, value: 8个, source: 序言}
          - {name: 脱贫, value: 5000人, source: 一（一）}
          - {name: 基地, value: 3个, source: 二 （一）}
          - {name: 基地, value: 3个, source: 一（一）}
        """)
    plan_file, source_file = write(tmp_path, plan, source)
    _, data = trace_json(plan_file, "-s", source_file)
    outside = [item["outside_section"] for item in data["items"]]
    assert outside == [False, False, False, True]


def test_a_plan_that_cannot_be_read_at_all_fails_with_its_reason(tmp_path: Path) -> None:
    plan, source = write(tmp_path, "- 641.8亿元\n- 2.4亿元\n")
    result = runner.invoke(app, ["trace", plan, "-s", source])
    assert result.exit_code == 1
    assert "a plan is a mapping that starts with `plan:`" in result.output
    assert "Traceback" not in result.output


def test_github_annotates_each_problem_at_the_figure_in_the_plan(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "--format", "github"])
    assert result.exit_code == 1
    annotations = [line for line in result.output.splitlines() if line.startswith("::")]
    assert len(annotations) == 5  # four not found, one only outside its section
    assert annotations[0].startswith(
        f"::error file={plan},line=23,col=15,title=PT001 figure not found in the source::"
        "budget.items[1].amount: 4100万元 NOT FOUND"
    )
    outside = [line for line in annotations if "facts[0].value" in line]
    assert outside[0].startswith(f"::warning file={plan},line=13,col=25,title=PT002 ")
    assert "baseline.poor_population" not in result.output  # found: no annotation


def test_sarif_results_are_the_problems_located_in_plan_and_source(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "--format", "sarif"])
    assert result.exit_code == 1
    run = json.loads(result.output)["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    found = {
        (
            r["ruleId"],
            r["level"],
            r["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
        )
        for r in run["results"]
    }
    assert found == {
        ("PT001", "error", "budget.items[1].amount", 23, 15),
        ("PT001", "error", "facts[3].value", 16, 26),
        ("PT001", "error", "facts[4].value", 17, 26),
        ("PT001", "error", "facts[5].value", 18, 26),
        ("PT002", "warning", "facts[0].value", 13, 25),
    }
    for r in run["results"]:
        assert rules[r["ruleIndex"]] == r["ruleId"]
    outside = next(r for r in run["results"] if r["ruleId"] == "PT002")
    printed = outside["relatedLocations"][0]["physicalLocation"]
    assert printed["artifactLocation"]["uri"] == Path(source).as_uri()
    assert printed["region"] == {"startLine": 8, "startColumn": 14, "endColumn": 19}  # 2.4亿元


def test_junit_has_a_case_per_figure_failing_for_each_problem(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET

    plan, source = write(tmp_path)
    result = runner.invoke(app, ["trace", plan, "-s", source, "--format", "junit"])
    assert result.exit_code == 1
    suite = ET.fromstring(result.output).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert (suite.get("tests"), suite.get("failures")) == (str(len(cases)), "5")
    failing = {
        case.get("name"): failure.get("type")
        for case in cases
        if (failure := case.find("failure")) is not None
    }
    assert failing["budget.items[1].amount 4100万元"] == "PT001"
    assert failing["facts[0].value 2.4亿元"] == "PT002"
    assert "baseline.poor_population 1.2万人" not in failing
    assert any(case.get("name") == "baseline.poor_population 1.2万人" for case in cases)


def test_json_is_the_common_envelope(tmp_path: Path) -> None:
    plan, source = write(tmp_path)
    _, data = trace_json(plan, "--source", source)
    assert (data["version"], data["tool"]["name"], data["command"]) == (1, "planctl", "trace")
    assert data["failed"] is True
