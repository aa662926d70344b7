"""`-o` never destroys an input, and writes devices, pipes and links without replacing them."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SMALL = ROOT / "tests" / "data" / "calc-small.yaml"
PLAN = """\
plan: {title: 示例县规划, source: {file: source.txt}}
facts:
  - {name: 人口, value: 1200人}
"""
SOURCE = "示例县规划\n全县1200人。\n"


def run(*args: str) -> tuple[int, str]:
    """Exit code and the first line of the message (a usage error's `Error:` line)."""
    result = runner.invoke(app, list(args))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("Error:")]
    return result.exit_code, (errors or lines or [""])[0]


@pytest.fixture
def plans(tmp_path: Path) -> list[Path]:
    """Three plans, as `plans/*.yaml` expands."""
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.yaml"
        path.write_text(PLAN.replace("示例县", f"{name}县"), encoding="utf-8")
        paths.append(path)
    return paths


def test_a_shell_glob_after_o_does_not_replace_the_first_plan(plans: list[Path]) -> None:
    before = [path.read_bytes() for path in plans]
    code, message = run("validate", "-o", *map(str, plans))
    assert code == 2
    assert f"{plans[0]} is a plan file" in message
    assert [path.read_bytes() for path in plans] == before


@pytest.mark.parametrize("alias", ["symlink", "hardlink", "dot"])
def test_the_report_is_not_written_over_a_plan_checked_under_another_name(
    tmp_path: Path, plans: list[Path], alias: str
) -> None:
    plan = plans[0]
    if alias == "symlink":
        output = tmp_path / "report.txt"
        output.symlink_to(plan)
    elif alias == "hardlink":
        output = tmp_path / "report.txt"
        os.link(plan, output)
    else:
        output = tmp_path / "." / "a.yaml"
    before = plan.read_bytes()
    for command in (["validate"], ["exit-check"]):
        code, message = run(*command, str(plan), "-o", str(output))
        assert code == 2, message
        assert f"{output} is " in message
        assert "of this run" in message
        assert plan.read_bytes() == before


def test_export_refuses_to_write_over_its_plan(tmp_path: Path) -> None:
    plan = tmp_path / "small.yaml"
    shutil.copy(SMALL, plan)
    before = plan.read_bytes()
    (tmp_path / "small.xlsx").symlink_to(plan)
    (tmp_path / "small-rates.csv").symlink_to(plan)
    for args in (
        ["--to", "json", "-o", str(plan)],
        ["--to", "csv", "--table", "budget", "-o", str(plan)],
        ["--to", "xlsx", "-o", str(tmp_path / "small.xlsx")],
        ["--to", "csv", "-o", str(tmp_path / "small.csv")],  # small-rates.csv is the plan
    ):
        code, message = run("export", str(plan), *args)
        assert code == 2, (args, message)
        assert "of this run" in message or "is a plan file" in message
        assert plan.read_bytes() == before
    # nothing of the refused CSV set was written either
    assert not (tmp_path / "small-budget.csv").exists()


@pytest.mark.parametrize("command", ["show", "budget", "schedule", "diff", "report"])
def test_calculators_refuse_to_write_over_their_plan_under_any_name(
    tmp_path: Path, command: str
) -> None:
    """A plan not named *.yaml (so the plan-file rule cannot protect it) is still an input."""
    plan = tmp_path / "small.txt"
    shutil.copy(SMALL, plan)
    before = plan.read_bytes()
    (tmp_path / "link.html").symlink_to(plan)
    plans = [str(plan), str(plan)] if command == "diff" else [str(plan)]
    for output in (plan, tmp_path / "link.html"):
        code, message = run(command, *plans, "-o", str(output))
        assert code == 2, message
        assert "of this run" in message
        assert plan.read_bytes() == before


def test_trace_refuses_to_write_over_the_plan_or_its_source(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    source = tmp_path / "source.txt"
    source.write_text(SOURCE, encoding="utf-8")
    for output in (source, plan):
        code, message = run("trace", str(plan), "-s", str(source), "-o", str(output))
        assert code == 2
        assert f"{output} is an input of this run" in message
    assert source.read_text(encoding="utf-8") == SOURCE
    assert plan.read_text(encoding="utf-8") == PLAN
    code, _ = run("trace", str(plan), "-s", str(source), "-o", str(tmp_path / "trace.txt"))
    assert code == 0
    assert "1200人" in (tmp_path / "trace.txt").read_text(encoding="utf-8")


def test_a_symlinked_output_replaces_its_target_and_stays_a_link(
    tmp_path: Path, plans: list[Path]
) -> None:
    target = tmp_path / "reports" / "report.txt"
    target.parent.mkdir()
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "report.txt"
    link.symlink_to(target)
    code, _ = run("validate", str(plans[0]), "-o", str(link))
    assert code == 0
    assert link.is_symlink()
    assert "1 file checked" in target.read_text(encoding="utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["report.txt"]


def test_a_named_pipe_is_written_into_not_replaced(tmp_path: Path, plans: list[Path]) -> None:
    fifo = tmp_path / "report.pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    code, _ = run("validate", str(plans[0]), "--format", "json", "-o", str(fifo))
    reader.join(timeout=10)
    assert code == 0
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert b'"file"' in received[0]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_character_device_is_written_into_not_replaced(tmp_path: Path, plans: list[Path]) -> None:
    null = tmp_path / "null"
    try:  # a private null device: the machine's /dev/null is not put at risk
        os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device needs root (CAP_MKNOD)")
    for args in (["validate", str(plans[0])], ["export", str(SMALL), "--to", "xlsx"]):
        code, message = run(*args, "-o", str(null))
        assert code == 0, message
        assert stat.S_ISCHR(null.lstat().st_mode)


def test_a_csv_export_is_written_as_a_set_or_not_at_all(tmp_path: Path) -> None:
    old = tmp_path / "out-budget.csv"
    old.write_text("old", encoding="utf-8")
    (tmp_path / "out-rates.csv").mkdir()  # the last table cannot be put in place
    code, message = run("export", str(SMALL), "--to", "csv", "-o", str(tmp_path / "out.csv"))
    assert code == 2
    assert "cannot write" in message
    assert old.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out-budget.csv", "out-rates.csv"]
    (tmp_path / "out-rates.csv").rmdir()
    code, _ = run("export", str(SMALL), "--to", "csv", "-o", str(tmp_path / "out.csv"))
    assert code == 0
    assert old.read_text(encoding="utf-8-sig").startswith("path,")
    assert len(list(tmp_path.glob("out-*.csv"))) == 5


def test_dev_stdout_as_output_writes_into_the_pipe(plans: list[Path]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planctl", "validate", str(plans[0]), "-o", "/dev/stdout"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].startswith("1 file checked: 0 errors")
