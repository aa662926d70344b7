"""A figure printed as text is read by a short path; it must be the figure its mapping gives.

`total: 641.8亿元` and `total: {value: 641.8亿元}` are one figure: the same quantity, the same
fields set, the same dump, and the same complaint at the same place when it is wrong.
"""

from __future__ import annotations

import pytest

from planctl.loader import load_text
from planctl.location import Position
from planctl.model import Figure, Plan
from planctl.model.validate import to_plan

TEXTS = ["641.8亿元", "3个", "48805人", "95%以上", "约0.5万人", "七个", "8万余", "0"]
WRONG = ["-3亿元", "3户", "abc", "3", "1,000元", "1e5元", ""]


def _total(figure: object) -> Figure:
    plan = Plan.model_validate({"plan": {"title": "x"}, "budget": {"total": figure}})
    assert plan.budget is not None
    assert plan.budget.total is not None
    return plan.budget.total


@pytest.mark.parametrize("text", ["641.8亿元", "1.5万元", "约3000万元"])
def test_text_and_mapping_give_one_figure(text: str) -> None:
    as_text, as_mapping = _total(text), _total({"value": text})
    assert as_text == as_mapping
    assert as_text.model_fields_set == as_mapping.model_fields_set == {"value"}
    assert as_text.model_dump() == as_mapping.model_dump()
    assert as_text.also == []
    assert as_text.share is None
    assert as_text.kind is None


def _found(text: str) -> list[tuple[Position | None, str]]:
    plan, found = to_plan(load_text(text))
    assert (plan is None) == bool(found)
    return [(finding.position, finding.message) for finding in found]


@pytest.mark.parametrize("text", TEXTS + WRONG)
@pytest.mark.parametrize("field", ["total", "projects"])
def test_text_and_mapping_are_refused_alike(field: str, text: str) -> None:
    """The same message for the figure written alone as inside `{value: ...}`."""
    alone = _found(f"plan: {{title: x}}\nbudget:\n  {field}: '{text}'\n")
    inside = _found(f"plan: {{title: x}}\nbudget:\n  {field}: {{value: '{text}'}}\n")
    assert [message for _, message in alone] == [message for _, message in inside]


@pytest.mark.parametrize("text", WRONG)
def test_a_refused_figure_is_located_at_its_field(text: str) -> None:
    found = _found(f"plan: {{title: x}}\nbudget:\n  total: '{text}'\n")
    assert len(found) == 1
    position = found[0][0]
    assert position is not None
    assert (position.line, position.column) == (3, 10)
