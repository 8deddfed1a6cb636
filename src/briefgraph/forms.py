"""The base forms an inflected English word may have, guessed from its ending: the one guesser
the event patterns (stages/events/syntax.forms), the parse repairs' verb check (stages/parse.py)
and truecasing's dictionary check (truecase.py) share. Each passes the endings it reads: an
ending and what stands in its place, tried in order (the event patterns try a form's bases in
the order given)."""

from __future__ import annotations

from collections.abc import Sequence

Ending = tuple[str, str]  # the ending and what replaces it: ("ies", "y") reads "injuries" as injury

PAST: tuple[Ending, ...] = (("ed", "e"), ("ed", ""))  # "used" -> use, "blocked" -> block
PROGRESSIVE: tuple[Ending, ...] = (("ing", ""), ("ing", "e"))  # "shelling" -> shell, "escalating" -> escalate
# any inflection or "-ly" adverb: "villages", "burned", "injuries", "worried", "quickly"
INFLECTIONS: tuple[Ending, ...] = (("s", ""), ("es", ""), ("ed", ""), ("d", ""), ("ing", ""), ("ly", ""),
                                   ("ies", "y"), ("ied", "y"), ("ing", "e"))
DOUBLING_ENDINGS = ("ed", "ing")  # the endings after which English doubles a last consonant: "stopped"
# letters whose doubling is the base's own spelling ("killed", "passed"), for guessers that keep them
KEPT_DOUBLES = "aeiouls"


def base_forms(word: str, endings: Sequence[Ending], shortest: int = 3, kept_doubles: str | None = None) -> list[str]:
    """The bases `word` may be a form of, by `endings` in order, each at least `shortest` letters
    long; with `kept_doubles` (None: no such guess) a doubled last letter before "-ed" or "-ing"
    is undone as well ("stopped" -> stop, "shipping" -> ship), unless it is one of those letters."""
    out = [word[:-len(ending)] + base for ending, base in endings
           if word.endswith(ending) and len(word) - len(ending) >= shortest]
    if kept_doubles is None:
        return out
    for ending in (e for e in DOUBLING_ENDINGS if any(e == end for end, _ in endings)):
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) > shortest and stem[-1] == stem[-2] and stem[-1] not in kept_doubles:
            out.append(stem[:-1])
    return out
