"""The words every renderer shares, translated where they are shown, and padding by terminal
columns (a Chinese character takes two, so `str.ljust` would misalign a translated column).

The JSON, SARIF and JUnit keys and the values programs read (`"severity": "error"`) stay
English; these are the words people read."""

from __future__ import annotations

from typing import TYPE_CHECKING
from unicodedata import east_asian_width

from planctl.i18n import N_, _

if TYPE_CHECKING:
    from planctl.findings import Finding
    from planctl.rules.base import Rule

SEVERITIES = {"error": N_("error"), "warning": N_("warning"), "info": N_("info")}
# The measures of exit-check's year tables (keys of the JSON stay these English names).
MEASURES = {
    "people": N_("people"),
    "households": N_("households"),
    "villages": N_("villages"),
    "counties": N_("counties"),
}
# The kinds of region as plans write them (`kind: national_key`); English shows them as written.
REGION_KINDS = (
    N_("national_key"),
    N_("provincial_key"),
    N_("poor"),
    N_("non_poor"),
    N_("other"),
)
OUTCOMES = {"fail": N_("fail"), "pass": N_("pass"), "not evaluable": N_("not evaluable")}


def severity(level: object) -> str:
    """A severity (`error`, `warning`, `info`) in the current language."""
    return _(SEVERITIES.get(str(level), str(level)))


def measure(name: str) -> str:
    """An exit measure (`people`, `villages`…) as a reader of the current language calls it."""
    return _(MEASURES[name]) if name in MEASURES else name


def outcome(answer: object) -> str:
    """An outcome (`fail`, `pass`, `not evaluable`) in the current language."""
    return _(OUTCOMES.get(str(answer), str(answer)))


def rule_title(rule: Rule) -> str:
    """A rule's title in the current language (its English `TITLE` is the message id)."""
    return _(rule.title)


def rule_doc(rule: Rule) -> str:
    """A rule's documentation in the current language (the cleaned docstring is the id)."""
    return _(rule.doc)


def rule_summary(rule: Rule) -> str:
    """The first paragraph of the rule's documentation, in the current language."""
    return rule_doc(rule).strip().split("\n\n", 1)[0].replace("\n", " ")


def figures(stated: str, computed: str, gap: object | None) -> str:
    """`stated 641.8亿元, computed 641.7亿元, gap 0.1亿元`: the figures behind a finding."""
    if gap:
        return _("stated {stated}, computed {computed}, gap {gap}").format(
            stated=stated, computed=computed, gap=gap
        )
    return _("stated {stated}, computed {computed}").format(stated=stated, computed=computed)


def figures_behind(finding: Finding) -> str | None:
    """The figures line a report adds to a finding, or None when it has no figures or its
    message already says them word for word (PC120, PC101: printed once, not twice)."""
    if finding.stated is None or finding.computed is None:
        return None
    line = figures(finding.stated, finding.computed, finding.gap)
    return None if line in finding.message else line


def accepted(reason: str) -> str:
    """`accepted: REASON`, for a finding the plan accepts."""
    return _("accepted: {reason}").format(reason=reason)


def cell_len(text: str) -> int:
    """The terminal columns `text` takes: two for a wide (Chinese) character, one otherwise."""
    return sum(2 if east_asian_width(char) in "WF" else 1 for char in text)


def ljust(text: str, width: int) -> str:
    """`text` padded with spaces to `width` terminal columns."""
    return text + " " * max(0, width - cell_len(text))


def rjust(text: str, width: int) -> str:
    """`text` padded on the left to `width` terminal columns."""
    return " " * max(0, width - cell_len(text)) + text
