"""The C reader (`planctl/loader/_native.c`) reads a plain plan as the Python reader does.

The Python event reader is the oracle: for every text, reading it (the C fast path when it
takes the text, the Python reader otherwise) gives the same data, of the same types, the same
positions of every key and value, the same problems and the same error as the Python reader
alone. The C reader must also take the plain files it exists for, and give every other text
back to the Python reader.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from planctl.engine import check_file
from planctl.loader import LoadError, fallback, reader
from planctl.loader.document import MAX_DEPTH
from planctl.location import Position
from tests.benchmark_plans import generator
from tests.test_reader_equivalence import _document

try:
    from planctl.loader import _native as native
except ImportError:  # pragma: no cover - depends on the build
    if os.environ.get("CI"):
        raise  # CI installs libyaml's headers: a C reader that did not build is a failure there
    pytest.skip("the C reader was not built (no libyaml headers)", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent
PLANS = sorted((ROOT / "plans").glob("*.yaml"))
BAD_INPUTS = sorted((ROOT / "tests" / "bad_inputs").glob("*.yaml"))


def typed(value: Any) -> Any:
    """The value with the type of every part spelt out: `1`, `True` and `Decimal(1)` differ."""
    if isinstance(value, dict):
        return {typed(key): typed(item) for key, item in value.items()}
    if isinstance(value, list):
        return [typed(item) for item in value]
    return (type(value).__name__, value)


def outcome(read: Any, text: str) -> tuple[str, Any]:
    try:
        document = read(text)
    except LoadError as error:
        return "error", (error.message, error.position)
    return "read", (
        typed(document.data),
        dict(document.positions.items()),
        dict(document.key_positions.items()),
        [(problem.message, problem.path, problem.position) for problem in document.problems],
    )


def assert_same(text: str) -> None:
    assert outcome(reader.read_yaml, text) == outcome(fallback.read_events, text), text


def takes(text: str) -> bool:
    """Whether the C reader reads the text itself (rather than handing it back)."""
    return native.read(text, reader._resolve, reader._GIVE_UP, MAX_DEPTH) is not None


@pytest.mark.parametrize("path", PLANS + BAD_INPUTS, ids=lambda path: path.name)
def test_bundled_plans_and_bad_inputs_read_alike(path: Path) -> None:
    assert_same(path.read_bytes().decode("utf-8", errors="replace").removeprefix("\ufeff"))


@pytest.mark.parametrize("path", PLANS, ids=lambda path: path.name)
def test_the_bundled_plans_take_the_fast_path(path: Path) -> None:
    assert takes(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "shape",
    ["county_plan", "flat_budget", "deep_budget", "unknown_keys", "long_strings", "many_figures"],
)
def test_generated_plans_read_alike(shape: str) -> None:
    make = getattr(generator(), shape)
    text = make(3) if shape == "county_plan" else make(20_000)
    assert takes(text)
    assert_same(text)


@pytest.mark.parametrize("seed", range(40))
def test_random_documents_read_alike(seed: int) -> None:
    rng = random.Random(1000 + seed)
    for _ in range(150):
        assert_same(_document(rng))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a: 48805\n", 48805),
        ("a: -3\n", -3),
        ("a: +4\n", 4),
        ("a: 0\n", 0),
        ("a: " + "9" * 24 + "\n", int("9" * 24)),
        ("a: 641.8\n", Decimal("641.8")),
        ("a: 2017-07-06\n", dt.date(2017, 7, 6)),
        ("a: true\n", True),
        ("a: FALSE\n", False),
        ("a: Null\n", None),
        ("a: nO2\n", "nO2"),
        ("a: abc\n", "abc"),
        ("a: ~\n", None),
        ("a:\n", None),
        ("a: ''\n", ""),
        ("a: '012'\n", "012"),
        ("a: 641.8亿元\n", "641.8亿元"),
        ("a: 交通\n", "交通"),
        ("a: |\n  两行\n  文字\n", "两行\n文字\n"),
    ],
)
def test_plain_values_are_read_in_c(text: str, value: Any) -> None:
    assert takes(text)
    assert typed(reader.read_yaml(text).data) == typed({"a": value})
    assert_same(text)


def test_keys_and_positions() -> None:
    text = "计划:\n  2019: [1, 2]\n  'x': {b: c}\n  1.5: 是\n  null: 否\n"
    assert takes(text)
    document = reader.read_yaml(text)
    assert typed(document.data) == typed(
        {"计划": {2019: [1, 2], "x": {"b": "c"}, "1.5": "是", "null": "否"}}
    )
    assert document.positions[("计划", 2019, 1)] == Position(2, 13)
    assert document.key_positions[("计划", "null")] == Position(5, 3)
    assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: no\n",  # a YAML 1.1 trap: a problem the Python reader words
        "a: 012\n",
        "a: 1\na: 2\n",  # a duplicate key
        "a: &x 1\nb: *x\n",
        "a: !!str 5\n",
        "<<: {a: 1}\n",
        "? [a]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1\n",  # not valid YAML
        "a: \x07\n",
        "a: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1) + "\n",
        "a: " + "1" * 25 + "\n",
    ],
)
def test_anything_not_plain_goes_to_the_python_reader(text: str) -> None:
    assert not takes(text)
    assert_same(text)


def test_an_empty_stream_is_no_data() -> None:
    assert takes("# only a comment\n")
    assert reader.read_yaml("").data is None


@pytest.mark.parametrize("path", PLANS, ids=lambda path: path.name)
def test_without_the_c_reader_the_findings_are_the_same(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_c = check_file(str(path)).findings
    monkeypatch.setattr(reader, "_read_plain", None)
    assert check_file(str(path)).findings == with_c


def test_a_plain_plan_is_checked_without_importing_pyyaml() -> None:
    script = (
        "import sys\n"
        "from planctl.engine import check_file\n"
        f"check_file({str(PLANS[0])!r})\n"
        "print('yaml' in sys.modules)\n"
    )
    imported = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert imported.strip() == "False"


_EDITS = ["\t", ": ", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "!!str ", "'", '"', "\n", "  "]
_EDITS += ["#", "---\n", "|\n", "? ", "<<: ", "no", "012", "1e3", "~", "交", "\x07", "\ufeff"]
_EDITS += ["-.inf", "2019-02-30", "9" * 30, "+5", "-0", ".5", "5.", "Yes", "TRUE"]


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(8))
def test_mutated_plans_read_alike(seed: int) -> None:
    """Bundled plans with a few insertions and cuts: the two readers agree on every one, and
    the C reader takes its share of them (about a quarter stay plain)."""
    rng = random.Random(seed)
    plans = [path.read_text(encoding="utf-8") for path in PLANS]
    taken = 0
    for _ in range(250):
        text = rng.choice(plans)
        for _ in range(rng.randrange(1, 4)):
            cut = rng.randrange(len(text))
            if rng.random() < 0.5:
                text = text[:cut] + rng.choice(_EDITS) + text[cut:]
            else:
                text = text[:cut] + text[cut + rng.randrange(1, 20) :]
        taken += takes(text)
        assert_same(text)
    assert taken > 25
