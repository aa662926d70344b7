"""A file that cannot be read as a plan at all.

The file does not exist, cannot be opened (or, for a directory, listed), is not a regular file
(a named pipe or a device would block the run), is larger than `--max-size`, is not UTF-8 text (a
GB18030 file saved by a Chinese Windows tool, a UTF-16 file, a binary file), is not valid YAML, or
uses YAML features plan files refuse: anchors and aliases (an alias bomb can exhaust memory), merge
keys, custom tags, nesting deeper than 100 levels. Nothing else is checked in such a file; the
other files of the run still are.

Passing: a UTF-8 YAML mapping.

Failing: `plan: {title: [unclosed` (not valid YAML), or `a: &x [1]` / `b: *x` (an alias).
"""

from planctl.findings import Severity
from planctl.i18n import N_

CODE = "PC001"
TITLE = N_("unreadable file")
SEVERITY = Severity.ERROR
