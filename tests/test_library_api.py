"""The library gives what the command prints: `--format json` adds nothing of its own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.api import PathNotFoundError, validate
from planctl.cli import app
from planctl.engine import Options, check_file
from planctl.render.json_report import results_data
from planctl.results import CheckResult

runner = CliRunner()

BROKEN = """\
plan: {title: 示例, period: [2016, 2020]}
targets: [{name: 全部脱贫, measure: people, value: all, by: 2021}]
budget:
  total: 1.5亿元
  items: [{name: 甲, amount: 9000万元}, {name: 乙, amount: 3000万元}]
accepted: [{rule: PC101, at: budget.total, reason: 原文如此}]
"""


@pytest.fixture
def plans(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two broken files and one good one, in a directory with no settings file."""
    monkeypatch.chdir(tmp_path)
    Path("a-unreadable.yaml").write_text("plan: {title: [未闭合\n", encoding="utf-8")
    Path("b-broken.yaml").write_text(BROKEN, encoding="utf-8")
    Path("c-good.yaml").write_text("plan: {title: 示例, period: [2016, 2020]}\n", encoding="utf-8")
    return ["a-unreadable.yaml", "b-broken.yaml", "c-good.yaml"]


@pytest.mark.parametrize(
    ("cli_options", "options"),
    [
        ([], Options()),
        (["--strict"], Options(strict=True)),
        (["--no-accepted"], Options(use_accepted=False)),
        (["--select", "pc1,PC0", "--ignore", "PC109"], Options(("PC1", "PC0"), ("PC109",))),
    ],
)
def test_cli_json_equals_the_library_data(
    plans: list[str], cli_options: list[str], options: Options
) -> None:
    result = runner.invoke(app, ["validate", *plans, "--format", "json", *cli_options])
    printed = json.loads(result.output)
    assert printed == validate(
        plans,
        select=options.select,
        ignore=options.ignore,
        strict=options.strict,
        use_accepted=options.use_accepted,
    )
    results = [check_file(plan, options) for plan in plans]
    assert printed == results_data(CheckResult("validate", results, options.strict))
    assert result.exit_code == (1 if printed["summary"]["failed"] else 0)


def test_library_options_are_written_as_on_the_command_line(plans: list[str]) -> None:
    assert validate(plans, select="pc1,PC0", ignore="PC109") == validate(
        plans, select=["PC1", "PC0"], ignore=["PC109"]
    )


def test_findings_come_from_every_file_and_a_bad_file_stops_nothing(plans: list[str]) -> None:
    data = validate(plans)
    by_file = {entry["file"]: entry for entry in data["files"]}
    assert list(by_file) == plans
    unreadable, broken, good = (by_file[plan] for plan in plans)
    assert [f["code"] for f in unreadable["findings"]] == ["PC001"]
    assert {(f["code"], f["path"]) for f in broken["findings"]} == {
        ("PC109", "targets[0].by"),
        ("PC101", "budget.total"),
    }
    assert good["findings"] == []
    assert [unreadable["failed"], broken["failed"], good["failed"]] == [True, False, False]
    assert data["summary"]["failed_files"] == 1
    # The command reports the same three files in every format, in the order given.
    github = runner.invoke(app, ["validate", *plans, "--format", "github"])
    assert github.exit_code == 1
    annotated = [line.split(",")[0] for line in github.output.splitlines() if line[:2] == "::"]
    assert annotated == [
        "::error file=a-unreadable.yaml",
        "::warning file=b-broken.yaml",
    ]  # the accepted PC101 is not annotated
    assert github.output.splitlines()[-1] == "3 files checked: 1 error, 1 warning, 1 accepted"


def test_a_directory_and_a_single_path_string(plans: list[str]) -> None:
    assert validate(".") == validate(plans)
    assert validate("c-good.yaml")["summary"]["failed"] is False


def test_a_missing_path_raises(plans: list[str]) -> None:
    with pytest.raises(PathNotFoundError):
        validate(["missing.yaml"])
