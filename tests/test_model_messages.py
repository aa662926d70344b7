"""Schema problems are said in planctl's words, located, with what was written and what fits."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.loader import load_text
from planctl.location import Position
from planctl.model.validate import to_plan

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
        "'provinc' is not one of province, city, county, district, zone, town; "
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
