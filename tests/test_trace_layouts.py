"""`planctl trace` on a document laid out as downloaded plans are: an address line with a URL, a
hash, an e-mail address and a file name; every heading style; tables flattened to one cell a
line and to one row a line, their units in the column headers. Words and figures are made up."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

ADDRESS_LINE = 2
SOURCE = """\
云溪县巩固帮扶成果三年行动方案
来源：https://www.example.gov.cn/zwgk/2019/art_d26c4411.html  校验：9f3d26c1a7e4b0 \
邮箱：fp26@example.cn  原文：fangan26.docx
为巩固帮扶成果，制定本方案。
第一部分 总体要求
一、现状
全县现有帮扶对象3,260户，比上年少26%。
（一）总体目标
到2021年，帮扶对象人均收入增长12%，新建产业基地8个。
1.产业项目
安排资金1600万元。
2、就业项目
（1）技能培训
培训2400人次。
第二部分 重点任务
第一章 基础设施
第一节 道路
新修道路36.5公里。
第一条 统筹资金不少于900万元。
表1 各乡镇项目安排
乡镇
投资规模（亿元）
受益人数(人)
东坡镇
1.2
3,400
西岭乡
0.85
2100

附件1
项目资金汇总表（单位：万元）
来源\t资金\t人数（人）
县级\t450\t260
"""

PLAN = """\
plan:
  title: 云溪县巩固帮扶成果三年行动方案
  source: {file: source.txt}
baseline:
  poor_households: {value: 3260户, source: 一、现状}
facts:
  - {name: 减少, value: 26%, source: 一、}
  - {name: 收入增长, value: 12%, source: （一）总体目标}
  - {name: 产业基地, value: 8个, source: 第一部分一（一）}
  - {name: 产业项目, value: 1600万元, source: 1.产业项目}
  - {name: 培训, value: 2400人次, source: （1）技能培训}
  - {name: 道路, value: 36.5公里, source: 第二部分第一章第一节}
  - {name: 统筹资金, value: 不少于900万元, source: 第一条}
  - {name: 东坡镇投资, value: 1.2亿元, source: 表1}
  - {name: 东坡镇受益, value: 3400人, source: 表1}
  - {name: 西岭乡投资, value: 0.85亿元, source: 表1}
  - {name: 西岭乡受益, value: 2100人, source: 表1}
  - {name: 县级资金, value: 450万元, source: 附件1}
  - {name: 县级人数, value: 260人, source: 附件}
  - {name: 人数, value: 26人}
"""


def trace(tmp_path: Path, plan: str = PLAN, source: str = SOURCE) -> tuple[int, dict[str, Any]]:
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    (tmp_path / "source.txt").write_text(source, encoding="utf-8")
    result = runner.invoke(app, ["trace", str(tmp_path / "plan.yaml"), "--format", "json"])
    assert result.exit_code in {0, 1}, result.output
    data: dict[str, Any] = json.loads(result.output)
    return result.exit_code, data


@pytest.fixture
def traced(tmp_path: Path) -> tuple[int, dict[str, dict[str, Any]], dict[str, Any]]:
    code, data = trace(tmp_path)
    return code, {item["path"]: item for item in data["items"]}, data


def test_every_heading_style_is_a_section_each_reference_finds(traced: Any) -> None:
    _, items, data = traced
    assert data["unknown_sections"] == []
    for path, item in items.items():
        if item["section"] is not None:
            assert item["section_lines"], path
            assert item["outside_section"] is False, path


@pytest.mark.parametrize(
    ("path", "line"),
    [
        ("baseline.poor_households", 6),  # printed 3,260户
        ("facts[0].value", 6),  # 26%, not in the URL, the hash, the address or the file name
        ("facts[1].value", 8),  # （一）总体目标
        ("facts[2].value", 8),
        ("facts[3].value", 10),  # 1.产业项目
        ("facts[4].value", 13),  # （1）技能培训
        ("facts[5].value", 17),  # 第二部分第一章第一节
        ("facts[6].value", 18),  # 第一条
    ],
)
def test_figures_are_found_in_the_section_their_reference_names(
    traced: Any, path: str, line: int
) -> None:
    _, items, _ = traced
    item = items[path]
    assert (item["status"], item["lines"], item["severity"]) == ("found", [line], "ok")
    assert item["occurrences"][0]["in_section"] is True


def test_nothing_is_matched_on_the_address_line(traced: Any) -> None:
    _, items, data = traced
    lines = {occurrence["line"] for item in items.values() for occurrence in item["occurrences"]}
    assert ADDRESS_LINE not in lines
    # `26人` is not printed: of the 26s of the URL, the hash, the e-mail address, the file name
    # and the prose, only the bare number of 26% is found (another unit: a warning).
    item = items["facts[13].value"]
    assert (item["lines"], item["form"], item["severity"]) == ([6], "number", "warning")
    missing_lines = {figure["line"] for figure in data["coverage"]["missing"]}
    assert ADDRESS_LINE not in missing_lines


@pytest.mark.parametrize(
    ("path", "line", "printed"),
    [
        ("facts[7].value", 24, "1.2"),  # 投资规模（亿元）, one cell a line
        ("facts[8].value", 25, "3,400"),  # 受益人数(人), grouped thousands
        ("facts[9].value", 27, "0.85"),
        ("facts[10].value", 28, "2100"),
        ("facts[11].value", 33, "450"),  # 单位：万元 in the title, one row a line
        ("facts[12].value", 33, "260"),  # 人数（人）
    ],
)
def test_a_unit_in_the_column_header_applies_to_the_cells_below(
    traced: Any, path: str, line: int, printed: str
) -> None:
    _, items, _ = traced
    item = items[path]
    assert (item["status"], item["lines"], item["form"]) == ("found", [line], "header_unit")
    assert item["severity"] == "ok"
    assert item["number_only"] is False
    assert item["occurrences"][0]["text"] == printed


def test_a_cell_under_another_unit_is_only_the_bare_number(tmp_path: Path) -> None:
    # 2100 is in the column of 受益人数(人): as 2100万元 it is only the bare number.
    plan = PLAN.replace("value: 2100人, source: 表1", "value: 2100万元, source: 表1")
    _, data = trace(tmp_path, plan=plan)
    item = next(item for item in data["items"] if item["path"] == "facts[10].value")
    assert (item["form"], item["number_only"], item["severity"]) == ("number", True, "warning")


def test_the_table_cells_are_figures_of_the_document(traced: Any) -> None:
    _, _, data = traced
    coverage = data["coverage"]
    assert coverage["missing"] == []
    # 6 in the prose (3,260户 26% 12% 8个 1600万元 2400人次), 36.5公里, 900万元, six cells; not
    # the years, the numbering, nor anything on the address line.
    assert (coverage["figures"], coverage["encoded"]) == (14, 14)


def test_a_year_counts_as_a_figure_only_where_the_plan_encodes_one(tmp_path: Path) -> None:
    _, data = trace(tmp_path)
    assert data["coverage"]["figures"] == 14
    plan = PLAN + "  - {name: 目标年, value: 2021年, source: （一）}\n"
    _, data = trace(tmp_path, plan=plan)
    assert (data["coverage"]["figures"], data["coverage"]["encoded"]) == (15, 15)


def test_grouped_digits_are_one_number(tmp_path: Path) -> None:
    # 260户 is not printed: the 260 of 3,260户 is part of a longer number, so only the bare 260
    # of the table is found.
    plan = PLAN.replace("3260户", "260户")
    _, data = trace(tmp_path, plan=plan)
    item = next(item for item in data["items"] if item["path"] == "baseline.poor_households")
    assert (item["lines"], item["form"], item["severity"]) == ([33], "number", "warning")
    assert [figure["text"] for figure in data["coverage"]["missing"]] == ["3,260户"]


WORDS_SOURCE = """\
前言
本方案所称帮扶对象共5个村。
一、工作基础
近三年累计投入资金700万元。
二、工作目标
村集体收入全部超过5万元。
产业项目一览表
项目
资金（万元）
养殖场
180
附件
另列项目资金90万元。
"""

WORDS_PLAN = """\
plan:
  title: 示例方案
  source: {file: source.txt}
facts:
  - {name: 村, value: 5个, source: 前言}
  - {name: 投入, value: 700万元, source: 工作基础}
  - {name: 收入, value: 5万元, source: 二、工作目标}
  - {name: 养殖场, value: 180万元, source: 产业项目一览表}
  - {name: 另列, value: 90万元, source: 附件}
  - {name: 错字, value: 700万元, source: 工作基楚}
"""


def test_a_reference_may_name_a_heading_by_its_words(tmp_path: Path) -> None:
    _, data = trace(tmp_path, plan=WORDS_PLAN, source=WORDS_SOURCE)
    items = {item["path"]: item for item in data["items"]}
    expected = {0: [2], 1: [4], 2: [6], 3: [11], 4: [13]}
    for index, lines in expected.items():
        item = items[f"facts[{index}].value"]
        assert (item["lines"], item["outside_section"]) == (lines, False), index
        assert item["occurrences"][0]["in_section"] is True
    assert items["facts[3].value"]["form"] == "header_unit"
    # Words that begin no heading name no section: said, and looked for everywhere.
    assert data["unknown_sections"] == ["工作基楚"]
    assert items["facts[5].value"]["section_lines"] == []


PARTS_SOURCE = """\
第一章 概况
全县有帮扶村12个。
第二章 任务
新建厂房4座。
附件1
养殖项目6个。
附件2
种植项目9个。
"""


@pytest.mark.parametrize(
    ("reference", "lines"),
    [
        ("第二部分", [[3, 4]]),  # no parts in this document: its chapters
        ("附件2", [[7, 8]]),
        ("附件", [[5, 6], [7, 8]]),  # every annex
        ("第二章 任务", [[3, 4]]),
    ],
)
def test_parts_and_annexes_are_found(tmp_path: Path, reference: str, lines: list[Any]) -> None:
    plan = (
        "plan:\n  title: 示例方案\n  source: {file: source.txt}\n"
        f"facts:\n  - {{name: 厂房, value: 4座, source: {reference}}}\n"
    )
    _, data = trace(tmp_path, plan=plan, source=PARTS_SOURCE)
    assert data["items"][0]["section_lines"] == lines
