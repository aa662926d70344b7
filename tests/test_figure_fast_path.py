"""The fast reading of `<digits><unit>` figures gives what the full reading gives, or defers.

`quantity.parse` reads most figures by a short path; `quantity._parse` is the full reading.
Both must agree on every text: the same quantity (number with its printed digits, unit, bound,
whether the unit was printed) or the same error.
"""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import pytest
import yaml

from planctl import quantity
from planctl.units import known_units

ROOT = Path(__file__).resolve().parent.parent
_NUMBERS = [
    "0",
    "3",
    "48805",
    "641.8",
    "0.63",
    "12.",
    ".5",
    "1,000",
    "1，000",
    "1e3",
    "４８",
    "007",
    "1" * 25,
    "9" * 24,
    "0" * 30 + "1",
]
_UNITS = [*known_units(), "万元", "亿元", "万人", "万", "亿", "千瓦", "%", "％", "人次", "平方米"]
_AROUND = ["", "余", "多", "以上", "以下", "左右", " ", "万余", "多万", "\u3000"]


def outcome(read: object, text: str, default_unit: str | None) -> tuple[object, ...]:
    try:
        found = read(text, default_unit)  # type: ignore[operator]
    except quantity.QuantityError as error:
        return ("error", type(error).__name__, str(error))
    assert isinstance(found, quantity.Quantity)
    return (
        found.text,
        str(found.number),
        found.unit,
        found.bound,
        found.unit_printed,
        str(found.base),
        str(found.tolerance),
    )


def _texts() -> list[str]:
    texts = [
        number + before + unit + after
        for number, unit in itertools.product(_NUMBERS, _UNITS)
        for before, after in [
            ("", ""),
            *((word, "") for word in _AROUND),
            *(("", w) for w in _AROUND),
        ]
    ]
    rng = random.Random(5)
    alphabet = "0123456789.,万亿元人个%％余多以上下 e"
    texts += [
        "".join(rng.choice(alphabet) for _ in range(rng.randrange(1, 8))) for _ in range(3000)
    ]
    return texts


def _figures(node: object) -> list[str]:
    if isinstance(node, dict):
        return [text for value in node.values() for text in _figures(value)]
    if isinstance(node, list):
        return [text for value in node for text in _figures(value)]
    return [node] if isinstance(node, str) and node[:1].isdigit() else []


@pytest.mark.parametrize("default_unit", [None, "%"])
def test_fast_reading_agrees_with_the_full_reading(default_unit: str | None) -> None:
    for text in _texts():
        expected = outcome(quantity._parse, text, default_unit)
        assert outcome(quantity.parse, text, default_unit) == expected, text


def test_every_bundled_figure_reads_alike() -> None:
    texts = [
        text
        for path in sorted((ROOT / "plans").glob("*.yaml"))
        for text in _figures(yaml.safe_load(path.read_text(encoding="utf-8")))
    ]
    assert len(texts) > 100
    for text in texts:
        assert outcome(quantity.parse, text, None) == outcome(quantity._parse, text, None), text
