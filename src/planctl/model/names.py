"""Names a person types that the checks later compare with known names: measures and provinces.

A target of `measure: village` matches no check, so a typo would switch the check off without a
word. Each such field therefore refuses a near miss of a known name (case, singular, the Chinese
word, one or two letters off) and says which one was meant; text that is clearly something else
stays allowed where the format allows free text, and is refused where it does not (provinces).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

from planctl.i18n import _
from planctl.model.messages import did_you_mean

# The measures the headline checks count; `plan.BASELINE_OF` maps each to its baseline figure.
HEADLINE_MEASURES = ("people", "households", "villages", "counties", "incidence")
# Other ways of writing them that are clearly meant as one of them.
_HEADLINE_FORMS = {
    "person": "people",
    "persons": "people",
    "population": "people",
    "poor_population": "people",
    "poor_people": "people",
    "人": "people",
    "人口": "people",
    "人数": "people",
    "贫困人口": "people",
    "household": "households",
    "poor_households": "households",
    "户": "households",
    "户数": "households",
    "贫困户": "households",
    "village": "villages",
    "poor_villages": "villages",
    "村": "villages",
    "贫困村": "villages",
    "county": "counties",
    "countys": "counties",
    "poor_counties": "counties",
    "县": "counties",
    "贫困县": "counties",
    "贫困发生率": "incidence",
}

# China's 34 provincial-level divisions by their full names.
PROVINCES = (
    *("北京市", "天津市", "上海市", "重庆市"),
    *("河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省"),
    *("福建省", "江西省", "山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省"),
    *("四川省", "贵州省", "云南省", "陕西省", "甘肃省", "青海省", "台湾省"),
    *("内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区"),
    *("香港特别行政区", "澳门特别行政区"),
)
_SHORT = re.compile(r"(省|市|维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区)$")
_PINYIN = dict(
    zip(
        [
            "beijing",
            "tianjin",
            "shanghai",
            "chongqing",
            "hebei",
            "shanxi",
            "liaoning",
            "jilin",
            "heilongjiang",
            "jiangsu",
            "zhejiang",
            "anhui",
            "fujian",
            "jiangxi",
            "shandong",
            "henan",
            "hubei",
            "hunan",
            "guangdong",
            "hainan",
            "sichuan",
            "guizhou",
            "yunnan",
            "shaanxi",
            "gansu",
            "qinghai",
            "taiwan",
            "neimenggu",
            "guangxi",
            "xizang",
            "ningxia",
            "xinjiang",
            "hongkong",
            "macau",
        ],
        PROVINCES,
        strict=True,
    )
)
_PINYIN.update({"innermongolia": "内蒙古自治区", "tibet": "西藏自治区", "macao": "澳门特别行政区"})


def check_measure(text: str) -> str:
    """A target's or schedule's measure: a headline measure, or free text that is not a typo."""
    if text in HEADLINE_MEASURES:
        return text
    meant = _HEADLINE_FORMS.get(_fold(text)) or _close(_fold(text), HEADLINE_MEASURES, ascii=True)
    if meant is not None:
        raise ValueError(
            _(
                "{problem} The counted measures are {known}; any other text is a free measure"
            ).format(
                problem=did_you_mean(
                    _("'{text}' is not a measure planctl counts").format(text=text), meant
                ),
                known=", ".join(HEADLINE_MEASURES),
            )
        )
    return text


def check_criterion_measure(text: str) -> str:
    """An exit criterion's measure: a known exit measure or its Chinese name, or free text."""
    known = criterion_measures()
    if text in known:
        return text
    meant = _close(_fold(text), known, ascii=False)
    if meant is not None:
        raise ValueError(
            _("{problem} Known: {known}; any other text is a criterion planctl only lists").format(
                problem=did_you_mean(
                    _("'{text}' is not an exit measure planctl evaluates").format(text=text), meant
                ),
                known=", ".join(known),
            )
        )
    return text


def criterion_measures() -> tuple[str, ...]:
    """The names the exit checks evaluate, read from the exit checks themselves."""
    # Imported here: the exit checks build on the model, so the model cannot import them first.
    from planctl.criteria import MEASURE_ALIASES

    return tuple(MEASURE_ALIASES)


def check_province(text: str) -> str:
    """A province must be one of the 34 by its full name: provincial rules are looked up by it."""
    if text in PROVINCES:
        return text
    meant = _province_meant(text)
    problem = _("'{text}' is not a provincial-level division of China").format(text=text)
    raise ValueError(
        _("{problem} Write the full name, one of {provinces}").format(
            problem=did_you_mean(problem, meant)
            if meant
            else _("{problem}.").format(problem=problem),
            provinces=" ".join(PROVINCES),
        )
    )


def _province_meant(text: str) -> str | None:
    cleaned = text.strip()
    if cleaned in PROVINCES:
        return cleaned
    latin = re.sub(r"[\s_-]|province$|sheng$", "", cleaned.casefold())
    if latin in _PINYIN:
        return _PINYIN[latin]
    short = _SHORT.sub("", cleaned)
    for province in PROVINCES:
        own = _SHORT.sub("", province)
        if len(short) >= 2 and (short == own or (own.startswith(short) and len(own) > 2)):
            return province
    return _close(cleaned, PROVINCES, ascii=False)


def _fold(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().casefold())


def _close(text: str, known: Iterable[str], ascii: bool) -> str | None:
    """The known name a typo away from `text`; only among Latin letters where `ascii`."""
    if ascii and not text.isascii():
        return None
    names = list(known)
    folded = {name.casefold(): name for name in names}
    if text in folded:
        return folded[text]
    close = difflib.get_close_matches(text, list(folded), n=1, cutoff=0.75)
    return folded[close[0]] if close else None
