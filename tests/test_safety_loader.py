"""Nesting that would overflow the YAML library's stack is refused before composing, and a file
that kills a worker process costs only its own result in a `--jobs` run."""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "text",
    [
        "? " * 40_000 + "x\n",  # explicit keys: PyYAML 6.0.3 overflows its stack composing these
        "- " * 50_000 + "x\n",
        "? - " * 20_000 + "x\n",
        "[" * 20_000 + "x" + "]" * 20_000 + "\n",
        "a: " + "{b: " * 20_000 + "x" + "}" * 20_000 + "\n",
        # block nesting by indentation alone: one key per line, one more space each
        "".join(" " * level + "k:\n" for level in range(3_000)) + " " * 3_000 + "x\n",
    ],
    ids=["explicit-keys", "compact-sequences", "mixed", "flow-sequences", "flow-maps", "blocks"],
)
def test_deep_nesting_is_refused_and_located(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "deep.yaml"
    plan.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "text", str(plan)])
    assert result.exit_code == 1
    first = result.output.splitlines()[0]
    # refused and located; the wording may be the YAML library's (recent libyaml refuses
    # deep flow nesting itself while scanning ahead)
    assert re.match(rf"{re.escape(str(plan))}:\d+:\d+ .*PC001 error", first), first


CRASHING_RUN = """
import os, signal, sys
import planctl.engine
from planctl.cli import main

load = planctl.engine.load

def crashing_load(path, max_bytes):
    if "crash" in path:  # as a C library overflowing its stack would
        os.kill(os.getpid(), signal.SIGSEGV)
    return load(path, max_bytes)

planctl.engine.load = crashing_load  # forked workers inherit it
sys.argv = ["planctl", "validate", "--format", "text", "--jobs", "2", sys.argv[1]]
main()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux")
def test_a_worker_killed_by_one_file_loses_no_other_result(tmp_path: Path) -> None:
    padding = "# " + "填充" * 20_000 + "\n"  # enough bytes for the run to use worker processes
    names = [f"p{index}.yaml" for index in range(6)] + ["crash-a.yaml", "p9-crash.yaml"]
    for index, name in enumerate(sorted(names)):
        body = f"plan: {{title: 规划{index}}}\n" + padding
        if name == "p3.yaml":
            body += "oops: 1\n"
        (tmp_path / name).write_text(body, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASHING_RUN), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    lines = done.stdout.splitlines()
    for name in ("crash-a.yaml", "p9-crash.yaml"):  # the first file and the last
        crash = [line for line in lines if line.startswith(str(tmp_path / name))]
        assert len(crash) == 1
        assert "PC001 error" in crash[0]
        assert "stopped the process checking it" in crash[0]
    assert any(line.startswith(str(tmp_path / "p3.yaml")) and "oops" in line for line in lines)
    assert lines[-1].startswith("8 files checked: 3 errors")
