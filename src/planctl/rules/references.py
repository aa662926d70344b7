"""Every id is defined once, and every reference names an id that exists.

Figures and tree items can carry an `id`; `same_as`, a share's `of`, a count's `of`, and a rate's
`count` and `budget` refer to ids. A reference to a missing id, to itself, or an id defined
twice would make other checks silently skip or compare the wrong figures.

Passing: `{value: 23.9亿元, id: 十二五投入}` and elsewhere `{value: 23.9亿元, same_as: 十二五投入}`.

Failing: `same_as: 十二五投入` with no such id; two figures with `id: 总投资`.
"""

from __future__ import annotations

from collections.abc import Iterator

from planctl.derive import Derived
from planctl.findings import Finding, Severity
from planctl.i18n import N_, _
from planctl.location import format_path
from planctl.model import Plan

CODE = "PC104"
TITLE = N_("unknown or duplicate id")
SEVERITY = Severity.ERROR

COUNT_TARGETS = {"regions", "budget", "measures"}


def check(plan: Plan, derived: Derived) -> Iterator[Finding]:
    index, duplicates = derived.index.ids, derived.index.duplicate_ids
    for key, path in duplicates:
        first = index[key].path
        message = _("id '{id}' is already used at {where}").format(id=key, where=format_path(first))
        yield Finding(CODE, message, (*path, "id"))
    for figure, path in derived.index.figures:
        for field, reference in (("same_as", figure.same_as), ("of", figure.of)):
            if reference is None:
                continue
            if reference not in index:
                message = _("{field}: no figure or item has the id '{id}'")
                yield Finding(CODE, message.format(field=field, id=reference), (*path, field))
            elif index[reference].figure is figure:
                message = _("{field}: '{id}' refers to this figure itself")
                yield Finding(CODE, message.format(field=field, id=reference), (*path, field))
    for position, count in enumerate(plan.counts):
        if count.of is not None and count.of not in COUNT_TARGETS and count.of not in index:
            yield Finding(
                CODE,
                _("of: '{id}' is neither regions, budget, measures nor a known id").format(
                    id=count.of
                ),
                ("counts", position, "of"),
            )
    for position, rate in enumerate(plan.rates):
        if isinstance(rate.count, str) and rate.count not in index:
            message = _("count: no figure has the id '{id}'").format(id=rate.count)
            yield Finding(CODE, message, ("rates", position, "count"))
        if rate.budget is not None and rate.budget not in index:
            message = _("budget: no item has the id '{id}'").format(id=rate.budget)
            yield Finding(CODE, message, ("rates", position, "budget"))
