"""`planctl --help` lists every command without importing one; each is built when it is run."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from planctl.cli import app
from planctl.cli.commands import COMMANDS, LazyGroup, build

runner = CliRunner()


def test_help_lists_every_command_with_its_summary_in_full_at_80_columns() -> None:
    shown = runner.invoke(app, ["--help"], terminal_width=80)
    assert shown.exit_code == 0
    listing = shown.output.split("Commands:\n", 1)[1].splitlines()
    assert [line.split(maxsplit=1) for line in listing] == [
        [name, entry.summary] for name, entry in COMMANDS.items()
    ]


@pytest.mark.parametrize("name", list(COMMANDS))
def test_every_command_builds_with_its_summary_as_short_help(name: str) -> None:
    command = build(name)
    assert command.name == name
    assert command.get_short_help_str(limit=200) == COMMANDS[name].summary
    assert (command.help or "").strip()  # its docstring, for `planctl NAME --help`


def run_and_list_modules(argv: list[str], prefix: str, cwd: Path | None = None) -> list[str]:
    """Run planctl with `argv` in a fresh interpreter; the modules under `prefix` it imported."""
    script = (
        "import sys\n"
        "from planctl.entry import main\n"
        f"sys.argv = ['planctl', *{argv!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        f"print(sorted(m for m in sys.modules if m.startswith({prefix!r})), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=cwd
    )
    return list(ast.literal_eval(done.stderr.splitlines()[-1]))


def test_running_a_command_imports_only_that_command() -> None:
    commands = run_and_list_modules(["schema"], "planctl.cli.")
    assert [m for m in commands if m.endswith("_command")] == ["planctl.cli.schema_command"]
    assert isinstance(get_command(app), LazyGroup)


@pytest.mark.parametrize("settings", [None, 'lang = "zh"\nselect = ["PC1"]\n'])
def test_help_imports_no_command_and_not_the_model(tmp_path: Path, settings: str | None) -> None:
    """Not even under a settings file, whose language `--help` speaks: its rule codes are
    checked by the command that uses them, not before `--help`."""
    if settings is not None:
        (tmp_path / "planctl.toml").write_text(settings, encoding="utf-8")
    heavy = ("planctl.model", "planctl.engine", "planctl.rules", "pydantic", "yaml")
    loaded = run_and_list_modules(["--help"], "", cwd=tmp_path)
    assert [m for m in loaded if m.startswith(heavy) or m.endswith("_command")] == []


def test_a_mistyped_command_is_a_usage_error_naming_it() -> None:
    typo = runner.invoke(app, ["exit-chek"])
    assert typo.exit_code == 2
    assert "'exit-chek'" in typo.output


def test_usage_errors_and_the_command_list_speak_the_chosen_language() -> None:
    from planctl import i18n

    english = runner.invoke(app, ["validate", "--no-such-option"])
    assert english.exit_code == 2
    assert "Usage: planctl validate" in english.output
    assert "Error:" in english.output
    i18n.use("zh")
    chinese = runner.invoke(app, ["validate", "--no-such-option"])
    assert chinese.exit_code == 2
    assert "用法" in chinese.output
    assert "错误" in chinese.output
    assert "Usage" not in chinese.output
    assert "Error" not in chinese.output
    listing = runner.invoke(app, ["--help"]).output.split("命令", 1)[1]
    assert "退出" in listing
    assert "Show this message" not in runner.invoke(app, ["schema", "--help"]).output


HELP_WIDTHS = """
import json, sys
from planctl.i18n import use_command_line
use_command_line(["--lang", sys.argv[1]])  # as entry.py does, before the commands are imported
from rich.cells import cell_len
from typer.testing import CliRunner
from planctl.cli import app
from planctl.cli.commands import COMMANDS
out = {}
for width in (80, 120):
    for name in ["--help", *COMMANDS]:
        argv = [name, "--help"] if name != "--help" else [name]
        shown = CliRunner().invoke(app, argv, terminal_width=width)
        lines = shown.output.splitlines()
        out[f"{name} {width}"] = [shown.exit_code, sys.argv[2] in shown.output,
                                  [line for line in lines if cell_len(line) > width]]
print(json.dumps(out))
"""


@pytest.mark.parametrize(("lang", "usage"), [("en", "Usage"), ("zh", "用法")])
def test_help_of_every_command_fits_80_and_120_columns(lang: str, usage: str) -> None:
    """By display width: English help that names a Chinese term (文号) is folded too."""
    done = subprocess.run(
        [sys.executable, "-c", HELP_WIDTHS, lang, usage],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    assert len(shown) == 2 * (len(COMMANDS) + 1)
    assert {name: result for name, result in shown.items() if result != [0, True, []]} == {}


def test_chinese_top_level_help_from_the_locale() -> None:
    """The language is chosen before the command line is built: `planctl --help` in Chinese."""
    script = "import sys\nfrom planctl.cli import main\nsys.argv = ['planctl', '--help']\nmain()\n"
    environment = {**os.environ, "LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""}
    code = "from planctl.i18n import use_command_line; use_command_line([])\n" + script
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, env=environment
    )
    assert done.returncode == 0, done.stderr
    assert "核对" in done.stdout
    assert "命令" in done.stdout
    assert "Show this message" not in done.stdout


@pytest.mark.parametrize(
    ("argv", "english", "chinese"),
    [
        (["valdate"], "No such command 'valdate'. Did you mean 'validate'?", "没有命令"),
        (["validate", "--formt", "json"], "No such option: --formt", "没有选项"),
        (["validate", "--format", "xml"], "Invalid value for --format", "的值无效"),
    ],
)
def test_usage_errors_name_the_mistake_in_either_language(
    argv: list[str], english: str, chinese: str
) -> None:
    from planctl import i18n

    shown = runner.invoke(app, argv)
    assert shown.exit_code == 2
    assert english in shown.output
    i18n.use("zh")
    shown = runner.invoke(app, [*argv, "--lang", "zh"])
    assert shown.exit_code == 2
    assert chinese in shown.output
    assert argv[-1] in shown.output or argv[-2] in shown.output
