"""The loader: exact numbers, positions, and refusals of lossy or dangerous YAML."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from planctl.loader import LoadError, load, load_text
from planctl.location import Position


def test_numbers_are_exact_and_dates_are_dates() -> None:
    document = load_text("a: 641.8\nb: 48805\nc: 2017-07-06\nd: 0.1\n")
    assert document.data == {
        "a": Decimal("641.8"),
        "b": 48805,
        "c": dt.date(2017, 7, 6),
        "d": Decimal("0.1"),
    }
    assert not isinstance(document.data["a"], float)


def test_every_key_and_value_has_its_position() -> None:
    document = load_text("budget:\n  items:\n    - name: 交通\n      amount: 97.751亿元\n")
    assert document.locate(("budget", "items", 0, "amount")) == Position(4, 15)
    assert document.locate_key(("budget", "items", 0, "amount")) == Position(4, 7)
    # a path below a scalar falls back to the nearest ancestor that has a position
    assert document.locate(("budget", "items", 0, "amount", "value")) == Position(4, 15)


def test_duplicate_keys_name_both_lines() -> None:
    document = load_text("a:\n  b: 1\n  c: 2\n  b: 3\n")
    assert document.data == {"a": {"b": 1, "c": 2}}
    [problem] = document.problems
    assert problem.path == ("a", "b")
    assert "line 2" in problem.message
    assert "line 4" in problem.message


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("no", "yes/no"),
        ("On", "yes/no"),
        ("012", "octal"),
        ("12:30", "base-60"),
        ("1e3", "exponent"),
        (".nan", "finite"),
    ],
)
def test_yaml_11_surprises_are_caught_and_kept_as_text(value: str, says: str) -> None:
    document = load_text(f"v: {value}\n")
    assert document.data == {"v": value}
    [problem] = document.problems
    assert says in problem.message
    assert problem.position == Position(1, 4)


def test_quoted_values_are_plain_text() -> None:
    document = load_text("a: 'no'\nb: \"012\"\n")
    assert document.data == {"a": "no", "b": "012"}
    assert document.problems == []


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 12)]
    with pytest.raises(LoadError, match="aliases"):
        load_text("\n".join(lines) + "\n")


def test_deep_nesting_is_refused_with_a_position() -> None:
    # Recent libyaml refuses such nesting itself, in its own words: assert the refusal only.
    with pytest.raises(LoadError) as error:
        load_text("[" * 5000 + "]" * 5000)
    assert error.value.position is not None


def test_tabs_are_explained() -> None:
    with pytest.raises(LoadError, match="tab") as error:
        load_text("a:\n\tb: 1\n")
    assert error.value.position == Position(2, 1)


def test_gb18030_file_gets_advice(tmp_path: Path) -> None:
    path = tmp_path / "gbk.yaml"
    path.write_bytes("plan: {title: 洛阳市规划}\n".encode("gb18030"))
    with pytest.raises(LoadError, match="GB18030") as error:
        load(str(path))
    assert "iconv" in error.value.message


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes("\ufeffa: 1\n".encode())
    assert load(str(path)).data == {"a": 1}


def test_size_limit_is_applied_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" * 100, encoding="utf-8")
    with pytest.raises(LoadError, match="over the limit"):
        load(str(path), max_bytes=50)


@pytest.mark.parametrize(
    ("text", "where"),
    [("a: \x07\n", Position(1, 4)), ("ab: 1\nc: 交\x08\n", Position(2, 5))],
)
def test_a_control_character_is_reported_where_it_stands(text: str, where: Position) -> None:
    """Counted in characters (交 is one), in one line: not PyYAML's byte offset on a second."""
    with pytest.raises(LoadError) as raised:
        load_text(text)
    assert raised.value.position == where
    assert "\n" not in raised.value.message
    assert "U+00" in raised.value.message
