"""Paths that cannot be read never hang a run, never crash it, and never let it pass as clean.

Named pipes and permissions cannot be committed to tests/bad_inputs/, so they are made here.
Permissions do not stop root: as root, planctl is run as the user `nobody`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# each case runs planctl in its own process, as another user: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
DROP = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
PLAN = "plan: {title: 示例县规划, source: {file: source.txt}}\n"


def planctl(*args: str, cwd: Path, as_nobody: bool = False) -> tuple[int, str, str]:
    """Exit code, the first line of stdout and of the message on stderr (a usage error's
    `Error:` line); a hang fails the test."""
    done = subprocess.run(
        [*(DROP if as_nobody else []), sys.executable, "-m", "planctl", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert "Traceback" not in done.stderr
    first = (done.stdout.splitlines() or [""])[0]
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    error = next((line for line in lines if line.startswith("Error:")), (lines or [""])[0])
    return done.returncode, first, error


def test_a_named_pipe_is_refused_given_or_found(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(PLAN, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.yaml")
    for given in ("pipe.yaml", "."):
        code, first, _ = planctl("validate", "--format", "text", given, cwd=tmp_path)
        assert code == 1
        assert first.startswith("pipe.yaml  -  PC001 error: is a named pipe (FIFO)"), first
    code, _, error = planctl(
        "trace", "good.yaml", "--source", "pipe.yaml", "--format", "text", cwd=tmp_path
    )
    assert code == 2
    assert "pipe.yaml: is a named pipe (FIFO), not a regular file" in error


def test_standard_input_is_still_read_when_asked_with_a_dash(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planctl", "validate", "--format", "text", "-"],
        input="plan: {title: 规划, bad: 1}\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "<stdin>:1:" in done.stdout.splitlines()[0]


@pytest.fixture
def shared_directory() -> Iterator[Path]:
    """A directory another user can reach (pytest's own tmp_path is private to its user)."""
    directory = Path(tempfile.mkdtemp(prefix="planctl-perm-"))
    directory.chmod(0o755)
    yield directory
    for path in directory.rglob("*"):
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
    shutil.rmtree(directory)


def _as_nobody() -> bool:
    """Whether to run as `nobody`: as root, when `setpriv` can drop to a user that can run
    planctl from this checkout."""
    if os.geteuid() != 0:
        return False
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv to drop to another user")
    done = subprocess.run(
        [*DROP, sys.executable, "-c", "import planctl.cli"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip("the user nobody cannot run planctl from this checkout")
    return True


def test_unreadable_directories_and_files_behind_them_are_findings(
    shared_directory: Path,
) -> None:
    as_nobody = _as_nobody()
    plans = shared_directory / "plans"
    (plans / "locked").mkdir(parents=True)
    (plans / "ok.yaml").write_text(PLAN, encoding="utf-8")
    (plans / "locked" / "hidden.yaml").write_text(PLAN, encoding="utf-8")
    (plans / "locked").chmod(0)

    code, first, _ = planctl(
        "validate", "--format", "text", cwd=shared_directory, as_nobody=as_nobody
    )
    assert code == 1, first
    assert first.startswith("plans/locked  -  PC001 error: permission denied"), first
    assert "cannot be listed" in first

    hidden = "plans/locked/hidden.yaml"
    code, first, _ = planctl(
        "validate", "--format", "text", hidden, cwd=shared_directory, as_nobody=as_nobody
    )
    assert code == 1
    assert first.startswith(f"{hidden}  -  PC001 error: permission denied"), first
    for command in (["show"], ["budget"], ["schedule"], ["export", "--to", "json"], ["exit-check"]):
        code, _, error = planctl(*command, hidden, cwd=shared_directory, as_nobody=as_nobody)
        assert code == 1, (command, error)
    code, _, error = planctl(
        "diff", "plans/ok.yaml", hidden, cwd=shared_directory, as_nobody=as_nobody
    )
    assert code == 2
    assert "permission denied" in error
    code, _, error = planctl("trace", hidden, cwd=shared_directory, as_nobody=as_nobody)
    assert code == 1
    assert error.startswith(f"{hidden}: permission denied")
    code, _, error = planctl(
        "trace",
        "plans/ok.yaml",
        "-s",
        "plans/locked/source.txt",
        cwd=shared_directory,
        as_nobody=as_nobody,
    )
    assert code == 2
    assert "permission denied" in error
    code, _, error = planctl(
        "new", "甲县", "-o", "plans/locked/new.yaml", cwd=shared_directory, as_nobody=as_nobody
    )
    assert code == 2
    assert "cannot write plans/locked/new.yaml: Permission denied" in error
