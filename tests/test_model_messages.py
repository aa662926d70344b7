"""Schema problems are said in planctl's words, located, with what was written and what fits."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.loader import load_text
from planctl.location import Position
from planctl.model.validate import to_plan
from planctl.quantity import Bound

runner = CliRunner()
# Phrases of the validation library that must never reach a user.
FOREIGN = ("Input should", "Field required", "valid integer", "Value error", "String should")


def findings(text: str) -> list[tuple[str, Position | None, str]]:
    plan, found = to_plan(load_text(text))
    assert plan is None
    return [(finding.code, finding.position, finding.message) for finding in found]


def cli(tmp_path: Path, text: str) -> tuple[int, list[str]]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "text", str(path)])
    assert "Traceback" not in result.output
    assert not any(phrase in result.output for phrase in FOREIGN), result.output
    return result.exit_code, [
        line.replace(str(path), "plan.yaml") for line in result.output.splitlines()
    ]


CASES = [
    # (plan text after `plan: {title: x}`, line, column, plan path, message start)
    (
        "targets:\n  - {name: a, measure: people, by: 2018年}\n",
        3,
        36,
        "targets[0].by",
        "'2018年': write the year as a bare number, 2018",
    ),
    (
        "schedules:\n  - {name: a, measure: people, years: {2018年: 5人}}\n",
        3,
        40,
        "schedules[0].years.2018年",
        "'2018年': write the year as a bare number, 2018",
    ),
    (
        "targets:\n  - {name: a, measure: people, by: 2200}\n",
        3,
        36,
        "targets[0].by",
        "the number 2200 is not a year planctl accepts: years run from 1949 to 2100",
    ),
    (
        "targets:\n  - {name: a, measure: people, by: soon}\n",
        3,
        36,
        "targets[0].by",
        "expected a whole number here, not 'soon'",
    ),
    ("targets:\n  - {name: '', measure: people}\n", 3, 12, "targets[0].name", "must not be empty"),
    ("targets:\n  - {measure: people}\n", 3, 5, "targets[0].name", "'name' is required here"),
    ("budget: {items: {a: 1}}\n", 2, 17, "budget.items", "expected a list here"),
    ("budget: {items: [5]}\n", 2, 18, "budget.items[0]", "expected a mapping here"),
    (
        "budget: {breakdown: whole}\n",
        2,
        21,
        "budget.breakdown",
        "'whole' is not one of exhaustive, partial",
    ),
    (
        "regions: {items: [{name: a, kind: Poor}]}\n",
        2,
        35,
        "regions.items[0].kind",
        "'Poor' is not one of national_key, provincial_key, poor, non_poor, other; "
        "did you mean 'poor'?",
    ),
    (
        "counts:\n  - {name: c, value: 5个, kind: [poor, bad]}\n",
        3,
        39,
        "counts[0].kind[1]",
        "'bad' is not one of national_key",
    ),
    (
        "rates:\n  - {name: r, rate: 5元, per: 人, years: 0}\n",
        3,
        40,
        "rates[0].years",
        "must be at least 1, not the number 0",
    ),
    (
        "targets:\n  - {name: a, measure: people, value: al}\n",
        3,
        39,
        "targets[0].value",
        "'al' does not start with a number",
    ),
]


@pytest.mark.parametrize(("body", "line", "column", "path", "message"), CASES)
def test_schema_problems_are_said_in_planctls_words(
    tmp_path: Path, body: str, line: int, column: int, path: str, message: str
) -> None:
    text = "plan: {title: x}\n" + body
    [(code, position, said)] = findings(text)
    assert (code, position) == ("PC003", Position(line, column))
    assert said.startswith(message), said
    exit_code, lines = cli(tmp_path, text)
    assert exit_code == 1
    assert lines[0].startswith(f"plan.yaml:{line}:{column}  {path}  PC003 error: {message}"), lines


def test_plan_level_types_are_said_in_planctls_words(tmp_path: Path) -> None:
    text = (
        "plan: {title: [1], issued: 2016-05, period: [2016], region: {name: x, level: provinc,"
        " western: maybe}, dates: [{what: a, date: 2018年}]}\n"
    )
    said = {message for _, _, message in findings(text)}
    assert said == {
        "expected text here, not the list [1]",
        "expected a date written YYYY-MM-DD (such as 2016-05-01), not '2016-05'",
        "entry 2 is missing here",
        "'provinc' is not one of province, city, county, district, zone, town, village; "
        "did you mean 'province'?",
        "expected true or false here, not 'maybe'",
        "'2018年': write the year as a bare number, 2018",
    }
    assert cli(tmp_path, text)[0] == 1


@pytest.mark.parametrize(
    ("body", "path", "hint"),
    [
        (
            "schedules:\n  - {name: s, measure: villages, years: {2019: 77万}}\n",
            "schedules[0].years.2019",
            "such as 77万个 or 77万村",
        ),
        (
            "schedules:\n  - {name: s, measure: people, years: {2019: 6.53万}}\n",
            "schedules[0].years.2019",
            "such as 6.53万人",
        ),
        (
            "targets:\n  - {name: t, measure: households, value: 2万余}\n",
            "targets[0].value",
            "such as 2万余户",
        ),
        ("budget: {total: 6.53万}\n", "budget.total", "such as 6.53万元"),
        (
            "budget: {items: [{name: a, beneficiaries: 3万}]}\n",
            "budget.items[0].beneficiaries",
            "such as 3万人, 3万户, 3万人次 or 3万个",
        ),
        (
            "facts:\n  - {name: a, value: 6.53万}\n",
            "facts[0].value",
            "such as 6.53万元 or 6.53万人",
        ),
        ("budget: {total: 5}\n", "budget.total", "such as 5元"),
    ],
)
def test_a_missing_unit_hint_keeps_the_multiplier_in_the_fields_units(
    tmp_path: Path, body: str, path: str, hint: str
) -> None:
    text = "plan: {title: x}\n" + body
    [(_, _, said)] = findings(text)
    assert said.endswith(hint), said
    exit_code, lines = cli(tmp_path, text)
    assert exit_code == 1
    assert f"{path}  PC003 error: " in lines[0], lines
    assert lines[0].endswith(hint), lines


def test_the_longest_figures_add_up_without_an_internal_error(tmp_path: Path) -> None:
    part = "4" * 24

    def body(total: str) -> str:
        return (
            f"budget:\n  total: {total}元\n  items:\n"
            f"    - {{name: a, amount: {part}元}}\n    - {{name: b, amount: {part}元}}\n"
        )

    exit_code, lines = cli(tmp_path, "plan: {title: x}\n" + body("8" * 24))
    assert exit_code == 0, lines
    exit_code, lines = cli(tmp_path, "plan: {title: x}\n" + body("8" * 22 + "99"))
    assert exit_code == 1, lines
    assert "budget.total" in lines[0], lines


# Openings of the validation library's message templates; none may reach a user.
LIBRARY_WORDING = (
    "Input should",
    "Input is not",
    "Field required",
    "Extra inputs",
    "String should",
    "Data should",
    "Value error",
    "Assertion failed",
    "Unable to parse",
    "unable to parse",
    "Recursion error",
    "Decimal input",
    "valid integer",
    "valid string",
)
BASE = """\
plan:
  title: 示例县规划
  issued: 2016-05-01
  region: {name: 示例县, level: county, province: 河南省, western: false}
  period: [2016, 2020]
  source: {title: 示例, date: 2016-05-01}
  dates: [{what: 截止, date: 2015-12-31}]
baseline: {year: 2015, poor_population: 1.2万人, poor_villages: 20个}
targets:
  - {name: 脱贫, measure: people, value: all, by: 2019}
schedules:
  - {name: 退出, measure: people, years: {2016: 5000人}, total: 5000人}
regions:
  items: [{name: 东乡, kind: poor, poor_population: 7000人, exit_year: 2018, tags: [片区]}]
  groups: [{name: 贫困乡, kinds: [poor], poor_population: 7000人}]
counts:
  - {name: 乡镇, value: 1个, of: regions, depth: 1, kind: poor, names: [东乡]}
budget:
  total: 1.5亿元
  breakdown: partial
  items:
    - {name: 产业, amount: {value: 9000万元, also: [{value: 0.9亿元}]}, projects: 3个, owners: [局]}
facts:
  - {name: 资金, value: 2.4亿元, year: 2015, items: [{name: 财政, value: 1.8亿元, share: 75%}]}
indicators:
  - {name: 签约率, target: 100%, by: 2018}
rates:
  - {name: 扶持, rate: 2000元, per: 人, per_year: true, years: 5, count: 2.1万人}
measures:
  - {name: 产业扶贫, owners: [局], items: [{name: 种植}]}
criteria:
  - {name: 退出, applies_to: [poor], measure: 贫困发生率, threshold: 2%}
accepted:
  - {rule: PC101, at: budget, reason: 原文}
"""
BAD_VALUES: list[object] = [[1], {"a": 1}, True, "2018年", -5, 10**30, "village"]


def _leaves(data: object, path: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    if isinstance(data, dict):
        return [path] + [p for key, value in data.items() for p in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [path] + [
            p for index, value in enumerate(data) for p in _leaves(value, (*path, index))
        ]
    return [path]


def _replaced(data: object, path: tuple[object, ...], value: object) -> object:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)  # type: ignore[call-overload]
    copy[path[0]] = _replaced(copy[path[0]], path[1:], value)
    return copy


@pytest.mark.slow
def test_no_wrong_value_anywhere_gets_the_validation_librarys_wording() -> None:
    import yaml

    base = yaml.safe_load(BASE)
    assert to_plan(load_text(BASE))[1] == []
    paths = [path for path in _leaves(base) if path]
    assert len(paths) > 100
    said = 0
    for path in paths:
        for value in BAD_VALUES:
            text = yaml.safe_dump(_replaced(base, path, value), allow_unicode=True)
            _, found = to_plan(load_text(text))
            for finding in found:
                said += 1
                assert finding.position is not None, (path, value, finding)
                assert not any(words in finding.message for words in LIBRARY_WORDING), (
                    path,
                    value,
                    finding.message,
                )
    assert said > len(paths)  # most replacements are refused


def test_a_qualifier_after_the_multiplier_reads_as_a_lower_bound(tmp_path: Path) -> None:
    text = "plan: {title: x}\nbaseline: {poor_population: 20.58万余人, poor_villages: 一百一个}\n"
    plan, found = to_plan(load_text(text))
    assert found == []
    assert plan is not None
    assert plan.baseline is not None
    people, villages = plan.baseline.poor_population, plan.baseline.poor_villages
    assert people is not None
    assert villages is not None
    assert (people.value.base, people.value.bound) == (Decimal(205800), Bound.MORE_THAN)
    assert villages.value.base == 110
    assert cli(tmp_path, text)[0] == 0
