"""The interface in Chinese: `--lang`, the settings file's `lang` and the locale choose it; the
words a person reads are Chinese, codes, paths and JSON keys stay as they are, English stays
English, and tables stay aligned with double-width characters."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len
from typer.testing import CliRunner

from planctl import i18n
from planctl.cli import app
from planctl.engine import check_file
from planctl.exits.run import exit_check
from planctl.render import RenderOptions, render
from planctl.results import CheckResult
from planctl.rules import RULES
from tests.table_layout import BOX, assert_aligned, tables_in

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(path.name for path in (ROOT / "plans").glob("*.yaml"))
runner = CliRunner()
# ASCII words a Chinese screen may still show: codes, formats, units, file and program names.
ALLOWED = {"planctl", "validate", "yaml", "json", "html", "csv", "xlsx"}
ENGLISH_WORD = re.compile(r"[A-Za-z]{3,}")
THEIRS = ("message", "path", "file", "title", "note", "accepted")  # JSON keys of their words


def run(*args: str) -> tuple[int, str]:
    os.chdir(ROOT)
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def rules_wording(command: str, *paths: str) -> list[str]:
    """What the rules themselves word (their catalog, `planctl-rules`) in `command`'s JSON, and
    the plan's own paths and names: taken out before looking for English words."""
    code, output = run(command, *paths, "--format", "json", "--lang", "zh")
    assert code in (0, 1)
    found: list[str] = [rule.title for rule in RULES.values()]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key in THEIRS and isinstance(value, str):
                    found.append(value)
                walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(json.loads(output))
    return sorted({text for text in found if text}, key=len, reverse=True)


def english_words(text: str, own: list[str]) -> set[str]:
    """The English words of `text` that are not in `own` (the rules' wording, the plan's paths
    and names: tables fold them across lines, so they are compared word by word)."""
    theirs = {word for piece in own for word in ENGLISH_WORD.findall(piece)}
    text = re.sub(r"\b[A-Z]{2}\d{2,3}\b", " ", text)  # rule codes
    text = re.sub(r"\S+\.ya?ml\S*", " ", text)  # file names and file:line:col
    known = ALLOWED | theirs
    # a table folds a long word: its pieces are theirs too
    return {w for w in ENGLISH_WORD.findall(text) if not any(w in word for word in known)}


@pytest.mark.parametrize("fmt", ["table", "text"])
@pytest.mark.parametrize(
    ("command", "paths"),
    [
        ("validate", ("plans/",)),
        ("exit-check", ("plans/luoyang.yaml",)),
        ("exit-check", ("plans/zhengzhou.yaml",)),
    ],
)
def test_checking_commands_speak_chinese(command: str, paths: tuple[str, ...], fmt: str) -> None:
    code, output = run(command, *paths, "--format", fmt, "--lang", "zh")
    assert code in (0, 1)
    assert english_words(output, rules_wording(command, *paths)) == set()
    if command == "validate":
        assert re.search(r"检查了 5 个文件：\d+ 个错误，\d+ 个警告", output)
    else:
        assert "检查了 1 个规划" in output
        assert "通过" in output


@pytest.mark.parametrize("fmt", ["table", "text"])
def test_budget_speaks_chinese(fmt: str) -> None:
    code, output = run("budget", "plans/luoyang.yaml", "--format", fmt, "--lang", "zh")
    assert code == 0
    own = rules_wording("validate", "plans/luoyang.yaml")
    # budget item ids and the calculators' notes (their wording is the rules' catalog)
    own += re.findall(r"说明 (.+)$", output, re.MULTILINE)
    own += re.findall(r"预算分项 ([A-Za-z_]+)", output)
    assert english_words(output, own) == set()
    assert "资金预算" in output
    assert "分项合计" in output
    assert "差额" in output


@pytest.mark.parametrize("fmt", ["table", "text"])
@pytest.mark.parametrize("plan", PLANS)
def test_show_speaks_chinese(plan: str, fmt: str) -> None:
    """Region levels and a target of everyone are worded too (`县级`, `全部（669个）`); the JSON
    keeps the plan format's words (`county`, `all (669个)`) in every language."""
    code, output = run("show", f"plans/{plan}", "--format", fmt, "--lang", "zh")
    assert code == 0
    assert english_words(output, rules_wording("validate", f"plans/{plan}")) == set()
    _, data = run("show", f"plans/{plan}", "--format", "json", "--lang", "zh")
    _, english = run("show", f"plans/{plan}", "--format", "json", "--lang", "en")
    assert data == english


@pytest.mark.parametrize(
    "text",
    ["a: [1, 2\n", "a: 'x\n", "a:\n\t- b\n", "a: 1\n---\nb: 2\n", "a: *y\n", "a: \x07\n"],
)
def test_yaml_syntax_errors_are_described_in_chinese(text: str, tmp_path: Path) -> None:
    """libyaml's own description (`did not find expected ',' or ']' while parsing a flow
    sequence`) is translated too, not only planctl's prefix; the quoted tokens stay."""
    plan = tmp_path / "broken.yaml"
    plan.write_text(text, encoding="utf-8")
    code, output = run("validate", str(plan), "--format", "text", "--lang", "zh")
    assert code == 1
    assert "不是有效的 YAML" in output
    assert english_words(re.sub(r"'[^']*'|<[^>]*>", " ", output), []) == {"YAML"}


@pytest.mark.parametrize(
    "figure",
    [
        "total: 5人\n",
        "total: 5万元\n  items:\n    - {name: a, amount: 5万元, beneficiaries: 3亿元}\n",
    ],
)
def test_a_figure_of_the_wrong_family_is_worded_in_chinese(figure: str, tmp_path: Path) -> None:
    """The unit families a field accepts are named in Chinese too (金额, 计数), not `money`."""
    plan = tmp_path / "family.yaml"
    plan.write_text("plan:\n  title: 测试\nbudget:\n  " + figure, encoding="utf-8")
    code, output = run("validate", str(plan), "--format", "text", "--lang", "zh")
    assert code == 1
    message = output.split("PC003", 1)[1].splitlines()[0]
    assert "类单位" in message
    assert english_words(message, []) == set()


def test_rules_list_speaks_chinese() -> None:
    code, output = run("rules", "--format", "text", "--lang", "zh")
    assert code == 0
    assert english_words(output, [rule.title for rule in RULES.values()]) == set()
    assert "PC101  错误" in output


def test_rule_documentation_header_is_chinese() -> None:
    code, output = run("rules", "PC101", "--lang", "zh")
    assert code == 0
    assert output.startswith("PC101：")
    assert "（默认级别：错误）" in output.splitlines()[0]


def test_english_is_today_s_english() -> None:
    _, plain = run("validate", "plans/", "--format", "text")
    _, english = run("validate", "plans/", "--format", "text", "--lang", "en")
    assert english == plain
    assert english.rstrip().splitlines()[-1].startswith("5 files checked: ")


def test_json_keys_and_codes_do_not_change_with_the_language() -> None:
    _, english = run("validate", "plans/luoyang.yaml", "--format", "json", "--lang", "en")
    _, chinese = run("validate", "plans/luoyang.yaml", "--format", "json", "--lang", "zh")

    def shape(node: object) -> object:
        if isinstance(node, dict):
            return {key: shape(value) for key, value in node.items() if key != "title"}
        if isinstance(node, list):
            return [shape(item) for item in node]
        return None

    assert shape(json.loads(english)) == shape(json.loads(chinese))
    codes = [f["code"] for f in json.loads(chinese)["files"][0]["findings"]]
    assert codes == [f["code"] for f in json.loads(english)["files"][0]["findings"]]
    severities = {f["severity"] for f in json.loads(chinese)["files"][0]["findings"]}
    assert severities <= {"error", "warning", "info"}


@pytest.mark.parametrize(
    ("environment", "chinese"),
    [
        ({"LANG": "zh_CN.UTF-8"}, True),
        ({"LANG": "en_US.UTF-8"}, False),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, False),
        ({"LANG": "C", "LC_ALL": "zh_TW.UTF-8"}, True),
        ({}, False),
    ],
)
def test_the_locale_chooses_the_language(
    monkeypatch: pytest.MonkeyPatch, environment: dict[str, str], chinese: bool
) -> None:
    for name in i18n.ENVIRONMENT:
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    _, output = run("validate", "plans/beiguan.yaml", "--format", "text")
    assert ("检查了 1 个文件" in output) is chinese
    assert ("1 file checked" in output) is not chinese


def test_settings_file_lang_outranks_the_locale_and_lang_outranks_both(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((ROOT / "plans" / "beiguan.yaml").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "planctl.toml").write_text('lang = "zh"\n', encoding="utf-8")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.chdir(tmp_path)
    chinese = runner.invoke(app, ["validate", "plan.yaml", "-f", "text"]).output
    english = runner.invoke(app, ["validate", "plan.yaml", "-f", "text", "--lang", "en"]).output
    assert "检查了 1 个文件" in chinese
    assert "1 file checked" in english


@pytest.mark.parametrize("given", ["fr", "chinese", "xx_CN", ""])
def test_a_language_planctl_does_not_speak_is_a_usage_error(given: str) -> None:
    code, output = run("validate", "plans/beiguan.yaml", "--lang", given)
    assert code == 2
    assert "en, zh" in output
    assert "Traceback" not in output


def test_a_misspelt_lang_in_the_settings_file_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text((ROOT / "plans" / "beiguan.yaml").read_text(encoding="utf-8"), "utf-8")
    (tmp_path / "planctl.toml").write_text('lang = "zn"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "plan.yaml"])
    assert result.exit_code == 2
    assert "'lang'" in result.output
    assert "en, zh" in result.output


@pytest.mark.parametrize("given", ["zh", "ZH", "zh_CN.UTF-8", "zh-Hans", "en", "en_GB"])
def test_language_names_and_locale_names_are_accepted(given: str) -> None:
    assert i18n.check_language(given) == given[:2].lower()


def test_command_line_language_is_found_before_the_commands_are_built() -> None:
    for argv, expected in [
        (["validate", "--lang", "zh"], "zh"),
        (["validate", "--lang=zh", "plans/"], "zh"),
        (["--", "--lang", "zh"], "en"),
        (["validate", "--lang", "xx"], "en"),  # the command itself reports it
    ]:
        i18n.use_command_line(argv)
        assert i18n.language() == expected, argv


def lines_of(kind: str, plan: str, width: int) -> list[str]:
    os.chdir(ROOT)
    out = io.StringIO()
    result: object = (
        exit_check([f"plans/{plan}"])
        if kind == "exit-check"
        else CheckResult("validate", [check_file(f"plans/{plan}")])
    )
    render(kind, "table", result, RenderOptions(width=width), out)
    return out.getvalue().splitlines()


@pytest.mark.parametrize("width", [80, 120])
@pytest.mark.parametrize("kind", ["validate", "exit-check"])
@pytest.mark.parametrize("plan", PLANS)
def test_chinese_tables_stay_aligned(kind: str, plan: str, width: int) -> None:
    i18n.use("zh")
    lines = lines_of(kind, plan, width)
    if kind == "validate" and not any(line[:1] in BOX for line in lines):
        assert lines[0].startswith("✓")  # a plan without findings has no table
        return
    assert any("代码" in line or "年份" in line for line in lines)
    assert all(cell_len(line) <= width for line in lines)
    # Each table's lines (from its top border to its bottom one) are equally wide, and its
    # column borders stand at the same columns on every line.
    tables = tables_in(lines)
    assert tables
    for drawn in tables:
        assert_aligned(drawn, rows_only=True)


def test_the_report_page_is_chinese(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    code, _ = run("report", "plans/", "-o", str(out), "--lang", "zh")
    assert code in (0, 1)
    page = out.read_text(encoding="utf-8")
    assert '<html lang="zh">' in page
    assert "<title>规划检查报告</title>" in page
    headers = re.findall(r"<th>([^<]*)</th>", page)
    assert headers
    assert {word for h in headers for word in ENGLISH_WORD.findall(h)} <= {"PC101"} | set()


@pytest.mark.slow
def test_help_is_chinese_when_chinese_is_asked_for() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "planctl", "validate", "--help", "--lang", "zh"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "100"},
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0
    assert "检查规划文件" in result.stdout
    assert "规则代码或前缀" in result.stdout
    assert "选项" in result.stdout


@pytest.mark.slow
def test_a_worker_that_is_not_forked_speaks_its_parent_s_language() -> None:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from planctl.parallel import _start_worker

    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        1, mp_context=context, initializer=_start_worker, initargs=(os.getpid(), "zh")
    ) as pool:
        assert pool.submit(i18n.language).result() == "zh"


@pytest.mark.parametrize("fmt", ["table", "text"])
@pytest.mark.parametrize("plan", ["luoyang.yaml", "zhengzhou.yaml"])
def test_schedule_and_show_speak_chinese(plan: str, fmt: str) -> None:
    own = rules_wording("validate", f"plans/{plan}")
    for command in ("schedule", "show"):
        code, output = run(command, f"plans/{plan}", "--format", fmt, "--lang", "zh")
        assert code == 0
        # the plan's own values (`all (…)`, a region's level) are data, not wording
        own += re.findall(r"\b(?:all|city|county|province|district)\b", output)
        assert english_words(output, own) == set(), command
    assert "累计" in run("schedule", f"plans/{plan}", "--lang", "zh")[1]
