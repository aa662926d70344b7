"""A county plan written as real ones are printed validates with no acceptance, and each of its
document's own cross-checks still catches a changed figure.

tests/data/hexi.yaml (made up) holds together what real documents print: annual targets beside
the schedule and a table of only the villages exiting in 2017, causes of poverty as fractions
of one, and the poverty incidence for the baseline, each listed village and each year.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from planctl.cli import app

HEXI = Path(__file__).parent / "data" / "hexi.yaml"
runner = CliRunner()


def validate(path: Path) -> tuple[int, list[dict[str, object]]]:
    result = runner.invoke(app, ["validate", str(path), "--no-accepted", "--format", "json"])
    return result.exit_code, json.loads(result.stdout)["files"][0]["findings"]


def test_the_plan_uses_every_feature_and_validates_without_acceptances() -> None:
    plan = yaml.safe_load(HEXI.read_text(encoding="utf-8"))
    assert "accepted" not in plan
    assert any("in" in target for target in plan["targets"])
    assert plan["regions"]["breakdown"] == "partial"
    assert plan["baseline"]["incidence"]
    assert plan["schedules"][0]["incidence"]
    assert all(part["share"]["kind"] == "fraction" for part in plan["facts"][0]["items"])
    code, findings = validate(HEXI)
    assert (code, findings) == (0, [])


def changed(tmp_path: Path, old: str, new: str) -> Path:
    text = HEXI.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path = tmp_path / "hexi.yaml"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


VILLAGE = "    - {name: 下河村, level: village, poor_population: 198人"


@pytest.mark.parametrize(
    ("old", "new", "code", "where", "stated", "computed"),
    [
        # the table of 2017's villages lists a fourth: more than the annual target of 3
        (
            VILLAGE,
            "    - {name: 北河村, level: village, poor_population: 120人, exit_year: 2017}\n"
            + VILLAGE,
            "PE09",
            "targets[2].value",
            "3个",
            "4个",
        ),
        ("value: 2个, in: 2018", "value: 3个, in: 2018", "PE09", "targets[3].value", "3个", "2个"),
        (
            "{value: 0.08, kind: fraction}",
            "{value: 0.12, kind: fraction}",
            "PC106",
            None,
            None,
            None,
        ),
        ("incidence: 12.5%", "incidence: 13.5%", "PC113", "regions.items[0].incidence", None, None),
        ("2018: 3.33%", "2018: 4.33%", "PC113", "schedules[0].incidence.2018", None, None),
    ],
)
def test_a_changed_figure_is_reported_where_it_is(
    tmp_path: Path,
    old: str,
    new: str,
    code: str,
    where: str | None,
    stated: str | None,
    computed: str | None,
) -> None:
    exit_code, findings = validate(changed(tmp_path, old, new))
    assert exit_code == 1
    found = [f for f in findings if f["code"] == code]
    assert found, findings
    if where is not None:
        assert where in {f["path"] for f in found}
    if stated is not None:
        assert any((f["stated"], f["computed"]) == (stated, computed) for f in found)
