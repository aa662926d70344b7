"""The plan model (pydantic) and the step that turns a loaded document into a `Plan`."""

from planctl.model.figure import Figure
from planctl.model.plan import Budget, Node, Plan, Region, Schedule, Target
from planctl.model.validate import SCHEMA_CODE, to_plan

__all__ = [
    "SCHEMA_CODE",
    "Budget",
    "Figure",
    "Node",
    "Plan",
    "Region",
    "Schedule",
    "Target",
    "to_plan",
]
