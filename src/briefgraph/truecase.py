"""Restoring letter case to text that has none: archives that store everything in
lower case, headlines and wire slugs in capitals. The parser and the named-entity
recogniser lean on capitals, so a case-less text is given back its likely case
before it is parsed; the record keeps the original text (same length, same offsets).

The rules (CASE_RULES, in order) restore: names the knowledge knows (actors, aliases,
demonyms, metonyms, places of the gazetteer), also before a possessive ("ukraine's");
dotted acronyms the knowledge base writes so ("u.s." -> "U.S."); acronyms that are
also common words: "un", "eu" unless a prefix, "us" only where a name is meant
("the us", "us-led", "us forces"); a known place opening a wire dateline, in capitals ("KYIV (Reuters) -");
month names next to a number ("march 10", "(jan 18)"); unknown words
named by a place noun ("the village of saravan", "bajaur district"); up to three
unknown words right after a title ("governor oleh kiper", "brig. gen. pat ryder": a
person's name); the first letter of each sentence, and "I". A single word that our
texts also write in lower case ("police", "reading") is left alone; names of several
words are restored whole ("new delhi" -> "New Delhi").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .forms import INFLECTIONS, KEPT_DOUBLES, base_forms

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
SENTENCE_START = re.compile(r"(?:\A|[.!?]['\"”’)\]]*\s+|\n\s*|[,:]\s+(?=[\"“]))([\"“‘'(\[]*)([^\W\d_])")
DATELINE = re.compile(r"^([^\W\d_][^\n.!?]{0,60}?)(?:/|\s[-—–])\s+([\"“‘'(\[]*)([^\W\d_])", re.MULTILINE)
WIRE_DATELINE = re.compile(r"^([^\W\d_][^\W\d_'-]*(?: [^\W\d_][^\W\d_'-]*){0,2})"
                           r"(?=(?:,[^\n,.]{2,30})?\s*(?:\([^)\n]{2,30}\)\s*)?[-–—]+\s)", re.MULTILINE)
DOTTED = re.compile(r"(?<![\w.])(?:[^\W\d_]\.){2,}")
LOWER_RATIO = 0.01  # at most this share of capital letters: a lower-case text
UPPER_RATIO = 0.9  # at least this share: a text in capitals
MIN_LETTERS = 20
ADDRESS_CHARS = frozenset("./@")  # "europa.eu", "un.org/": part of an address, no acronym
ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "st", "no", "vs"})  # no sentence ends after these
PERSON_NAME_WORDS = 3
HEADING_WORDS = 14  # a heading line: "Latest Developments", "Background: Eight Months on the Gao Road"
SIGNATURE_WORDS = 6  # a block quote's signature: "Mark Dubowitz, FDD CEO"
# a line's words after an opening quote mark, closing quote or dash; no sentence end, no colon
HEADING_LINE = re.compile(r"^[ \t\"”’“'—–-]*([^\W\d_][^\n]*?(?<![.!?:;,\"”’)]))[ \t]*$", re.MULTILINE)
# a line with an e-mail or web address, or a quotation's end, is no heading
NO_HEADING = re.compile(r"@|://|www\.|[.!?,][”\"]")
# a block quote's signature: the words after its closing mark, to the line's end ("...hours.” Name, Title")
SIGNATURE = re.compile(r"[”\"][ \t]*[—–-]?[ \t]+([^\W\d_][^\n]*?(?<![.!?:;,\"”’)]))[ \t]*$", re.MULTILINE)
PLACE_NAME_WORDS = 3

Word = tuple[int, int, str]  # start, end, the word in lower case without a possessive ending


@dataclass(frozen=True)
class CaseLexicon:
    """Cased names by their lower-case words, and the words never capitalised alone."""

    names: dict[tuple[str, ...], tuple[str, ...]]
    common: frozenset[str]
    keep_lower: frozenset[str]
    titles: frozenset[str]  # title words a person's name follows ("governor", "minister")
    max_words: int
    acronyms: frozenset[str] = frozenset()  # "us", "un": a name in capitals that is also a common word
    acronym_heads: frozenset[str] = frozenset()  # nouns a state acronym modifies ("forces", "embassy")
    dotted: frozenset[str] = frozenset()  # dotted acronyms of the knowledge ("U.S.", "U.N.")
    months: frozenset[str] = frozenset()  # month names and their abbreviations, lower case
    place_nouns: frozenset[str] = frozenset()  # "village of NAME"
    region_words: frozenset[str] = frozenset()  # "NAME province"
    english: frozenset[str] = field(default=frozenset(), repr=False)  # dictionary words: never a guessed name
    minor: frozenset[str] = frozenset()  # words a title-case heading keeps in lower case ("of", "the")

    @classmethod
    def build(cls, names: Iterable[str], common: Iterable[str], keep_lower: Iterable[str],
              titles: Iterable[str] = (), *, acronym_heads: Iterable[str] = (), months: Iterable[str] = (),
              place_nouns: Iterable[str] = (), region_words: Iterable[str] = (),
              english: Iterable[str] = (), minor: Iterable[str] = ()) -> CaseLexicon:
        table: dict[tuple[str, ...], tuple[str, ...]] = {}
        capitals: set[str] = set()
        for name in dict.fromkeys(names):  # once each, in the order given
            words = (name,) if name.isalpha() else tuple(WORD.findall(name))
            if words and name.replace(".", "").isalpha() and name.replace(".", "").isupper():
                capitals.add(name)
            if not words or not any(w[:1].isupper() for w in words) or name.isupper() and len(name) > 4:
                continue
            key = tuple(_base(w.lower()) if "'" in w or "’" in w else w.lower() for w in words)
            form = tuple(w[:len(k)] for w, k in zip(words, key, strict=True))
            old = table.get(key)
            table[key] = form if old is None else tuple(map(_better_form, old, form))
        keep = frozenset(keep_lower)
        return cls(table, frozenset(common), keep, frozenset(titles),
                   max((len(k) for k in table), default=1),
                   acronyms=frozenset(n.lower() for n in capitals if n.lower() in keep),
                   acronym_heads=frozenset(acronym_heads), dotted=frozenset(n for n in capitals if "." in n),
                   months=frozenset(months), place_nouns=frozenset(place_nouns),
                   region_words=frozenset(region_words), english=frozenset(english), minor=frozenset(minor))

    def unknown(self, word: str) -> bool:
        """No word of the dictionary or of our lower-case words, no title: likely part of a name."""
        return (len(word) > 1 and word not in self.common and word not in self.keep_lower
                and word not in self.titles and word not in self.months
                and not any(form in self.english  # "villages", "burned", "shipping": dictionary words
                            for form in (word, *base_forms(word, INFLECTIONS, kept_doubles=KEPT_DOUBLES))))


def caseless(text: str) -> str | None:
    """"lower" or "upper" when the text has (next to) no case information, else None."""
    letters = [c for c in text if c.isalpha()]
    if len(letters) < MIN_LETTERS:
        return None
    upper = sum(c.isupper() for c in letters) / len(letters)
    if upper <= LOWER_RATIO:
        return "lower"
    if upper >= UPPER_RATIO:
        return "upper"
    return None


def restore_case(text: str, lexicon: CaseLexicon) -> str:
    """The text with its likely case; same length, so every offset still holds."""
    chars = list(_lower(text))
    words = [(m.start(), m.end(), _base(m.group().lower())) for m in WORD.finditer(text)]
    for rule in CASE_RULES:
        rule(chars, words, lexicon)
    return "".join(chars)


def known_names(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """Names the knowledge knows, the longest first ("new delhi", "ukraine's")."""
    i = 0
    while i < len(words):
        i += _restore_name(chars, words, i, lexicon) or 1


def dotted_acronyms(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """"u.s." -> "U.S." when the knowledge base writes the acronym so ("e.g." stays)."""
    for m in DOTTED.finditer("".join(chars)):
        if m.group().upper() in lexicon.dotted:
            chars[m.start():m.end()] = [_upper_char(c) for c in m.group()]


def name_acronyms(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """An acronym no common word shares ("un", "eu") is the acronym, unless a prefix ("un-armed");
    "us" only after "the", before a hyphen ("us-led"), a name ("us centcom") or a noun it names
    the owner of ("us forces", "us president"): the pronoun never stands there."""
    for i, (start, end, word) in enumerate(words):
        if word not in lexicon.acronyms or "".join(chars[start - 1:start]) in ADDRESS_CHARS:
            continue
        end = start + len(word)  # not the possessive ending: "EU’s"
        hyphen = "".join(chars[end:end + 1]) == "-" and i + 1 < len(words) and words[i + 1][0] == end + 1
        if word not in lexicon.common:
            if not hyphen:
                chars[start:end] = [_upper_char(c) for c in chars[start:end]]
            continue
        before = words[i - 1][2] if i and _adjacent(words[i - 1:i + 1], chars) else ""
        after = words[i + 1][2] if i + 1 < len(words) and _adjacent(words[i:i + 2], chars) else ""
        named = after and chars[words[i + 1][0]].isupper()  # a name restored before: "us centcom"
        if before == "the" or hyphen or named or after in lexicon.acronym_heads or after in lexicon.titles:
            chars[start:end] = [_upper_char(c) for c in chars[start:end]]


def wire_datelines(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """A known place opening a line before a dash is a wire dateline, which wires write in
    capitals: "kyiv (reuters) - " -> "KYIV (reuters) - ", "kabul, afghanistan — "."""
    for m in WIRE_DATELINE.finditer("".join(chars)):
        if all(w[:1].isupper() for w in WORD.findall(m.group(1))):
            chars[m.start(1):m.end(1)] = [_upper_char(c) for c in m.group(1)]


def month_dates(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """A month name next to a number is the month ("march 10", "10 may 2024", "(jan 18)")."""
    for start, end, word in words:
        if word not in lexicon.months:
            continue
        after = "".join(chars[end:end + 4]).lstrip(". ")
        before = "".join(chars[max(0, start - 5):start]).rstrip()
        if after[:1].isdigit() or before[-1:].isdigit() or re.search(r"\d(?:st|nd|rd|th)$", before):
            chars[start] = _upper_char(chars[start])


def place_names(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """Unknown words a place noun names: "the village of saravan", "bajaur district"."""
    for i, (_start, _end, word) in enumerate(words):
        if word in lexicon.place_nouns and i + 2 < len(words) and words[i + 1][2] == "of" \
                and _adjacent(words[i:i + 2], chars):
            _capitalise_run(chars, words, range(i + 2, min(len(words), i + 2 + PLACE_NAME_WORDS)), lexicon,
                            follows=i + 1)
        if word in lexicon.region_words and i > 0:
            _capitalise_run(chars, words, range(i - 1, max(-1, i - 1 - PLACE_NAME_WORDS), -1), lexicon,
                            follows=i)


def titled_names(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """After a title, up to three words our texts never write in lower case are a name."""
    i = 0
    while i < len(words):
        i += _restore_titled_name(chars, words, i, lexicon)


def unknown_words(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """A word of no dictionary, of none of our lower-case words and no title is most likely a
    name the knowledge does not hold ("quoted alireza marhamati, the deputy governor"): news
    text writes nearly all such words with a capital. Nothing without a dictionary to tell."""
    if not lexicon.english:
        return
    for start, _end, word in words:
        if lexicon.unknown(word) and chars[start].islower():
            chars[start] = _upper_char(chars[start])


def heading_lines(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """A line of its own of up to 14 words (as the structure stage reads headings) without a
    sentence's last stop is a heading, and up to six words after a block quote's closing mark to
    the line's end its signature: news pages write both in title case ("expert analysis" ->
    "Expert Analysis", "...hours.” mark dubowitz, fdd ceo" -> "...hours.” Mark Dubowitz, Fdd
    Ceo"); never a line with an address or a quotation's end. Only in a text of several lines."""
    text = "".join(chars)
    if "\n" not in text.strip():
        return
    starts = [start for start, _end, _word in words]  # in text order: a line's words by bisection
    for pattern, most in ((HEADING_LINE, HEADING_WORDS), (SIGNATURE, SIGNATURE_WORDS)):
        for m in pattern.finditer(text):
            inside = words[bisect_left(starts, m.start(1)):bisect_left(starts, m.end(1))]
            if inside and len(inside) <= most and not NO_HEADING.search(m.group(1)):
                _title_case(chars, inside, lexicon)


def _title_case(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    for n, (start, _end, word) in enumerate(words):
        if n == 0 or word not in lexicon.minor:
            chars[start] = _upper_char(chars[start])


def sentence_starts(chars: list[str], words: list[Word], lexicon: CaseLexicon) -> None:
    """The first letter of each sentence (not after an abbreviation: "u.s. forces", "gen. ali"),
    a quotation after a comma or colon ("said, “we"),
    also after a dateline of names ("Kyiv (Reuters) - the", "Shafaq News/ the"); the pronoun "I"."""
    text = "".join(chars)
    for m in SENTENCE_START.finditer(text):
        last = text[:m.start(1)].rstrip().rsplit(None, 1)[-1:] if m.start() else []
        if last and last[0].endswith(".") and (DOTTED.fullmatch(last[0].lower())
                                                or last[0][:-1].lower() in lexicon.titles | ABBREVIATIONS):
            continue
        chars[m.start(2)] = _upper_char(chars[m.start(2)])
    for m in DATELINE.finditer(text):
        if all(w[:1].isupper() for w in WORD.findall("".join(chars[m.start():m.end(1)]))):
            chars[m.start(3)] = _upper_char(chars[m.start(3)])
    for start, _end, word in words:
        if word == "i":
            chars[start] = "I"


CASE_RULES: tuple[Callable[[list[str], list[Word], CaseLexicon], None], ...] = (
    known_names, dotted_acronyms, name_acronyms, wire_datelines, month_dates, place_names, titled_names,
    unknown_words, heading_lines, sentence_starts,
)


def _restore_name(chars: list[str], words: list[Word], i: int, lexicon: CaseLexicon) -> int:
    """Restore the longest known name starting at word i; the number of words consumed."""
    for n in range(min(lexicon.max_words, len(words) - i), 0, -1):
        key = tuple(w for _, _, w in words[i:i + n])
        cased = lexicon.names.get(key)
        if cased is None or not _adjacent(words[i:i + n], chars):
            continue
        if n == 1 and (key[0] in lexicon.common or key[0] in lexicon.keep_lower):
            continue
        if _common_description(key, cased, lexicon):
            continue
        if n == 1 and len(key[0]) == 1 and not "".join(chars[words[i][1]:words[i][1] + 1]).isdigit():
            continue  # a letter is a name only before its number ("m23"), never in "a.m."
        for (start, _end, word), form in zip(words[i:i + n], cased, strict=True):
            if len(word) == len(form):
                chars[start:start + len(form)] = [_same_length_case(c, f) for c, f
                                                  in zip(chars[start:start + len(form)], form, strict=True)]
        return n
    return 0


def _common_description(key: tuple[str, ...], cased: tuple[str, ...], lexicon: CaseLexicon) -> bool:
    """A name the knowledge writes partly in lower case whose capitalised words are all common
    words ("Central region", "Eastern province"): in a case-less text, most likely a description
    ("ukraine's central region"), left as it is."""
    lower = [word for word, form in zip(key, cased, strict=True) if form[:1].islower()]
    capital = [word for word, form in zip(key, cased, strict=True) if form[:1].isupper()]
    return bool(lower) and any(w not in lexicon.minor for w in lower) and all(w in lexicon.common for w in capital)


def _capitalise_run(chars: list[str], words: list[Word], indexes: range, lexicon: CaseLexicon,
                    follows: int | None = None) -> None:
    """Capitalise the unknown words at `indexes` (walking away from the place noun) while they
    follow each other; nothing when the run holds no unknown word."""
    run: list[int] = []
    previous = follows
    for j in indexes:
        if previous is not None and not _adjacent([words[min(j, previous)], words[max(j, previous)]], chars):
            break
        if not lexicon.unknown(words[j][2]) and not (run and words[j][2] in ("and", "al", "el")):
            break
        run.append(j)
        previous = j
    for j in run:
        if lexicon.unknown(words[j][2]):  # the joining words ("and", "al") stay as they are
            chars[words[j][0]] = _upper_char(chars[words[j][0]])


def _restore_titled_name(chars: list[str], words: list[Word], i: int, lexicon: CaseLexicon) -> int:
    if words[i][2] not in lexicon.titles:
        return 1
    j = i + 1
    while j < len(words) and j - i <= PERSON_NAME_WORDS and _adjacent(words[j - 1:j + 1], chars, dot=j == i + 1):
        start, end, word = words[j]
        if word in lexicon.common or word in lexicon.keep_lower or word in lexicon.titles or len(word) < 2:
            break
        chars[start] = _upper_char(chars[start])
        j += 1
    return j - i


SHORT_ACRONYM = 3


def _better_form(old: str, new: str) -> str:
    """Of two spellings of a name's word, the one news text writes: "US" over "Us",
    "Gaza" over "GAZA"; else the first one seen."""
    if old.isupper() and len(old) > SHORT_ACRONYM and not new.isupper() and new[:1].isupper():
        return new
    if new.isupper() and len(new) <= SHORT_ACRONYM and old[:1].isupper() and not old.isupper():
        return new
    return old


def _base(word: str) -> str:
    """A word without its possessive ending: "ukraine’s" -> "ukraine"."""
    for ending in ("’s", "'s"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _adjacent(span: list[Word], chars: list[str], dot: bool = False) -> bool:
    """The words of a name follow each other with only a space, hyphen or apostrophe between
    (with `dot`, also after an abbreviation's dot: "gen. pat")."""
    gaps = ("".join(chars[a[1]:b[0]]) for a, b in zip(span, span[1:], strict=False))
    return all(len(gap) <= 2 and not gap.strip(" -'’") or dot and gap.rstrip(" ") == "." and len(gap) <= 2
               for gap in gaps)


def _lower(text: str) -> str:
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _upper_char(c: str) -> str:
    return c.upper() if len(c.upper()) == 1 else c


def _same_length_case(c: str, form: str) -> str:
    if form.isupper():
        return _upper_char(c)
    return c
