"""The plan format's own messages in Chinese: a file that cannot be read (PC001), YAML that reads
two ways (PC002) and a plan not in the format (PC003, with its did-you-mean) are said in Chinese
with `--lang zh`, at the same locations and with the same codes; English stays English."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl import i18n
from planctl.cli import app
from planctl.engine import check_file

ROOT = Path(__file__).resolve().parent.parent
runner = CliRunner()
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
PLAN = """\
plan:
  title: 测试规划
  region: {name: 测试县, level: county, province: 河南省}
  period: [2016, 2020]
"""
DUPLICATE = PLAN + "  title: 又一个\n"
UNKNOWN_KEY = PLAN.replace("  title: 测试规划", "  titel: 测试规划")


@pytest.fixture(autouse=True)
def _back_where_we_were(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests change directory: the next test starts where this one did."""
    monkeypatch.chdir(ROOT)


def validate(tmp_path: Path, text: str | bytes, lang: str) -> tuple[int, dict[str, object]]:
    plan = tmp_path / "plan.yaml"
    if isinstance(text, bytes):
        plan.write_bytes(text)
    else:
        plan.write_text(text, encoding="utf-8")
    os.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "plan.yaml", "-f", "json", "--lang", lang])
    (finding,) = [
        f for f in json.loads(result.output)["files"][0]["findings"] if f["code"] < "PC100"
    ]
    return result.exit_code, finding


def words(text: str) -> set[str]:
    """English words outside quotes: the plan's own keys and text are quoted or coded."""
    text = re.sub(r"“[^”]*”|'[^']*'|`[^`]*`|\S+\.yaml\S*", " ", text)
    return set(ENGLISH_WORD.findall(text)) - {"YAML", "UTF", "planctl"}


@pytest.mark.parametrize(
    ("text", "code", "english", "chinese"),
    [
        (
            DUPLICATE,
            "PC002",
            "duplicate key 'title': first at line 2, again at line 5; YAML would silently keep "
            "only the last one",
            "重复的键“title”：第 2 行首次出现，第 5 行再次出现；YAML 会悄悄只保留最后一个",
        ),
        (
            UNKNOWN_KEY,
            "PC003",
            "unknown key 'titel'; did you mean 'title'?",
            "未知的键“titel”；是不是要写“title”？",
        ),
        (
            PLAN.encode("gb18030"),
            "PC001",
            "the file is not UTF-8; it looks like GB18030/GBK",
            "该文件不是 UTF-8 编码；看起来是中文 Windows 工具保存的 GB18030/GBK 编码",
        ),
        (
            PLAN.replace("  period", "\tperiod"),
            "PC001",
            "(a tab: YAML indentation must use spaces)",
            "（制表符：YAML 缩进必须用空格）",
        ),
    ],
)
def test_the_format_s_own_findings_speak_chinese(
    tmp_path: Path, text: str | bytes, code: str, english: str, chinese: str
) -> None:
    en_exit, en = validate(tmp_path, text, "en")
    zh_exit, zh = validate(tmp_path, text, "zh")
    assert en_exit == zh_exit == 1
    assert en["code"] == zh["code"] == code
    assert (en["line"], en["column"], en["path"]) == (zh["line"], zh["column"], zh["path"])
    assert english in str(en["message"])
    assert chinese in str(zh["message"])
    if code != "PC001":  # a YAML syntax error carries the YAML reader's own description
        assert words(str(zh["message"])) == set()


def test_locations_of_the_chinese_findings(tmp_path: Path) -> None:
    _code, duplicate = validate(tmp_path, DUPLICATE, "zh")
    assert (duplicate["line"], duplicate["column"], duplicate["path"]) == (5, 3, "plan.title")
    _code, unknown = validate(tmp_path, UNKNOWN_KEY, "zh")
    assert (unknown["line"], unknown["column"], unknown["path"]) == (2, 3, "plan.titel")


def test_the_text_format_shows_the_chinese_finding_at_its_place(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(UNKNOWN_KEY, encoding="utf-8")
    os.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "plan.yaml", "-f", "text", "--lang", "zh"])
    assert result.exit_code == 1
    assert "plan.yaml:2:3  plan.titel  PC003 错误：未知的键“titel”；是不是要写“title”？" in (
        result.output
    )


@pytest.mark.parametrize(
    ("text", "chinese"),
    [
        ("plan:\n  period: [2016, 二〇二〇]\n", "此处应为整数，而不是'二〇二〇'"),
        ("- a\n- b\n", "该文件是列表；规划是以 `plan:` 开头的映射"),
        ("plan:\n  region: {province: 河南}\n", "“河南”不是中国的省级行政区；是不是要写“河南省”？"),
        ("plan:\n  issued: 2017-02-30\n", "“2017-02-30”不是有效的日期"),
        ("budget:\n  total: -5万元\n", "-5万元：金额不能为负"),
        ("plan:\n  title: &a 标题\n  note: *a\n", "规划文件不支持锚点和别名"),
        (
            "baseline:\n  poor_population: {value: 5, unit: 人口}\n",
            "未知单位 '人口'；是不是要写“人”？",
        ),
        (
            "targets:\n  - {measure: village}\n",
            "“village”不是 planctl 计数的指标；是不是要写“villages”？",
        ),
    ],
)
def test_schema_and_yaml_messages_in_chinese(tmp_path: Path, text: str, chinese: str) -> None:
    (tmp_path / "plan.yaml").write_text(text, encoding="utf-8")
    i18n.use("zh")
    result = check_file(str(tmp_path / "plan.yaml"))
    messages = [finding.message for finding in result.findings]
    assert any(chinese in message for message in messages), messages


@pytest.mark.parametrize(
    ("figure", "chinese"),
    [
        ("12万美元", "未知单位“万美元”"),
        ("1,234人", "不接受千位分隔符；请写作 1234人"),
        ("1e4人", "不接受科学记数法"),
        ("人", "不以数字开头"),
        ("三十几人", "未知单位“几人”"),
        ("1" * 30 + "人", "有效数字超过 24 位"),
    ],
)
def test_a_figure_that_cannot_be_read_is_said_in_chinese(
    tmp_path: Path, figure: str, chinese: str
) -> None:
    (tmp_path / "plan.yaml").write_text(
        f"plan: {{title: 规划}}\nbaseline:\n  poor_population: {figure}\n", encoding="utf-8"
    )
    i18n.use("zh")
    result = check_file(str(tmp_path / "plan.yaml"))
    (message,) = [f.message for f in result.findings if f.code == "PC003"]
    assert chinese in message
    assert figure[:6] in message
    assert not words(message) - {"poor_population", "baseline"}, message


def test_a_plan_trace_cannot_read_is_said_in_chinese(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(DUPLICATE.replace("plan:", "plan: [", 1), "utf-8")
    os.chdir(tmp_path)
    result = runner.invoke(app, ["trace", "plan.yaml", "-s", "plan.yaml", "--lang", "zh"])
    assert result.exit_code == 1
    assert "plan.yaml:3:9: 不是有效的 YAML：" in result.output
    assert "Traceback" not in result.output


def test_english_findings_are_unchanged(tmp_path: Path) -> None:
    _code, finding = validate(tmp_path, b"\x00\x01binary", "en")
    assert finding["message"] == "the file is binary, not a YAML plan"
    _code, chinese = validate(tmp_path, b"\x00\x01binary", "zh")
    assert chinese["message"] == "该文件是二进制文件，不是 YAML 规划"
