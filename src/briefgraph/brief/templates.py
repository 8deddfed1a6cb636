"""Sentence templates per PLOVER type (data: knowledge/brief/templates.txt).

Each line gives a verb phrase in three forms (past, base, present); the
modality and negation of an event choose how they are put together, so a
planned event reads "will host", a negated one "did not condemn".
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..errors import KnowledgeError
from ..knowledge import data_path, read_data_lines
from ..records import PLOVER_TYPES


@dataclass(frozen=True)
class Verb:
    past: str
    base: str
    present: str


@lru_cache(maxsize=4)
def load_templates(path: str | None = None) -> dict[tuple[str, str], Verb]:
    """{(TYPE, cameo prefix or "*"): Verb} from the templates file."""
    source = Path(path) if path else data_path("brief/templates.txt")
    out: dict[tuple[str, str], Verb] = {}
    for line in read_data_lines(source):
        parts = [p.strip() for p in line.split("|")]
        if len(parts) != 5 or not all(parts):
            raise KnowledgeError(f"{source}: {line!r} is not 'TYPE | CAMEO | past | base | present'")
        kind, cameo, past, base, present = parts
        if kind not in PLOVER_TYPES:
            raise KnowledgeError(f"{source}: {kind!r} is not a PLOVER type")
        if cameo != "*" and not cameo.isdigit():
            raise KnowledgeError(f"{source}: {cameo!r} is not a CAMEO code prefix or *")
        out[(kind, cameo)] = Verb(past, base, present)
    missing = [k for k in PLOVER_TYPES if (k, "*") not in out]
    if missing:
        raise KnowledgeError(f"{source}: no default (*) template for {', '.join(missing)}")
    return out


def verb_for(plover: str, cameo: str | None, templates: dict[tuple[str, str], Verb] | None = None) -> Verb:
    """The verb of the longest CAMEO prefix listed for the type, else the type's default."""
    templates = templates or load_templates()
    code = cameo or ""
    for n in range(len(code), 1, -1):
        verb = templates.get((plover, code[:n]))
        if verb:
            return verb
    return templates[(plover, "*")]


def _place(form: str, target: str | None) -> str:
    if "~" in form:
        return form.replace("~", target or "others")
    if target:
        return f"{form} {target}"
    words = form.split()
    while len(words) > 1 and words[-1] in _DANGLING:
        words.pop()
    return " ".join(words)


_DANGLING = {"to", "with", "on", "for", "against", "from", "of", "access"}


def clause(plover: str, cameo: str | None, source: str, target: str | None, modality: str | None,
           negated: bool) -> str:
    """'Russia will host Palestinian factions', 'Russia did not condemn Hamas' (no date, no full stop)."""
    verb = verb_for(plover, cameo)
    modality = modality or "asserted"
    if modality == "planned":
        phrase = ("will not " if negated else "will ") + verb.base
    elif modality == "hypothetical":
        phrase = ("could not " if negated else "could ") + verb.base
    elif modality == "reported":
        phrase = "reportedly did not " + verb.base if negated else "reportedly " + verb.past
    else:
        phrase = "did not " + verb.base if negated else verb.past
    return f"{source} {_place(phrase, target)}"


def headline(plover: str, cameo: str | None, source: str, target: str | None, modality: str | None,
             negated: bool) -> str:
    """A title in headline style: 'Russia to Host Palestinian Factions', 'Hamas Praises Russia'."""
    verb = verb_for(plover, cameo)
    if modality in ("planned", "hypothetical"):
        phrase = ("Not to " if negated else "to ") + verb.base
    else:
        phrase = ("Does Not " + verb.base) if negated else verb.present
    words = _place(phrase, target).split()
    small = {"a", "an", "the", "of", "to", "for", "on", "with", "from", "and", "or", "in", "at", "by"}
    titled = [w if w in small or not w[:1].islower() else w[:1].upper() + w[1:] for w in words]
    return f"{source} {' '.join(titled)}"
