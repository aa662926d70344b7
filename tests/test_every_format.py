"""Every command in every format it offers, on every bundled plan: it runs, exits 0 or 1, and
prints something well-formed. The formats come from the renderer registry, so a new format or
a new kind of result is covered without touching this test."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.render import RENDERERS

# a sweep of every command in every format on every plan: run with --run-slow (CI does)
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted(str(path) for path in (ROOT / "plans").glob("*.yaml"))
SEEDS = ROOT.parent / "shared" / "seeds"
LUOYANG_SOURCE = SEEDS / "002_11ae40bad7665c8f.txt"

runner = CliRunner()


def arguments(kind: str, plan: str) -> list[str] | None:
    """The command line for a kind of result on `plan` (None: the kind has no command here)."""
    if kind in {"validate", "exit-check", "show", "budget", "schedule"}:
        return [kind, plan]
    if kind == "diff":
        return ["diff", plan, plan]
    if kind == "rules":
        return ["rules"]
    if kind == "trace":
        if not plan.endswith("luoyang.yaml") or not LUOYANG_SOURCE.is_file():
            return None
        return ["trace", plan, "--source", str(LUOYANG_SOURCE)]
    return None


CASES = [
    (kind, fmt, plan)
    for kind, fmt in sorted(RENDERERS)
    for plan in PLANS
    if arguments(kind, plan) is not None and (kind != "rules" or plan == PLANS[0])
]


@pytest.mark.parametrize(("kind", "fmt", "plan"), CASES)
def test_every_command_in_every_format(kind: str, fmt: str, plan: str) -> None:
    args = arguments(kind, plan)
    assert args is not None
    result = runner.invoke(app, [*args, "--format", fmt])
    assert "Traceback" not in result.output
    assert result.exit_code in {0, 1}, result.output
    output = result.stdout
    assert output.strip()
    if fmt in {"json", "sarif"}:
        data = json.loads(output)
        if fmt == "json":
            assert data["command"] == kind
    elif fmt == "junit":
        assert ET.fromstring(output.split("\n", 1)[1]).tag == "testsuites"
    elif fmt == "github":
        assert output.splitlines()[-1]  # the summary line closes the output


def test_the_registry_covers_table_text_and_json_for_every_kind() -> None:
    kinds = {kind for kind, _ in RENDERERS}
    for kind in kinds - {"report"}:
        assert {(kind, fmt) for fmt in ("table", "text", "json")} <= set(RENDERERS), kind
