"""Exit criteria as reference data, each with its source.

National defaults come from the exit mechanism of 2016 (关于建立贫困退出机制的意见,
中共中央办公厅 国务院办公厅, 厅字〔2016〕16号, April 2016). Provinces add rules of their own; a
plan's own `criteria:` entries override both for the region kinds they name.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from planctl.model import Plan
from planctl.model.plan import RegionKind

NATIONAL_SOURCE = "关于建立贫困退出机制的意见（厅字〔2016〕16号，2016年4月）"
POOR_KINDS = (RegionKind.NATIONAL_KEY, RegionKind.PROVINCIAL_KEY, RegionKind.POOR)


class CriterionMeasure(StrEnum):
    """What a numeric exit criterion measures."""

    INCIDENCE = "incidence"  # remaining poor / rural population, at most the threshold
    VILLAGES_EXITED = "villages_exited"  # exited poor villages / poor villages, at least
    PEOPLE_EXITED = "people_exited"  # exited poor people / poor people, at least


# The Chinese names plans use for the same measures.
MEASURE_ALIASES: dict[str, CriterionMeasure] = {
    "incidence": CriterionMeasure.INCIDENCE,
    "贫困发生率": CriterionMeasure.INCIDENCE,
    "villages_exited": CriterionMeasure.VILLAGES_EXITED,
    "贫困村退出比例": CriterionMeasure.VILLAGES_EXITED,
    "贫困村脱贫比例": CriterionMeasure.VILLAGES_EXITED,
    "people_exited": CriterionMeasure.PEOPLE_EXITED,
    "贫困人口减少比例": CriterionMeasure.PEOPLE_EXITED,
    "贫困人口脱贫比例": CriterionMeasure.PEOPLE_EXITED,
}


@dataclass(frozen=True, slots=True)
class ExitCriterion:
    """A numeric exit rule for regions of some kinds (or for villages, `kinds` empty)."""

    name: str
    measure: CriterionMeasure
    threshold: Decimal  # percent
    kinds: tuple[RegionKind, ...]
    source: str
    applies_to_villages: bool = False


def national_criteria(western: bool) -> list[ExitCriterion]:
    """The national thresholds: 2% incidence (3% in the western provinces)."""
    limit = Decimal(3) if western else Decimal(2)
    return [
        ExitCriterion(
            "贫困村退出：贫困发生率", CriterionMeasure.INCIDENCE, limit, (), NATIONAL_SOURCE, True
        ),
        ExitCriterion(
            "贫困县退出：贫困发生率", CriterionMeasure.INCIDENCE, limit, POOR_KINDS, NATIONAL_SOURCE
        ),
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

# The twelve provincial-level units of the western development policy (西部大开发), where the
# exit mechanism allows a poverty incidence of 3% instead of 2%.
WESTERN_SOURCE = "国务院关于实施西部大开发若干政策措施的通知（国发〔2000〕33号）"
WESTERN_PROVINCES = frozenset(
    {
        "重庆市",
        "四川省",
        "贵州省",
        "云南省",
        "西藏自治区",
        "陕西省",
        "甘肃省",
        "青海省",
        "宁夏回族自治区",
        "新疆维吾尔自治区",
        "内蒙古自治区",
        "广西壮族自治区",
    }
)


def is_western(province: str) -> bool:
    """Whether `province` (its full name, e.g. 新疆维吾尔自治区) is a western province."""
    return province in WESTERN_PROVINCES


# Rules a province adds to the national mechanism, one row each: the province, then the rule.
PROVINCIAL_RULES: tuple[tuple[str, ExitCriterion], ...] = (
    (
        "河南省",
        ExitCriterion(
            "贫困县退出：贫困村退出比例",
            CriterionMeasure.VILLAGES_EXITED,
            Decimal(90),
            POOR_KINDS,
            "河南省贫困退出实施办法（2016年）",
        ),
    ),
)


def provincial_criteria(province: str | None) -> list[ExitCriterion]:
    """The rules `province` adds (Henan: 90% of a poor county's poor villages exited)."""
    return [criterion for name, criterion in PROVINCIAL_RULES if name == province]


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


def plan_is_western(plan: Plan) -> bool:
    """Whether the 3% thresholds apply: from the province when the plan names one, else from
    `western:` (PC112 warns when the two disagree)."""
    region = plan.plan.region
    if region is None:
        return False
    if region.province is not None:
        return is_western(region.province)
    return region.western


def effective_criteria(plan: Plan) -> list[ExitCriterion]:
    """National defaults, then provincial rules, then the plan's own (later ones override)."""
    region = plan.plan.region
    chosen: dict[tuple[CriterionMeasure, tuple[RegionKind, ...], bool], ExitCriterion] = {}
    defaults = national_criteria(plan_is_western(plan))
    defaults += provincial_criteria(region.province if region else None)
    for criterion in defaults:
        chosen[(criterion.measure, criterion.kinds, criterion.applies_to_villages)] = criterion
    for own in plan.criteria:
        measure = MEASURE_ALIASES.get(own.measure)
        if measure is None or own.threshold.value.family != "percent":
            continue
        kinds = tuple(own.applies_to)
        criterion = ExitCriterion(
            own.name,
            measure,
            own.threshold.value.base,
            kinds,
            own.source or "the plan",
            applies_to_villages=not kinds,
        )
        for key in list(chosen):
            if key[0] is measure and set(key[1]) & set(kinds):
                del chosen[key]
        chosen[(measure, kinds, not kinds)] = criterion
    return list(chosen.values())
