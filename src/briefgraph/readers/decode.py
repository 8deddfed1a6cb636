"""Bytes to text: UTF-8 first, then a detected encoding; binary data is refused."""

from __future__ import annotations

from ..errors import InputError

_CONTROL_OK = {9, 10, 12, 13}


def decode_bytes(data: bytes, source: str) -> str:
    """Decode an input or raise InputError naming it and the reason."""
    if not data.strip():
        raise InputError(source, "empty input (no text)")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _check_text(data.decode("utf-16"), source)
        except UnicodeDecodeError:
            raise InputError(source, "undecodable bytes (UTF-16 byte-order mark, bad data)") from None
    if b"\x00" in data[:65536]:
        raise InputError(source, "binary file, not text")
    try:
        return _check_text(data.decode("utf-8-sig"), source)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(source, "undecodable bytes: not UTF-8 and no text encoding fits")
    return _check_text(str(best), source)


def _check_text(text: str, source: str) -> str:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ord(ch) not in _CONTROL_OK)
    if controls > max(8, len(sample) // 50):
        raise InputError(source, "binary file, not text (too many control characters)")
    if not text.strip():
        raise InputError(source, "empty input (no text)")
    return text
