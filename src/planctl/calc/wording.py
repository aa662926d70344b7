"""The words findings put around their figures: names of measures, fields and unit families.

A finding names what it compares (`amount`, `poor_population`, `money`); in English that is the
plan format's own key, in Chinese the term of the documents (金额, 贫困人口, 金额单位). The
key alone cannot be the message id: short words such as `people` are also interface texts
(an exit measure, 贫困人口) that the interface catalog, consulted first, translates for its own
purpose. So each word here has an id with its context, `family|people`, and English, which has
no catalog, shows the key itself: English findings keep the plan format's words exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from planctl.i18n import N_, _, language
from planctl.units import family_label

FAMILIES = {
    "money": N_("family|money"),
    "people": N_("family|people"),
    "person-times": N_("family|person-times"),
    "households": N_("family|households"),
    "length": N_("family|length"),
    "area": N_("family|area"),
    "volume": N_("family|volume"),
    "weight": N_("family|weight"),
    "power": N_("family|power"),
    "percent": N_("family|percent"),
    "count": N_("family|count"),
    "duration": N_("family|duration"),
    "age": N_("family|age"),
}

MEASURES = {
    "amount": N_("measure|amount"),
    "value": N_("measure|value"),
    "projects": N_("measure|projects"),
    "beneficiaries": N_("measure|beneficiaries"),
    "length": N_("measure|length"),
    "area": N_("measure|area"),
    "people": N_("measure|people"),
    "villages": N_("measure|villages"),
    "households": N_("measure|households"),
}

FIELDS = {
    "poor_population": N_("field|poor_population"),
    "poor_households": N_("field|poor_households"),
    "poor_villages": N_("field|poor_villages"),
    "rural_population": N_("field|rural_population"),
}

# What a declared count counts (`of:`) and the kinds of region it may be limited to.
COUNTED = {
    "regions": N_("counted|regions"),
    "budget": N_("counted|budget"),
    "measures": N_("counted|measures"),
}

KINDS = {
    "national_key": N_("kind|national_key"),
    "provincial_key": N_("kind|provincial_key"),
    "poor": N_("kind|poor"),
    "non_poor": N_("kind|non_poor"),
    "other": N_("kind|other"),
}

LIST_SEPARATOR = N_("list|, ")
BUDGET_ROOT = N_("item|budget")

# `错退率 (wrongly exited) < 2%`: a Chinese term followed by its English gloss in brackets.
_GLOSS = re.compile(r"\s*\([A-Za-z][^()]*\)")


def in_context(marked: str) -> str:
    """The translation of `context|word`, or `word` itself where there is none (English)."""
    translated = _(marked)
    return marked.partition("|")[2] if translated == marked else translated


def family_name(family: str) -> str:
    """A unit family as findings name it: `money`, `count (所)`; 金额单位, 计数（所）."""
    if family.startswith("count:"):
        return _("count ({counter})").format(counter=family.removeprefix("count:"))
    marked = FAMILIES.get(family)
    return in_context(marked) if marked else family_label(family)


def measure_name(measure: str) -> str:
    """A tree item's or schedule's measure: `amount`, `people`; 金额, 贫困人口."""
    marked = MEASURES.get(measure)
    return in_context(marked) if marked else measure


def field_name(field: str) -> str:
    """A region or baseline figure: `poor_population`; 贫困人口."""
    marked = FIELDS.get(field)
    return in_context(marked) if marked else field


def counted_name(of: str) -> str:
    """What a count's `of:` names: `regions`; 地区. An id is a name of the plan's own."""
    marked = COUNTED.get(of)
    return in_context(marked) if marked else of


def kind_name(kind: object) -> str:
    """A region kind, or a list of them, as a count's `kind:` gives it; 国家扶贫开发工作重点县."""
    if language() == "en":
        return str(kind)  # English shows the value as it always has
    kinds = kind if isinstance(kind, list) else [kind]
    return "、".join(in_context(KINDS[str(k)]) if str(k) in KINDS else str(k) for k in kinds)


def item_name(name: str, node: object | None) -> str:
    """A tree item's name; the budget's root, which has no node of its own, is `budget`."""
    return in_context(BUDGET_ROOT) if node is None and name == "budget" else name


def listing(items: Iterable[object]) -> str:
    """Items joined as a list: `2017, 2018` in English, `2017、2018` in Chinese."""
    return in_context(LIST_SEPARATOR).join(map(str, items))


def without_gloss(name: str) -> str:
    """A bilingual criterion name (`错退率 (wrongly exited) < 2%`) as the language reads it:
    whole in English, without the bracketed English gloss in Chinese."""
    return name if language() == "en" else _GLOSS.sub("", name)
