"""The conventions users know from the tools they already run (ruff, yamllint, check-jsonschema):
--version, colour (--color, NO_COLOR, FORCE_COLOR), shell completion, --extend-select and
--extend-ignore, --stdin-filename, --quiet and --statistics."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import planctl
from planctl.cli import app
from planctl.cli.output import wants_color

runner = CliRunner()
ESC = "\x1b["

ERROR = "plan: {title: 规划}\nbudget:\n  total: 2.0亿元\n  items: [{name: a, amount: 1.0亿元}]\n"
BOTH = (
    "plan: {title: 规划, issued: 2020-01-01, period: [2018, 2020]}\n"
    "budget:\n  total: 2.0亿元\n  items: [{name: a, amount: 1.0亿元}]\n"
    "targets: [{name: 脱贫, measure: people, value: all, by: 2018}]\n"
)  # PC101 (an error) at 3:10 and PC109 (a warning) at 5:55


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(output: str) -> set[str]:
    return {f["code"] for entry in json.loads(output)["files"] for f in entry["findings"]}


def test_version_prints_the_package_version_without_loading_the_checker() -> None:
    # rich counts as heavy only where the command-line library does not load it itself
    # (older typer releases import rich whenever it is installed).
    script = (
        "import sys\n"
        "import typer\n"
        "own = {m for m in sys.modules if m.startswith('rich')}\n"
        "from planctl.cli import app\n"
        "try:\n    app(['--version'])\nexcept SystemExit as e:\n    code = e.code\n"
        "heavy = [m for m in sys.modules if m.startswith(('rich', 'planctl.model'))\n"
        "         and m not in own]\n"
        "print('exit', code, 'heavy', heavy)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.splitlines() == [f"planctl {planctl.__version__}", "exit 0 heavy []"]


@pytest.mark.parametrize(
    ("choice", "tty", "env", "expected"),
    [
        ("auto", True, {}, True),
        ("auto", False, {}, False),
        ("auto", True, {"NO_COLOR": "1"}, False),
        ("auto", True, {"NO_COLOR": ""}, True),  # an empty NO_COLOR is not set
        ("auto", False, {"FORCE_COLOR": "1"}, True),
        ("auto", False, {"FORCE_COLOR": ""}, False),
        ("auto", True, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False),
        ("always", False, {"NO_COLOR": "1"}, True),
        ("never", True, {"FORCE_COLOR": "1"}, False),
    ],
)
def test_the_colour_decision(choice: str, tty: bool, env: dict[str, str], expected: bool) -> None:
    assert wants_color(choice, tty, env) is expected


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        ([], {}, False),
        ([], {"FORCE_COLOR": "1"}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_through_a_pipe(
    tmp_path: Path, args: list[str], env: dict[str, str], coloured: bool
) -> None:
    plan = write(tmp_path / "p.yaml", ERROR)
    clean = {"NO_COLOR": None, "FORCE_COLOR": None}
    result = runner.invoke(
        app, [*args, "validate", str(plan), "--format", "table"], env={**clean, **env}
    )
    assert result.exit_code == 1
    assert "PC101" in result.output
    assert (ESC in result.output) is coloured


def _on_a_terminal(args: list[str], env: dict[str, str]) -> str:
    """What planctl prints to a real pseudo-terminal."""
    import pty

    leader, follower = pty.openpty()
    environ = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    process = subprocess.Popen(
        [sys.executable, "-m", "planctl", *args],
        stdout=follower,
        stderr=follower,
        env={**environ, "TERM": "xterm-256color", "COLUMNS": "120", **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the process ends
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", errors="replace")


def test_no_color_on_a_real_terminal(tmp_path: Path) -> None:
    args = ["exit-check", str(write(tmp_path / "p.yaml", BOTH))]
    assert ESC in _on_a_terminal(args, {})
    plain = _on_a_terminal(args, {"NO_COLOR": "1"})
    assert "\x1b" not in plain
    assert "PC101" in plain


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_prints_the_script_for_the_shell(shell: str) -> None:
    script = runner.invoke(app, ["completion", shell])
    assert script.exit_code == 0
    assert f"_PLANCTL_COMPLETE=complete_{shell}" in script.output
    assert (script.output.startswith("#compdef planctl")) is (shell == "zsh")
    assert ("complete --command planctl" in script.output) is (shell == "fish")
    assert runner.invoke(app, ["completion", "tcsh"]).exit_code == 2


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_completes_options_with_the_printed_script() -> None:
    bin_dir = Path(sys.executable).parent
    if not (bin_dir / "planctl").exists():
        pytest.skip("planctl is not installed next to this Python")
    script = (
        'eval "$(planctl completion bash)"; COMP_WORDS=(planctl validate --extend-); '
        'COMP_CWORD=2; _planctl_completion planctl; echo "${COMPREPLY[@]}"'
    )
    done = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}"},
    )
    assert sorted(done.stdout.split()) == ["--extend-ignore", "--extend-select"]


def test_completion_answers_as_the_script_asks() -> None:
    answer = runner.invoke(
        app,
        [],
        prog_name="planctl",
        env={
            "_PLANCTL_COMPLETE": "complete_bash",
            "COMP_WORDS": "planctl exit-",
            "COMP_CWORD": "1",
        },
    )
    assert answer.output.split() == ["exit-check"]


@pytest.fixture
def isolated_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_extend_select_adds_to_the_settings_and_select_replaces_them(isolated_cwd: Path) -> None:
    write(isolated_cwd / "planctl.toml", 'select = ["PC109"]\n')
    plan = str(write(isolated_cwd / "p.yaml", BOTH))
    json_out = ["--format", "json"]
    assert codes(runner.invoke(app, ["validate", plan, *json_out]).output) == {"PC109"}
    extended = runner.invoke(app, ["validate", plan, *json_out, "--extend-select", "PC101"])
    assert codes(extended.output) == {"PC101", "PC109"}
    replaced = runner.invoke(app, ["validate", plan, *json_out, "--select", "PC101"])
    assert codes(replaced.output) == {"PC101"}


def test_extend_ignore_adds_to_the_settings_and_ignore_replaces_them(isolated_cwd: Path) -> None:
    write(isolated_cwd / "planctl.toml", 'ignore = ["PC101"]\n')
    plan = str(write(isolated_cwd / "p.yaml", BOTH))
    json_out = ["--format", "json"]
    assert codes(runner.invoke(app, ["validate", plan, *json_out]).output) == {"PC109"}
    extended = runner.invoke(app, ["validate", plan, *json_out, "--extend-ignore", "PC109"])
    assert extended.exit_code == 0
    assert codes(extended.output) == set()
    replaced = runner.invoke(app, ["validate", plan, *json_out, "--ignore", "PC109"])
    assert replaced.exit_code == 1
    assert codes(replaced.output) == {"PC101"}
    exits = runner.invoke(app, ["exit-check", plan, *json_out, "--extend-ignore", "PC109"])
    assert "PC101" not in exits.output
    assert "PC109" not in exits.output


@pytest.mark.parametrize("option", ["--extend-select", "--extend-ignore"])
def test_a_mistyped_extension_is_a_usage_error(isolated_cwd: Path, option: str) -> None:
    plan = str(write(isolated_cwd / "p.yaml", BOTH))
    result = runner.invoke(app, ["validate", plan, option, "PC1O1"])
    assert result.exit_code == 2
    assert "PC1O1" in result.output


def test_stdin_filename_names_the_findings_and_finds_its_settings(isolated_cwd: Path) -> None:
    name = "county/p.yaml"
    result = runner.invoke(app, ["validate", "-", "--stdin-filename", name, "-f", "text"], BOTH)
    assert result.exit_code == 1
    assert result.output.startswith(f"{name}:3:10  budget.total  PC101 error")
    assert "<stdin>" not in result.output
    write(isolated_cwd / "county" / "planctl.toml", 'ignore = ["PC101"]\n')
    ignored = runner.invoke(app, ["validate", "--stdin-filename", name, "-f", "json"], BOTH)
    assert ignored.exit_code == 0
    assert codes(ignored.output) == {"PC109"}
    assert json.loads(ignored.output)["files"][0]["file"] == name


def test_stdin_filename_without_stdin_is_a_usage_error(isolated_cwd: Path) -> None:
    plan = str(write(isolated_cwd / "p.yaml", BOTH))
    assert runner.invoke(app, ["validate", plan, "--stdin-filename", "x.yaml"]).exit_code == 2


@pytest.mark.parametrize("fmt", ["text", "table"])
def test_quiet_prints_only_failing_findings_and_keeps_the_exit_code(
    isolated_cwd: Path, fmt: str
) -> None:
    both = str(write(isolated_cwd / "both.yaml", BOTH))
    clean = str(write(isolated_cwd / "clean.yaml", "plan: {title: 好, period: [2016, 2020]}\n"))
    loud = runner.invoke(app, ["validate", both, clean, "-f", fmt])
    quiet = runner.invoke(app, ["validate", both, clean, "-f", fmt, "-q"])
    assert loud.exit_code == quiet.exit_code == 1
    assert "PC109" in loud.output
    assert "files checked" in loud.output
    assert "PC101" in quiet.output
    assert "PC109" not in quiet.output  # a warning does not fail the run
    assert "clean.yaml" not in quiet.output
    assert "checked" not in quiet.output
    strict = runner.invoke(app, ["validate", both, "-f", fmt, "-q", "--strict"])
    assert "PC109" in strict.output


def test_exit_check_quiet_prints_only_what_fails(isolated_cwd: Path) -> None:
    plan = str(write(isolated_cwd / "p.yaml", BOTH))
    result = runner.invoke(app, ["exit-check", plan, "-f", "text", "--quiet"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        line for line in result.output.splitlines() if "PC101" in line
    ]
    assert len(result.output.splitlines()) == 1


def test_statistics_count_each_code_after_the_findings() -> None:
    result = runner.invoke(app, ["validate", "plans/", "-f", "text", "--statistics"])
    lines = result.output.splitlines()
    findings = [line for line in lines if ".yaml:" in line]
    stats = lines[len(findings) : -1]
    assert lines[-1].startswith("5 files checked")
    assert stats, result.output
    counted: dict[str, int] = {}
    for line in stats:
        number, code, title = line.split(None, 2)
        counted[code] = int(number)
        assert title
    for code, count in counted.items():
        assert count == sum(f" {code} " in line for line in findings)
    assert sum(counted.values()) == len(findings)
    assert [line.split()[1] for line in stats if line.split()[1] == "PC110"] == ["PC110"]
    assert "conflicting deadlines for one target" in next(s for s in stats if " PC110 " in s)
