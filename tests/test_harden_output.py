"""Output behaves as a Unix tool's: a reader that stops early, an encoding that cannot show
Chinese, a full disk, a closed stream, a file name that is not UTF-8. Each is run as a real
process, since pipes, encodings and file descriptors are the subject."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

# each case runs planctl in its own process: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

PLANS = Path(__file__).parent.parent / "plans"
PLANCTL = [sys.executable, "-m", "planctl"]


def _run(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*PLANCTL, *args], capture_output=True, text=True, check=False, **kwargs)  # type: ignore[call-overload, no-any-return]


@pytest.fixture(scope="module")
def many_findings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two hundred copies of a plan with findings: far more output than a pipe holds."""
    root = tmp_path_factory.mktemp("copies")
    text = (PLANS / "beiguan.yaml").read_text(encoding="utf-8")
    for number in range(200):
        (root / f"copy-{number:03}.yaml").write_text(text, encoding="utf-8")
    return root


@pytest.mark.parametrize("fmt", ["text", "table", "json"])
def test_a_reader_that_stops_early_ends_the_program_silently(many_findings: Path, fmt: str) -> None:
    run = subprocess.Popen(
        [*PLANCTL, "validate", str(many_findings), "--format", fmt, "--no-accepted", "-j", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert run.stdout is not None
    assert run.stdout.readline()
    run.stdout.close()
    _, stderr = run.communicate(timeout=120)
    assert run.returncode == -signal.SIGPIPE  # the shell reports 141
    assert stderr == b""


@pytest.mark.parametrize(
    ("command", "escaped"),
    [
        (["validate", "--format", "text"], "\\u516d\\u5927"),  # 六大, a name in a finding
        (["show", "--format", "text"], "\\u5317\\u5173\\u533a"),  # 北关区, the region
        (["show", "--format", "table"], "\\u5317\\u5173\\u533a"),
    ],
)
def test_an_ascii_stdout_gets_backslash_escapes(command: list[str], escaped: str) -> None:
    name, *options = command
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LANG": "C", "LC_ALL": "C"}
    result = _run(name, str(PLANS / "beiguan.yaml"), *options, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert escaped in result.stdout
    result.stdout.encode("ascii")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_is_one_message_and_exit_2() -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [*PLANCTL, "validate", str(PLANS), "--format", "text"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("planctl: cannot write the output: ")


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        ("<&-", "planctl: standard input is closed"),
        (
            ">&-",
            "planctl: cannot write the output: standard output is closed",
        ),
    ],
)
def test_a_closed_standard_stream_is_one_message(redirect: str, message: str) -> None:
    plan = "-" if redirect == "<&-" else str(PLANS / "beiguan.yaml")
    command = " ".join([*PLANCTL, "validate", plan, "--format", "text", redirect])
    result = subprocess.run(
        ["sh", "-c", f"exec {command}"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [message]


@pytest.fixture
def odd_name(tmp_path: Path) -> Path:
    """A folder holding a plan whose file name is the byte 0xFF, which is not UTF-8."""
    folder = tmp_path / "odd"
    folder.mkdir()
    try:
        shutil.copy(PLANS / "beiguan.yaml", os.fsdecode(bytes(folder) + b"/\xff.yaml"))
    except (OSError, UnicodeError):
        pytest.skip("the file system refuses names that are not UTF-8")
    return folder


def test_sarif_percent_encodes_a_name_that_is_not_utf8(odd_name: Path) -> None:
    result = _run("validate", "odd", "--format", "sarif", "--no-accepted", cwd=odd_name.parent)
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for finding in data["runs"][0]["results"]
        for location in finding["locations"]
    }
    assert uris == {"odd/%FF.yaml"}


@pytest.mark.parametrize("fmt", ["sarif", "json", "text", "junit"])
def test_an_output_file_takes_a_name_that_is_not_utf8(odd_name: Path, fmt: str) -> None:
    out = odd_name.parent / f"report.{fmt}"
    result = _run("validate", str(odd_name), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    text = out.read_text(encoding="utf-8")  # valid UTF-8: the name is escaped, not raw bytes
    assert ".yaml" in text
