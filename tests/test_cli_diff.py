"""`planctl diff`: changes in the plan's terms, and diff(1)'s exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
LUOYANG = ROOT / "plans" / "luoyang.yaml"

PLAN = """\
plan: {title: 测试县规划, period: [2016, 2020]}
baseline: {poor_population: 1.2万人}
targets:
  - {name: 贫困人口全部脱贫, measure: people, value: all, by: 2019}
schedules:
  - {name: 贫困人口脱贫, measure: people, years: {2016: 5000人, 2017: 4000人, 2018: 3000人}}
budget:
  total: 1.5亿元
  items:
    - {name: 产业扶持工程, amount: 9000万元}
    - {name: 交通工程, amount: 6000万元}
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def diff_json(old: str, new: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["diff", old, new, "--format", "json"])
    data: dict[str, Any] = json.loads(result.output)
    return result.exit_code, data


def test_identical_plans_exit_0_even_when_comments_and_layout_differ(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    new = write(
        tmp_path, "new.yaml", "# a comment\n" + PLAN.replace("{name: 交通工程", "{ name: 交通工程")
    )
    result = runner.invoke(app, ["diff", old, new])
    assert result.exit_code == 0, result.output
    assert "no differences" in result.output


def test_one_changed_figure_in_luoyang_is_exactly_what_is_reported(tmp_path: Path) -> None:
    text = LUOYANG.read_text(encoding="utf-8")
    assert text.count("amount: 346.857亿元") == 1
    new = write(tmp_path, "luoyang.yaml", text.replace("amount: 346.857亿元", "amount: 346.9亿元"))
    code, data = diff_json(str(LUOYANG), new)
    assert code == 1
    assert data["changes"] == [
        {
            "kind": "changed",
            "path": "budget.items[实施精准扶贫工程].amount",
            "old": "346.857亿元",
            "new": "346.9亿元",
            "delta": "+0.043亿元",
            "old_line": data["changes"][0]["old_line"],
            "new_line": data["changes"][0]["new_line"],
        }
    ]
    line = text.splitlines()[data["changes"][0]["old_line"] - 1]
    assert "346.857亿元" in line


def test_delta_is_in_the_old_unit_and_only_within_one_family(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    new = write(
        tmp_path,
        "new.yaml",
        PLAN.replace("amount: 9000万元", "amount: 0.95亿元").replace("1.5亿元", "15000人"),
    )
    code, data = diff_json(old, new)
    assert code == 1
    deltas = {change["path"]: change["delta"] for change in data["changes"]}
    assert deltas == {"budget.total": None, "budget.items[产业扶持工程].amount": "+500万元"}


def test_a_reordered_list_is_moves_not_changes(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    swapped = PLAN.replace(
        "    - {name: 产业扶持工程, amount: 9000万元}\n    - {name: 交通工程, amount: 6000万元}\n",
        "    - {name: 交通工程, amount: 6000万元}\n    - {name: 产业扶持工程, amount: 9000万元}\n",
    )
    assert swapped != PLAN
    code, data = diff_json(old, write(tmp_path, "new.yaml", swapped))
    assert code == 1
    assert [change["kind"] for change in data["changes"]] == ["moved"]


def test_items_added_removed_and_entries_shifted(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    changed = (
        PLAN.replace(
            "    - {name: 交通工程, amount: 6000万元}\n",
            "    - {name: 水利工程, amount: 6000万元}\n",
        )
        .replace("by: 2019", "by: 2020")
        .replace("2018: 3000人", "2019: 3000人")
    )
    code, data = diff_json(old, write(tmp_path, "new.yaml", changed))
    assert code == 1
    found = {(change["kind"], change["path"]) for change in data["changes"]}
    assert found == {
        ("shifted", "targets[贫困人口全部脱贫].by"),
        ("shifted", "schedules[贫困人口脱贫].years.2018"),
        ("removed", "budget.items[交通工程]"),
        ("added", "budget.items[水利工程]"),
    }
    assert data["summary"] == {"shifted": 2, "removed": 1, "added": 1}


def test_a_plan_that_fails_validation_can_still_be_compared(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", "plan: {title: a}\nbudget: {total: 5}\n")
    new = write(tmp_path, "new.yaml", "plan: {title: a}\nbudget: {total: 6}\n")
    code, data = diff_json(old, new)
    assert code == 1
    assert data["changes"][0]["delta"] == "+1"


def test_trouble_exits_2(tmp_path: Path) -> None:
    good = write(tmp_path, "good.yaml", PLAN)
    broken = write(tmp_path, "broken.yaml", "plan: [unclosed\n")
    assert runner.invoke(app, ["diff", good, broken]).exit_code == 2
    assert runner.invoke(app, ["diff", good, str(tmp_path / "missing.yaml")]).exit_code == 2
    assert runner.invoke(app, ["diff", good, good, "--format", "xml"]).exit_code == 2


def test_text_gives_each_change_with_its_file_and_line(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    new = write(
        tmp_path,
        "new.yaml",
        PLAN.replace("amount: 9000万元", "amount: 0.95亿元").replace(
            "    - {name: 交通工程, amount: 6000万元}\n", ""
        ),
    )
    result = runner.invoke(app, ["diff", old, new, "--format", "text"])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    changed = f"{new}:10  changed  budget.items[产业扶持工程].amount  9000万元 → 0.95亿元  +500万元"
    assert changed in lines
    removed = [line for line in lines if "removed" in line and "交通工程" in line]
    assert len(removed) == 1
    assert removed[0].startswith(f"{old}:11  removed")  # the line in OLD
    assert lines[-1] == f"{old} → {new}: 1 changed, 1 removed"


def test_json_is_the_common_envelope_and_can_go_to_a_file(tmp_path: Path) -> None:
    old = write(tmp_path, "old.yaml", PLAN)
    out = tmp_path / "diff.json"
    result = runner.invoke(app, ["diff", old, old, "-f", "json", "-o", str(out)])
    assert result.exit_code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["version"], data["command"], data["identical"]) == (1, "diff", True)
    assert data["changes"] == []
