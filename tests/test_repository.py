"""Files committed for editors and CI stay in step with the code that they describe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from planctl.cli import app
from planctl.model.schema import schema_text

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_LINE = "# yaml-language-server: $schema=../schema/plan.schema.json"
REGENERATE = ".venv/bin/planctl schema > schema/plan.schema.json"


def test_committed_schema_is_the_generated_one() -> None:
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), (
        f"schema/plan.schema.json is out of date; regenerate it with `{REGENERATE}`"
    )


@pytest.mark.parametrize(
    "plan", sorted((ROOT / "plans").glob("*.yaml")), ids=lambda path: path.name
)
def test_plans_name_the_schema_on_their_first_line(plan: Path) -> None:
    with plan.open(encoding="utf-8") as stream:
        first = stream.readline().rstrip("\n")
    assert first == SCHEMA_LINE, f"{plan.name} must start with the line {SCHEMA_LINE}"


def test_pre_commit_hook_runs_validate_on_the_plan_files(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert hook["id"] == "planctl-validate"
    assert hook["pass_filenames"] is True
    files = re.compile(hook["files"])
    assert files.search("plans/luoyang.yaml")
    assert files.search("plans/sub/x.yml")
    assert not files.search("tests/golden/ci/broken.yaml")
    assert not files.search("schema/plan.schema.json")
    # The hook's entry, with the staged file names appended, is the validate command.
    program, *arguments = hook["entry"].split()
    assert program == "planctl"
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        app, [*arguments, "tests/golden/ci/clean.yaml", "tests/golden/ci/broken.yaml"]
    )
    assert result.exit_code == 1
    assert "2 files checked" in result.output
