"""The event reader gives what the node-graph reader gave: data, positions, problems, errors.

The oracle is the reader planctl used before (`tests/reader_reference.py`). The intended
differences: every alias is refused, where the old reader let through an alias of a node it had
not read as a value (a key, or the value of a duplicate key); and a character YAML does not
allow (a control character) is reported at its line and column in one line, where the old
reader printed PyYAML's two lines with an offset.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from planctl.loader import LoadError, load_text
from tests import reader_reference
from tests.benchmark_plans import generator

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "plans").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "bad_inputs").glob("*.yaml")
)
ALIAS_REFUSAL = "anchors and aliases"


def outcome_of_new(text: str) -> tuple[str, Any]:
    try:
        document = load_text(text)
    except LoadError as error:
        return "error", (error.message, error.position)
    return "read", (
        document.data,
        dict(document.positions.items()),
        dict(document.key_positions.items()),
        document.problems,
    )


def outcome_of_old(text: str) -> tuple[str, Any]:
    try:
        document = reader_reference.read_yaml(text.removeprefix("\ufeff"))
    except LoadError as error:
        return "error", (error.message, error.position)
    return "read", (
        document.data,
        document.positions,
        document.key_positions,
        [(p.message, p.path, p.position) for p in document.problems],
    )


def assert_same(text: str) -> None:
    new_kind, new = outcome_of_new(text)
    old_kind, old = outcome_of_old(text)
    if new_kind == "read":
        data, positions, key_positions, problems = new
        new = (data, positions, key_positions, [(p.message, p.path, p.position) for p in problems])
    if old_kind == "read" and new_kind == "error" and "*" in text:
        assert new[0].startswith(ALIAS_REFUSAL), (text, new)
        return
    if old_kind == "error" and "control characters" in old[0]:
        assert new_kind == "error", text
        assert new[0].endswith("control characters are not allowed"), (text, new)
        assert new[1] is not None, (text, new)
        return
    assert (new_kind, new) == (old_kind, old), text


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.name)
def test_bundled_plans_and_bad_inputs_read_alike(path: Path) -> None:
    assert_same(path.read_bytes().decode("utf-8", errors="replace"))


@pytest.mark.parametrize(
    "shape",
    ["county_plan", "flat_budget", "deep_budget", "unknown_keys", "long_strings", "many_figures"],
)
def test_generated_plans_read_alike(shape: str) -> None:
    make = getattr(generator(), shape)
    assert_same(make(3) if shape == "county_plan" else make(60_000))


# Fragments that exercise every rule of reading: numbers and their traps, quoting, keys that
# are not names, duplicates, anchors and aliases, tags, merge keys, nesting, broken YAML.
_SCALARS = [
    "641.8",
    "48805",
    "0",
    "-3",
    "+4",
    "012",
    "1e3",
    "12:30",
    ".nan",
    "-.inf",
    "2017-07-06",
    "2017-13-40",
    "no",
    "On",
    "y",
    "null",
    "~",
    "true",
    "False",
    "''",
    "'no'",
    '"012"',
    "641.8亿元",
    "交通",
    "a b",
    "1" * 30,
    "",
    "|\n  text",
    "!!str 5",
    "!foo x",
    "! x",
    "!!int 3",
    "<<",
]
_KEYS = ["a", "b", "2019", "no", "1.5", "'a'", "<<", "!!merge x", "null", "~", "012", "[k]", "? a"]


def _node(rng: random.Random, depth: int, indent: int) -> str:
    roll = rng.random()
    pad = " " * indent
    if depth > 3 or roll < 0.45:
        scalar = rng.choice(_SCALARS)
        if rng.random() < 0.08:
            scalar = f"&n{rng.randrange(4)} {scalar}" if scalar else "&n0 x"
        elif rng.random() < 0.06:
            return f"*n{rng.randrange(4)}"
        return scalar.replace("\n", "\n" + pad)
    if roll < 0.6:
        items = [_node(rng, depth + 1, 0).split("\n")[0] for _ in range(rng.randrange(4))]
        items = [item for item in items if not item.startswith("|")]
        return (
            "[" + ", ".join(items) + "]"
            if rng.random() < 0.5
            else "{" + ", ".join(f"{rng.choice(_KEYS[:7])}: {item}" for item in items) + "}"
        )
    if roll < 0.8:
        lines = []
        for _ in range(rng.randrange(1, 4)):
            lines.append(f"\n{pad}- " + _node(rng, depth + 1, indent + 2).lstrip())
        return "".join(lines)
    lines = []
    for _ in range(rng.randrange(1, 5)):
        key = rng.choice(_KEYS)
        lines.append(f"\n{pad}{key}: " + _node(rng, depth + 1, indent + 2).lstrip(" "))
    return "".join(lines)


def _document(rng: random.Random) -> str:
    text = _node(rng, 0, 0).lstrip("\n") + "\n"
    if rng.random() < 0.05:
        text += "---\nb: 2\n"
    if rng.random() < 0.05:
        cut = rng.randrange(len(text))
        text = text[:cut] + rng.choice(["\t", ": :", "[", "}", "\n  - x\n"]) + text[cut:]
    return text


@pytest.mark.parametrize("seed", range(40))
def test_random_documents_read_alike(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(150):
        assert_same(_document(rng))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",
        "a: &x 1\nb: &x 2\n",
        "a: *y\n",
        "a: 1\n---\nb: 2\n",
        "---\n",
        "# only a comment\n",
        "",
        "a: 1\na: [1, &z 2]\nb: *z\n",
        "a: !foo 1\nb: [\n",
        "<<: {a: 1}\n",
        "!!merge a: 1\n",
        "!k k: 1\n",
        "? [a]\n: 1\n",
        "a: " + "[" * 120 + "]" * 120 + "\n",
        "a:\n" + "".join(" " * (2 * i) + f"k{i}:\n" for i in range(1, 110)) + " " * 220 + "x\n",
        "[" * 6000 + "]" * 6000,
        "a: b: c\n",
        "a: 'unterminated\n",
        "a: \x07\n",
    ],
)
def test_edge_cases_read_alike(text: str) -> None:
    assert_same(text)
