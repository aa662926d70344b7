"""`western:` contradicts the plan's province.

The exit thresholds are 3% instead of 2% in the twelve provincial-level units of the western
development policy (重庆、四川、贵州、云南、西藏、陕西、甘肃、青海、宁夏、新疆、内蒙古、
广西). planctl derives this from `plan.region.province`; a `western:` that says otherwise is a
warning, and the province wins. Without a province, `western:` decides.

Passing: `region: {name: 洛阳市, province: 河南省}` (2%), or
`{province: 新疆维吾尔自治区}` (3%, no flag needed).

Failing: `{province: 河南省, western: true}`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.criteria import WESTERN_SOURCE, is_western
from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.model import Plan

CODE = "PC112"
TITLE = N_("western flag contradicts the province")
SEVERITY = Severity.WARNING
EXIT_CRITERION = True


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    region = plan.plan.region
    if region is None or region.province is None or "western" not in region.model_fields_set:
        return
    western = is_western(region.province)
    if region.western != western:
        message = (
            _(
                "western: {flag}, but {province} is a western province ({source}); "
                "the thresholds of {threshold} apply"
            )
            if western
            else _(
                "western: {flag}, but {province} is not a western province ({source}); "
                "the thresholds of {threshold} apply"
            )
        )
        yield Finding(
            CODE,
            message.format(
                flag=str(region.western).lower(),
                province=region.province,
                source=WESTERN_SOURCE,
                threshold="3%" if western else "2%",
            ),
            ("plan", "region", "western"),
            stated=str(region.western).lower(),
            computed=str(western).lower(),
        )
