"""Bytes → text. Plan files must be UTF-8; anything else gets one message that says what to do."""

from __future__ import annotations

import codecs

from planctl.i18n import _
from planctl.loader.errors import LoadError
from planctl.location import Position


class DecodeError(LoadError):
    """The file is not UTF-8 text; `position` points at the first offending byte when known."""


def decode(data: bytes) -> str:
    """UTF-8 (with or without a BOM) to text; explain GB18030, UTF-16 and binary files."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(data):
        raise DecodeError(
            "the file is UTF-16, not UTF-8; save it as UTF-8 "
            "(iconv -f UTF-16 -t UTF-8 FILE > FILE.new)"
        )
    if b"\x00" in data[:8192]:
        raise DecodeError(_("the file is binary, not a YAML plan"))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        position = _position_of(data, error.start)
        if _decodes_as_gb18030(data):
            raise DecodeError(
                _(
                    "the file is not UTF-8; it looks like GB18030/GBK, as saved by Chinese "
                    "Windows tools. Convert it: iconv -f GB18030 -t UTF-8 FILE > FILE.new"
                ),
                position,
            ) from None
        raise DecodeError(
            _("the file is not UTF-8 (byte 0x{byte} cannot be read); save it as UTF-8").format(
                byte=f"{data[error.start]:02x}"
            ),
            position,
        ) from None


def _looks_utf16(data: bytes) -> bool:
    """UTF-16 without a BOM: ASCII text with every other byte zero."""
    sample = data[:200]
    return len(sample) >= 4 and (
        sample[1::2].count(0) > len(sample) // 3 or sample[0::2].count(0) > len(sample) // 3
    )


def _decodes_as_gb18030(data: bytes) -> bool:
    try:
        data.decode("gb18030")
    except UnicodeDecodeError:
        return False
    return True


def _position_of(data: bytes, offset: int) -> Position:
    line_start = data.rfind(b"\n", 0, offset) + 1
    return Position(data.count(b"\n", 0, offset) + 1, offset - line_start + 1)
