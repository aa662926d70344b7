"""Every module the command line loads lazily imports on its own, first, in a fresh process.

Commands and renderers are imported only when used, so each is the first planctl module some
run imports: an import cycle that an earlier import happens to hide elsewhere breaks that run.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from planctl.cli.commands import COMMANDS
from planctl.render import RENDERERS

LAZY = sorted(
    {target.split(":")[0] for target in RENDERERS.values()}
    | {f"planctl.cli.{entry.module}" for entry in COMMANDS.values()}
)


@pytest.mark.slow
@pytest.mark.parametrize("module", LAZY)
def test_module_imports_first_in_a_fresh_interpreter(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", f"import {module}"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr.splitlines()[-1:]
