"""`validate --jobs`: the same report as one process; and the benchmark plans are right.

The synthetic plans of benchmarks/generate.py are the data of the timings in
docs/performance.md: they must validate cleanly (or the benchmark times the reporting of
mistakes), and be the same bytes on every run (or two timings compare different files).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from tests.benchmark_plans import GENERATOR, generator

runner = CliRunner()


@pytest.fixture(scope="module")
def generate() -> ModuleType:
    return generator()


@pytest.fixture(scope="module")
def folder(generate: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Eight county plans (about 560 KB: enough for worker processes) and three broken files."""
    root = tmp_path_factory.mktemp("plans")
    for number in range(1, 9):
        (root / f"county-{number}.yaml").write_text(generate.county_plan(number), "utf-8")
    good = generate.county_plan(9)
    # A sub-project's amount ten times too large, a file that is not YAML, one not in UTF-8.
    wrong = re.sub(r"(- \{name: [^,]+, amount: )", r"\g<1>9", good, count=1)
    assert wrong != good
    (root / "county-5-wrong.yaml").write_text(wrong, encoding="utf-8")
    (root / "county-3-broken.yaml").write_text("plan: {title: [unclosed\n", encoding="utf-8")
    (root / "county-7-gbk.yaml").write_bytes("plan: {title: 北关区}\n".encode("gb18030"))
    return root


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["text", "json", "junit", "sarif"])
def test_jobs_give_the_same_report_in_the_same_order(folder: Path, fmt: str) -> None:
    serial = runner.invoke(app, ["validate", str(folder), "--format", fmt, "--jobs", "1"])
    parallel = runner.invoke(app, ["validate", str(folder), "--format", fmt, "--jobs", "3"])
    assert serial.exit_code == parallel.exit_code == 1, serial.output
    assert parallel.stdout == serial.stdout


def test_files_that_fail_in_a_worker_are_findings_in_their_place(folder: Path) -> None:
    result = runner.invoke(app, ["validate", str(folder), "--format", "json", "--jobs", "2"])
    data = json.loads(result.output)
    files = [Path(entry["file"]).name for entry in data["files"]]
    assert files == sorted(files)  # the order of the directory listing, as with one process
    codes = {
        Path(entry["file"]).name: {finding["code"] for finding in entry["findings"]}
        for entry in data["files"]
    }
    assert codes["county-3-broken.yaml"] == {"PC001"}
    assert codes["county-7-gbk.yaml"] == {"PC001"}
    assert "PC101" in codes["county-5-wrong.yaml"]
    assert all(not codes[f"county-{number}.yaml"] for number in range(1, 9))


def test_jobs_must_be_positive(folder: Path) -> None:
    result = runner.invoke(app, ["validate", str(folder), "--jobs", "0"])
    assert result.exit_code == 2


def test_a_generated_county_plan_validates_with_no_finding(
    generate: ModuleType, tmp_path: Path
) -> None:
    path = tmp_path / "county.yaml"
    path.write_text(generate.county_plan(0), encoding="utf-8")
    result = runner.invoke(app, ["validate", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["files"][0]["findings"] == []
    # The shape the benchmark promises: about 300 budget items under 13 towns, about 70 KB.
    text = path.read_text(encoding="utf-8")
    assert 60_000 < len(text.encode("utf-8")) < 80_000
    assert text.count("name: ") > 300


def test_a_generated_province_plan_has_the_items_it_is_named_for(generate: ModuleType) -> None:
    text = generate.province_plan(1000)
    # 10 programmes, each with 9 projects of 10 sub-projects: every item has an amount.
    budget = text.split("\nbudget:\n", 1)[1].split("\nfacts:\n", 1)[0]
    assert budget.count("amount: ") == 1000


def test_the_generator_writes_the_same_bytes_every_time(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        # A separate process each time: no state can carry over between the two runs.
        code = (
            "import runpy, sys; sys.argv = ['generate.py', '--out', sys.argv[1], "
            "'--counties', '3', '--only', 'county']; "
            f"runpy.run_path({str(GENERATOR)!r}, run_name='__main__')"
        )
        done = subprocess.run(
            [sys.executable, "-c", code, str(out)], capture_output=True, check=False
        )
        assert done.returncode == 0, done.stderr
    names = sorted(path.relative_to(first) for path in first.rglob("*.yaml"))
    assert len(names) == 4
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes()
