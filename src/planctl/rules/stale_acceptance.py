"""An acceptance in the plan's `accepted:` list that no longer matches any finding.

Acceptances record findings that reflect the source document itself. When the plan or planctl
changes so that the finding disappears, the acceptance must go too, or it would silently accept
a different problem later. An acceptance matches a finding with the same rule code and the same
path (`at:`, as planctl prints it).

Passing: `accepted: [{rule: PC101, at: budget.items[1], reason: ...}]` with a PC101 finding at
`budget.items[1]`.

Failing: the same acceptance after the figures were corrected.
"""

from planctl.findings import Severity
from planctl.i18n import N_

CODE = "PC009"
TITLE = N_("stale acceptance")
SEVERITY = Severity.WARNING
