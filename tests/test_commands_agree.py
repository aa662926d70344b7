"""validate and exit-check run one engine: on the same plan they never disagree.

Plans are generated with a people schedule and a baseline printed at different precisions
(`310975人`, `31.0975万人`, `31.1万人`, `31万人`), so that a sum which only agrees with a rounded
baseline at its printed precision is common. Both commands must then report the same failing
findings and exit with the same code; and where the figures agree at their printed precision,
neither may call the schedule short of the baseline.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

PLAN = """plan: {{title: 测试县, period: [2016, 2019]}}
baseline: {{poor_population: {baseline}}}
targets:
  - {{name: 全部脱贫, measure: people, value: all, by: 2019}}
schedules:
  - {{name: 脱贫, measure: people, years: {{{years}}}}}
"""


def printed(people: int, places: int | None) -> str:
    """`people` as a plan prints it: exact in 人, or in 万人 rounded to `places` decimals."""
    if places is None:
        return f"{people}人"
    value = (Decimal(people) / 10000).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    return f"{value}万人"


def failing(output: str, command: str) -> tuple[set[tuple[str, str]], bool]:
    data = json.loads(output)
    if command == "validate":
        found = [f for entry in data["files"] for f in entry["findings"]]
    else:
        plan = data["plans"][0]
        found = [*plan["headlines"], *plan["verdicts"], *plan["problems"]]
    failed = {
        (f["code"], f["path"])
        for f in found
        if f["outcome"] == "fail" and f["severity"] == "error" and f["accepted"] is None
    }
    return failed, bool(data["failed"]) if command != "validate" else data["summary"]["failed"]


@pytest.mark.slow
@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    parts=st.lists(st.integers(min_value=0, max_value=120_000), min_size=4, max_size=4),
    drift=st.integers(min_value=-6000, max_value=6000),
    places=st.sampled_from([None, 4, 2, 1, 0]),
)
def test_validate_and_exit_check_agree(
    tmp_path: Path, parts: list[int], drift: int, places: int | None
) -> None:
    total = sum(parts)
    baseline_people = max(total + drift, 0)
    years = ", ".join(f"{2016 + i}: {n}人" for i, n in enumerate(parts))
    path = tmp_path / "plan.yaml"
    baseline = printed(baseline_people, places)
    path.write_text(PLAN.format(baseline=baseline, years=years), encoding="utf-8")
    validate = runner.invoke(app, ["validate", str(path), "--format", "json"])
    exits = runner.invoke(app, ["exit-check", str(path), "--format", "json"])
    assert validate.exit_code == exits.exit_code, (validate.output, exits.output)
    validate_failing, validate_failed = failing(validate.stdout, "validate")
    exit_failing, exit_failed = failing(exits.stdout, "exit-check")
    assert validate_failing == exit_failing
    assert validate_failed == exit_failed
    # At its printed precision the baseline stands for an interval: a total inside it agrees.
    stated = Decimal(baseline.removesuffix("万人").removesuffix("人"))
    factor = Decimal(10000) if baseline.endswith("万人") else Decimal(1)
    exponent = stated.as_tuple().exponent
    assert isinstance(exponent, int)
    half_ulp = Decimal(1).scaleb(exponent) / 2 * factor
    if abs(stated * factor - total) <= half_ulp:
        assert ("PC107", "schedules[0].years") not in exit_failing
        assert ("PE02", "targets[0].by") not in exit_failing
