"""The file does not match the plan format (docs/plan-format.md).

An unknown key (with a "did you mean" suggestion), a missing required key, a value of the wrong
type, a figure whose unit is unknown or of the wrong family for its field (`31.0975万元` as a
number of people), a figure without a unit where the field has none of its own, or a year
outside 1949-2100. Every such problem in the file is reported, not only the first.

Passing: `baseline: {poor_population: 31.0975万人}`.

Failing: `baseline: {poor_populaton: 31.0975万人}` (unknown key; did you mean
`poor_population`?), `budget: {total: 641.8}` (no unit).
"""

from planctl.findings import Severity
from planctl.i18n import N_

CODE = "PC003"
TITLE = N_("not in the plan format")
SEVERITY = Severity.ERROR
