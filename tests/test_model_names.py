"""Names that the checks compare with known ones: a near miss is refused, free text stays free."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from planctl.cli import app
from planctl.criteria import MEASURE_ALIASES
from planctl.loader import load_text
from planctl.location import Position
from planctl.model.names import PROVINCES, criterion_measures
from planctl.model.validate import to_plan

runner = CliRunner()


def validate(text: str) -> list[tuple[str, str, Position | None, str]]:
    _, found = to_plan(load_text(text))
    return [(f.code, ".".join(map(str, f.path)), f.position, f.message) for f in found]


def cli(tmp_path: Path, text: str) -> tuple[int, str]:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["validate", "--format", "text", str(path)])
    assert "Traceback" not in result.output
    assert "Input should" not in result.output
    return result.exit_code, result.output.replace(str(path), "plan.yaml")


TARGET = "plan: {title: x}\ntargets:\n  - {name: t, measure: %s, value: all, by: 2020}\n"


@pytest.mark.parametrize(
    ("measure", "meant"),
    [
        ("village", "villages"),
        ("Villages", "villages"),
        ("vilages", "villages"),
        ("poor_villages", "villages"),
        ("贫困村", "villages"),
        ("村", "villages"),
        ("peple", "people"),
        ("PEOPLE", "people"),
        ("人口", "people"),
        ("household", "households"),
        ("户", "households"),
        ("county", "counties"),
        ("贫困县", "counties"),
    ],
)
def test_a_near_miss_of_a_counted_measure_is_refused_with_the_one_meant(
    tmp_path: Path, measure: str, meant: str
) -> None:
    [(code, path, position, message)] = validate(TARGET % measure)
    assert (code, path, position) == ("PC003", "targets.0.measure", Position(3, 24))
    assert message.startswith(
        f"'{measure}' is not a measure planctl counts; did you mean '{meant}'?"
    )
    exit_code, output = cli(tmp_path, TARGET % measure)
    assert exit_code == 1
    assert output.startswith(
        f"plan.yaml:3:24  targets[0].measure  PC003 error: '{measure}' is not a measure"
    )


@pytest.mark.parametrize(
    "measure", ["people", "relocation", "非贫困县贫困村", "巩固提升", "县级社会福利中心"]
)
def test_counted_measures_and_free_text_are_accepted(tmp_path: Path, measure: str) -> None:
    assert validate(TARGET % measure) == []
    assert cli(tmp_path, TARGET % measure)[0] == 0


def test_a_schedule_measure_is_checked_the_same_way(tmp_path: Path) -> None:
    text = "plan: {title: x}\nschedules:\n  - {name: s, measure: village, years: {2016: 2个}}\n"
    [(_, path, position, message)] = validate(text)
    assert (path, position) == ("schedules.0.measure", Position(3, 24))
    assert "did you mean 'villages'?" in message
    assert cli(tmp_path, text)[0] == 1


CRITERION = "plan: {title: x}\ncriteria:\n  - {name: c, measure: %s, threshold: 2%%}\n"


@pytest.mark.parametrize(
    ("measure", "meant"),
    [
        ("Incidence", "incidence"),
        ("incidense", "incidence"),
        ("贫困发生律", "贫困发生率"),
        ("贫困村退出率", "贫困村退出比例"),
        ("people-exited", "people_exited"),
    ],
)
def test_a_near_miss_of_an_exit_measure_is_refused(
    tmp_path: Path, measure: str, meant: str
) -> None:
    [(code, path, position, message)] = validate(CRITERION % measure)
    assert (code, path, position) == ("PC003", "criteria.0.measure", Position(3, 24))
    assert f"did you mean '{meant}'?" in message
    assert "incidence, 贫困发生率" in message  # the known ones are listed
    exit_code, output = cli(tmp_path, CRITERION % measure)
    assert exit_code == 1
    assert "plan.yaml:3:24  criteria[0].measure  PC003 error:" in output.splitlines()[0]


@pytest.mark.parametrize("measure", [*MEASURE_ALIASES, "硬化通村公路"])
def test_exit_measures_and_other_criteria_are_accepted(measure: str) -> None:
    assert validate(CRITERION % measure) == []


def test_the_known_exit_measures_are_those_the_exit_checks_evaluate() -> None:
    assert set(criterion_measures()) == set(MEASURE_ALIASES)


REGION = "plan: {title: x, region: {name: a, province: %s}}\n"


@pytest.mark.parametrize(
    ("province", "meant"),
    [
        ("河南", "河南省"),
        ("新疆", "新疆维吾尔自治区"),
        ("广西自治区", "广西壮族自治区"),
        ("北京", "北京市"),
        ("内蒙古", "内蒙古自治区"),
        ("Henan", "河南省"),
        ("Shaanxi", "陕西省"),
        ("新彊维吾尔自治区", "新疆维吾尔自治区"),
        ("黑龙省", "黑龙江省"),
    ],
)
def test_a_province_not_by_its_full_name_is_refused_with_it(
    tmp_path: Path, province: str, meant: str
) -> None:
    [(code, path, position, message)] = validate(REGION % province)
    assert (code, path) == ("PC003", "plan.region.province")
    assert position == Position(1, 46)
    assert message.startswith(f"'{province}' is not a provincial-level division of China")
    assert f"did you mean '{meant}'?" in message
    exit_code, output = cli(tmp_path, REGION % province)
    assert exit_code == 1
    assert output.startswith("plan.yaml:1:46  plan.region.province  PC003 error:")


def test_an_unknown_province_lists_the_known_ones() -> None:
    [(_, _, _, message)] = validate(REGION % "示例省")
    assert "did you mean" not in message
    assert all(province in message for province in PROVINCES)


def test_all_34_provincial_level_divisions_are_accepted() -> None:
    assert len(set(PROVINCES)) == 34
    for province in PROVINCES:
        assert validate(REGION % province) == []


@pytest.mark.parametrize(
    ("unit", "says"),
    [
        ("公理", "unknown unit '公理'; did you mean '公里'?"),
        ("万人口", "unknown unit '万人口'; did you mean '万人'?"),
        ("dollars", "unknown unit 'dollars'. Known units: 元 人"),
    ],
)
def test_a_declared_unit_must_be_known(tmp_path: Path, unit: str, says: str) -> None:
    text = f"plan: {{title: x}}\nfacts:\n  - {{name: a, value: {{value: 5, unit: {unit}}}}}\n"
    [(code, path, position, message)] = validate(text)
    assert (code, path, position) == ("PC003", "facts.0.value.unit", Position(3, 39))
    assert message.startswith(says)
    exit_code, output = cli(tmp_path, text)
    assert exit_code == 1
    assert output.startswith(f"plan.yaml:3:39  facts[0].value.unit  PC003 error: {says}")


def test_a_declared_unit_with_a_multiplier_is_accepted() -> None:
    assert (
        validate("plan: {title: x}\nfacts:\n  - {name: a, value: {value: 5, unit: 万人}}\n") == []
    )
