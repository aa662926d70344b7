"""Numbers in a source line that are not figures: dates, document numbers, list numbering.

A bare number (`3`, `三`) is looked for when a plan gives a figure the document prints without a
unit; it must not be found in `〔2016〕3号`, in `2020年4月6日`, in the `2、` that numbers a
paragraph or in the `（三）` of a heading. The coverage count leaves the same spans out.
"""

from __future__ import annotations

import re

_NOISE = [
    re.compile(r"[〔\[［(（﹝]\s*\d{4}\s*[〕\]］)）﹞]\s*\d+\s*号"),  # document numbers
    re.compile(r"(?<!\d)\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?"),  # years and dates
    re.compile(r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*日"),
    re.compile(r"(?<!\d)\d{4}\s*[-—–~至到]\s*\d{4}(?!\d)"),  # year ranges
    re.compile(r"(?<!\d)\d{4}[-./]\d{1,2}[-./]\d{1,2}(?!\d)"),
]
# The numbering that opens a line: `1．`, `2、`, `（3）`, `一、`, `（三）`, `第三章`, `第五节`.
_NUMBERING = re.compile(
    r"^[\s\u3000*#]*(?:[（(]\s*[\d零〇一二两三四五六七八九十百]+\s*[）)]|\d+\s*[.、:：](?!\d)"
    r"|[零〇一二两三四五六七八九十百]+、|第[\d零〇一二两三四五六七八九十百]+[章节])"
)


def noise_spans(line: str) -> list[tuple[int, int]]:
    """The [start, end) column spans of `line` that hold no figure."""
    spans = [match.span() for pattern in _NOISE for match in pattern.finditer(line)]
    numbering = _NUMBERING.match(line)
    if numbering:
        spans.append(numbering.span())
    return spans


def blank_noise(line: str) -> str:
    """`line` with its noise spans replaced by spaces (columns unchanged)."""
    for start, end in noise_spans(line):
        line = line[:start] + " " * (end - start) + line[end:]
    return line
