"""Text from a plan reaches a terminal without its control characters: a plan's escape
sequences cannot retitle the window, clear the screen or hide a finding in a CI log."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.render.console import make_console, printable

PLANS = Path(__file__).parent.parent / "plans"
# YAML's double-quoted escapes: \e is ESC, \a BEL, \x9b the C1 CSI, \x07 BEL.
HOSTILE = r'"\e]0;pwned\a六大\e[2J\x9b1m脱贫攻坚\x01工程"'


@pytest.fixture
def hostile_plan(tmp_path: Path) -> Path:
    text = (PLANS / "beiguan.yaml").read_text(encoding="utf-8")
    changed = text.replace(
        "{name: 六大脱贫攻坚工程, of: measures", f"{{name: {HOSTILE}, of: measures"
    )
    assert changed != text
    path = tmp_path / "hostile.yaml"
    path.write_text(changed, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["text", "table"])
def test_validate_prints_a_hostile_name_without_its_controls(hostile_plan: Path, fmt: str) -> None:
    result = CliRunner().invoke(
        app, ["validate", str(hostile_plan), "--format", fmt, "--no-accepted"]
    )
    assert result.exit_code == 1
    assert "PC105" in result.stdout
    assert "六大" in result.stdout  # the name is shown, without what was between its parts
    assert "1m" not in result.stdout
    assert not any(ord(char) < 32 and char not in "\n\t" for char in result.stdout)
    assert not any(0x7F <= ord(char) <= 0x9F for char in result.stdout)


def test_json_keeps_the_text_as_written(hostile_plan: Path) -> None:
    result = CliRunner().invoke(
        app, ["validate", str(hostile_plan), "--format", "json", "--no-accepted"]
    )
    assert "\\u001b]0;pwned" in result.stdout


def test_a_coloured_table_keeps_its_own_colours_only() -> None:
    out = io.StringIO()
    console = make_console(out, color=True, width=80)
    console.print("\x1b]0;pwned\x07plan \x1b[2Jtitle", style="error")
    drawn = out.getvalue()
    assert "plan title" in drawn
    assert "\x1b[" in drawn  # the console's own colour
    assert "]0;" not in drawn
    assert "\x1b[2J" not in drawn


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\x1b[31mred\x1b[0m", "ared"),
        ("x\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),
        ("tab\tand\nnewline\r\x08\x7f\x9b", "tab\tand\nnewline"),
        ("北关区", "北关区"),
    ],
)
def test_printable_removes_controls_and_whole_sequences(text: str, shown: str) -> None:
    assert printable(text) == shown


@pytest.mark.parametrize("command", ["show", "exit-check"])
@pytest.mark.parametrize("fmt", ["text", "table"])
def test_every_command_prints_a_hostile_title_without_its_controls(
    tmp_path: Path, command: str, fmt: str
) -> None:
    text = (PLANS / "beiguan.yaml").read_text(encoding="utf-8")
    written = "title: 北关区脱贫攻坚十三五规划\n"
    changed = text.replace(written, 'title: "\\e]2;pwned\\a北关区\\e[1A\\e[2K规划"\n', 1)
    assert changed != text
    path = tmp_path / "title.yaml"
    path.write_text(changed, encoding="utf-8")
    result = CliRunner().invoke(app, [command, str(path), "--format", fmt])
    assert result.exit_code in (0, 1), result.output
    assert "北关区规划" in result.stdout
    assert not any(ord(char) < 32 and char not in "\n\t" for char in result.stdout)
