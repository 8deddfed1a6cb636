"""Fixes of spaCy's named entities, one small rule each, tried in the order of
`NER_FIXES`: the first rule that applies gives the entity's mentions (none when
the entity is no actor); an entity no rule touches is kept as it is.

    "FDD’s Long War Journal"        -> FDD + Long War Journal (owned by FDD)
    "Defense" of "Defense Secretary" -> nothing (a title word)
    "President Putin"                -> Putin, a person (title cut off)
    "Crimean" of "Crimean museums"   -> Crimea, the region its demonym names
    "... for the Middle East Mikhail Bogdanov" -> Mikhail Bogdanov, a person
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from spacy.tokens import Token

from ...knowledge.kb import name_key
from ...places import resolve
from ...places.gazetteer import gazetteer, place_key
from ..place_misread import dictionary_words
from .context import CONNECTORS, Context, is_city
from .model import Mention

NAME_PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "van", "von", "der", "de", "da", "di", "la", "le",
                            "abu", "abd"})


class Entity(NamedTuple):
    """A cleaned piece of one spaCy entity, with the label the stage gives it."""

    start: int
    end: int
    text: str
    label: str
    zone: str
    tokens: list[Token]


NerFix = Callable[[Context, Entity], "list[Mention] | None"]


def fix_entity(ctx: Context, start: int, end: int, label: str) -> list[Mention]:
    """The mentions of one spaCy entity span after the first fix that applies."""
    ent = Entity(start, end, ctx.text[start:end], label, ctx.zone_at(start), ctx.tokens_in(start, end))
    for rule in NER_FIXES:
        found = rule(ctx, ent)
        if found is not None:
            return found
    return [plain_mention(ctx, ent)]


def two_places_joined(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"a line linking Irbid and Rutba" read as one organisation: two names joined by "and",
    each a town or region the gazetteer knows and not a word of the English dictionary,
    are two places."""
    parts = re.fullmatch(r"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) and ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)", ent.text)
    if parts is None or ent.label == "GPE" or not all(_unknown_town(ctx, parts.group(i)) for i in (1, 2)):
        return None
    return [Mention(ent.start + parts.start(i), ent.start + parts.end(i), parts.group(i), "GPE", "ner", ent.zone,
                    cue="place") for i in (1, 2)]


# words that join a state to the place it disputes or acts on inside one misread entity
STATE_PLACE_JOINERS = ("over", "against", "versus", "and")


def state_then_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the dispute with Guyana over Essequibo" read as one name: a state and a place the
    gazetteer knows, joined by "over", "against", "versus" or "and", are two places."""
    joiners = "|".join(STATE_PLACE_JOINERS)
    parts = re.fullmatch(rf"([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?) (?:{joiners}) ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)",
                         ent.text)
    if parts is None or ctx.state_of(parts.group(1)) is None or resolve(parts.group(2)) is None:
        return None
    return [Mention(ent.start + parts.start(i), ent.start + parts.end(i), parts.group(i), "GPE", "ner", ent.zone,
                    cue="place") for i in (1, 2)]


def _unknown_town(ctx: Context, name: str) -> bool:
    return is_city(name) and ctx.kb.lookup(name) is None and \
        not all(w.lower() in dictionary_words() for w in name.split())


def plain_mention(ctx: Context, ent: Entity) -> Mention:
    """The entity as spaCy found it, with the cue of the words around it."""
    m = Mention(ent.start, ent.end, ent.text, ent.label, "ner", ent.zone)
    m.author = ent.label == "PERSON" and bool(re.search(r"\bby\s+$", ctx.text[max(0, ent.start - 4):ent.start], re.I))
    m.cue = ctx.cue_around(ent.start, ent.end)
    return m


def split_inner_possessive(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"FDD’s Long War Journal" -> FDD + Long War Journal, owned by FDD."""
    match = re.search(r"[’']s\s+", ent.text)
    if not match or ent.label not in {"ORG", "GPE", "LOC"}:
        return None
    owner_end = ent.start + match.start()
    owner = ctx.text[ent.start:owner_end]
    owner_entry = ctx.kb.lookup(owner)
    label = owner_entry.type if owner_entry and owner_entry.type else "ORG"
    parts = [Mention(ent.start, owner_end, owner, label, "ner", ent.zone, entry=owner_entry)]
    rest = fix_entity(ctx, ent.start + match.end(), ent.end, ent.label)
    for m in rest:
        m.owner = m.owner or owner
    return parts + rest


def no_tokens(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A span spaCy's tokens do not cover is dropped."""
    return [] if not ent.tokens else None


def demonym_is_no_name(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A demonym is not a name ("the southern Ukrainian region"): the phrase rules see it."""
    if ctx.demonym_entry(ent.text) is not None and ctx.kb.lookup(ent.text) is None:
        return []
    return None


# How a region's demonym ends and what its name ends with instead ("Dalmatian" -> Dalmatia,
# "Crimean" -> Crimea, "Tigrayan" -> Tigray, "Texan" -> Texas, "Kashmiri" -> Kashmir)
REGION_DEMONYM_ENDINGS = (("ian", "ia"), ("an", "a"), ("an", ""), ("n", "s"), ("i", ""))


def region_demonym(ctx: Context, ent: Entity) -> list[Mention] | None:
    """One word that is no state's demonym nor a name of the knowledge base but a region's
    demonym ("Crimean museums", "Texan investors", "Tigrayan forces", "Kashmiri separatists"):
    the region (a first-level region of the gazetteer), a GPE mention named by it."""
    if len(ent.tokens) != 1 or not ent.text.isalpha() or not ent.text[:1].isupper() \
            or ctx.kb.lookup(ent.text) is not None or ctx.demonym_entry(ent.text) is not None:
        return None
    region = region_of_demonym(ent.text)
    if region is None:
        return None
    return [Mention(ent.start, ent.end, region, "GPE", "ner", ent.zone, cue="place", written=ent.text)]


def region_of_demonym(word: str) -> str | None:
    """The name of the first-level region whose demonym `word` is, by REGION_DEMONYM_ENDINGS."""
    for ending, instead in REGION_DEMONYM_ENDINGS:
        if word.lower().endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[:-len(ending)] + instead
            regions = [p for p in gazetteer().lookup(stem)
                       if p.kind == "region" and place_key(p.name) == place_key(stem)]
            if regions:
                return regions[0].name
    return None


def only_title_words(ctx: Context, ent: Entity) -> list[Mention] | None:
    """Only title words ("Defense" of "Defense Secretary", "National Security" adviser)
    or a word that alone is never an actor ("the South")."""
    tokens = ent.tokens
    if all(ctx.is_title_word(t.text) or not t.is_alpha for t in tokens) or (
            len(tokens) == 1 and tokens[0].lower_ in ctx.nouns.get("not-actor", {})):
        return []
    return None


def thing_name(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A name ending in "Treaty", "Agreement", "War": a thing, not an actor."""
    if ent.tokens[-1].lower_ in ctx.nouns.get("not-actor-head", {}) and ctx.kb.lookup(ent.text) is None:
        return []
    return None


_MODEL_THEN_NOUN = re.compile(r"[ -]+([a-z][a-z-]*)(?:[ -]+([a-z]+)\b)?")


def weapon_model(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A name right before a weapon noun (nouns.csv kind "weapon"), one lower-case modifier
    between at most: "Patriot air-defence systems", "Leopard tanks" name a model of weapon,
    not an actor; a known name or state stays ("Houthi drones", "Russian missiles")."""
    after = _MODEL_THEN_NOUN.match(ctx.text, ent.end)
    weapons = ctx.nouns.get("weapon", {})
    if after is None or not (after.group(1) in weapons or after.group(2) in weapons):
        return None
    if ctx.kb.lookup(ent.text) is not None or ctx.state_of(ent.text) is not None:
        return None
    return []


def name_then_title(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A known name run into the title it qualifies ("EU Special Representative for Human
    Rights", "UN Special Envoy for Yemen"): the title is a role, not an organisation; the
    name before it stays."""
    tokens = ent.tokens
    if ent.label != "ORG" or len(tokens) < 2 or ctx.kb.lookup(ent.text) is not None:
        return None
    for i in range(1, len(tokens)):
        run = _title_run(ctx, tokens[i:])
        if run == 0:
            continue
        rest = tokens[i + run:]
        if not any(ctx.is_head_title(t.text) for t in tokens[i:i + run]) or (
                rest and rest[0].lower_ not in PORTFOLIO_WORDS):
            return None
        head = ctx.text[ent.start:tokens[i - 1].idx + len(tokens[i - 1].text)]
        if ctx.kb.lookup(head) is None:
            return None
        return [Mention(ent.start, ent.start + len(head), head, "ORG", "ner", ent.zone)]
    return None


def title_before_person(ctx: Context, ent: Entity) -> list[Mention] | None:
    """An organisation-looking run of title words right before a person ("County Trade
    Executive Grace Wanjiru", "District Education Officer Mary Atieno"): it ends in title
    words (its own or the capitalised ones after it) that lead into a PERSON entity, and
    holds no organisation, sector or body noun and no known name ("Harbour Policy Institute
    Director Tom Baker" keeps the institute): the person's title, no actor."""
    tokens = ent.tokens
    if ent.label != "ORG" or ctx.kb.lookup(ent.text) is not None:
        return None
    own = _trailing_titles(ctx, tokens)
    after = ent.tokens[-1].i + 1 if tokens else len(ctx.nlp)
    while after < len(ctx.nlp) and ctx.nlp[after].text[:1].isupper() and ctx.is_title_word(ctx.nlp[after].text) \
            and not ctx.nlp[after].ent_type_:
        after += 1
    ends_in_title = own > 0 or after > (tokens[-1].i + 1 if tokens else after)
    if not tokens or not ends_in_title or after >= len(ctx.nlp) or ctx.nlp[after].ent_type_ != "PERSON" \
            or ctx.nlp[after].ent_iob_ != "B":
        return None
    words = [t.lower_ for t in tokens]
    if ctx.has_org_word(words) or any(w in ctx.generic.offices for w in words) \
            or any(ctx.kb.lookup(t.text) is not None for t in tokens):
        return None
    return []


def _trailing_titles(ctx: Context, tokens: list[Token]) -> int:
    """How many capitalised title words end `tokens`."""
    n = 0
    while n < len(tokens) and tokens[-1 - n].text[:1].isupper() and ctx.is_title_word(tokens[-1 - n].text):
        n += 1
    return n


PORTFOLIO_WORDS = frozenset({"for", "of", "to", "on"})  # "Special Representative for Human Rights"


def _title_run(ctx: Context, tokens: list[Token]) -> int:
    """How many capitalised title words open `tokens`."""
    n = 0
    while n < len(tokens) and tokens[n].text[:1].isupper() and ctx.is_title_word(tokens[n].text):
        n += 1
    return n


def portfolio_in_title(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A portfolio inside a title: "Under Secretary for Terrorism and Financial Intelligence";
    a person after a whole portfolio ("Secretary of State Anna Lee") is that person."""
    if ent.label not in {"ORG", "PERSON", "NORP"} or ctx.kb.lookup(ent.text) is not None:
        return None
    before = portfolio_before(ctx, ent.start)
    if before is None or (ent.label == "PERSON" and any(w[:1].isupper() for w in before)):
        return None
    return []


def person_regime(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"<Person> regime": the organisation around a person ("the Assad regime")."""
    nxt = re.match(r"\s+([a-z]+)\b", ctx.text[ent.end:ent.end + 20])
    if ent.label == "PERSON" and nxt and nxt.group(1) in ctx.nouns.get("person-org", {}):
        e2 = ent.end + nxt.end()
        return [Mention(ent.start, e2, ctx.text[ent.start:e2], "ORG", "ner", ent.zone, cue="org")]
    return None


def title_in_front(ctx: Context, ent: Entity) -> list[Mention] | None:
    """Titles glued in front: "Rear Admiral Shamkhani", "President Putin", "Brig"."""
    tokens = ent.tokens
    i = 0
    stripped_head = False
    while i < len(tokens) and (ctx.is_title_word(tokens[i].text) or tokens[i].text in {".", "-"} or
                               (i + 1 < len(tokens) and ctx.demonym_entry(tokens[i].text) is not None
                                and ctx.is_title_word(tokens[i + 1].text))):
        stripped_head = stripped_head or ctx.is_head_title(tokens[i].text)
        i += 1
    if not (i and stripped_head and ent.label in {"PERSON", "ORG", "NORP"}):
        return None
    if i >= len(tokens):
        return []
    rest = tokens[i:]
    if all(t.text[:1].isupper() for t in rest) and not ctx.has_org_word([t.lower_ for t in rest]):
        s, e = ctx.clean_span(rest[0].idx, ent.end)
        return [Mention(s, e, ctx.text[s:e], "PERSON", "ner", ent.zone, titled=True)]
    return None


def person_after_title_or_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A person glued after a title or a place: "... for the Middle East Mikhail Bogdanov",
    "the Council of Ministers of Jordan Ayman Example"; the organisation before stays."""
    tokens = ent.tokens
    if ent.label not in {"PERSON", "ORG"} or len(tokens) < 3:
        return None
    cut = person_cut(ctx, tokens)
    if cut is None:
        return None
    person = tokens[cut:]
    s = person[0].idx
    out = [Mention(s, ent.end, ctx.text[s:ent.end], "PERSON", "ner", ent.zone, titled=True)]
    head = tokens[:cut]
    while head and head[-1].lower_ in CONNECTORS:
        head = head[:-1]
    if ent.label == "ORG" and head and ctx.has_org_word([t.lower_ for t in head]):
        org = _org_without_state(ctx, head, ent.zone)
        if org is not None:
            out.insert(0, org)
    return out


def _org_without_state(ctx: Context, head: list[Token], zone: str) -> Mention | None:
    """The organisation a person was glued to, without a trailing "of <State>"."""
    k = len(head)
    for j in range(len(head) - 1, 0, -1):
        if head[j - 1].lower_ == "of" and ctx.state_of(ctx.text[head[j].idx:head[-1].idx + len(head[-1].text)]):
            k = j - 1
            break
    hs, he = ctx.clean_span(head[0].idx, head[k - 1].idx + len(head[k - 1].text))
    if he > hs:
        return Mention(hs, he, ctx.text[hs:he], "ORG", "ner", zone)
    return None


def lone_title_word(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A "person" that is one title word."""
    if ent.label == "PERSON" and len(ent.tokens) == 1 and ctx.is_title_word(ent.tokens[0].text):
        return []
    return None


def place_glued_to_name(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the Middle East Arman" + "Zhaksylykov": the tagger ran a place into the first
    name of the person after it; split into the place and the person (when a title
    comes before)."""
    if ent.label not in {"GPE", "LOC"}:
        return None
    tokens = ent.tokens
    doc = tokens[0].doc
    after: list[Token] = []
    j = tokens[-1].i + 1
    while j < len(doc) and len(after) < 2 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("", "PERSON") \
            and doc[j].text[:1].isupper():
        after.append(doc[j])
        j += 1
    before = doc[max(0, tokens[0].i - 8):tokens[0].i]
    if not after or not any(ctx.is_title_word(t.text) for t in before):
        return None
    for k in range(len(tokens) - 1, 0, -1):
        place = tokens[:k]
        rest = tokens[k:]
        words = [t for t in place if t.lower_ != "the"]
        if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
            continue
        ps, pe = words[0].idx, place[-1].idx + len(place[-1].text)
        if ctx.kb.lookup(ctx.text[ps:pe]) is None:
            continue
        ns, ne = rest[0].idx, after[-1].idx + len(after[-1].text)
        return [Mention(ps, pe, ctx.text[ps:pe], "LOC", "ner", ent.zone, cue="place"),
                Mention(ns, ne, ctx.text[ns:ne], "PERSON", "ner", ent.zone, titled=True)]
    return None


def portfolio_before(ctx: Context, start: int) -> list[str] | None:
    """When the words before `start` are "<head title word> for/of" (with capitalised
    words and "and" between), those words between (the portfolio so far: none when the
    name itself starts it); None when `start` is not inside a title."""
    words = re.findall(r"[\w’'.-]+", ctx.line_before(start))
    k = len(words) - 1
    while k >= 0 and (words[k][:1].isupper() or words[k] in {"and", "&"}) and not ctx.is_head_title(words[k]):
        k -= 1
    if k >= 1 and words[k] in {"for", "of"} and ctx.is_head_title(words[k - 1]):
        return words[k + 1:]
    return None


def person_cut(ctx: Context, tokens: list[Token]) -> int | None:
    """Index where a trailing personal name starts after a title word or a known
    place/organisation name inside one spaCy entity, or None."""
    best = None
    for j in range(len(tokens) - 1):
        if ctx.is_head_title(tokens[j].text) or _ends_known_name(ctx, tokens, j) or _ends_place(tokens, j):
            best = j + 1
    if best is None:
        return None
    rest = tokens[best:]
    if not 2 <= len(rest) <= 4 or best == 0:
        return None
    if any(not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES) or ctx.is_title_word(t.text) for t in rest):
        return None
    if ctx.has_org_word([t.lower_ for t in rest]):
        return None
    known = ctx.kb.lookup(ctx.text[rest[0].idx:rest[-1].idx + len(rest[-1].text)])
    if known and known.type not in {"", "PERSON"}:
        return None
    return best


def _ends_place(tokens: list[Token], j: int) -> bool:
    """A gazetteer place larger than a city (a country, region, sea or feature) of up to
    three capitalised tokens ends at token j ("Minister for the Pacific Jessica Harlow");
    city names are too many to tell from first names."""
    doc = tokens[0].doc
    for k in range(max(0, j - 2), j + 1):
        words = tokens[k:j + 1]
        if all(t.text[:1].isupper() for t in words):
            piece = doc.text[words[0].idx:words[-1].idx + len(words[-1].text)]
            if len(piece) > 2 and any(p.kind != "city" for p in gazetteer().lookup(piece)):
                return True
    return False


def _ends_known_name(ctx: Context, tokens: list[Token], j: int) -> bool:
    """A searchable knowledge-base name of up to five tokens ends at token j."""
    for k in range(max(0, j - 4), j + 1):
        piece = ctx.text[tokens[k].idx:tokens[j].idx + len(tokens[j].text)]
        if ctx.kb.searchable.get(name_key(piece)) and len(piece) > 2:
            return True
    return False


NER_FIXES: tuple[NerFix, ...] = (
    split_inner_possessive,
    two_places_joined,
    state_then_place,
    no_tokens,
    demonym_is_no_name,
    region_demonym,
    only_title_words,
    thing_name,
    weapon_model,
    name_then_title,
    title_before_person,
    portfolio_in_title,
    person_regime,
    title_in_front,
    person_after_title_or_place,
    lone_title_word,
    place_glued_to_name,
)
