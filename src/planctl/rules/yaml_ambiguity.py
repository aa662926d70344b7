"""A YAML value or key that YAML tools disagree on, or that silently loses data.

PyYAML and most YAML 1.1 tools keep only the last of two equal keys in a mapping, read `no`,
`yes`, `on`, `off` as booleans, `012` as the octal number 10, `12:30` as the base-60 number 750,
and `1e3` as a string. A plan must mean the same thing to every tool, so each of these is an
error naming the line: quote the text, remove the leading zero, or write the number in full.

Passing: `name: "no"`, `value: 1000元`.

Failing: two `amount:` keys in one item; `poor_villages: 012`.
"""

from planctl.findings import Severity
from planctl.i18n import N_

CODE = "PC002"
TITLE = N_("ambiguous or lossy YAML")
SEVERITY = Severity.ERROR
