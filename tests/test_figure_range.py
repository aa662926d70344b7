"""Every figure inside the documented range (24 significant digits, under 10^24 base units,
last digits down to 10^-23) is computed with, by every command, without an internal error:
sums of the largest and smallest, rates times counts times years, conversions between units."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planctl.cli import app

runner = CliRunner()

PLAN = """plan: {{title: 边界, period: [2016, 2020]}}
baseline: {{poor_population: {people}人}}
schedules:
  - {{name: 脱贫, measure: people, years: {{2016: {people}人, 2017: {small}万人}}}}
budget:
  total: {big}亿元
  items:
    - {{name: 甲, amount: {big}亿元, beneficiaries: {small}万人}}
    - {{name: 乙, amount: {tiny}元}}
rates:
  - {{name: 补助, rate: {rate}元, per: 人, per_year: true, years: 100, count: {people}人,
     budget: x}}
facts:
  - {{name: 比例, id: x, amount: 1元}}
"""


def figure(digits: int, point: int) -> str:
    """A number of `digits` significant digits with the decimal point `point` places from the
    right (0: an integer)."""
    text = "9" * digits
    if point == 0:
        return text
    if point >= digits:
        return "0." + "0" * (point - digits) + text
    return text[:-point] + "." + text[-point:]


COMMANDS = [
    ["validate"],
    ["exit-check"],
    ["show"],
    ["budget", "--unit", "元"],
    ["budget", "--unit", "亿元"],
    ["schedule"],
    ["export", "--to", "json"],
]


@pytest.mark.slow
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@example(people=24, big=24, big_point=0, small_point=12, tiny_point=23, rate=24)
@given(
    people=st.integers(min_value=1, max_value=24),
    big=st.integers(min_value=1, max_value=24),
    big_point=st.integers(min_value=0, max_value=24),
    small_point=st.integers(min_value=0, max_value=12),
    tiny_point=st.integers(min_value=0, max_value=23),
    rate=st.integers(min_value=1, max_value=24),
)
def test_figures_at_the_edges_of_the_range_never_crash(
    tmp_path: Path,
    people: int,
    big: int,
    big_point: int,
    small_point: int,
    tiny_point: int,
    rate: int,
) -> None:
    # Keep each figure inside the range: under 10^24 in its base unit.
    big_text = figure(big, max(big_point, big - 15))  # 亿元: 10^8 元
    text = PLAN.format(
        people=figure(people, 0),
        small=figure(min(small_point + 1, 24), small_point),
        big=big_text,
        tiny=figure(1, tiny_point),
        rate=figure(rate, max(0, rate - 20)),
    )
    assert Decimal(big_text) * 10**8 < Decimal(10) ** 24
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    for command in COMMANDS:
        result = runner.invoke(app, [command[0], str(path), *command[1:]])
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            command,
            result.exception,
        )
        assert result.exit_code in {0, 1}, (command, result.output)
