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

from spacy.tokens import Token

from ...places import resolve
from ...places.gazetteer import gazetteer, place_key
from ..place_misread import dictionary_words
from .context import Context, is_city
from .datelines import piece_of_dateline_place
from .model import Entity, Mention
from .ner_places import place_typed_name, word_alone_elsewhere
from .ner_titles import (
    demonym_portfolio,
    lone_title_word,
    name_then_title,
    person_after_title_or_place,
    person_regime,
    portfolio_in_title,
    title_before_person,
    title_in_front,
    title_of_portfolio,
)

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
    if owner_entry is None and common_word_owner(owner):
        return None
    label = owner_entry.type if owner_entry and owner_entry.type else "ORG"
    parts = [Mention(ent.start, owner_end, owner, label, "ner", ent.zone, entry=owner_entry)]
    rest = fix_entity(ctx, ent.start + match.end(), ent.end, ent.label)
    for m in rest:
        m.owner = m.owner or owner
    return parts + rest


def common_word_owner(owner: str) -> bool:
    """"the Ombudsman’s Office", "the Prosecutor’s Office": an owner that is one common word
    of the dictionary names an office by its holder; the whole is one organisation."""
    return " " not in owner and owner.isalpha() and owner.lower() in dictionary_words()


def governments_of(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"The Governments of Jamaica and Japan" read as one organisation "Governments of Jamaica":
    a plural noun of state organs of sector GOV (nouns.csv kind "organ") over "of" names the
    states that follow, no organisation (the states' own names make their mentions)."""
    tokens = [t for t in ent.tokens if t.lower_ != "the"]
    if len(tokens) < 3 or not government_organ(ctx, tokens[0].lower_) or not tokens[0].lower_.endswith("s") \
            or tokens[1].lower_ != "of" or ctx.state_of(tokens[2].text) is None:
        return None
    return []


def government_organ(ctx: Context, word: str) -> bool:
    """A noun of a state organ of sector GOV (nouns.csv kind "organ"): "government", "governments"."""
    organ = ctx.nouns.get("organ", {}).get(word)
    return organ is not None and organ.sector == "GOV"


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


def places_joined_by_slash(ctx: Context, ent: Entity) -> list[Mention] | None:
    """A dateline "LIMA/CAJAMARCA" read as one organisation: names joined by "/" (no spaces),
    each a place the gazetteer knows, are those places."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^/]+", ent.text)]
    if "/" not in ent.text or " /" in ent.text or "/ " in ent.text or len(parts) < 2 \
            or not all(resolve(ent.text[s:e]) is not None for s, e in parts):
        return None
    return [Mention(ent.start + s, ent.start + e, ent.text[s:e], "GPE", "ner", ent.zone, cue="place")
            for s, e in parts]


def government_and_people_of(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the Government and people of Japan" read as an organisation "Government": one GOV organ
    noun (nouns.csv kind "organ") coordinated with "people of <State>" is that state's; the
    state's own name makes its mention."""
    tokens = [t for t in ent.tokens if t.lower_ != "the"]
    after = re.match(r"\s+and\s+(?:the\s+)?people\s+of\s+(?:the\s+)?([A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)",
                     ctx.text[ent.end:ent.end + 60])
    if len(tokens) != 1 or not government_organ(ctx, tokens[0].lower_) or after is None \
            or ctx.state_of(after.group(1)) is None:
        return None
    return []


def town_typed_person(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"crossed into Mae Sot" typed PERSON: a name of two or more words after a preposition
    that the gazetteer knows as a town, and no known actor, is the town."""
    tokens = ent.tokens
    if ent.label != "PERSON" or len(tokens) < 2 or tokens[0].i == 0 or tokens[0].doc[tokens[0].i - 1].pos_ != "ADP" \
            or ctx.kb.lookup(ent.text) is not None:
        return None
    place = resolve(ent.text)
    if place is None or place.kind != "city" or place.name.lower() != ent.text.lower():
        return None
    return [Mention(ent.start, ent.end, ent.text, "GPE", "ner", ent.zone, cue="place")]


# the roles in which a name is a town acted on or acting ("Ras Jedir was shut", "shelled Kafr Nabl")
TOWN_ROLES = frozenset({"nsubj", "nsubjpass", "dobj"})


def town_as_subject_or_object(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"Bandar Abbas hosted the parade", "Landi Kotal reopened", "shelled Kafr Nabl" typed PERSON or
    ORG: a name of two or more words, the subject or object of a verb that is no reporting verb,
    with no title word right before it, that the gazetteer knows as a town, no known actor and
    none of whose words is used alone elsewhere in the text (a person's surname is), is the town."""
    tokens = ent.tokens
    root = tokens[-1]
    if ent.label not in {"PERSON", "ORG"} or len(tokens) < 2 or root.dep_ not in TOWN_ROLES \
            or root.head.lemma_ in ctx.reporting_verbs or ctx.kb.lookup(ent.text) is not None:
        return None
    before = tokens[0].doc[tokens[0].i - 1] if tokens[0].i > 0 else None
    if before is not None and ctx.is_title_word(before.text):
        return None
    place = resolve(ent.text)
    if place is None or place.kind != "city" or any(word_alone_elsewhere(ctx, ent, t.text) for t in tokens):
        return None
    return [Mention(ent.start, ent.end, ent.text, "GPE", "ner", ent.zone, cue="place")]


def org_head_typed_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the Steppe Policy Forum" typed LOC: a name of two or more words spaCy typed LOC, GPE or
    PERSON that ends in a capitalised head word of organisations (nouns.csv kind "org-head"),
    not a place the gazetteer knows nor a known actor, is an organisation."""
    if len(ent.tokens) < 2:
        return None
    head = ent.tokens[-1]
    noun = ctx.nouns.get("org-head", {}).get(head.lower_)
    if noun is None or ent.label not in {"LOC", "GPE", "PERSON"} \
            or not head.text.istitle() or resolve(ent.text) is not None or ctx.kb.lookup(ent.text) is not None:
        return None
    return [Mention(ent.start, ent.end, ent.text, "ORG", "ner", ent.zone, sector=noun.sector, cue="org")]


def research_name_typed_place(ctx: Context, ent: Entity) -> list[Mention] | None:
    """"the Red Sea Policy Centre" typed LOC, "the Pacific Rim Policy Center" glued as a person
    to the place before it: a name of three or more words spaCy typed LOC, GPE, PERSON or ORG,
    ending in a capitalised word, with a capitalised research word (nouns.csv kind "research":
    Policy, Studies, Research, Strategic) among its last two words and no known actor, is one
    organisation."""
    words = [t.text for t in ent.tokens]
    if ent.label not in {"LOC", "GPE", "PERSON", "ORG"} or not ctx.is_research_name(words) \
            or not words[-1].istitle() or ctx.kb.lookup(ent.text) is not None:
        return None
    return [Mention(ent.start, ent.end, ent.text, "ORG", "ner", ent.zone, cue="org")]


NER_FIXES: tuple[NerFix, ...] = (
    piece_of_dateline_place,
    split_inner_possessive,
    places_joined_by_slash,
    two_places_joined,
    state_then_place,
    no_tokens,
    governments_of,
    government_and_people_of,
    town_typed_person,
    town_as_subject_or_object,
    place_typed_name,
    org_head_typed_place,
    research_name_typed_place,
    demonym_is_no_name,
    region_demonym,
    only_title_words,
    thing_name,
    weapon_model,
    name_then_title,
    title_before_person,
    demonym_portfolio,
    portfolio_in_title,
    title_of_portfolio,
    person_regime,
    title_in_front,
    person_after_title_or_place,
    lone_title_word,
    place_glued_to_name,
)
