"""The bundled plans load, validate, and hold the key figures of their documents.

Expected values are computed by hand from the printed figures (the sums are spelled out), not
copied from planctl's output.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from planctl.derive.index import iter_figures
from planctl.derive.timeline import build_timeline
from planctl.engine import FileResult, check_file, exit_code
from planctl.model import Figure, Node, Plan

PLANS = Path(__file__).parent.parent / "plans"
NAMES = ["beiguan", "zhengzhou", "luoyang", "zibo-gaoxin", "dongzhou"]


def checked(name: str) -> FileResult:
    return check_file(str(PLANS / f"{name}.yaml"))


def plan_of(name: str) -> Plan:
    plan = checked(name).plan
    assert plan is not None
    return plan


@pytest.mark.parametrize("name", NAMES)
def test_every_bundled_plan_validates_with_only_recorded_acceptances(name: str) -> None:
    result = checked(name)
    assert result.plan is not None
    assert exit_code([result]) == 0, [f.message for f in result.findings if f.fails()]
    assert all(acceptance.reason for acceptance in result.plan.accepted)


def test_the_bundled_plans_are_exactly_the_five_documents() -> None:
    assert sorted(path.stem for path in PLANS.glob("*.yaml")) == sorted(NAMES)


def test_luoyang_budget_and_programmes() -> None:
    plan = plan_of("luoyang")
    assert plan.budget is not None
    assert plan.budget.total is not None
    assert plan.budget.total.value.base == Decimal("641.8") * 10**8
    programmes = [item.amount for item in plan.budget.items]
    assert [p.value.text for p in programmes if p] == ["346.857亿元", "294.9436亿元"]
    # 346.857 + 294.9436 = 641.8006亿元: within 641.8's half-unit of 0.05亿元
    total = sum((p.value.base for p in programmes if p), Decimal(0))
    assert total == Decimal("641.8006") * 10**8


def test_luoyang_baseline_regions_and_schedules() -> None:
    plan = plan_of("luoyang")
    assert plan.baseline is not None
    assert plan.baseline.poor_population is not None
    assert plan.baseline.poor_population.value.base == 310975
    assert plan.regions is not None
    assert len(plan.regions.items) == 13
    # 27208+54144+38391+35944+52169+40002 = 247858; 22763+17892+13154+4282+1259+253+3514 = 63117
    people = [r.poor_population.value.base for r in plan.regions.items if r.poor_population]
    assert sum(people) == 247858 + 63117 == 310975
    timeline = build_timeline(plan)
    people_series = timeline.exit_series("people")
    villages = timeline.exit_series("villages")
    assert people_series is not None
    assert villages is not None
    # 48805 + 81200 + 99400 + 75500 = 304905 by 2019; + 6070 = 310975 by 2020
    assert people_series.cumulative(2019) == 304905
    assert people_series.cumulative(2020) == 310975
    # 214 + 188 + 168 + 99 = 669 villages by 2019
    assert villages.cumulative(2019) == 669


def test_zhengzhou_exits_and_relocation() -> None:
    plan = plan_of("zhengzhou")
    people = next(s for s in plan.schedules if s.measure == "people")
    assert sum(f.value.base for f in people.years.values()) == 39000  # 3.2万 + 0.7万
    relocation = next(s for s in plan.schedules if s.measure == "relocation")
    assert relocation.total is not None
    assert relocation.total.value.base == sum(f.value.base for f in relocation.years.values())
    assert {r.name: r.exit_year for r in (plan.regions.items if plan.regions else [])} == {
        "新郑市": 2016,
        "荥阳市": 2016,
        "登封市": 2017,
        "新密市": 2017,
        "中牟县": 2017,
    }


def test_zibo_tax_share_is_as_printed() -> None:
    plan = plan_of("zibo-gaoxin")
    texts = {f.value.text for node in plan.facts for f in _figures(node)}
    assert {"32.9亿元", "25.45亿元", "33052元", "33052万元"} <= texts


def test_beiguan_lists_seven_measures_and_dongzhou_its_dates() -> None:
    assert len(plan_of("beiguan").measures) == 7
    dongzhou = plan_of("dongzhou").plan
    assert str(dongzhou.issued) == "2020-04-30"
    assert dongzhou.period == (2018, 2020)


def _figures(node: Node) -> list[Figure]:
    return [figure for figure, _ in iter_figures(node)]
