"""Property-based tests: roll-up arithmetic is exact, and no input makes planctl raise."""

from __future__ import annotations

import copy
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planctl.calc.compare import compare_sum
from planctl.engine import check_document
from planctl.loader import LoadError, load_text
from planctl.model import to_plan
from planctl.quantity import format_decimal, parse
from planctl.rules import RULES

amounts = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False)
units = st.sampled_from(["元", "万元", "亿元"])


def printed(value: Decimal, unit: str) -> str:
    return f"{format_decimal(value)}{unit}"


@given(st.lists(st.tuples(amounts, units), min_size=1, max_size=12), amounts, units)
def test_adding_an_item_changes_the_sum_by_exactly_its_amount(
    parts: list[tuple[Decimal, str]], extra: Decimal, unit: str
) -> None:
    quantities = [parse(printed(value, u)) for value, u in parts]
    stated = parse("1元")
    before = compare_sum(stated, quantities).computed
    added = parse(printed(extra, unit))
    after = compare_sum(stated, [*quantities, added]).computed
    assert after - before == added.base


@given(st.lists(st.tuples(amounts, units), min_size=1, max_size=12))
def test_a_total_printed_exactly_always_agrees_with_its_parts(
    parts: list[tuple[Decimal, str]],
) -> None:
    quantities = [parse(printed(value, u)) for value, u in parts]
    total = sum((q.base for q in quantities), Decimal(0))
    assert compare_sum(parse(printed(total, "元")), quantities).agrees


@pytest.mark.slow
@given(st.text(max_size=400))
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
def test_no_text_makes_the_loader_or_the_checks_raise(text: str) -> None:
    try:
        document = load_text(text)
    except LoadError:
        return
    check_document(document, "fuzz.yaml")


KEYS = [
    "plan",
    "title",
    "period",
    "baseline",
    "poor_population",
    "poor_villages",
    "budget",
    "total",
    "items",
    "name",
    "amount",
    "projects",
    "share",
    "breakdown",
    "facts",
    "value",
    "schedules",
    "measure",
    "years",
    "targets",
    "by",
    "regions",
    "kind",
    "exit_year",
    "counts",
    "of",
    "names",
    "also",
    "same_as",
    "id",
    "accepted",
    "rule",
    "at",
    "reason",
]
SCALARS = st.one_of(
    st.sampled_from(
        [
            "641.8亿元",
            "48805人",
            "669个",
            "66.4%",
            "all",
            "people",
            "villages",
            "exhaustive",
            "partial",
            "national_key",
            "budget",
            "regions",
            "PC101",
            "budget.items[0]",
            "x",
            "七个",
            "-5万元",
            "2016",
            "95%以上",
        ]
    ),
    st.integers(min_value=-5, max_value=3000),
    st.decimals(min_value=-10, max_value=10, places=2, allow_nan=False).map(str),
    st.none(),
    st.booleans(),
)
plan_like: Any = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(KEYS) | st.integers(2014, 2021), inner, max_size=5),
    ),
    max_leaves=30,
)


@pytest.mark.slow
@given(st.dictionaries(st.sampled_from(KEYS), plan_like, max_size=6))
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=300)
def test_no_plan_shaped_data_makes_the_checks_raise(data: dict[str, Any]) -> None:
    data.setdefault("plan", {"title": "测试", "period": [2016, 2020]})
    text = yaml.safe_dump(data, allow_unicode=True)
    document = load_text(text)
    result = check_document(document, "fuzz.yaml")
    assert all(finding.code in RULES for finding in result.findings)
    plan, _ = to_plan(document)
    assert (plan is None) == (result.plan is None)


def _leaf_paths(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for key, value in data.items() for p in _leaf_paths(value, (*path, key))]
    if isinstance(data, list):
        return [p for i, value in enumerate(data) for p in _leaf_paths(value, (*path, i))]
    return [path]


_BUNDLED = yaml.safe_load(
    (Path(__file__).parent.parent / "plans" / "luoyang.yaml").read_text(encoding="utf-8")
)
_LEAVES = _leaf_paths(_BUNDLED)


@pytest.mark.slow
@given(st.lists(st.tuples(st.sampled_from(_LEAVES), SCALARS), min_size=1, max_size=4))
@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=60, deadline=None)
def test_changing_values_of_a_real_plan_never_makes_the_checks_raise(
    changes: list[tuple[tuple[Any, ...], Any]],
) -> None:
    data = copy.deepcopy(_BUNDLED)
    for path, value in changes:
        target = data
        for part in path[:-1]:
            target = target[part]
        target[path[-1]] = value
    result = check_document(load_text(yaml.safe_dump(data, allow_unicode=True)), "fuzz.yaml")
    assert all(finding.code in RULES for finding in result.findings)
