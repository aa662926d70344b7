"""Exit criteria as reference data, each with its source.

National defaults come from the exit mechanism of 2016 (关于建立贫困退出机制的意见,
中共中央办公厅 国务院办公厅, 厅字〔2016〕16号, April 2016). Provinces add rules of their own; a
plan's own `criteria:` entries override both for the region kinds they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planctl.model.plan import RegionKind

NATIONAL_SOURCE = "关于建立贫困退出机制的意见（厅字〔2016〕16号，2016年4月）"
POOR_KINDS = (RegionKind.NATIONAL_KEY, RegionKind.PROVINCIAL_KEY, RegionKind.POOR)


class Measure(StrEnum):
    """What a numeric exit criterion measures."""

    INCIDENCE = "incidence"  # remaining poor / rural population, at most the threshold
    VILLAGES_EXITED = "villages_exited"  # exited poor villages / poor villages, at least
    PEOPLE_EXITED = "people_exited"  # exited poor people / poor people, at least


# The Chinese names plans use for the same measures.
MEASURE_ALIASES: dict[str, Measure] = {
    "incidence": Measure.INCIDENCE,
    "贫困发生率": Measure.INCIDENCE,
    "villages_exited": Measure.VILLAGES_EXITED,
    "贫困村退出比例": Measure.VILLAGES_EXITED,
    "贫困村脱贫比例": Measure.VILLAGES_EXITED,
    "people_exited": Measure.PEOPLE_EXITED,
    "贫困人口减少比例": Measure.PEOPLE_EXITED,
    "贫困人口脱贫比例": Measure.PEOPLE_EXITED,
}


@dataclass(frozen=True, slots=True)
class Criterion:
    """A numeric exit rule for regions of some kinds (or for villages, `kinds` empty)."""

    name: str
    measure: Measure
    threshold: Decimal  # percent
    kinds: tuple[RegionKind, ...]
    source: str
    applies_to_villages: bool = False

    @property
    def at_most(self) -> bool:
        return self.measure is Measure.INCIDENCE


def national_criteria(western: bool) -> list[Criterion]:
    """The national thresholds: 2% incidence (3% in the western provinces)."""
    limit = Decimal(3) if western else Decimal(2)
    return [
        Criterion("贫困村退出：贫困发生率", Measure.INCIDENCE, limit, (), NATIONAL_SOURCE, True),
        Criterion("贫困县退出：贫困发生率", Measure.INCIDENCE, limit, POOR_KINDS, NATIONAL_SOURCE),
    ]


# Evaluation thresholds of the national mechanism that need survey data no plan contains.
THIRD_PARTY = (
    ("错退率 (wrongly exited) < 2%", NATIONAL_SOURCE),
    ("漏评率 (missed identification) < 2%", NATIONAL_SOURCE),
    ("群众认可度 (public approval) >= 90%", NATIONAL_SOURCE),
)

# Household exit: not numeric; the check reports whether the plan states targets for each.
HOUSEHOLD_CONDITIONS = (
    ("收入稳定超过国家扶贫标准 (income above the poverty line)", ("收入",)),
    ("不愁吃、不愁穿 (food and clothing)", ("不愁吃", "不愁穿", "两不愁")),
    ("义务教育有保障 (compulsory education)", ("义务教育", "辍学", "教育脱贫", "教育扶贫")),
    ("基本医疗有保障 (basic medical care)", ("医疗", "健康", "医保", "大病")),
    ("住房安全有保障 (safe housing)", ("住房", "危房")),
)

PROVINCIAL_SOURCE = {"河南省": "河南省贫困退出实施办法（2016年）"}


def provincial_criteria(province: str | None) -> list[Criterion]:
    """Rules a province adds: Henan requires 90% of a poor county's poor villages exited."""
    if province == "河南省":
        return [
            Criterion(
                "贫困县退出：贫困村退出比例",
                Measure.VILLAGES_EXITED,
                Decimal(90),
                POOR_KINDS,
                PROVINCIAL_SOURCE["河南省"],
            )
        ]
    return []


@dataclass(frozen=True, slots=True)
class PovertyLine:
    """The national rural poverty line of a year, per person per year, in current prices."""

    year: int
    yuan: Decimal
    source: str
    confirmed: bool


POVERTY_LINES = (
    PovertyLine(2010, Decimal(2300), "中国农村扶贫开发纲要（2011—2020年）, 2010年不变价", True),
    PovertyLine(2015, Decimal(2855), "国家统计局, 2015年现价", True),
    PovertyLine(2016, Decimal(2952), "国家统计局, 2016年现价", True),
    PovertyLine(2019, Decimal(3218), "国家统计局, 2019年现价", True),
    PovertyLine(2020, Decimal(4000), "约4000元, 2020年现价 (approximate)", False),
)
