"""Mentions spaCy does not give as names, from phrases: a demonym or a state's name
with what follows it ("the Russian government", "Pakistan’s Foreign Office",
"the Saudi-led coalition", "an Indian proposal", "Palestinians"), and collective
groups and agents (groups.py). The rules for a state phrase are tried in the order
of `STATE_PHRASE_RULES`; the first that applies gives its mentions."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.kb import KBEntry, Noun, name_key
from .context import POSSESSIVE, Context
from .groups import agent_phrase, group_phrase
from .model import GroupKey, Mention

LED_BODIES = ("coalition", "alliance")


class StatePhrase(NamedTuple):
    """A demonym or state name of `width` tokens starting at token `i`."""

    tokens: list[Token]
    i: int
    width: int
    start: int
    end: int
    surface: str
    entry: KBEntry
    is_name: bool  # the state's name ("Pakistan"), not a demonym ("Pakistani")

    @property
    def nxt(self) -> Token | None:
        k = self.i + self.width
        return self.tokens[k] if k < len(self.tokens) else None


StatePhraseRule = Callable[[Context, StatePhrase], "list[Mention] | None"]


def phrase_mentions(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    tokens = [t for t in ctx.nlp if not t.is_space]
    for i, tok in enumerate(tokens):
        m = group_or_agent(ctx, tokens, i)
        if m is not None:
            out.append(m)
        if not tok.text[:1].isupper() or tok.lower_ == "the":
            continue
        phrase = state_phrase(ctx, tokens, i)
        if phrase is not None:
            out.extend(_apply_rules(ctx, phrase))
    return out


def group_or_agent(ctx: Context, tokens: list[Token], i: int) -> Mention | None:
    """A collective group ("Palestinian factions") or agents ("Burundian militiamen")
    headed by token i."""
    low = tokens[i].lower_
    group = ctx.nouns.get("group", {})
    m = None
    if low in group and tokens[i].text.islower():
        m = group_phrase(ctx, tokens, i, group[low])
    if m is None and (low in ctx.agents or low in group or low in ctx.nouns.get("organ", {})):
        m = agent_phrase(ctx, tokens, i)
    return m


def state_phrase(ctx: Context, tokens: list[Token], i: int) -> StatePhrase | None:
    """A demonym or a state's name at token i, the longest first ("Papua New Guinean", "South
    Korean")."""
    for width in (3, 2, 1):
        if i + width > len(tokens):
            continue
        last = tokens[i + width - 1]
        s, e = tokens[i].idx, last.idx + len(last.text)
        if "\n" in ctx.text[s:e] or last.text in POSSESSIVE or not re.search(r"[A-Za-z]", last.text):
            continue
        surface = ctx.text[s:e]
        entry = ctx.demonym_entry(surface)
        is_name = False
        if entry is None:
            entry = ctx.state_of(surface)
            is_name = entry is not None
        if entry is not None:
            return StatePhrase(tokens, i, width, s, e, surface, entry, is_name)
    return None


def _apply_rules(ctx: Context, phrase: StatePhrase) -> list[Mention]:
    for rule in STATE_PHRASE_RULES:
        found = rule(ctx, phrase)
        if found is not None:
            return found
    return []


def demonym_of_a_people(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"Greek Cypriot refugees", "Bosnian Serb forces": a demonym right before another
    state's demonym names a community of the second, not the first state."""
    nxt = p.nxt
    if p.is_name or nxt is None or not nxt.text[:1].isupper() or ctx.text[p.end:nxt.idx] != " ":
        return None
    other = ctx.demonym_entry(nxt.text)
    return [] if other is not None and other.kb_id != p.entry.kb_id else None


def state_institution(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"the Russian army", "Egypt's foreign ministry": a state's own institution in lower
    case, an organisation apart from its state when the document also names the state
    elsewhere ("Egypt and Qatar agreed ..., the Egyptian foreign ministry said"); when the
    institution is the only way the text names its state ("Uruguay's foreign ministry offered
    to mediate", "Sudan's army shelled"), it is the state acting through it, one actor, not
    two (its sector kept, and a generic agent's category: build.forces_fields). A form that
    is the state acting wherever it is named (state_organ_forms.txt: "Kenyan police") is
    never an organisation apart."""
    nxt = p.nxt
    after = p.i + p.width + (1 if nxt is not None and nxt.text in POSSESSIVE and p.is_name else 0)
    inst = institution(ctx, p.tokens, after)
    if inst is None:
        return None
    e2, noun = inst
    words = ctx.text[p.tokens[after].idx:e2].lower()
    if ctx.state_named_outside(p.entry.kb_id, p.start, e2) and words not in ctx.generic.state_organs:
        return [Mention(p.start, e2, ctx.text[p.start:e2], "ORG", "ner", ctx.zone_at(p.start), cue="org",
                        sector=noun.sector)]
    # a generic agent ("Kenyan police", "Nigeria's army") keeps its category (state forces)
    agent = ctx.generic.get(words) if words in ctx.agents else None
    return [Mention(p.start, e2, ctx.text[p.start:e2], p.entry.type or "GPE", "organ", ctx.zone_at(p.start),
                    entry=p.entry, sector=noun.sector, category=(agent.category or "") if agent else "")]


def state_owned_org(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"Pakistan’s Foreign Office": the organisation a state's name owns (none when the
    words after the possessive name no organisation)."""
    nxt = p.nxt
    if not (p.is_name and nxt is not None and nxt.text in POSSESSIVE):
        return None
    org = owned_org(ctx, p.tokens, p.i + p.width + 1, p.surface)
    return [org] if org is not None else []


def state_led(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"Vietnamese-led forces", "the Saudi-led coalition": the leading state acts."""
    k = p.i + p.width
    nxt = p.nxt
    if not (k + 2 < len(p.tokens) and nxt is not None and nxt.text == "-" and p.tokens[k + 1].lower_ == "led"):
        return None
    led = p.tokens[k + 2]
    organ = ctx.nouns.get("organ", {})
    if not (led.lower_ in organ or led.lower_ in LED_BODIES):
        return None
    e2 = led.idx + len(led.text)
    return [Mention(p.start, e2, ctx.text[p.start:e2], p.entry.type or "GPE", "organ", ctx.zone_at(p.start),
                    entry=p.entry, sector=organ[led.lower_].sector if led.lower_ in organ else "")]


def state_act(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"an Indian proposal", "Palestinian riots": the state is the one acting."""
    last = p.tokens[p.i + p.width - 1]
    head = last.head
    if not p.is_name and head.i > last.i and head.lower_ in ctx.nouns.get("act", {}) \
            and head.text.islower() and last.dep_ in {"amod", "compound", "nmod"}:
        return [Mention(p.start, p.end, p.surface, p.entry.type or "GPE", "organ", ctx.zone_at(p.start),
                        entry=p.entry)]
    return None


def state_organ(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"the Russian government", "Israeli soldiers": an organ of the state, the state acting."""
    nxt = p.nxt
    organ = ctx.nouns.get("organ", {})
    if nxt is None or nxt.lower_ not in organ or not nxt.text.islower():
        return None
    e2 = nxt.idx + len(nxt.text)
    return [Mention(p.start, e2, ctx.text[p.start:e2], p.entry.type or "GPE", "organ", ctx.zone_at(p.start),
                    entry=p.entry, sector=organ[nxt.lower_].sector)]


def demonym_alone(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """A demonym before an organisation's name ("South Korean Joint Chiefs of Staff"),
    as a people ("Palestinians"), or alone (attached to its state if that acts)."""
    if p.is_name:
        return None
    zone = ctx.zone_at(p.start)
    org = owned_org(ctx, p.tokens, p.i + p.width, "")
    if org is not None:
        return [Mention(p.start, org.end, ctx.text[p.start:org.end], "ORG", "ner", zone)]
    people_mention = people(ctx, p)
    if people_mention is not None:
        return [people_mention]
    return [Mention(p.start, p.end, p.surface, "GPE", "demonym", zone, entry=p.entry)]


def people(ctx: Context, p: StatePhrase) -> Mention | None:
    """A nationality as the people acting: the plural demonym heading its phrase
    ("Palestinians blamed Israel", "more than 100 Israelis") or a demonym before a
    capitalised plural people's name ("Iraqi Kurds"); a GROUP of that state. A demonym
    modifying a noun ("Israeli soldiers") is no group of its own."""
    tokens, entry = p.tokens, p.entry
    last = tokens[p.i + p.width - 1]
    nxt = p.nxt
    s = p.start
    surface = p.surface
    plural_form = not any(name_key(d) == name_key(surface) for d in entry.demonyms)
    if plural_form and last.pos_ in {"NOUN", "PROPN"} and last.dep_ not in {"amod", "compound", "nmod"} \
            and not (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and "\n" not in last.whitespace_):
        return Mention(s, last.idx + len(last.text), surface, "GROUP", "group", ctx.zone_at(s),
                       group_key=GroupKey(entry.kb_id, "person"), country=entry.kb_id)
    if (not plural_form and nxt is not None and "\n" not in last.whitespace_ and nxt.text[:1].isupper()
            and re.fullmatch(r"[A-Z][a-z]+s", nxt.text) and nxt.pos_ in {"NOUN", "PROPN"}
            and ctx.kb.lookup(nxt.text) is None and ctx.demonym_entry(nxt.text) is None
            and ctx.state_of(nxt.text) is None):
        k = p.i + p.width + 1
        after = tokens[k] if k < len(tokens) else None
        if after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN"):
            e = nxt.idx + len(nxt.text)
            return Mention(s, e, ctx.text[s:e], "GROUP", "group", ctx.zone_at(s),
                           group_key=GroupKey(entry.kb_id, nxt.lower_), country=entry.kb_id)
    return None


def institution(ctx: Context, tokens: list[Token], k: int) -> tuple[int, Noun] | None:
    """A state's own institution in lower case after its name or demonym ("army",
    "foreign ministry"), heading its phrase (not "military operations")."""
    table = ctx.nouns.get("institution", {})
    for width in (2, 1):
        if k + width > len(tokens):
            continue
        run = tokens[k:k + width]
        if not all(t.text.islower() for t in run):
            continue
        noun = table.get(" ".join(t.lower_ for t in run))
        if noun is None:
            continue
        last = run[-1]
        nxt = tokens[k + width] if k + width < len(tokens) else None
        if nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and nxt.text.islower():
            return None  # "military operations": an adjective here
        return last.idx + len(last.text), noun
    return None


def owned_org(ctx: Context, tokens: list[Token], k: int, owner: str) -> Mention | None:
    """"Pakistan’s Foreign Office", "Iran’s Supreme National Security Council": a state's
    organisation that spaCy may miss, named by capitalised words with an organisation noun."""
    sector = ctx.nouns.get("sector", {})
    run: list[Token] = []
    while k < len(tokens) and len(run) < 8:
        tok = tokens[k]
        if "\n" in ctx.text[tokens[k - 1].idx:tok.idx]:
            break
        if run and any(c.isdigit() for c in tok.text) and any(t.lower_ in sector for t in run):
            break  # "Royal Australian Air Force C-130J Hercules": a model of aircraft after the name
        if tok.text[:1].isupper() or (run and tok.lower_ in {"of", "the", "and", "for"}):
            run.append(tok)
            k += 1
            continue
        break
    while run and run[-1].lower_ in {"of", "the", "and", "for"}:
        run.pop()
    if not run or not any(t.lower_ in sector for t in run if t.text[:1].isupper()):
        return None
    if any(ctx.is_head_title(t.text) for t in run):
        return None  # "Russian Defense Minister Sergei Shoigu" is a title and a person
    s, e = run[0].idx, run[-1].idx + len(run[-1].text)
    return Mention(s, e, ctx.text[s:e], "ORG", "ner", ctx.zone_at(s), owner=owner)


def state_government(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"the Australian Government", "the Government of Vanuatu": the state's government
    named with a capital, as its name; the state acting (a state organ of sector GOV
    before "of" + the state, or after the state or its demonym with nothing capitalised
    or "of" after it: "the Russian Ministry of Defence" is an organisation)."""
    organ = ctx.nouns.get("organ", {})
    nxt = p.nxt
    k = p.i + p.width + 1
    after = p.tokens[k] if k < len(p.tokens) else None
    if nxt is not None and nxt.text.istitle() and _government_word(organ, nxt) \
            and not (after is not None and (after.text[:1].isupper() or after.lower_ == "of")):
        s, e = p.start, nxt.idx + len(nxt.text)
    elif p.is_name and p.i >= 2 and p.tokens[p.i - 1].lower_ == "of" and _government_word(organ, p.tokens[p.i - 2]):
        s, e = p.tokens[p.i - 2].idx, p.end
    else:
        return None
    return [Mention(s, e, ctx.text[s:e], p.entry.type or "GPE", "organ", ctx.zone_at(s),
                    entry=p.entry, sector="GOV")]


def title_of_state(ctx: Context, p: StatePhrase) -> list[Mention] | None:
    """"the Emir of Qatar", "the foreign minister of Chile": a head title (with its
    modifiers) over "of" + the state's name, an unnamed official acting for the state,
    as "the Iranian president" is."""
    if not p.is_name or p.i < 2 or p.tokens[p.i - 1].lower_ != "of":
        return None
    title = p.tokens[p.i - 2]
    if not ctx.is_head_title(title.text) or p.tokens[p.i - 1].head.i != title.i:
        return None
    first = title
    for child in title.children:
        if child.i < first.i and child.dep_ in {"amod", "compound"} and child.is_alpha:
            first = child
    return [Mention(first.idx, p.end, ctx.text[first.idx:p.end], p.entry.type or "GPE", "organ",
                    ctx.zone_at(first.idx), entry=p.entry, sector="GOV")]


def _government_word(organ: dict[str, Noun], tok: Token) -> bool:
    noun = organ.get(tok.lower_)  # singular: "the governments of Japan and Korea" name two states
    return noun is not None and noun.sector == "GOV" and not tok.text.isupper() and tok.tag_ != "NNS"


STATE_PHRASE_RULES: tuple[StatePhraseRule, ...] = (
    demonym_of_a_people,
    state_government,
    title_of_state,
    state_institution,
    state_owned_org,
    state_led,
    state_act,
    state_organ,
    demonym_alone,
)
