"""Structural diff of two versions of a plan: changes in the plan's terms, not lines of text.

`diff_data(old, new)` compares two loaded documents (`planctl.diff.structure`);
`diff_files(old, new)` reads two plan files and returns the located `DiffResult` that
`planctl diff` renders (`planctl.diff.run`). The plans need only be readable YAML, not valid
plans. The package imports neither module itself: `planctl.results.diff` needs the structure
alone, and importing the runner with it would make an import cycle.
"""
