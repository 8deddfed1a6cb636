"""Collective groups and agents as GROUP mentions: a group noun with its capitalised
qualifier ("Palestinian factions", "Iran-backed militias"), and people or forces
named by an agent noun with the state they belong to ("Burundian militiamen",
"students throughout Indonesia"), as PETRARCH-style coders read them."""

from __future__ import annotations

import re
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.kb import KBEntry, Noun, name_key
from ...places import gazetteer
from ..place_qualifier import admin1_at
from .context import POSSESSIVE, Context
from .model import GroupKey, Mention

BACKED = re.compile(r"^(?:backed|led|aligned|allied|sponsored|funded|supported|affiliated)$", re.IGNORECASE)
BACKED_IN_PHRASE = re.compile(r"-\s*(?:backed|led|aligned|allied|sponsored|funded|supported)", re.IGNORECASE)
GROUP_STOP = frozenset({"multiple", "several", "various", "many", "some", "other", "these", "those", "all",
                        "both", "most", "numerous", "two", "three", "four", "five", "dozens", "hundreds"})
GROUP_BREAK_POS = frozenset({"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "NUM"})
AGENT_PLACE_PREPS = frozenset({"in", "from", "throughout", "across", "inside"})
AGENT_MAX_MODIFIERS = 4
HYPHENS = ("-", "–")  # inside a name: "in Guinea-Bissau" is not "in Guinea"
HOLDER_PARTICIPLES = frozenset({"held", "controlled", "occupied", "led", "backed", "run", "linked", "allied"})
# a state's sectors: "<agent> in <State>" of these is the state acting, an organisation of
# these belongs to its state (roles.py)
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
# a singular agent noun that names a person ("businessman", "lawyer"), not a body ("embassy")
PERSON_NOUN = re.compile(r"(?:man|men|er|or|ist|ant|ent|ian|ee|eer|ard|ive|ary|at)$")


def _stops_phrase(prev: Token) -> bool:
    """A word the modifiers of a group or agent noun never reach past: a line break, a stop
    word, a number, a clause's comma or colon ("In Bishkek, opposition lawmakers")."""
    return "\n" in prev.whitespace_ or prev.lower_ in GROUP_STOP or prev.like_num or prev.text in (",", ";", ":")


# -- collective groups ---------------------------------------------------------------------------

def group_phrase(ctx: Context, tokens: list[Token], i: int, noun: Noun) -> Mention | None:
    """A group noun in lower case with its modifiers, at least one capitalised:
    "Palestinian factions", "Iran-backed militias"."""
    head = tokens[i]
    j = i
    anchor = None
    while j - 1 >= 0:
        prev = tokens[j - 1]
        if _stops_phrase(prev) or _ends_group_modifiers(prev):
            break
        if prev.text[:1].isupper() or prev.text == "-" or BACKED.match(prev.text) or prev.pos_ in {
                "ADJ", "NOUN", "PROPN"}:
            if prev.text[:1].isupper():
                anchor = prev
            j -= 1
            continue
        break
    if anchor is None or j == i:
        return None
    start, end = tokens[j].idx, head.idx + len(head.text)
    if "\n" in ctx.text[start:end]:
        return None
    words = ctx.text[start:end]
    state = ctx.state_of(anchor.text)
    backed = bool(BACKED_IN_PHRASE.search(words))
    anchor_key = state.kb_id if state is not None else name_key(anchor.text)
    return Mention(start, end, words, "GROUP", "group", ctx.zone_at(start), entry=None,
                   group_key=GroupKey(anchor_key, noun.cls, backed), sector=noun.sector)


def _ends_group_modifiers(prev: Token) -> bool:
    """A determiner, preposition, verb or punctuation before the modifiers ends them."""
    if prev.pos_ in GROUP_BREAK_POS and prev.text != "-":
        return True
    if prev.pos_ == "VERB" and not BACKED.match(prev.text):
        return True
    return prev.pos_ == "PUNCT" and prev.text != "-"


# -- agents --------------------------------------------------------------------------------------

class Modifiers(NamedTuple):
    """What stands before an agent noun: the first token of the phrase, the state and
    the capitalised qualifier found ("Burundian", "Yoruba")."""

    first: int
    anchor: Token | None
    state: KBEntry | None


def agent_phrase(ctx: Context, tokens: list[Token], i: int) -> Mention | None:
    """People or forces named by an agent noun with the state they belong to, as
    PETRARCH-style coders read them: "Burundian militiamen", "Egyptian warships",
    "students throughout Indonesia", "Rebels in the Ivory Coast", or with a capitalised
    qualifier and no state ("Yoruba leaders"): a GROUP coded with the state and the
    agent's sector. "<Demonym> soldiers" and the like stay the state acting (organ
    nouns), "<Demonym> army" its institution."""
    if not _is_agent_head(ctx, tokens, i):
        return None
    head = tokens[i]
    mods = agent_modifiers(ctx, tokens, i)
    end = head.idx + len(head.text)
    state = mods.state
    after = state_after(ctx, tokens, i + 1)
    if state is None and after is not None:
        end, state = after
    elif after is not None and after[1] is state:
        end = after[0]
    if state is None and mods.anchor is None:
        return None
    # lower-case modifiers belong to the phrase only after a qualifier: "Russian civilian advisers"
    start = tokens[mods.first].idx if mods.anchor is not None else head.idx
    if "\n" in ctx.text[start:end]:
        return None
    return _agent_mention(ctx, head, start, end, state, mods.anchor, after is not None)


def _is_agent_head(ctx: Context, tokens: list[Token], i: int) -> bool:
    """Token i can head an agent phrase: a plural agent noun in lower case, not a
    modifier ("rebel leaders") nor a title before a name ("Yoruba leader Gani Adams")."""
    head = tokens[i]
    low = head.lower_
    if low in ctx.nouns.get("institution", {}) or head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if head.text[:1].isupper() and not (head.is_sent_start and head.text[1:].islower()):
        return False
    if head.dep_ in {"compound", "amod", "nmod"}:
        return False  # a modifier: "rebel leaders", "police station"
    agent = ctx.agents.get(low)
    # "rebel-held territory", "militia-controlled areas": the singular names the group
    holder = i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 2].lower_ in HOLDER_PARTICIPLES
    if agent is not None and not agent.plural and low not in ctx.nouns.get("group", {}) and not holder and (
            not PERSON_NOUN.search(low) or ctx.is_title_word(low)):
        return False  # "the French embassy" is a body; "the Iranian president" a title of a person
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return not (nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and "\n" not in head.whitespace_)


def agent_modifiers(ctx: Context, tokens: list[Token], i: int) -> Modifiers:
    """Walk left from the agent noun over at most four modifiers, to a state
    ("Burundian", "dual Russian-Israeli") or a capitalised qualifier ("Yoruba")."""
    head = tokens[i]
    j = i
    anchor: Token | None = None
    while j - 1 >= 0 and i - j < AGENT_MAX_MODIFIERS and not head.is_sent_start:
        prev = tokens[j - 1]
        if _stops_phrase(prev):
            break
        before = state_before(ctx, tokens, j)
        if before is not None:
            first, state = before
            return Modifiers(_widen_state(ctx, tokens, first), tokens[first], state)
        if prev.text[:1].isupper():
            if prev.is_sent_start and not prev.ent_type_:
                if prev.pos_ in {"ADJ", "NOUN"}:
                    j -= 1  # "Security forces in Guinea": a first word, a modifier, not a qualifier
                break
            if prev.pos_ in {"ADJ", "PROPN", "NOUN"}:
                anchor = prev
                j -= 1
                continue
            break
        if prev.text == "-" or BACKED.match(prev.text) or (prev.pos_ in {"ADJ", "NOUN"} and prev.text.islower()) \
                or (prev.tag_ == "VBN" and prev.text.islower()):
            j -= 1
            continue
        break
    return Modifiers(j, anchor, None)


def _widen_state(ctx: Context, tokens: list[Token], j: int) -> int:
    """"dual Russian-Israeli citizens": more states joined by hyphens, then adjectives."""
    while j - 2 >= 0 and tokens[j - 1].text == "-":
        more = state_before(ctx, tokens, j - 1)
        if more is None:
            break
        j = more[0]
    while j - 1 >= 0 and tokens[j - 1].pos_ == "ADJ" and tokens[j - 1].text.islower() and \
            tokens[j - 1].lower_ not in GROUP_STOP and "\n" not in tokens[j - 1].whitespace_:
        j -= 1
    return j


def _agent_mention(ctx: Context, head: Token, start: int, end: int, state: KBEntry | None,
                   anchor: Token | None, state_after_it: bool) -> Mention | None:
    low = head.lower_
    group_noun = ctx.nouns.get("group", {}).get(low)
    agent = ctx.agents.get(low)
    organ = ctx.nouns.get("organ", {}).get(low)
    zone = ctx.zone_at(start)
    sector = group_noun.sector if group_noun is not None else (agent.sector if agent is not None else "")
    if organ is not None or (sector in STATE_SECTORS and state_after_it and anchor is None):
        if state is None or not state_after_it or anchor is not None:
            return None  # "Israeli soldiers" is the state acting: the demonym rule sees it
        # "Security forces in Guinea", "Envoys from Venezuela": the state acting
        return Mention(start, end, ctx.text[start:end], state.type or "GPE", "organ", zone, entry=state,
                       sector=organ.sector if organ is not None else sector)
    cls = group_noun.cls if group_noun is not None else (agent.cls if agent is not None else low)
    if state is not None:
        anchor_key = state.kb_id
    else:
        assert anchor is not None  # agent_phrase needs a state or a qualifier
        anchor_key = name_key(anchor.text)
    return Mention(start, end, ctx.text[start:end], "GROUP", "group", zone, group_key=GroupKey(anchor_key, cls),
                   sector=sector, country=state.kb_id if state is not None else "")


def state_before(ctx: Context, tokens: list[Token], j: int) -> tuple[int, KBEntry] | None:
    """A demonym or state name of one or two words ending at token j-1: (first index, state)."""
    for width in (2, 1):
        k = j - width
        if k < 0 or not tokens[k].text[:1].isupper():
            continue
        surface = ctx.text[tokens[k].idx:tokens[j - 1].idx + len(tokens[j - 1].text)]
        if "\n" in surface:
            continue
        entry = ctx.demonym_entry(surface) or ctx.state_of(surface)
        if entry is not None:
            return k, entry
    return None


def state_after(ctx: Context, tokens: list[Token], k: int) -> tuple[int, KBEntry] | None:
    """"in the Ivory Coast", "throughout Indonesia" from token k: (end offset, state)."""
    if k >= len(tokens) or tokens[k].lower_ not in AGENT_PLACE_PREPS or "\n" in tokens[k - 1].whitespace_:
        return None
    k += 1
    if k < len(tokens) and tokens[k].lower_ == "the":
        k += 1
    for width in (3, 2, 1):
        if k + width > len(tokens):
            continue
        run = tokens[k:k + width]
        if not name_run(run):
            continue
        end = run[-1].idx + len(run[-1].text)
        surface = ctx.text[run[0].idx:end]
        state = ctx.state_of(surface)
        nxt = tokens[k + width] if k + width < len(tokens) else None
        if state is not None and ctx.kb.lookup(surface) is state and not (
                nxt is not None and (nxt.text in POSSESSIVE or nxt.text in HYPHENS or division_noun(ctx, nxt))) \
                and not town_of_region_elsewhere(tokens, k + width, surface, state):
            return end, state
    return None


def town_of_region_elsewhere(tokens: list[Token], k: int, surface: str, state: KBEntry) -> bool:
    """"Protesters in Holland, Michigan": a comma after the state's name that leads to the first-level
    region of a town so named in another country (place_qualifier.admin1_at) makes it that town."""
    if k >= len(tokens) or tokens[k].text != ",":
        return False
    doc = tokens[k].doc
    code = admin1_at(gazetteer(), doc[tokens[k].i + 1:tokens[k].i + 4], surface)
    return code is not None and code != state.country


def name_run(run: list[Token]) -> bool:
    """Capitalised words, joined by hyphens inside ("Guinea-Bissau", "Timor-Leste")."""
    return all(t.text[:1].isupper() or (t.text in HYPHENS and 0 < n < len(run) - 1) for n, t in enumerate(run))


def division_noun(ctx: Context, token: Token) -> bool:
    """A lower-case region noun after a state's name makes it a division named alike ("villagers
    in Niger state": Nigeria's state, not the state of Niger): places/cues.txt
    `ambiguous_region_words`, or a place noun (nouns.csv) that names no town (cues `town_nouns`:
    "in Kuwait city" is in Kuwait)."""
    cues = ctx.place_cues
    return token.text.islower() and (token.lower_ in cues["ambiguous_region_words"] or (
        token.lower_ in ctx.nouns.get("place", {}) and token.lower_ not in cues["town_nouns"]))
