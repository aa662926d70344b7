"""The headings of a source document and the section references plans write, as numbered keys.

Documents number their parts in a small set of styles, from the highest rank to the lowest:
`第一部分` and `附件`/`附件2` (an annex closes everything before it), `第三章`, `第五节`,
`第二条`, `一、`, `（一）` or `(一)`, `1.`/`1．`/`1、`, `（1）`, and last table titles: `表1 …`,
`附表1 …`, or a short line alone that ends in `情况表`, `一览表`, `汇总表` (and the like). A
heading is recognised at the start of a line (after spaces, bookmarks or `**`); a table title
only when the line is nothing else (no full stop).

A heading's key is its kind and number (`("章", 3)`); an annex or table title without a number
has number 0. Its label is the text after the numbering, spaces removed (`总体目标` of
`（一）总体目标`), so a reference can name it by its words as well.

A plan names a section by chaining the numbers from the top (`第四章第二节`, `三（一）`,
`四（一）1`, `第七章第三节二（四）`, `附件2`, `表3`), optionally followed by the heading's words
(`（一）总体目标`, `一、贫困情况`), or by the words alone (`贫困情况`); `序言`/`前言` name the
preamble.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_NUMERAL = "零〇一二两三四五六七八九十百"
_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})

# Heading kinds.
PART, ANNEX, CHAPTER, SECTION, ARTICLE = "部分", "附件", "章", "节", "条"
ITEM, PAREN, NUMBER, PAREN_NUMBER, TABLE = "、", "（）", "1.", "(1)", "表"
RANK = {PART: 0, ANNEX: 0, CHAPTER: 1, SECTION: 2, ARTICLE: 3, ITEM: 4}
RANK.update({PAREN: 5, NUMBER: 6, PAREN_NUMBER: 7, TABLE: 8})
PREAMBLE_NAMES = {"序言", "前言", "引言", "序", "preamble", "正文前"}

Key = tuple[tuple[str, int], ...]

SPACE = " \t\u3000\u00a0*#"
_ANY = rf"[{_NUMERAL}\d]"
_HEADINGS: list[tuple[str, re.Pattern[str]]] = [
    (ANNEX, re.compile(rf"附\s*件\s*({_ANY}*)(?=$|[\s：:、.])")),
    (TABLE, re.compile(rf"附?表\s*({_ANY}+)(?=$|[\s：:、.（(])")),
    (PART, re.compile(rf"第\s*({_ANY}+)\s*部分")),
    (CHAPTER, re.compile(rf"第\s*({_ANY}+)\s*章")),
    (SECTION, re.compile(rf"第\s*({_ANY}+)\s*节")),
    (ARTICLE, re.compile(rf"第\s*({_ANY}+)\s*条")),
    (ITEM, re.compile(rf"([{_NUMERAL}]+)、")),
    (PAREN, re.compile(rf"[（(]\s*([{_NUMERAL}]+)\s*[）)]")),
    (PAREN_NUMBER, re.compile(r"[（(]\s*(\d+)\s*[）)]")),
    (NUMBER, re.compile(r"(\d+)\s*[.、](?!\d)")),
]
_TABLE_ENDINGS = "情况表|一览表|汇总表|统计表|明细表|计划表|任务表|分解表|清单表|安排表"
# A table title alone on its line, perhaps followed by its unit (`（单位：万元）`).
_TABLE_TITLE = re.compile(rf"[^。；;]{{0,40}}(?:{_TABLE_ENDINGS})(?:\s*[（(][^）)]*[）)])?")


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading line's kind, number and label (the words after the numbering)."""

    kind: str
    number: int
    label: str


def chinese_number(text: str) -> int | None:
    """`十六` → 16, `三` → 3, `12` → 12; None when the text is not a number."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in _DIGITS:
            current = _DIGITS[char]
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        elif char == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    total += current
    return total or None


def _label(text: str) -> str:
    return "".join(text.split()).lstrip("：:、.")


def heading_of(line: str) -> Heading | None:
    """The heading a line opens (`第五节 规划资金`, `（一）目标任务`, `表2 资金安排`), if any."""
    text = line.lstrip(SPACE)
    for kind, pattern in _HEADINGS:
        match = pattern.match(text)
        if match is None:
            continue
        if kind in (ANNEX, TABLE) and not match.group(1):
            return Heading(kind, 0, _label(text[match.end() :]))
        number = chinese_number(match.group(1))
        if number is not None:
            return Heading(kind, number, _label(text[match.end() :]))
    title = text.rstrip(SPACE)
    if title and _TABLE_TITLE.fullmatch(title):
        return Heading(TABLE, 0, _label(title))
    return None


def format_key(key: Key) -> str:
    """A chain written the way plans write it: `第四章第二节`, `三（一）2`, `序言` for ()."""
    if not key:
        return "序言"
    out = ""
    for kind, number in key:
        numeral = _numeral(number)
        if kind in (PART, CHAPTER, SECTION, ARTICLE):
            out += f"第{numeral}{kind}"
        elif kind in (ANNEX, TABLE):
            out += f"{kind}{number or ''}"
        elif kind == ITEM:
            out += numeral
        elif kind == PAREN:
            out += f"（{numeral}）"
        elif kind == PAREN_NUMBER:
            out += f"（{number}）"
        else:
            out += str(number)
    return out


def _numeral(number: int) -> str:
    digits = "零一二三四五六七八九"
    if number < 10:
        return digits[number]
    if number < 20:
        return "十" + (digits[number % 10] if number % 10 else "")
    if number < 100:
        return digits[number // 10] + "十" + (digits[number % 10] if number % 10 else "")
    return str(number)


_REFERENCE_PARTS: Sequence[tuple[str, re.Pattern[str]]] = [
    (ANNEX, re.compile(rf"附件({_ANY}*)[：:]?")),
    (TABLE, re.compile(rf"附?表({_ANY}+)")),
    (PART, re.compile(rf"第({_ANY}+)部分")),
    (CHAPTER, re.compile(rf"第({_ANY}+)章")),
    (SECTION, re.compile(rf"第({_ANY}+)节")),
    (ARTICLE, re.compile(rf"第({_ANY}+)条")),
    (PAREN, re.compile(rf"[（(]([{_NUMERAL}]+)[）)]")),
    (PAREN_NUMBER, re.compile(r"[（(](\d+)[）)]")),
    (ITEM, re.compile(rf"([{_NUMERAL}]+)、?")),
    (NUMBER, re.compile(r"(\d+)[.．、]?")),
]


@dataclass(frozen=True, slots=True)
class Reference:
    """A section reference read: the chain of numbered headings, and the words after it."""

    key: Key
    label: str  # the heading's words (`总体目标`), or "" when the reference gives none


def parse_reference(reference: str) -> Reference | None:
    """`第四章 第二节` → ((章, 4), (节, 2)); `（一）总体目标` → ((（）, 1),) and `总体目标`;
    `贫困情况` → () and `贫困情况`; `序言` → (); None when it is empty."""
    text = "".join(reference.split())
    if text.lower() in PREAMBLE_NAMES:
        return Reference((), "")
    parts: list[tuple[str, int]] = []
    position = 0
    while position < len(text):
        for kind, pattern in _REFERENCE_PARTS:
            match = pattern.match(text, position)
            if match is None:
                continue
            if kind == ANNEX and not match.group(1):
                number: int | None = 0
            else:
                number = chinese_number(match.group(1))
            if number is not None:
                parts.append((kind, number))
                position = match.end()
                break
        else:
            break  # the rest is the heading's words
    label = text[position:]
    return Reference(tuple(parts), label) if parts or label else None
