"""The quantity parser: figures as printed, exact values, precision, refusals."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planctl.quantity import Bound, QuantityError, format_decimal, parse
from planctl.units import lookup


@pytest.mark.parametrize(
    ("text", "base", "family"),
    [
        ("641.8亿元", "64180000000", "money"),
        ("92851.758万元", "928517580", "money"),
        ("48805人", "48805", "people"),
        ("31.0975万人", "310975", "people"),
        ("13506户", "13506", "households"),
        ("451.957公里", "451957", "length"),
        ("6665.8延米", "6665.8", "length"),
        ("66.4%", "66.4", "percent"),
        ("66.4％", "66.4", "percent"),
        ("2115名", "2115", "people"),
        ("797954人次", "797954", "person-times"),
        ("1平方米", "0.0015", "area"),
        ("七个", "7", "count:个"),
        ("十六个", "16", "count:个"),
        ("４８８０５人", "48805", "people"),
    ],
)
def test_printed_figures_read_exactly(text: str, base: str, family: str) -> None:
    quantity = parse(text)
    assert quantity.base == Decimal(base)
    assert quantity.family == family
    assert quantity.text == text


def test_precision_is_half_the_last_printed_digit() -> None:
    assert parse("641.8亿元").tolerance == Decimal("5000000")
    assert parse("97.751亿元").ulp_base == Decimal("100000")
    # whole people are exact, a figure printed in 万人 to the unit digit is not
    assert parse("48805人").tolerance == 0
    assert parse("31.0975万人").tolerance == 0
    assert parse("5.4万人").tolerance == Decimal("500")


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("95%以上", Bound.AT_LEAST),
        ("80余家", Bound.MORE_THAN),
        ("近2.3万亩", Bound.ABOUT),
        ("90%左右", Bound.ABOUT),
        ("不少于50万元", Bound.AT_LEAST),
        ("不足5年", Bound.LESS_THAN),
        ("48805人", None),
    ],
)
def test_qualifiers_become_bounds(text: str, bound: Bound | None) -> None:
    assert parse(text).bound is bound


def test_declared_unit_applies_to_bare_numbers() -> None:
    assert parse("0.63", "%").base == Decimal("0.63")
    figure = parse("8万余", "人")
    assert (figure.base, figure.bound, figure.unit_printed) == (
        Decimal(80000),
        Bound.MORE_THAN,
        False,
    )


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("48,805人", "thousands separators"),
        ("1e3元", "exponent"),
        ("12万美元", "unknown unit '万美元'"),
        ("641.8", "has no unit"),
        ("", "empty"),
        ("abc", "does not start with a number"),
        ("nan", "not a finite number"),
    ],
)
def test_bad_figures_are_refused_with_a_reason(text: str, says: str) -> None:
    with pytest.raises(QuantityError, match=says):
        parse(text)


def test_unknown_unit_lists_the_known_ones() -> None:
    with pytest.raises(QuantityError) as error:
        parse("5万美元")
    assert "万元" not in str(error.value) or "元" in str(error.value)
    assert "Known units:" in str(error.value)
    assert "公里" in str(error.value)


def test_three_tenths_add_up_exactly() -> None:
    tenth = parse("0.1万元")
    assert tenth.base * 3 == parse("0.3万元").base


numbers = st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False)
money_units = st.sampled_from(["元", "万元", "亿元", "千元", "百万元"])


@given(numbers, money_units)
def test_any_printed_number_round_trips_through_its_unit(number: Decimal, unit: str) -> None:
    text = f"{format_decimal(number)}{unit}"
    quantity = parse(text)
    assert quantity.number == Decimal(format_decimal(number))
    unit_object = lookup(unit)
    assert unit_object is not None
    assert quantity.in_unit(unit_object) == Decimal(format_decimal(number))


@given(numbers, money_units, money_units)
def test_unit_conversions_are_exact(number: Decimal, unit: str, other: str) -> None:
    quantity = parse(f"{format_decimal(number)}{unit}")
    target = lookup(other)
    assert target is not None
    converted = parse(f"{format_decimal(quantity.in_unit(target))}{other}")
    assert converted.base == quantity.base


@pytest.mark.parametrize(
    ("text", "base", "bound"),
    [
        ("20.58万余人", "205800", Bound.MORE_THAN),
        ("20多万人", "200000", Bound.MORE_THAN),
        ("20余万人", "200000", Bound.MORE_THAN),
        ("3万多户", "30000", Bound.MORE_THAN),
        ("1千余人", "1000", Bound.MORE_THAN),
        ("约20.58万余人", "205800", Bound.ABOUT),
    ],
)
def test_qualifiers_may_follow_the_multiplier(text: str, base: str, bound: Bound) -> None:
    quantity = parse(text)
    assert (quantity.base, quantity.bound) == (Decimal(base), bound)
    assert quantity.tolerance == parse(text.replace("余", "").replace("多", "")).tolerance


@pytest.mark.parametrize(
    ("text", "base"),
    [
        ("一百一个", "110"),
        ("三千五人", "3500"),
        ("两个", "2"),
        ("一万二千人", "12000"),
        ("三十万人", "300000"),
        ("一亿二千万元", "120000000"),
    ],
)
def test_chinese_numerals_read_by_the_standard(text: str, base: str) -> None:
    assert parse(text).base == Decimal(base)


@pytest.mark.parametrize("text", ["十十个", "百千个", "二二个", "三五人"])
def test_malformed_chinese_numerals_are_refused(text: str) -> None:
    with pytest.raises(QuantityError, match="not a standard Chinese numeral"):
        parse(text)


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("1" * 25 + "元", "more than 24 significant digits"),
        ("1" * 40 + "人", "more than 24 significant digits"),
        ("1" * 10_000 + "人", "more than 24 significant digits"),
        ("1" * 24 + "亿元", "is 10^24 元 or more"),
    ],
)
def test_figures_too_long_to_add_exactly_are_refused(text: str, says: str) -> None:
    with pytest.raises(QuantityError, match=re.escape(says)):
        parse(text)


def test_the_longest_accepted_figure_is_exact() -> None:
    quantity = parse("9" * 22 + ".25元")
    assert quantity.base == Decimal("9" * 22 + ".25")
    assert format_decimal(quantity.base * 3) == "29" + "9" * 20 + "7.75"


@pytest.mark.parametrize(
    ("text", "hint"),
    [
        ("6.53万", "such as 6.53万元 or 6.53万人"),
        ("约6.53万", "such as 约6.53万元 or 约6.53万人"),
        ("8万余", "such as 8万余元 or 8万余人"),
    ],
)
def test_the_missing_unit_hint_keeps_the_multiplier_and_qualifiers(text: str, hint: str) -> None:
    with pytest.raises(QuantityError, match=hint):
        parse(text)


def test_an_unknown_unit_one_typo_away_suggests_the_known_one() -> None:
    with pytest.raises(QuantityError, match="unknown unit '万人口'; did you mean '万人'"):
        parse("5万人口")
    with pytest.raises(QuantityError, match="unknown unit '公理'; did you mean '公里'"):
        parse("5公理")
