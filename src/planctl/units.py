"""Units as the documents print them, grouped into families that never mix.

A unit is a counter or measure word (元, 人, 公里, ...) optionally preceded by a multiplier
(万, 亿, ...). Each family has a base unit; every unit converts to it by an exact decimal factor,
so conversions never round. Area uses 亩 as its base because 1 平方米 = 0.0015 亩 exactly, whereas
亩 → 平方米 would need the repeating 666.66...
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cache


@dataclass(frozen=True, slots=True)
class Unit:
    """A printed unit: its text, its family, and the exact factor to the family's base unit."""

    text: str
    family: str
    factor: Decimal

    @property
    def discrete(self) -> bool:
        """Whether the family counts indivisible things (people, households, items)."""
        return self.family in _DISCRETE or self.family.startswith("count:")

    @property
    def base(self) -> str:
        """The base unit of this unit's family (元 for money, 人 for people, ...)."""
        return FAMILY_BASE[self.family]


# Counters: every classifier counts a different kind of thing, so each is its own family.
COUNTERS = [
    "个",
    "项",
    "处",
    "所",
    "家",
    "座",
    "台",
    "套",
    "张",
    "辆",
    "间",
    "条",
    "宗",
    "批",
    "只",
    "头",
    "眼",
    "栋",
    "站",
    "村",
    "乡",
    "镇",
    "种",
    "支",
    "部",
    "块",
    "片",
    "孔",
    "盏",
    "次",
    "期",
    "本",
    "册",
    "门",
    "类",
    "棵",
    "株",
    "艘",
    "架",
    "口",
    "级",
]

# unit text -> (family, factor to the family base); the base unit itself has factor 1.
_BASE_UNITS: dict[str, tuple[str, str]] = {
    "元": ("money", "1"),
    "人": ("people", "1"),
    "名": ("people", "1"),
    "人次": ("person-times", "1"),
    "户": ("households", "1"),
    "米": ("length", "1"),
    "延米": ("length", "1"),
    "公里": ("length", "1000"),
    "千米": ("length", "1000"),
    "亩": ("area", "1"),
    "平方米": ("area", "0.0015"),
    "公顷": ("area", "15"),
    "平方公里": ("area", "1500"),
    "立方米": ("volume", "1"),
    "公斤": ("weight", "1"),
    "千克": ("weight", "1"),
    "克": ("weight", "0.001"),
    "斤": ("weight", "0.5"),
    "吨": ("weight", "1000"),
    "瓦": ("power", "1"),
    "千瓦": ("power", "1000"),
    "兆瓦": ("power", "1000000"),
    "位": ("people", "1"),
    "年": ("duration", "12"),
    "个月": ("duration", "1"),
    "月": ("duration", "1"),
    "岁": ("age", "1"),
    "周岁": ("age", "1"),
    "%": ("percent", "1"),
    "‰": ("percent", "0.1"),
}
for _counter in COUNTERS:
    _BASE_UNITS[_counter] = (f"count:{_counter}", "1")

FAMILY_BASE: dict[str, str] = {
    family: text for text, (family, factor) in _BASE_UNITS.items() if factor == "1"
}
FAMILY_BASE.update(
    {"people": "人", "length": "米", "weight": "公斤", "duration": "个月", "age": "岁"}
)

FAMILY_LABELS: dict[str, str] = {
    "money": "money",
    "people": "people",
    "person-times": "person-times",
    "households": "households",
    "length": "length",
    "area": "area",
    "volume": "volume",
    "weight": "weight",
    "power": "power",
    "percent": "percent",
    "duration": "duration",
    "age": "age",
}

MULTIPLIERS: dict[str, Decimal] = {
    "十": Decimal(10),
    "百": Decimal(100),
    "千": Decimal(1000),
    "万": Decimal(10_000),
    "十万": Decimal(100_000),
    "百万": Decimal(1_000_000),
    "千万": Decimal(10_000_000),
    "亿": Decimal(100_000_000),
}

_DISCRETE = {"people", "person-times", "households"}

# A share printed as a fraction of one (`0.074` for 7.4%): a percent with nothing printed after
# the number, so it is shown exactly as printed and computes as the percentage it means.
FRACTION = Unit("", "percent", Decimal(100))

# Multiplying a percentage or a rate of 万 makes no sense; these take no multiplier.
_NO_MULTIPLIER = {"percent", "duration", "age"}


def family_label(family: str) -> str:
    """A readable name for a family: `count:所` reads as `count (所)`."""
    if family.startswith("count:"):
        return f"count ({family.removeprefix('count:')})"
    return FAMILY_LABELS.get(family, family)


_LONGEST_MULTIPLIER_FIRST = tuple(sorted(MULTIPLIERS, key=len, reverse=True))


@cache
def lookup(text: str) -> Unit | None:
    """The unit printed as `text` (`万元`, `公里`, `%`), or None when it is not known."""
    text = text.replace("％", "%")
    if text in _BASE_UNITS:
        family, factor = _BASE_UNITS[text]
        return Unit(text, family, Decimal(factor))
    for prefix in _LONGEST_MULTIPLIER_FIRST:
        rest = text.removeprefix(prefix)
        if rest != text and rest in _BASE_UNITS:
            family, factor = _BASE_UNITS[rest]
            if family in _NO_MULTIPLIER:
                return None
            return Unit(text, family, Decimal(factor) * MULTIPLIERS[prefix])
    return None


def suggest(text: str) -> str | None:
    """The known unit one typo away from `text` (`公理` → `公里`, `万人口` → `万人`), if any."""
    text = text.strip().replace("％", "%")
    for prefix in ("", *_LONGEST_MULTIPLIER_FIRST):
        rest = text.removeprefix(prefix)
        if (rest == text and prefix) or not rest:
            continue
        # a unit the text contains (`个个` → `个`) is likelier than a changed one (`个月`)
        for unit in sorted(_BASE_UNITS, key=lambda unit: unit not in rest):
            if _one_edit(rest, unit) and lookup(prefix + unit) is not None:
                return prefix + unit
    return None


def _one_edit(text: str, other: str) -> bool:
    """Whether one character substituted, added or dropped turns `text` into `other`."""
    if text == other or abs(len(text) - len(other)) > 1:
        return False
    if len(text) == len(other):
        return sum(a != b for a, b in zip(text, other, strict=True)) == 1
    short, long = sorted((text, other), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def known_units() -> list[str]:
    """Every unit without a multiplier, for error messages that list what is accepted."""
    return list(_BASE_UNITS)


def known_multipliers() -> list[str]:
    """The multipliers that may stand before a unit."""
    return list(MULTIPLIERS)


def base_units() -> dict[str, str]:
    """Every unit without a multiplier and its family (`元` → money), for the JSON Schema."""
    return {text: family for text, (family, _factor) in _BASE_UNITS.items()}


def takes_multiplier(family: str) -> bool:
    """Whether a unit of `family` may follow a multiplier (`万人` yes, `万%` no)."""
    return family not in _NO_MULTIPLIER
