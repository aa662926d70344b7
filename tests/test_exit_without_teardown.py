"""planctl ends without the interpreter's teardown, and loses nothing by it.

Every buffered byte still reaches standard output, a failed write is one message and exit 2,
and the exit code is the command's. Each case runs in a process of its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PLANS = Path(__file__).parent.parent / "plans"


def _python(code: str, stdout: object = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """Run `code` with standard output buffered, as it is for a user's pipe or file."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-c", code],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        env=env,
    )


def test_buffered_output_is_written_and_the_code_kept() -> None:
    result = _python(
        "import atexit, sys\n"
        "from planctl.exiting import exit_without_teardown\n"
        "atexit.register(lambda: print('teardown ran'))\n"
        "sys.stdout.write('x' * 1_000_000)\n"
        "exit_without_teardown(1)\n"
    )
    assert result.returncode == 1
    assert result.stdout == "x" * 1_000_000
    assert result.stderr == ""


def test_the_exit_comes_when_the_interpreter_exits() -> None:
    result = _python(
        "import atexit\n"
        "from planctl.exiting import end_without_teardown\n"
        "atexit.register(lambda: print('teardown ran'))\n"
        "end_without_teardown(3)\n"
        "print('the caller goes on')\n"
    )
    assert result.returncode == 3
    assert result.stdout == "the caller goes on\n"


@pytest.mark.parametrize(
    ("code", "status", "stderr"), [(None, 0, ""), ("'stopped'", 1, "stopped\n")]
)
def test_exit_codes_are_those_of_sys_exit(code: str | None, status: int, stderr: str) -> None:
    result = _python(
        f"from planctl.exiting import exit_without_teardown\nexit_without_teardown({code})\n"
    )
    assert (result.returncode, result.stderr) == (status, stderr)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_failed_write_at_exit_is_one_message_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        result = _python(
            "import sys\nfrom planctl.exiting import exit_without_teardown\n"
            "sys.stdout.write('report')\nexit_without_teardown(0)\n",
            stdout=full,
        )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "planctl: cannot write the output: No space left on device"
    ]


@pytest.mark.slow
def test_planctl_keeps_its_exit_codes_and_output() -> None:
    command = [sys.executable, "-m", "planctl", "validate", "--format", "json"]
    clean = subprocess.run(
        [*command, str(PLANS / "luoyang.yaml")], capture_output=True, text=True, check=False
    )
    assert clean.returncode in {0, 1}
    assert clean.stdout.rstrip().endswith("}")
    usage = subprocess.run(
        [*command, "--jobs", "zero"], capture_output=True, text=True, check=False
    )
    assert usage.returncode == 2
