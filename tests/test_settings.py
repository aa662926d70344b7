"""Settings from planctl.toml / pyproject.toml, and the `rules` command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

BROKEN = "plan: {title: 规划}\nbudget:\n  total: 2.0亿元\n  items: [{name: a, amount: 1.0亿元}]\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "p.yaml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(output: str) -> set[str]:
    return {f["code"] for entry in json.loads(output)["files"] for f in entry["findings"]}


def test_without_settings_every_rule_runs(project: Path) -> None:
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 1
    assert "PC101" in codes(result.output)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("planctl.toml", 'ignore = ["PC101"]\n'),
        ("pyproject.toml", '[project]\nname = "x"\n\n[tool.planctl]\nignore = ["PC1"]\n'),
    ],
)
def test_settings_file_applies_and_the_command_line_wins(
    project: Path, name: str, text: str
) -> None:
    (project / name).write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "json"])
    assert result.exit_code == 0, result.output
    assert "PC101" not in codes(result.output)
    result = runner.invoke(app, ["validate", "--format", "json", "--ignore", "PC112"])
    assert "PC101" in codes(result.output)


def test_strict_from_settings_fails_on_warnings(project: Path) -> None:
    (project / "plans" / "p.yaml").write_text(
        "plan: {title: 规划, issued: 2020-01-01, period: [2018, 2020]}\n"
        "targets: [{name: 脱贫, measure: people, value: all, by: 2018}]\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["validate"]).exit_code == 0
    (project / "planctl.toml").write_text("strict = true\n", encoding="utf-8")
    assert runner.invoke(app, ["validate"]).exit_code == 1


def test_unknown_setting_is_a_usage_error(project: Path) -> None:
    (project / "planctl.toml").write_text("selectt = ['PC1']\n", encoding="utf-8")
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 2
    assert "selectt" in result.output


def test_rules_lists_and_explains() -> None:
    listing = runner.invoke(app, ["rules"])
    assert listing.exit_code == 0
    assert "PC101" in listing.output
    assert "parts do not add up" in listing.output
    one = runner.invoke(app, ["rules", "pc101"])
    assert one.exit_code == 0
    assert "Passing" in one.output
    assert "641.8亿元" in one.output
    assert runner.invoke(app, ["rules", "PC999"]).exit_code == 2


def test_unknown_rule_codes_are_usage_errors_with_the_known_ones(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from planctl.cli import app

    runner = CliRunner()
    result = runner.invoke(app, ["validate", "plans/", "--select", "PX9"])
    assert result.exit_code == 2
    assert "PX9" in result.output
    assert "PC101" in result.output
    result = runner.invoke(app, ["validate", "plans/", "--ignore", "PE01"])
    assert result.exit_code == 2
    assert "PC107" in result.output
    (tmp_path / "planctl.toml").write_text('select = ["PC10x"]\n', encoding="utf-8")
    (tmp_path / "plan.yaml").write_text("plan: {title: 好}\n", encoding="utf-8")
    import os

    here = os.getcwd()
    try:
        os.chdir(tmp_path)
        result = runner.invoke(app, ["validate", "plan.yaml"])
    finally:
        os.chdir(here)
    assert result.exit_code == 2
    assert "PC10X" in result.output
