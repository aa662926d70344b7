"""trace reads the source a plan names only inside the plan's project.

A plan may come from anyone (a pull request); trace prints excerpts of the file it names, so a
name that is absolute or leads out of the project is refused with a located message and exit 2.
A --source given on the command line is the user's own choice.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

PLANS = Path(__file__).parent.parent / "plans"
NAMED = "file: 000_8ea13fc9f6ac00a5.txt"
runner = CliRunner()


def _plan(folder: Path, source: str) -> Path:
    text = (PLANS / "beiguan.yaml").read_text(encoding="utf-8")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "plan.yaml"
    path.write_text(text.replace(NAMED, f"file: {source}"), encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    root.mkdir()
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (tmp_path / "secret.txt").write_text("2016年 48805人\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("named", ["ABSOLUTE", "../../secret.txt", "link/secret.txt"])
def test_a_source_outside_the_project_is_refused(project: Path, named: str) -> None:
    secret = project.parent / "secret.txt"
    plan = _plan(project / "plans", str(secret) if named == "ABSOLUTE" else named)
    (plan.parent / "link").symlink_to(project.parent)  # inside by name, outside in fact
    result = runner.invoke(app, ["trace", str(plan), "--format", "text"])
    assert result.exit_code == 2
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{plan}:6:")  # where plan.source.file is written
    assert "plan.source.file" in first
    assert "48805" not in result.output
    assert "Traceback" not in result.output


def test_a_source_inside_the_project_is_read(project: Path) -> None:
    (project / "sources").mkdir()
    (project / "sources" / "doc.txt").write_text("2016年 48805人\n", encoding="utf-8")
    plan = _plan(project / "plans", "../sources/doc.txt")
    result = runner.invoke(app, ["trace", str(plan), "--format", "text"])
    assert result.exit_code in (0, 1), result.output  # traced: found or not found
    assert "plan.source.file" not in result.stderr


def test_without_a_project_the_plans_folder_is_the_limit(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("2016年\n", encoding="utf-8")
    plan = _plan(tmp_path / "alone", "../doc.txt")
    result = runner.invoke(app, ["trace", str(plan), "--format", "text"])
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0].startswith(f"{plan}:6:")


def test_a_source_given_on_the_command_line_may_be_anywhere(project: Path) -> None:
    plan = _plan(project / "plans", "/etc/hostname")
    secret = project.parent / "secret.txt"
    result = runner.invoke(app, ["trace", str(plan), "-s", str(secret), "--format", "text"])
    assert result.exit_code in (0, 1), result.output
    assert "plan.source.file" not in result.stderr
