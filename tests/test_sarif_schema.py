"""Every SARIF log planctl writes is valid SARIF 2.1.0, and names only rules it defines.

Code-scanning services reject a log that does not validate against the SARIF 2.1.0 schema, and
show a result whose rule is not in `runs[0].tool.driver.rules` without its title or help. The
logs of validate, exit-check and trace are checked against the official schema (OASIS SARIF TC,
errata 01: `tests/data/sarif-schema-2.1.0.json`; its provenance and licence are in
`tests/data/README.md`), on the bundled plans and on the failing plans of tests/golden/ci/.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from planctl.cli import app

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "tests" / "data" / "sarif-schema-2.1.0.json"
SOURCE = ROOT.parent / "shared" / "seeds" / "002_11ae40bad7665c8f.txt"

runner = CliRunner()


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    assert schema["id"].endswith("/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def sarif_of(*args: str) -> dict[str, Any]:
    """The SARIF log of `planctl ARGS --format sarif`, run from the repository root."""
    result = runner.invoke(app, [*args, "--format", "sarif"])
    assert result.exit_code in {0, 1}, result.output
    log: dict[str, Any] = json.loads(result.output)
    return log


def assert_valid(validator: Any, log: dict[str, Any]) -> None:
    errors = sorted(validator.iter_errors(log), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(
        f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in errors[:10]
    )


def assert_rules_defined(log: dict[str, Any]) -> None:
    """Every result's ruleId is a rule of the driver, and its ruleIndex points at that rule."""
    run = log["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules)), "a rule is defined twice"
    for result in run["results"]:
        assert result["ruleId"] in rules, result["ruleId"]
        if "ruleIndex" in result:
            assert rules[result["ruleIndex"]] == result["ruleId"]


CASES = {
    "validate plans/": ("validate", "plans/"),
    "validate tests/golden/ci/": ("validate", "tests/golden/ci/"),
    "exit-check plans": (
        "exit-check",
        *sorted(str(p.relative_to(ROOT)) for p in ROOT.glob("plans/*.yaml")),
    ),
    "exit-check a failing plan": ("exit-check", "tests/golden/ci/broken.yaml"),
}


@pytest.mark.parametrize("args", CASES.values(), ids=CASES.keys())
def test_sarif_validates_against_the_schema_and_defines_its_rules(
    validator: Any,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
) -> None:
    monkeypatch.chdir(ROOT)
    log = sarif_of(*args)
    assert log["runs"][0]["results"], "a log without results would check little"
    assert_valid(validator, log)
    assert_rules_defined(log)


def test_a_failing_plans_log_carries_its_errors(
    validator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    results = sarif_of("exit-check", "tests/golden/ci/broken.yaml")["runs"][0]["results"]
    found = {(result["ruleId"], result["level"], result.get("kind")) for result in results}
    assert ("PC101", "error", None) in found  # a problem: a plain result
    assert ("PE02", "none", "review") in found  # a verdict that cannot be evaluated


@pytest.mark.skipif(
    not SOURCE.is_file(), reason="the Luoyang source document is not beside the repo"
)
def test_trace_sarif_validates_too(
    validator: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    plan = tmp_path / "luoyang.yaml"
    text = (ROOT / "plans" / "luoyang.yaml").read_text(encoding="utf-8")
    plan.write_text(text.replace("amount: 346.857亿元", "amount: 346.8亿元"), encoding="utf-8")
    log = sarif_of("trace", str(plan), "--source", str(SOURCE))
    assert {result["ruleId"] for result in log["runs"][0]["results"]} >= {"PT001", "PT003"}
    assert_valid(validator, log)
    assert_rules_defined(log)


def test_the_schema_check_catches_a_broken_log(
    validator: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check can fail: a result without its message, or a level SARIF does not know."""
    monkeypatch.chdir(ROOT)
    log = sarif_of("validate", "tests/golden/ci/")
    result = log["runs"][0]["results"][0]
    del result["message"]
    assert list(validator.iter_errors(log))
    result["message"], result["level"] = {"text": "x"}, "fatal"
    assert list(validator.iter_errors(log))
    result["level"] = "error"
    assert not list(validator.iter_errors(log))
