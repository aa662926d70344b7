"""`--show` on validate and exit-check, and the bundled plans' breakdown findings, as a user
sees them: codes, severities, locations and exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planctl.cli import app

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
runner = CliRunner()
ROUNDED = ("PC101", "info", "budget.items[0].items[3].amount")  # 245460.74万元 in luoyang


def findings(args: list[str]) -> tuple[int, list[dict[str, Any]]]:
    result = runner.invoke(app, [*args, "--format", "json"])
    data = json.loads(result.stdout)
    return result.exit_code, [finding for file in data["files"] for finding in file["findings"]]


def keys(found: list[dict[str, Any]]) -> set[tuple[str, str, str]]:
    return {(f["code"], f["severity"], f["path"]) for f in found}


def test_a_sum_within_rounding_is_shown_only_with_show_info() -> None:
    plan = str(PLANS / "luoyang.yaml")
    code, hidden = findings(["validate", plan])
    assert ROUNDED not in keys(hidden)
    shown_code, shown = findings(["validate", plan, "--show", "info"])
    assert ROUNDED in keys(shown)
    assert code == shown_code == 0  # information never fails a run
    [info] = [f for f in shown if f["severity"] == "info"]
    assert (info["stated"], info["computed"]) == ("245460.74万元", "245460.75万元")
    assert info["line"] is not None


def test_show_error_leaves_out_warnings() -> None:
    plan = str(PLANS / "luoyang.yaml")
    _, everything = findings(["validate", plan])
    _, errors = findings(["validate", plan, "--show", "error"])
    assert any(f["severity"] == "warning" for f in everything)
    assert errors
    assert all(f["severity"] == "error" for f in errors)


def test_exit_check_takes_show_too() -> None:
    result = runner.invoke(app, ["exit-check", str(PLANS / "luoyang.yaml"), "--show", "info"])
    assert result.exit_code == 0, result.output
    assert "245460.75万元" in result.output


@pytest.mark.parametrize("command", ["validate", "exit-check"])
def test_an_unknown_show_level_is_a_usage_error(command: str) -> None:
    result = runner.invoke(app, [command, str(PLANS / "luoyang.yaml"), "--show", "infos"])
    assert result.exit_code == 2
    assert "--show" in result.output
    assert "error, warning, info" in result.output


def test_the_zhengzhou_exit_paths_exceed_the_scheduled_exits() -> None:
    code, found = findings(["validate", str(PLANS), "--no-accepted"])
    assert code == 1
    [paths] = [f for f in found if f["code"] == "PC120"]
    assert paths["file"].endswith("zhengzhou.yaml")
    assert paths["path"] == "breakdowns[0]"
    assert (paths["line"], paths["column"]) != (None, None)
    assert (paths["stated"], paths["computed"]) == ("3.9万人", "5.3115万人")
    assert paths["gap"]["in_base"] == "+14115人"


def test_the_bundled_plans_accept_the_exit_path_excess() -> None:
    code, found = findings(["validate", str(PLANS)])
    assert code == 0
    [paths] = [f for f in found if f["code"] == "PC120"]
    assert paths["accepted"]


def test_the_library_takes_show_as_the_command_does() -> None:
    from planctl.api import validate

    plan = str(PLANS / "luoyang.yaml")
    shown = validate([plan], show="info")
    found = [f for file in shown["files"] for f in file["findings"]]
    assert ROUNDED in keys(found)
    assert shown == json.loads(
        runner.invoke(app, ["validate", plan, "--show", "info", "--format", "json"]).stdout
    )
    with pytest.raises(ValueError, match="infos"):
        validate([plan], show="infos")


def test_a_fraction_share_is_traced_as_printed(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text(
        "致贫原因中因病0.416，缺技术0.347，缺资金0.074，其他0.163。\n", encoding="utf-8"
    )
    plan = tmp_path / "plan.yaml"
    shares = ", ".join(
        f"{{name: 因{index}, share: {{value: {value}, kind: fraction}}}}"
        for index, value in enumerate(["0.416", "0.347", "0.074", "0.163"])
    )
    plan.write_text(
        f"plan: {{title: 示例}}\nfacts:\n  - name: 致贫原因\n    items: [{shares}]\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["trace", str(plan), "--source", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    items = json.loads(result.stdout)["items"]
    assert [(item["text"], item["status"]) for item in items] == [
        (value, "found") for value in ["0.416", "0.347", "0.074", "0.163"]
    ]
