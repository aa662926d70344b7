"""Every bad input gets one clear, located answer and a documented exit code; never a traceback.

The static cases live in tests/bad_inputs/ with their expected first line in expected.tsv;
inputs that are binary, huge or need the file system are made here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()
CASES = Path(__file__).parent / "bad_inputs"


def _expected() -> list[tuple[str, int, str]]:
    rows = []
    for line in (CASES / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, code, text = line.split("\t")
            rows.append((name, int(code), text))
    return rows


def validate(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["validate", "--format", "text", *args])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.output


@pytest.mark.parametrize(("name", "code", "text"), _expected())
def test_bad_input_corpus(name: str, code: int, text: str) -> None:
    exit_code, output = validate(str(CASES / name))
    assert exit_code == code, output
    assert text in output.splitlines()[0], output


def test_every_corpus_file_has_an_expectation() -> None:
    listed = {name for name, _, _ in _expected()}
    assert listed == {path.name for path in CASES.glob("*.yaml")}


@pytest.mark.parametrize(
    ("content", "text"),
    [
        ("plan: {title: 洛阳}\n".encode("gb18030"), "GB18030"),
        ("plan: {title: x}\n".encode("utf-16"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\xff\xfe\xfd plan", "not UTF-8"),
    ],
)
def test_encodings_are_explained(tmp_path: Path, content: bytes, text: str) -> None:
    path = tmp_path / "p.yaml"
    path.write_bytes(content)
    code, output = validate(str(path))
    assert code == 1
    assert text in output.splitlines()[0]


def test_deep_nesting_and_alias_bombs_are_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    # 100,000 levels overflow the C stack of a recursive YAML composer: refused before that
    deep.write_text("a: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    bomb = tmp_path / "bomb.yaml"
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb.write_text("\n".join(levels) + "\n", encoding="utf-8")
    compact = tmp_path / "compact.yaml"
    compact.write_text("- " * 50_000 + "x\n", encoding="utf-8")
    code, output = validate(str(deep), str(bomb), str(compact))
    assert code == 1
    # Refused, located and reported one by one; the wording of the refusal may come from the
    # YAML library (recent libyaml refuses deep flow nesting itself) or from planctl.
    lines = output.splitlines()
    for path in (deep, bomb, compact):
        line = next(line for line in lines if line.startswith(f"{path}:"))
        assert re.match(rf"{re.escape(str(path))}:\d+:\d+ .*PC001 error", line), line
    assert "aliases" in next(line for line in lines if line.startswith(f"{bomb}:"))


def test_huge_files_are_refused_before_reading_and_the_limit_can_be_raised(tmp_path: Path) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as handle:  # sparse: 100 MB on paper, nothing on disk
        handle.truncate(100 * 1024 * 1024)
    code, output = validate(str(huge))
    assert code == 1
    assert "over the limit" in output
    assert "--max-size" in output
    big = tmp_path / "big.yaml"
    big.write_text("plan: {title: " + "长" * 400_000 + "}\n", encoding="utf-8")
    assert validate(str(big), "--max-size", "1")[0] == 1
    assert validate(str(big), "--max-size", "2")[0] == 0


def test_symlink_loops_and_unreadable_files_do_not_stop_the_run(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text("plan: {title: 好}\n", encoding="utf-8")
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    code, output = validate(str(tmp_path))
    assert code == 1
    assert "loop.yaml" in output
    assert "2 files checked" in output.splitlines()[-1]
    if os.geteuid() != 0:  # root can read anything
        locked = tmp_path / "locked.yaml"
        locked.write_text("plan: {title: x}\n", encoding="utf-8")
        locked.chmod(0)
        code, output = validate(str(locked))
        assert "permission denied" in output


def test_a_directory_of_many_files_reports_each(tmp_path: Path) -> None:
    for index in range(300):
        body = "plan: {title: 规划}\n" if index % 100 else "plan: {title: 规划, bad: 1}\n"
        (tmp_path / f"p{index:04}.yaml").write_text(body, encoding="utf-8")
    code, output = validate(str(tmp_path))
    assert code == 1
    assert output.count("unknown key 'bad'") == 3
    assert "300 files checked" in output
