"""Every command answers every bad input with a message and a documented exit code.

Runs each plan-reading command on each file of the bad-input corpus: no traceback, no
internal error (exit 3), only 0 (nothing wrong for that command), 1 or 2.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.engine import check_file

runner = CliRunner()
CORPUS = sorted((Path(__file__).parent / "bad_inputs").glob("*.yaml"))
SOURCE_TEXT = "第一章\n规划资金641.8亿元，贫困人口31.0975万人。\n"

COMMANDS = {
    "validate": lambda plan, tmp: ["validate", plan],
    "exit-check": lambda plan, tmp: ["exit-check", plan],
    "trace": lambda plan, tmp: ["trace", plan, "--source", str(tmp / "source.txt")],
    "show": lambda plan, tmp: ["show", plan],
    "budget": lambda plan, tmp: ["budget", plan],
    "schedule": lambda plan, tmp: ["schedule", plan],
    "diff": lambda plan, tmp: ["diff", plan, str(CORPUS[0])],
    "export": lambda plan, tmp: ["export", plan, "--to", "json", "-o", str(tmp / "out.json")],
}


def _expected_exit() -> dict[str, int]:
    """validate's exit code for each corpus file (tests/bad_inputs/expected.tsv)."""
    rows = (CORPUS[0].parent / "expected.tsv").read_text(encoding="utf-8").splitlines()
    return {
        name: int(code)
        for name, code, *_ in (row.split("\t") for row in rows if row and not row.startswith("#"))
    }


EXPECTED = _expected_exit()
# trace and diff read what they can of a plan that is not in the format (trace reports what it
# left out, located; diff compares what is there), so they need not refuse it.
PARTIAL = {"trace", "diff"}


def _hashes(paths: list[Path]) -> dict[Path, str]:
    return {path: hashlib.sha256(path.read_bytes()).hexdigest() for path in paths}


@pytest.mark.slow  # every command on every case: run with --run-slow (CI does)
@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize("plan", CORPUS, ids=lambda path: path.name)
def test_command_on_bad_input(command: str, plan: Path, tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text(SOURCE_TEXT, encoding="utf-8")
    inputs = [*CORPUS, source]
    before = _hashes(inputs)
    result = runner.invoke(app, COMMANDS[command](str(plan), tmp_path))
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in {0, 1, 2}, result.output
    refused = check_file(str(plan)).plan is None
    if refused and command not in PARTIAL:
        # A file that is not a plan at all is refused, and the first line says which file.
        assert result.exit_code == 1, result.output
        first = result.output.strip().splitlines()[0]
        assert plan.name in first, first
    elif EXPECTED.get(plan.name) == 1 and command in {"validate", "exit-check"}:
        assert result.exit_code == 1, result.output  # the two checking commands agree
    # Nothing but the requested output is written: every input is as it was.
    assert _hashes(inputs) == before
    assert {path.name for path in tmp_path.iterdir()} <= {"source.txt", "out.json"}


def test_ctrl_c_while_the_command_line_is_imported_exits_130(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A signal's timing cannot be chosen from outside the process: raise it where it lands.
    import builtins

    from planctl import entry

    real_import = builtins.__import__

    def interrupted(name: str, *args: object, **kwargs: object) -> object:
        if name == "planctl.cli":
            raise KeyboardInterrupt
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", interrupted)
    with pytest.raises(SystemExit) as stop:
        entry.main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "planctl: interrupted\n"


@pytest.mark.parametrize("delay", [2.0])
def test_ctrl_c_gives_a_short_message_and_exit_130(delay: float) -> None:
    # Blocked on standard input: a short message and exit 130, no traceback.
    process = subprocess.Popen(
        [sys.executable, "-m", "planctl", "validate", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    time.sleep(delay)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=10)
    assert process.returncode == 130
    assert b"Traceback" not in stderr
    assert b"interrupted" in stderr
