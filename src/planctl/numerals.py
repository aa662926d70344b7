"""Chinese numerals as documents print them: `七`, `十六`, `一百零五`, `三千五`, `两万`.

A reader that adds up whatever digits and scales it meets reads `十十` as 20 and `二二` as 2, so a
typo silently becomes another figure. This reader accepts only the spellings a number really has:
the standard form (`一万零五百`), with `两` for 二 before a scale (or alone, as in `两个`), `〇` for
零, a leading `一十` for `十`, and the abbreviated ending that drops the last scale after the next
higher one (`一百一` = 110, `三千五` = 3500, `一万二` = 12000, `一亿二` = 120000000). It reads each
text once, then spells the value back and refuses the text unless it is one of those spellings;
that makes "strict" a property anyone can test by round trip. Numbers reach 9999亿.
"""

from __future__ import annotations

from planctl.i18n import _

DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
SCALES = {"十": 10, "百": 100, "千": 1000}
SECTIONS = {"万": 10**4, "亿": 10**8}
NUMERAL_CHARACTERS = frozenset(DIGITS) | frozenset(SCALES) | frozenset(SECTIONS)
LIMIT = 10**12  # up to 9999亿; 万亿 and larger are not read

_WRITTEN = "零一二三四五六七八九"
_SECTION_SCALES = ("千", "百", "十", "")
# After a scale, a final lone digit counts in the next lower one (`一百一` = 一百一十).
_NEXT_LOWER = {"百": 10, "千": 100, "万": 1000, "亿": 10**7}


class NumeralError(ValueError):
    """The text is not a standard Chinese numeral; the message says why."""


def read(text: str) -> int:
    """The value of a standard Chinese numeral; `NumeralError` for anything else."""
    if not text or not set(text) <= NUMERAL_CHARACTERS:
        raise NumeralError(_("'{text}' is not a Chinese numeral").format(text=text))
    value = _add_up(text)
    if value >= LIMIT or _normal(text) not in spellings(value):
        raise NumeralError(
            _(
                "'{text}' is not a standard Chinese numeral (such as 十二, 一百零五, 三千五); "
                "write the figure in digits"
            ).format(text=text)
        )
    return value


def write(value: int) -> str:
    """The standard spelling of 0 <= value < 10**12: 十二, 一百零五, 一万零五百, 十万."""
    if not 0 <= value < LIMIT:
        raise ValueError(f"{value} is outside 0..{LIMIT - 1}")
    if value == 0:
        return "零"
    parts = [(value // 10**8, "亿"), (value // 10**4 % 10**4, "万"), (value % 10**4, "")]
    out, started, gap = "", False, False
    for section, name in parts:
        if section == 0:
            gap = started
            continue
        if started and (gap or section < 1000):
            out += "零"
        out += _write_section(section) + name
        started, gap = True, False
    return out[1:] if out.startswith("一十") else out


def spellings(value: int) -> set[str]:
    """Every accepted spelling of `value` after `_normal` (两 → 二, 〇 → 零)."""
    standard = write(value)
    found = {standard}
    if standard.startswith("十"):
        found.add("一" + standard)
    for suffix, higher in (("十", "百"), ("百", "千"), ("千", "万"), ("千万", "亿")):
        head = standard.removesuffix(suffix)
        if head != standard and len(head) >= 2 and head[-1] in _WRITTEN[1:] and head[-2] == higher:
            found.add(head)
    return found


def _write_section(value: int) -> str:
    out, zero = "", False
    for position, scale in enumerate(_SECTION_SCALES):
        digit = value // 10 ** (3 - position) % 10
        if digit == 0:
            zero = zero or bool(out)
            continue
        if zero:
            out += "零"
        out += _WRITTEN[digit] + scale
        zero = False
    return out


def _normal(text: str) -> str:
    """`〇` as 零; `两` as 二 where it may stand (before a scale, or as the whole numeral)."""
    text = text.replace("〇", "零")
    if text == "两":
        return "二"
    return "".join(
        "二" if ch == "两" and text[i + 1 : i + 2] in {"百", "千", "万", "亿"} else ch
        for i, ch in enumerate(text)
    )


def _add_up(text: str) -> int:
    """A value for any string of numeral characters; `read` refuses it unless it spells back."""
    total, section, digit = 0, 0, 0
    for ch in text:
        if ch in DIGITS:
            digit = DIGITS[ch]
        elif ch in SCALES:
            section += (digit or 1) * SCALES[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * SECTIONS[ch]
            section, digit = 0, 0
        else:
            total = (total + section + digit) * SECTIONS[ch]
            section, digit = 0, 0
    if digit and len(text) >= 2 and text[-2] in _NEXT_LOWER:
        digit *= _NEXT_LOWER[text[-2]]
    return total + section + digit
