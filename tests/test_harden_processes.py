"""`validate --jobs`: the workers never outlive the run, and --jobs never exceeds the CPUs.

A CI runner's `timeout` sends SIGTERM and a closed terminal SIGHUP: the run stops, its
workers with it, and the exit says which signal (128 + its number).
"""

from __future__ import annotations

import importlib.util
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.parallel import default_jobs
from tests.benchmark_plans import GENERATOR

# starts worker processes and signals them: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

PLANS = Path(__file__).parent.parent / "plans"


@pytest.fixture(scope="module")
def many_plans(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Sixty county plans (about 4 MB): seconds of work for two workers."""
    spec = importlib.util.spec_from_file_location("harden_generate", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    root = tmp_path_factory.mktemp("counties")
    for number in range(60):
        (root / f"county-{number:02}.yaml").write_text(module.county_plan(number), "utf-8")
    return root


def _children(pid: int) -> list[int]:
    listed = subprocess.run(
        ["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True, text=True, check=False
    )
    return [int(line) for line in listed.stdout.split()]


def _gone(pid: int) -> bool:
    """No such process, or only a zombie waiting to be reaped by init."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc (Linux)")
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
def test_a_stop_signal_ends_the_run_and_every_worker(many_plans: Path, number: int) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "planctl", "validate", str(many_plans), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and run.poll() is None and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert workers, "the run started no worker"
    run.send_signal(number)
    _, stderr = run.communicate(timeout=30)
    assert run.returncode == 128 + number
    assert stderr.splitlines()[0] == f"planctl: stopped by {signal.Signals(number).name}"
    assert "Traceback" not in stderr
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in workers)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_workers_die_with_a_parent_killed_outright(many_plans: Path) -> None:
    run = subprocess.Popen(
        [sys.executable, "-m", "planctl", "validate", str(many_plans), "--jobs", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while not workers and run.poll() is None and time.monotonic() < deadline:
        workers = _children(run.pid)
        time.sleep(0.05)
    assert workers, "the run started no worker"
    time.sleep(0.3)  # the workers' initializer has run
    run.kill()
    run.wait(timeout=30)
    deadline = time.monotonic() + 10
    while not all(_gone(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(_gone(pid) for pid in workers)


def test_jobs_beyond_the_cpus_are_capped_with_one_note() -> None:
    runner = CliRunner()
    many = default_jobs() + 298
    capped = runner.invoke(app, ["validate", str(PLANS), "--format", "text", "--jobs", str(many)])
    serial = runner.invoke(app, ["validate", str(PLANS), "--format", "text", "--jobs", "1"])
    assert capped.exit_code == serial.exit_code
    assert capped.stdout == serial.stdout
    assert capped.stderr.splitlines() == [
        f"planctl: --jobs {many} capped at {default_jobs()}, the CPUs this process may use"
    ]
    assert serial.stderr == ""


def test_jobs_within_the_cpus_say_nothing() -> None:
    result = CliRunner().invoke(
        app, ["validate", str(PLANS), "--format", "text", "--jobs", str(default_jobs())]
    )
    assert result.stderr == ""
