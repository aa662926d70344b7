"""`planctl trace` in Chinese: every word a person reads is Chinese apart from codes, paths,
file names and the plan's own text; JSON keys, statuses and severities do not change; English
stays English; the table stays aligned with double-width characters."""

from __future__ import annotations

import io
import json
import os
import re
from functools import cache
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from planctl import i18n
from planctl.cli import app
from planctl.render import RenderOptions, render
from planctl.trace.run import trace_plan
from tests.table_layout import assert_aligned, tables_in

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"  # the source documents, kept beside the repository
PLAN = "plans/luoyang.yaml"
runner = CliRunner()
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
ALLOWED = {"planctl", "validate", "source", "json", "yaml", "txt"}

pytestmark = pytest.mark.skipif(
    not list(SEEDS.glob("002_*.txt")), reason="the source documents are not on this machine"
)


@pytest.fixture(autouse=True)
def _back_where_we_were(monkeypatch: pytest.MonkeyPatch) -> None:
    """The tests change directory: the next test starts where this one did."""
    monkeypatch.chdir(ROOT)


def seed() -> str:
    return str(next(SEEDS.glob("002_*.txt")))


def run(*args: str) -> tuple[int, str]:
    os.chdir(ROOT)
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


@cache
def plan_words() -> set[str]:
    """The plan's own words (its paths, the plan-format keys in them, its texts) and the source
    file's name: what may stay as it is on a Chinese screen."""
    _code, output = run("trace", PLAN, "--source", seed(), "--format", "json", "--lang", "en")
    data = json.loads(output)
    own = {data["source"], data["plan"]}
    for item in data["items"]:
        own.update({item["path"], item["text"], item["section"] or ""})
    words = {word for piece in own for word in ENGLISH_WORD.findall(piece)}
    return words | ALLOWED


def english_words(text: str) -> set[str]:
    """English words of `text` that are neither codes nor the plan's own (a table folds a long
    path, so a piece of a word counts as the word)."""
    text = re.sub(r"\b[A-Z]{2}\d{2,3}\b", " ", text)
    known = plan_words()
    return {w for w in ENGLISH_WORD.findall(text) if not any(w in word for word in known)}


@pytest.mark.parametrize("fmt", ["table", "text"])
def test_trace_speaks_chinese(fmt: str) -> None:
    code, output = run("trace", PLAN, "--source", seed(), "--format", fmt, "--lang", "zh")
    assert code == 0
    assert english_words(output) == set()
    output = output.replace("\n", "")  # a console folds the summary at its width
    assert re.search(r"追溯了 \d+ 项：找到 \d+ 项，有歧义 \d+ 项，未找到 0 项", output)
    assert re.search(r"覆盖率：原文所列 \d+ 个数字中有 \d+ 个在规划中（\d+\.\d%）", output)
    assert "在第 4 行找到" in output  # the document number, printed on line 4


def test_trace_json_keys_stay_and_messages_are_chinese() -> None:
    args = ("trace", PLAN, "--source", seed(), "--format", "json")
    _code, english = run(*args, "--lang", "en")
    code, chinese = run(*args, "--lang", "zh")
    assert code == 0

    def shape(node: object) -> object:
        if isinstance(node, dict):
            return {key: shape(value) for key, value in node.items()}
        if isinstance(node, list):
            return [shape(item) for item in node]
        return None

    en, zh = json.loads(english), json.loads(chinese)
    assert shape(en) == shape(zh)
    assert [i["status"] for i in zh["items"]] == [i["status"] for i in en["items"]]
    assert {i["severity"] for i in zh["items"]} <= {"error", "warning", "info", "ok"}
    assert zh["summary"] == en["summary"]
    messages = " ".join(item["message"] for item in zh["items"])
    assert english_words(messages) == set()
    assert en["items"][0]["message"].startswith("found at line")
    assert zh["items"][0]["message"].startswith("在第")


def test_trace_english_is_unchanged_by_the_language_machinery() -> None:
    args = ("trace", PLAN, "--source", seed(), "--format", "text")
    _code, plain = run(*args)
    _code, english = run(*args, "--lang", "en")
    assert english == plain
    assert {"found", "ambiguous", "coverage"} <= english_words(english)
    assert re.search(r"^\d+ items traced in .+: \d+ found, \d+ ambiguous", english, re.MULTILINE)


def test_trace_ci_formats_carry_chinese_messages() -> None:
    plan = ROOT / "plans" / "luoyang.yaml"
    text = plan.read_text(encoding="utf-8").replace("洛政办〔2017〕67号", "洛政办〔2017〕76号", 1)
    code, output = trace_output(text, "sarif")
    assert code == 1
    log = json.loads(output)
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "PT001"]
    assert result["message"]["text"].startswith("plan.document: 洛政办〔2017〕76号 未找到")
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[0]["name"] == "FigureNotFoundInTheSource"  # an identifier: stays English
    assert rules[0]["shortDescription"]["text"] == "原文中找不到该数字"


def trace_output(text: str, fmt: str) -> tuple[int, str]:
    """Trace a changed copy of the plan (inside the project, beside the bundled plans)."""
    copy = ROOT / "plans" / ".i18n-trace-copy.yaml"
    copy.write_text(text, encoding="utf-8")
    try:
        return run("trace", str(copy), "--source", seed(), "--format", fmt, "--lang", "zh")
    finally:
        copy.unlink()


def test_a_source_that_is_not_there_is_said_in_chinese() -> None:
    code, output = run("trace", PLAN, "--source", "missing.txt", "--lang", "zh")
    assert code == 2
    assert "无法读取原文：没有这个文件：missing.txt" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("width", [80, 120])
def test_the_chinese_trace_table_stays_aligned(width: int) -> None:
    os.chdir(ROOT)
    i18n.use("zh")
    out = io.StringIO()
    render(
        "trace", "table", trace_plan(PLAN, seed(), missing=True), RenderOptions(width=width), out
    )
    lines = out.getvalue().splitlines()
    assert any("路径" in line and "结果" in line for line in lines)
    assert all(cell_len(line) <= width for line in lines)
    tables = tables_in(lines)
    assert len(tables) == 2  # the items, the figures the plan misses
    for drawn in tables:
        assert_aligned(drawn)


def test_a_part_left_out_is_said_in_chinese_with_its_reason() -> None:
    plan = ROOT / "plans" / "luoyang.yaml"
    text = plan.read_text(encoding="utf-8")
    assert text.count("amount: 346.857亿元") == 1
    code, output = trace_output(text.replace("amount: 346.857亿元", "amount: -346.857亿元"), "text")
    assert code == 0
    (line,) = [line for line in output.splitlines() if "已略去（" in line]
    assert re.fullmatch(r"\S+\.yaml:\d+:\d+  budget\.items\[0\]  警告：已略去（.+）", line)
    assert "-346.857亿元：金额不能为负" in line
    assert "规划中有 1 处已略去：未通过格式校验" in output


@pytest.mark.parametrize(
    ("named", "code", "chinese"),
    [
        (", file: nowhere.txt", 2, "所指的原文 nowhere.txt 不在"),
        (", file: /etc/hostname", 2, "拒绝使用 plan.source.file：/etc/hostname 是绝对路径"),
        ("", 2, "未指明原文（plan.source.file）；请用 --source 文件 指定"),
    ],
)
def test_a_source_the_plan_names_wrongly_is_said_in_chinese(
    tmp_path: Path, named: str, code: int, chinese: str
) -> None:
    text = (ROOT / "plans" / "luoyang.yaml").read_text(encoding="utf-8")
    source = ", file: 002_11ae40bad7665c8f.txt"
    assert text.count(source) == 1
    (tmp_path / "planctl.toml").write_text("", encoding="utf-8")  # the plan's project
    (tmp_path / "plan.yaml").write_text(text.replace(source, named), encoding="utf-8")
    os.chdir(tmp_path)
    result = runner.invoke(app, ["trace", "plan.yaml", "--lang", "zh"])
    assert result.exit_code == code
    assert chinese in " ".join(result.output.split()).replace("│ ", "").replace(" │", "")
    assert "Traceback" not in result.output
