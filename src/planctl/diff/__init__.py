"""Structural diff of two versions of a plan: changes in the plan's terms, not lines of text.

`diff_data(old, new)` compares two loaded documents (`planctl.diff.structure`);
`diff_files(old, new)` reads two plan files and returns the located `DiffResult` that
`planctl diff` renders. The plans need only be readable YAML, not valid plans.
"""

from __future__ import annotations

from planctl.diff.run import diff_files
from planctl.diff.structure import Change, Kind, diff_data

__all__ = ["Change", "Kind", "diff_data", "diff_files"]
