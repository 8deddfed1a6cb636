"""Repairing text that went through a wrong encoding on its way to us ("mojibake"):
`â€œ` for “, `â€™` for ’, `Ã©` for é. ftfy does the repair; only encoding fixes are
switched on, so curly quotes, ligatures, widths and line breaks of clean text stay as
they are (a clean text comes back unchanged).

One loss ftfy cannot see: the right double quote ” is the bytes E2 80 9D, and 0x9D
has no character in Windows-1252, so it is often dropped, leaving `â€` before a space
or punctuation. That case is restored before the repair.
"""

from __future__ import annotations

import re

import ftfy

_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False, remove_terminal_escapes=False, fix_latin_ligatures=False, fix_character_width=False,
    uncurl_quotes=False, fix_line_breaks=False, remove_control_chars=False, normalization=None, explain=False,
)
_LOST_CLOSING_QUOTE = re.compile("\u00e2\u20ac(?=[\\s.,;:!?)\\]]|$)")
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00c3\u00e2][\u0080-\u00bf\u20ac\u201a-\u203a\u0152-\u017e\u02c6\u02dc]")


def repair_text(text: str) -> str:
    """The text with mojibake repaired; clean text is returned as it is."""
    if not _MOJIBAKE_HINT.search(text):
        return text  # the common case costs one regex scan
    return str(ftfy.fix_text(_LOST_CLOSING_QUOTE.sub("\u00e2\u20ac\u009d", text), _CONFIG))
