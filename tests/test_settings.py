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


WARNING_ONLY = (
    "plan: {title: 规划, issued: 2020-01-01, period: [2018, 2020]}\n"
    "targets: [{name: 脱贫, measure: people, value: all, by: 2018}]\n"
)  # PC109, a warning


def by_file(output: str) -> dict[str, dict[str, object]]:
    return {Path(entry["file"]).parent.name: entry for entry in json.loads(output)["files"]}


def test_each_plan_gets_the_settings_nearest_to_it(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Settings are found from the plan's folder upward, not from where planctl runs."""
    for folder in ("east", "west", "west/inner"):
        (project / folder).mkdir(parents=True, exist_ok=True)
        (project / folder / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (project / "west" / "planctl.toml").write_text('ignore = ["PC101"]\n', encoding="utf-8")
    (project / "west" / "inner" / "pyproject.toml").write_text(
        "[tool.planctl]\nselect = ['PE']\n", encoding="utf-8"
    )
    (project / "other").mkdir()
    monkeypatch.chdir(project / "other")
    result = runner.invoke(app, ["validate", "-f", "json", "../east", "../west"])
    files = by_file(result.output)
    assert codes(json.dumps({"files": [files["east"]]})) == {"PC101"}
    assert files["west"]["findings"] == []
    assert files["inner"]["findings"] == []  # inner's own file wins: only PE rules run
    assert result.exit_code == 1


def test_strict_in_one_folders_settings_applies_to_its_plans_only(project: Path) -> None:
    for folder in ("lenient", "strict"):
        (project / folder).mkdir()
        (project / folder / "p.yaml").write_text(WARNING_ONLY, encoding="utf-8")
    (project / "strict" / "planctl.toml").write_text("strict = true\n", encoding="utf-8")
    result = runner.invoke(app, ["validate", "-f", "json", "lenient", "strict", "--jobs", "1"])
    assert result.exit_code == 1
    files = by_file(result.output)
    assert files["lenient"]["failed"] is False
    assert files["strict"]["failed"] is True
    assert json.loads(result.output)["summary"]["failed_files"] == 1
    assert runner.invoke(app, ["validate", "lenient"]).exit_code == 0
    assert runner.invoke(app, ["exit-check", "strict/p.yaml", "-f", "json"]).exit_code == 1
    assert runner.invoke(app, ["exit-check", "lenient/p.yaml", "-f", "json"]).exit_code == 0


def test_config_uses_one_file_for_all_and_isolated_none(project: Path) -> None:
    (project / "planctl.toml").write_text('ignore = ["PC101"]\n', encoding="utf-8")
    (project / "ci.toml").write_text('select = ["PE"]\n', encoding="utf-8")
    assert runner.invoke(app, ["validate"]).exit_code == 0
    isolated = runner.invoke(app, ["validate", "-f", "json", "--isolated"])
    assert isolated.exit_code == 1
    assert "PC101" in codes(isolated.output)
    strict_config = project / "strict.toml"
    strict_config.write_text('select = ["PC101"]\n', encoding="utf-8")
    chosen = runner.invoke(app, ["validate", "-f", "json", "--config", str(strict_config)])
    assert codes(chosen.output) == {"PC101"}
    exits = runner.invoke(app, ["exit-check", "plans/p.yaml", "-f", "json", "--isolated"])
    assert exits.exit_code == 1
    assert runner.invoke(app, ["exit-check", "plans/p.yaml", "-f", "json"]).exit_code == 0
    both = runner.invoke(app, ["validate", "--config", "ci.toml", "--isolated"])
    assert both.exit_code == 2
    missing = runner.invoke(app, ["validate", "--config", "nowhere.toml"])
    assert missing.exit_code == 2
    assert "nowhere.toml" in missing.output
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert runner.invoke(app, ["validate", "--config", "pyproject.toml"]).exit_code == 2


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('tool = "x"\n', "'tool' must be a table"),
        ("[tool]\nplanctl = 3\n", "'tool.planctl' must be a table"),
        ("[tool.planctl]\nstrict = 'yes'\n", "'strict' must be true or false"),
        ("[tool.planctl]\nselect = 101\n", "'select' must be a list"),
        ("[tool.planctl\n", "cannot be read"),
    ],
)
def test_malformed_pyproject_is_a_usage_error(project: Path, text: str, says: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    for command in (["validate"], ["exit-check", "plans/p.yaml"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, result.output
        assert says in result.output
        assert "Traceback" not in result.output


def test_a_pyproject_without_planctl_settings_is_passed_over(project: Path) -> None:
    (project / "planctl.toml").write_text('ignore = ["PC101"]\n', encoding="utf-8")
    (project / "plans" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert runner.invoke(app, ["validate"]).exit_code == 0


def test_settings_in_a_world_writable_folder_are_ignored_with_a_warning(project: Path) -> None:
    shared = project / "shared"
    shared.mkdir()
    (shared / "p.yaml").write_text(BROKEN, encoding="utf-8")
    (shared / "planctl.toml").write_text('ignore = ["PC101"]\n', encoding="utf-8")
    shared.chmod(0o777)
    result = runner.invoke(app, ["validate", "shared", "-f", "json"])
    assert result.exit_code == 1
    assert "PC101" in codes(result.stdout)
    assert "ignoring" in result.stderr
    assert str(shared / "planctl.toml") in result.stderr
    shared.chmod(0o1777)  # sticky, as /tmp: nobody can replace another's file
    result = runner.invoke(app, ["validate", "shared", "-f", "json"])
    assert result.exit_code == 0
    assert result.stderr == ""
    shared.chmod(0o755)


def test_the_calculators_count_findings_under_the_plans_own_settings(tmp_path: Path) -> None:
    plan = tmp_path / "p.yaml"
    plan.write_text(
        "plan: {title: 规划, issued: 2021-01-01, period: [2018, 2020]}\n", encoding="utf-8"
    )
    warnings = json.loads(runner.invoke(app, ["show", str(plan), "--format", "json"]).stdout)
    assert warnings["findings"]["warnings"] == 1  # PC109: issued after the period ended
    (tmp_path / "planctl.toml").write_text('ignore = ["PC109"]\n', encoding="utf-8")
    ignored = json.loads(runner.invoke(app, ["show", str(plan), "--format", "json"]).stdout)
    assert ignored["findings"]["warnings"] == 0
