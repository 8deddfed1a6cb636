"""Clusters into actors: which clusters are actors at all, and each actor's name,
aliases, type, country, CAMEO-style code and, for places, coordinates; ids follow
the order of first mention."""

from __future__ import annotations

import re
from typing import Any

from ...knowledge.kb import find_place, name_key
from ...places.gazetteer import gazetteer, place_key
from ...records import Actor
from .context import BODY_ZONES, Context, is_city, person_context
from .keys import actor_use, in_dateline
from .model import Cluster, Mention
from .owners import owners_of_units
from .roles import assign_group_members, assign_roles

NAME_MENTION_KINDS = frozenset({"ner", "name", "metonym", "organ", "group", "agent"})


def build_actors(clusters: list[Cluster], ctx: Context) -> list[Actor]:
    kept = owners_of_units(members_named_only_here([c for c in clusters if is_actor(c, ctx)], ctx.text), ctx)
    # a state made by its demonym and by its name is one actor
    states = {c.entry.kb_id: c for c in kept if c.entry is not None and c.entry.is_state()}
    final: list[Cluster] = []
    for c in kept:
        if _creating(c):
            final.append(c)
        elif c.entry is not None and c.entry.kb_id in states and states[c.entry.kb_id] is not c:
            states[c.entry.kb_id].mentions.extend(c.mentions)

    def first_mention(c: Cluster) -> tuple[int, int]:
        m = min(_creating(c), key=lambda m: (m.start, m.end))
        return m.start, m.end - m.start

    final.sort(key=lambda c: (first_mention(c), c.first))
    actors: list[Actor] = []
    for n, c in enumerate(final, start=1):
        c.mentions.sort(key=lambda m: (m.start, m.end))
        actors.append(make_actor(f"a{n}", c, ctx))
    assign_roles(actors, final, ctx)
    assign_group_members(actors, ctx.text)
    capitals_speaking(actors, final, ctx)
    return actors


MEMBER_KINDS = frozenset({"group", "agent"})
NAMED_KINDS = frozenset({"ner", "name"})


def members_named_only_here(kept: list[Cluster], text: str) -> list[Cluster]:
    """An organisation or state named only at the head of a group of its members ("Hamas
    fighters would not ...", "Wagner fighters pushed ...", "Sudan's military leaders agreed
    ...", "Hong Kong lawmakers' request") is the one acting through them: one actor, its
    own name and type, the group's words an alias. "Iran-backed militias" are not Iran's."""
    out: list[Cluster] = []
    for group in kept:
        named = _head_named_cluster(group, kept, text) if all(m.kind in MEMBER_KINDS for m in group.mentions) else None
        if named is None:
            out.append(group)
        else:
            named.mentions.extend(group.mentions)
    return out


def _head_named_cluster(group: Cluster, kept: list[Cluster], text: str) -> Cluster | None:
    """The known organisation or state whose every mention opens one of the group's
    mentions (its name, possessive and all, then the members' words), or None."""
    spans = [(m.start, m.end) for m in group.mentions]
    for c in kept:
        if c is group or c.entry is None or c.entry.type not in {"ORG", "GPE"} or c.city:
            continue
        named = [m for m in c.mentions if m.kind != "demonym"]
        if not named or any(m.kind not in NAMED_KINDS for m in named):
            continue
        if all(any(m.start == s and m.end < e for s, e in spans) for m in named) and not any(
                text[m.end:m.end + 1] == "-" for m in named):
            return c
    return None


def capitals_speaking(actors: list[Actor], final: list[Cluster], ctx: Context) -> None:
    """A capital that acts but stays a city apart (keys.capital_apart: "A senior Kenyan
    official said Nairobi would ...") speaks for its state: the state actor is its
    affiliation, and events take the state as the one acting."""
    states = {a.kb_id: a for a in actors if a.kb_id is not None and a.type == "GPE"}
    for actor, c in zip(actors, final, strict=True):
        if not c.city or actor.affiliation is not None:
            continue
        acting = [m for m in c.mentions if m.kind == "metonym" and m.entry is not None and m.entry.kb_id in states
                  and m.zone in BODY_ZONES and not in_dateline(m, ctx) and actor_use(m, ctx)]
        if acting:
            actor.affiliation = states[acting[0].entry.kb_id].id  # type: ignore[union-attr]


def _creating(c: Cluster) -> list[Mention]:
    """The mentions that can make an actor: a state's demonym makes its state ("Russian
    officials" mention Russia); any other demonym only joins an actor already there."""
    return [m for m in c.mentions if m.kind != "demonym" or m.names_a_state]


def is_actor(c: Cluster, ctx: Context) -> bool:
    creating = _creating(c)
    if not creating and c.entry is None:
        return False
    if c.entry is None and all(m.label == "NORP" for m in creating) and not any(m.kind == "group" for m in creating):
        if not any(m.cue in {"place", "org"} or is_city(m.text) for m in creating):
            return False
    if c.entry is None and not any(m.zone in BODY_ZONES or m.author for m in creating):
        return False
    names = [m.text for m in creating]
    if creating and all(not re.search(r"[A-Z]", n) for n in names) and not is_generic(c):
        return False
    return not (c.entry is None and common_word_place(creating, ctx))


def common_word_place(creating: list[Mention], ctx: Context) -> bool:
    """spaCy's one-word "places" that are everyday words of this very text ("Post",
    "Media", "Central" when "post", "media", "central" also occur in lower case)."""
    if not all(m.label in {"GPE", "LOC"} and len(m.text.split()) == 1 and not m.cue for m in creating):
        return False
    word = creating[0].text
    if is_city(word) or word.isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", ctx.text) is not None


def make_actor(actor_id: str, c: Cluster, ctx: Context) -> Actor:
    entry = c.entry
    names = [m for m in c.mentions if m.kind in NAME_MENTION_KINDS]
    kind = actor_type(c, ctx)
    if entry is not None and entry.is_state():
        name = entry.name
    elif kind == "GROUP":
        name = names[0].text if names else c.mentions[0].text
    else:
        proper = [m for m in names if m.kind in {"ner", "name"}] or names or c.mentions
        name = max(proper, key=lambda m: (len(m.text.split()), len(m.text), -m.start)).text
    aliases = _aliases(name, names)
    if kind == "GROUP":
        aliases += [n for n in people_state(c, ctx) if n not in aliases and n != name]
    mentions = sorted({m.span for m in c.mentions})
    country = country_of(c, ctx)
    code = code_of(c, kind, country, ctx)
    lat = lon = None
    if kind in {"GPE", "LOC"} and not (entry is not None and entry.is_state()):
        for candidate in [name, *aliases]:
            place = own_place(candidate, country, ctx)
            if place is not None:
                lat, lon = place.lat, place.lon
                country = country or place.country or ""
                break
    actor = Actor(id=actor_id, name=tidy(name), type=kind, aliases=aliases, roles=[], affiliation=None,
                  country=country or None, code=code or None, mentions=list(mentions),
                  kb_id=entry.kb_id if entry is not None else None, lat=lat, lon=lon)
    if is_generic(c):
        return with_generic_fields(actor, c, ctx.text)
    return with_forces_fields(actor, c)


def own_place(name: str, country: str, ctx: Context) -> Any:
    """The place a place actor is (its point and country): the city of that name
    (kb.find_place), but a gazetteer region of the name when the name says it is a
    region ("Samar province": the Philippine province, not Samar in Ukraine) or the city
    is only called so among other names ("Seno": Burkina Faso's province, not Laos' Ban
    Xeno); a region of `country` when the actor's country is known."""
    city = find_place(name, country or None)
    regions = [p for p in gazetteer().lookup(name) if p.kind == "region" and p.country
               and (not country or p.country == country)]
    if not regions or len({p.country for p in regions}) > 1:
        return city  # "Punjab" of India or of Pakistan: the text must say which
    words = name.lower().split()
    if city is None or (len(words) > 1 and words[-1] in ctx.place_cues["region_words"]) \
            or place_key(city.name) != place_key(name):
        return regions[0]
    return city


def people_state(c: Cluster, ctx: Context) -> list[str]:
    """A nationality as the people acting ("Hundreds of Armenians rallied"): the plural
    demonym is also a mention of its state (annotation.md: the text names the state), so
    the state's name is an alias of the group; a people of another anchor ("Iraqi Kurds")
    or a backed group keeps none."""
    keys = {m.group_key for m in c.mentions if m.group_key is not None}
    if len(keys) != 1:
        return []
    key = keys.pop()
    entry = ctx.kb.entries.get(key.anchor) if key.cls == "person" and not key.backed else None
    return [entry.name] if entry is not None and entry.is_state() else []


def with_forces_fields(actor: Actor, c: Cluster) -> Actor:
    """A state named only through one of its forces ("Sudan's army shelled ...", "Kenyan
    police fired ...": organ mentions with a generic agent's category) is the state acting
    through them: one actor, the forces' category and code (SDNMIL), its nationality the
    reason for its country, as the affiliation stage gives a state's institution."""
    if c.entry is None or not c.entry.is_state():
        return actor
    named = [m for m in c.mentions if m.kind != "demonym"]
    fields = {(m.category, m.sector) for m in named}
    if not named or len(fields) != 1 or not all(m.kind == "organ" and m.category for m in named):
        return actor
    category, sector = fields.pop()
    actor.category = category
    actor.code = c.entry.kb_id + sector
    actor.country_from = "nationality"
    return actor


def is_generic(c: Cluster) -> bool:
    """A cluster of generic actor mentions only ("Police", "the police", "police officers")."""
    creating = _creating(c)
    return bool(creating) and c.entry is None and all(m.kind == "agent" for m in creating)


# "militias in Tripoli", "students throughout Indonesia": a generic phrase with where it is
PLACE_AFTER = re.compile(r"\s+(?:in|from|throughout|across|of)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}")


def with_generic_fields(actor: Actor, c: Cluster, text: str) -> Actor:
    """A generic actor's country from a nationality word, its code (country + role, or the
    role alone) and its category; the affiliation stage gives the others a country later.
    A mention followed by its place adds that longer name ("militias in Tripoli") to the
    aliases."""
    first = _creating(c)[0]
    for m in c.mentions:
        place = PLACE_AFTER.match(text, m.end)
        if place and "\n" not in place.group(0):
            alias = tidy(text[m.start:place.end()])
            if alias not in actor.aliases and alias != actor.name:
                actor.aliases.append(alias)
    country = next((m.group_key.anchor for m in c.mentions if m.group_key is not None and m.group_key.anchor), "")
    actor.country = country or None
    actor.country_from = "nationality" if country else None
    actor.code = country + first.sector
    actor.category = first.category or None
    return actor


def _aliases(name: str, names: list[Mention]) -> list[str]:
    aliases: list[str] = []
    seen = {name_key(name)}
    for m in names:
        for alias in ([m.text, f"{m.owner}'s {m.text}"] if m.owner else [m.text, m.written] if m.written else [m.text]):
            key = name_key(alias)
            if key and key not in seen:
                seen.add(key)
                aliases.append(tidy(alias))
    return aliases


def tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def actor_type(c: Cluster, ctx: Context) -> str:
    if c.entry is not None and c.entry.type:
        return c.entry.type
    if c.city:
        return "GPE"
    creating = _creating(c)
    if is_generic(c):
        return creating[0].label  # GROUP, PERSON for one person ("a Russian official")
    if any(m.kind == "group" for m in creating):
        return "GROUP"
    if any(m.titled for m in creating):
        return "PERSON"
    if any(person_context(m, ctx) for m in creating if m.kind == "ner"):
        return "PERSON"
    longest = max((m.text for m in creating), key=len)
    cued = _type_by_cue(creating, longest, ctx)
    return cued or _type_by_votes(creating, longest, ctx)


def _type_by_cue(creating: list[Mention], longest: str, ctx: Context) -> str:
    """The words around a name: "the militant group X", "X region", "X airbase"."""
    cues = [m.cue for m in creating if m.cue]
    words = longest.split()
    last_word = words[-1].lower() if words else ""
    if ctx.is_research_name(words):
        return "ORG"  # "Red Sea Policy Centre": a research organisation, though a centre is a facility
    if "facility" in cues or last_word in ctx.nouns.get("facility", {}):
        return "LOC"
    if "place" in cues:
        return "GPE"
    if "org" in cues:
        return "ORG"
    return ""


def _type_by_votes(creating: list[Mention], longest: str, ctx: Context) -> str:
    """spaCy's labels, names of more words counting double, corrected by the gazetteer."""
    votes: dict[str, int] = {}
    for m in creating:
        lab = m.label if m.label != "NORP" else "ORG"
        votes[lab] = votes.get(lab, 0) + (2 if len(m.text.split()) > 1 else 1)
    label = max(sorted(votes), key=lambda lab: votes[lab])
    if label in {"ORG", "PERSON"} and is_city(longest) and "PERSON" not in [
            m.label for m in creating if len(m.text.split()) > 1] and not ctx.has_org_word(
            [w.lower() for w in longest.split()]) and not (label == "PERSON" and _speaks(creating, ctx)):
        return "GPE"
    if all(m.label in {"NORP", "LOC"} for m in creating) and is_city(longest):
        return "GPE"
    if label == "GPE" and re.fullmatch(r"[A-Z]{2,5}", longest) and not is_city(longest):
        return "ORG"  # "RT", "UPI": spaCy's GPE for an acronym that is no place
    return label


def _speaks(creating: list[Mention], ctx: Context) -> bool:
    """spaCy's person is the subject of a reporting verb ("Obama said", "Clinton wrote"):
    a person, though a town bears the name (Obama, Japan; Clinton, Iowa)."""
    for m in creating:
        span = ctx.nlp.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in ctx.reporting_verbs:
            return True
    return False


def country_of(c: Cluster, ctx: Context) -> str:
    if c.entry is not None and c.entry.country:
        return c.entry.country
    for m in c.mentions:
        country = _mention_country(m, ctx)
        if country is not None:
            return country
    return ""


def _mention_country(m: Mention, ctx: Context) -> str | None:
    """The state a mention tells (None: it tells none, look at the next)."""
    if m.kind == "group" and m.country:
        return m.country
    if m.kind in {"organ", "group"} and m.entry is not None:
        return m.entry.country
    owner = ctx.state_of(m.owner) if m.owner else None
    if owner is not None:
        return owner.kb_id
    key = ctx.country_key(m.text)
    if key.state:
        return key.state
    for words in _state_words_around(m, ctx):
        state = ctx.state_of(words)
        if state is not None:
            return state.kb_id
    return None


def _state_words_around(m: Mention, ctx: Context) -> list[str]:
    """Where else a mention's state may be named: "of <State>" ending it, a possessive
    right before it ("Georgia's Foreign Ministry")."""
    out = []
    of = re.search(r"\bof (.+)$", m.text)
    if of:
        out.append(of.group(1))
    poss = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)[’']s\s+$", ctx.text[max(0, m.start - 30):m.start])
    if poss:
        out.append(poss.group(1))
    return out


def code_of(c: Cluster, kind: str, country: str, ctx: Context) -> str:
    entry = c.entry
    if entry is not None and entry.is_state():
        gov = any((m.kind == "metonym" and not c.city) or (m.kind == "organ" and m.sector == "GOV")
                  for m in c.mentions)
        return entry.kb_id + ("GOV" if gov else "")
    if entry is not None and entry.code:
        return entry.code
    if kind == "ORG" and country:
        return _sector_code(c, country, ctx)
    if kind == "GROUP" and country:
        sector = next((m.sector for m in c.mentions if m.sector), "")
        key = c.mentions[0].group_key
        if key is not None and key.backed:
            return ""
        if sector:
            return country + sector
        return country if any(m.country for m in c.mentions) else ""  # "Palestinians": the people
    return ""


def _sector_code(c: Cluster, country: str, ctx: Context) -> str:
    """An organisation's sector from the sector nouns in its longest name ("ministry")."""
    sectors = ctx.nouns.get("sector", {})
    words = name_key(max((m.text for m in c.mentions), key=len)).split()
    for n in (2, 1):
        for k in range(len(words) - n + 1):
            noun = sectors.get(" ".join(words[k:k + n]))
            if noun is not None and noun.sector:
                return country + noun.sector
    return ""
