"""`planctl validate` as a user runs it: messages, locations, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_good_plan_passes(tmp_path: Path) -> None:
    plan = write(tmp_path, "ok.yaml", "plan: {title: 示例, period: [2016, 2020]}\n")
    result = runner.invoke(app, ["validate", plan, "--format", "text"])
    assert result.exit_code == 0, result.output
    assert "1 file checked: 0 errors" in result.output


@pytest.mark.parametrize(
    ("text", "where", "says"),
    [
        ("plan: {title: a}\nplan: {title: b}\n", ":2:1", "duplicate key 'plan'"),
        ("plan: {title: a}\nbaseline: {poor_villages: no}\n", ":2:27", "yes/no"),
        ("plan: {title: a}\nbudget: {total: 12万美元}\n", ":2:17", "unknown unit"),
        ("plan: {title: a, perod: [2016, 2020]}\n", ":1:18", "did you mean 'period'"),
    ],
)
def test_each_problem_gets_one_located_message(
    tmp_path: Path, text: str, where: str, says: str
) -> None:
    plan = write(tmp_path, "bad.yaml", text)
    result = runner.invoke(app, ["validate", plan, "--format", "text"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if says in line]
    assert len(lines) == 1, result.output
    assert f"{plan}{where}" in lines[0]
    assert "Traceback" not in result.output


def test_non_utf8_and_alias_bomb_are_findings_not_crashes(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("plan: {title: 北关区}\n".encode("gb18030"))
    bomb = write(tmp_path, "bomb.yaml", "a: &a [1, 1]\nb: [*a, *a]\n")
    result = runner.invoke(app, ["validate", str(gbk), bomb, "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.output)
    messages = {entry["file"]: entry["findings"][0]["message"] for entry in data["files"]}
    assert "GB18030" in messages[str(gbk)]
    assert "aliases" in messages[bomb]


def test_all_problems_are_reported_not_just_the_first(tmp_path: Path) -> None:
    plan = write(
        tmp_path,
        "many.yaml",
        "plan: {title: a, perod: 1}\nbaseline: {poor_population: 5元, poor_villages: 1x}\n",
    )
    result = runner.invoke(app, ["validate", plan, "--format", "json"])
    paths = {f["path"] for f in json.loads(result.output)["files"][0]["findings"]}
    assert {"plan.perod", "baseline.poor_population", "baseline.poor_villages"} <= paths


def test_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2
    assert "no such file" in result.output


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    plan = write(tmp_path, "ok.yaml", "plan: {title: a}\n")
    assert runner.invoke(app, ["validate", plan, "--format", "xml"]).exit_code == 2


def test_directories_are_searched_and_bare_names_resolve_under_plans(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plans = tmp_path / "plans" / "sub"
    plans.mkdir(parents=True)
    (plans / "a.yaml").write_text("plan: {title: a}\n", encoding="utf-8")
    (tmp_path / "plans" / "b.yml").write_text("plan: {title: b}\n", encoding="utf-8")
    (tmp_path / "plans" / "notes.txt").write_text("not a plan", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["validate", "--format", "json"])
    files = [entry["file"] for entry in json.loads(result.output)["files"]]
    assert files == ["plans/b.yml", "plans/sub/a.yaml"]
    result = runner.invoke(app, ["validate", "b.yml", "--format", "text"])
    assert result.exit_code == 0, result.output


def test_stdin_is_read_for_dash() -> None:
    result = runner.invoke(
        app, ["validate", "-", "--format", "text"], input="plan: {title: 标准输入}\n"
    )
    assert result.exit_code == 0, result.output
    assert "1 file checked" in result.output


def test_exit_zero_and_output_file(tmp_path: Path) -> None:
    plan = write(tmp_path, "bad.yaml", "plan: {title: a}\nbudget: {total: 5}\n")
    report = tmp_path / "report.json"
    result = runner.invoke(
        app, ["validate", plan, "--format", "json", "-o", str(report), "--exit-zero"]
    )
    assert result.exit_code == 0
    assert json.loads(report.read_text(encoding="utf-8"))["summary"]["errors"] == 1


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_figure_is_printed_once_per_finding(lang: str) -> None:
    """A finding whose message already says its stated, computed and gap figures (PC101,
    PC120) gets no second copy of them in brackets; the others still get them."""
    out = runner.invoke(
        app, ["validate", "plans/", "--no-accepted", "--format", "text", "--lang", lang]
    ).output
    lines = [line for line in out.splitlines() if ".yaml:" in line]
    with_figures = [line for line in lines if line.endswith("]")]
    assert with_figures  # the figures are still added where the message lacks them
    for line in lines:
        bracket = line.rsplit(" [", 1)[-1].rstrip("]") if line.endswith("]") else None
        assert bracket is None or bracket not in line.rsplit(" [", 1)[0], line
