"""The event dictionary: verb and noun patterns -> CAMEO code (and PLOVER type).

Pattern files (syntax in knowledge/events/README.md) are read in layers: the
user's files (`Knowledge.load(patterns=[FILE, ...])`, first file first), then
the shipped hand-written patterns-conflict.txt (repression, violence, protest)
and patterns-core.txt, then the generated
patterns-petrarch.txt. A trigger is coded by the first layer that has a matching
pattern; inside a layer the pattern with the most context words wins, so a user
entry overrides every shipped coding of the same use of a word.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import KnowledgeError
from ..records import PLOVER_TYPES
from .codes import CAMEO_CODE, VOID, CodeTables
from .files import data_path

GENERATED = "events/patterns-petrarch.txt"
CONFLICT = "events/patterns-conflict.txt"
SHIPPED_PATTERNS = (CONFLICT, "events/patterns-core.txt", GENERATED)
KINDS = ("verb", "noun")
_LINE = re.compile(r"^(?P<kind>verb|noun)\s+(?P<triggers>[^\s*=]+)\s*(?:\*\s*(?P<words>[^=]*?))?\s*="
                   r"\s*(?P<code>\S+)(?:\s+(?P<plover>\S+))?\s*$")
_SET = re.compile(r"^&(?P<name>[\w-]+)\s*=\s*(?P<words>.+)$")


@dataclass(frozen=True)
class Pattern:
    """One dictionary entry: a trigger word used with context words in order."""

    kind: str
    words: tuple[frozenset[str], ...]
    cameo: str | None  # None: a void pattern (this use of the trigger is no event)
    plover: str | None  # explicit PLOVER type, or None to take it from the table
    layer: int
    source: str  # "file:line", to say where a coding came from

    @property
    def specificity(self) -> int:
        return len(self.words)


@dataclass(frozen=True)
class Coding:
    cameo: str
    plover: str | None
    source: str
    weak: bool = False  # a generated default (no context word): trusted only with a target


class PatternDictionary:
    """Patterns indexed by (kind, trigger lemma), in the order they are tried, with
    the CAMEO code tables their codes are read with (`codes`)."""

    def __init__(self, patterns: Sequence[tuple[str, Pattern]], codes: CodeTables):
        self.codes = codes
        index: dict[tuple[str, str], list[Pattern]] = {}
        for trigger, pattern in patterns:
            index.setdefault((pattern.kind, trigger), []).append(pattern)
        for entries in index.values():
            entries.sort(key=lambda p: (p.layer, -p.specificity))  # stable: file order breaks ties
        self._index = index
        # every context word a trigger's patterns name (`names_word`, asked on coding's hot path)
        self._words = {key: frozenset(w for p in entries for alternatives in p.words for w in alternatives)
                       for key, entries in index.items()}

    def has_trigger(self, kind: str, forms: Sequence[str]) -> bool:
        return any((kind, form) in self._index for form in forms)

    def names_word(self, kind: str, forms: Sequence[str], word: str) -> bool:
        """Some pattern of the trigger (its `forms`) has `word` among its context words
        ("hold * &detainees * overnight" names "overnight")."""
        return any(word in self._words.get((kind, form), ()) for form in forms)

    def code(self, kind: str, forms: Sequence[str], context: Sequence[frozenset[str]]) -> Coding | None:
        """The coding of a trigger (its lemma and text `forms`) given the forms of
        the context words that follow it; None when unknown or void."""
        lists = [found for form in dict.fromkeys(forms) if (found := self._index.get((kind, form)))]
        if len(lists) == 1:
            candidates: Sequence[Pattern] = lists[0]  # already in the order they are tried
        else:
            candidates = sorted((p for found in lists for p in found), key=lambda p: (p.layer, -p.specificity))
        for pattern in candidates:
            if _matches(pattern.words, context):
                if pattern.cameo is None:
                    return None
                weak = pattern.source.startswith(GENERATED) and not pattern.words
                return Coding(pattern.cameo, pattern.plover, pattern.source, weak)
        return None


def _matches(words: tuple[frozenset[str], ...], context: Sequence[frozenset[str]]) -> bool:
    """Every pattern word matches a context token, in order (gaps allowed)."""
    i = 0
    for alternatives in words:
        while i < len(context) and not (alternatives & context[i]):
            i += 1
        if i == len(context):
            return False
        i += 1
    return True


def parse_pattern_lines(lines: Sequence[tuple[int, str]], name: str, layer: int) -> list[tuple[str, Pattern]]:
    """Parse one pattern file's (line number, line) pairs; raises KnowledgeError
    naming the file and line of a malformed entry."""
    sets: dict[str, frozenset[str]] = {}
    out: list[tuple[str, Pattern]] = []
    for number, line in lines:
        line = line.split(" #", 1)[0].strip()
        where = f"{name}:{number}"
        m = _SET.match(line)
        if m:
            sets[m.group("name").lower()] = frozenset(m.group("words").lower().split())
            continue
        m = _LINE.match(line)
        if not m:
            raise KnowledgeError(f"{where}: not a pattern (expected `verb|noun WORD [* WORDS] = CAMEO [PLOVER]`)")
        cameo = _cameo(m.group("code"), where)
        plover = _plover(m.group("plover"), where)
        words = [_alternatives(word, sets, where) for word in (m.group("words") or "").lower().split() if word != "*"]
        pattern = Pattern(m.group("kind"), tuple(words), cameo, plover, layer, where)
        for trigger in m.group("triggers").lower().split("|"):
            if trigger:
                out.append((trigger, pattern))
    return out


def _cameo(code: str, where: str) -> str | None:
    if code.lower() == VOID:
        return None
    if not CAMEO_CODE.match(code):
        raise KnowledgeError(f"{where}: {code!r} is not a CAMEO code (2 to 4 digits) or `none`")
    return code


def _plover(value: str | None, where: str) -> str | None:
    if value is None:
        return None
    plover = value.upper()
    if plover == "NONE":
        return VOID
    if plover not in PLOVER_TYPES:
        raise KnowledgeError(f"{where}: {plover!r} is not one of the 16 PLOVER types or `none`")
    return plover


def _alternatives(word: str, sets: dict[str, frozenset[str]], where: str) -> frozenset[str]:
    """One context word of a pattern: `a|b|&set` (`*` separates words and is skipped by the caller)."""
    alternatives: set[str] = set()
    for part in word.split("|"):
        if part.startswith("&"):
            if part[1:] not in sets:
                raise KnowledgeError(f"{where}: word set {part} is not defined above it")
            alternatives |= sets[part[1:]]
        elif part:
            alternatives.add(part)
    return frozenset(alternatives)


def _numbered_lines(path: str) -> list[tuple[int, str]]:
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except OSError as exc:
        raise KnowledgeError(f"{path}: cannot read pattern file ({exc.strerror or exc})") from None
    return [(i, line.strip()) for i, line in enumerate(text.splitlines(), 1)
            if line.strip() and not line.strip().startswith("#")]


def load_patterns(user_files: Sequence[str] = ()) -> PatternDictionary:
    """The dictionary: the user's pattern files first, then the shipped ones."""
    patterns: list[tuple[str, Pattern]] = []
    layer = 0
    for path in user_files:
        patterns += parse_pattern_lines(_numbered_lines(path), path, layer)
        layer += 1
    for name in SHIPPED_PATTERNS:
        patterns += parse_pattern_lines(_numbered_lines(str(data_path(name))), name, layer)
        layer += 1
    return PatternDictionary(patterns, CodeTables.load())
