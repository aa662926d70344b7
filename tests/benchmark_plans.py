"""The synthetic plan generator of the benchmarks (`benchmarks/generate.py`), for tests.

The benchmarks are scripts, not a package, so the tests load the generator from its file, once
per test session: every test then builds its plans with the same code the timings use.
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path
from types import ModuleType

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


@cache
def generator() -> ModuleType:
    """`benchmarks/generate.py` as a module."""
    spec = importlib.util.spec_from_file_location("benchmark_generate", GENERATOR)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while being made
    spec.loader.exec_module(module)
    return module
