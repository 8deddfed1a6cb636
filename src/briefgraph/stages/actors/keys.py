"""Which mentions start as one cluster (the merge rules of clustering.py join more):

1. spaCy's names are linked to the knowledge base (`LINK_RULES`, the first that finds
   an entry wins);
2. each mention gets a typed `ClusterKey`: its knowledge-base entry (`KbKey`), its
   group (`GroupKey`) or its name with a leading state normalised (`CountryKey`); a
   capital that never acts in the document keeps its name, as a city. Mentions with
   one key are one cluster to start with;
3. `Clustering` holds the start clusters and joins them as the merge rules say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ...knowledge.kb import KBEntry, find_place, is_national_capital, name_key
from .context import BODY_ZONES, Context
from .model import Cluster, ClusterKey, CountryKey, GroupKey, KbKey, Mention

if TYPE_CHECKING:
    from spacy.tokens import Token

ACTOR_USE_PREPS = frozenset({"with", "between", "against", "by", "toward", "towards", "from"})
CAPITAL_MIN_POPULATION = 100_000  # a metonym naming a smaller town ("White House", Tennessee) is no city
NAME_KINDS = frozenset({"ner", "name", "metonym"})

LinkRule = Callable[[Context, Mention], "KBEntry | None"]


@dataclass
class Clustering:
    """Clusters being merged: one start cluster per distinct key (in order of first
    mention), joined by union-find."""

    ctx: Context
    mentions: list[Mention]
    keys: list[ClusterKey]  # the key of each mention
    city_keys: set[ClusterKey]  # keys of capitals that are only places here
    uniq: list[ClusterKey] = field(default_factory=list)  # start cluster i has key uniq[i]
    index: dict[ClusterKey, int] = field(default_factory=dict)
    members: dict[int, list[Mention]] = field(default_factory=dict)
    parent: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.uniq = list(dict.fromkeys(self.keys))
        self.index = {k: i for i, k in enumerate(self.uniq)}
        self.parent = list(range(len(self.uniq)))
        for m, k in zip(self.mentions, self.keys, strict=True):
            self.members.setdefault(self.index[k], []).append(m)

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def cluster_of(self, m: Mention) -> int:
        """The start cluster of a mention (of the first mention equal to it, as before)."""
        return self.index[self.keys[self.mentions.index(m)]]

    def is_city(self, i: int) -> bool:
        return self.uniq[i] in self.city_keys

    def is_named(self, i: int) -> bool:
        """Start cluster i is keyed by its name (no entry, no group)."""
        return isinstance(self.uniq[i], CountryKey)

    def is_group(self, i: int) -> bool:
        return isinstance(self.uniq[i], GroupKey)

    def label_of(self, i: int) -> str:
        ms = self.members[i]
        entry = next((m.entry for m in ms if m.entry is not None), None)
        if entry is not None and entry.type:
            return entry.type
        if any(m.titled for m in ms):
            return "PERSON"
        votes: dict[str, int] = {}
        for m in ms:
            votes[m.label] = votes.get(m.label, 0) + 1
        return max(sorted(votes), key=lambda lab: votes[lab])

    def names_of(self, i: int) -> list[str]:
        return [m.text for m in self.members[i] if m.kind in NAME_KINDS]

    def clusters(self) -> list[Cluster]:
        groups: dict[int, Cluster] = {}
        for i in self.members:
            cluster = groups.setdefault(self.find(i), Cluster())
            cluster.mentions.extend(self.members[i])
            cluster.city = cluster.city or self.is_city(i)
        for cluster in groups.values():
            cluster.mentions.sort(key=lambda m: (m.start, m.end))
            entries = [m.entry for m in cluster.mentions if m.entry is not None and m.kind != "demonym"] or [
                m.entry for m in cluster.mentions if m.entry is not None and m.names_a_state]
            cluster.entry = None if cluster.city or not entries else entries[0]
        return list(groups.values())


# -- knowledge-base links ------------------------------------------------------------------------

def exact_name(ctx: Context, m: Mention) -> KBEntry | None:
    """The knowledge base knows the name as it is."""
    return ctx.kb.lookup(m.text)


def name_before_common_words(ctx: Context, m: Mention) -> KBEntry | None:
    """"IRNA news": an agency's name before lower-case words."""
    if not re.search(r" [a-z]+$", m.text):
        return None
    entry = ctx.kb.lookup(re.sub(r"(?: [a-z]+)+$", "", m.text))
    return entry if entry is not None and entry.core and entry.type in {"", "ORG"} else None


def name_without_state(ctx: Context, m: Mention) -> KBEntry | None:
    """"US Centcom": the name without its state, of an entry of that state."""
    key = ctx.country_key(m.text)
    if not key.state:
        return None
    bare = ctx.kb.by_name.get(key.rest)
    return bare if bare is not None and bare.core and bare.country == key.state else None


LINK_RULES: tuple[LinkRule, ...] = (exact_name, name_before_common_words, name_without_state)


def link_names(mentions: list[Mention], ctx: Context) -> None:
    """Link spaCy's names to the knowledge base (petrarch.csv only for names of two
    words or more; a person's name never to a non-person entry that is not core)."""
    for m in mentions:
        if m.kind != "ner" or m.entry is not None:
            continue
        entry = next((e for e in (rule(ctx, m) for rule in LINK_RULES) if e is not None), None)
        if entry is not None and (entry.core or len(m.text.split()) >= 2):
            if not (m.label == "PERSON" and entry.type and entry.type != "PERSON") or entry.core:
                m.entry = entry


# -- keys ----------------------------------------------------------------------------------------

def cluster_keys(mentions: list[Mention], ctx: Context) -> tuple[list[ClusterKey], set[ClusterKey]]:
    """The key of each mention, and the keys of capitals used only as places."""
    capital_acts = capitals_acting(mentions, ctx)
    keys: list[ClusterKey] = []
    city_keys: set[ClusterKey] = set()
    for m in mentions:
        if m.kind in {"group", "agent"}:
            assert m.group_key is not None, "a group mention has a group key"
            key: ClusterKey = m.group_key
        elif m.kind == "metonym" and (capital_acts.get(name_key(m.text)) is False
                                      or capital_apart(m, mentions, ctx) or capital_located(m, ctx)
                                      or capital_owns_office(m, ctx)):
            key = ctx.country_key(m.text)
            city_keys.add(key)
        elif m.entry is not None:
            key = KbKey(m.entry.kb_id)
        else:
            key = ctx.country_key(m.text)
        keys.append(key)
    return keys, city_keys


def capitals_acting(mentions: list[Mention], ctx: Context) -> dict[str, bool]:
    """Capitals named as metonyms, by name key: True when the document makes one act
    anywhere (then it is the state), False when it is only a place (then the city)."""
    acts: dict[str, bool] = {}
    for m in mentions:
        if m.kind == "metonym" and m.entry is not None and is_capital(m.text, m.entry):
            key = name_key(m.text)
            acts[key] = acts.get(key, False) or (m.zone in BODY_ZONES and not in_dateline(m, ctx)
                                                 and actor_use(m, ctx))
    return acts


def capital_apart(m: Mention, mentions: list[Mention], ctx: Context) -> bool:
    """A capital acting for a state the document names only through demonyms ("A senior
    Kenyan official said Nairobi would be willing ...", "Pakistani jets struck what
    Islamabad called hideouts"): the demonym makes the state, the capital stays the city,
    an entity apart as our corpus lists it. Where the state's own name or another metonym
    ("the Kremlin") is written, or nothing else names it, the capital is one of its names,
    as the seed lists it."""
    entry = m.entry
    if entry is None or not is_capital(m.text, entry):
        return False
    by_demonym = any(n.kind != "metonym" and demonym_of(n.text, ctx) == entry.kb_id for n in mentions)
    other_metonym = any(n.kind == "metonym" and n.entry is not None and n.entry.kb_id == entry.kb_id
                        and not is_capital(n.text, n.entry) for n in mentions)  # "the Kremlin" names the state
    return by_demonym and not other_metonym and not ctx.state_named_by_name(entry.kb_id)


def capital_located(m: Mention, ctx: Context) -> bool:
    """A mention of an acting capital that says where something happened ("talks in Dhaka
    last week" beside "Dhaka would drop the duty"): that mention is the city, an entity
    apart, while the acting mentions stay the state's names; so is the place a visit goes to
    ("the envoy visited Asmara" beside "ask Asmara to return the boats"). In a dateline, or inside a
    quotation ("until someone in Washington or London offers a trade"), it stays the state."""
    entry = m.entry
    if entry is None or m.zone not in BODY_ZONES or in_dateline(m, ctx) or ctx.in_quotation(m.start):
        return False
    if not is_capital(m.text, entry):
        return False
    tok = mention_head(m, ctx)
    if tok is None:
        return False
    return (tok.dep_ == "pobj" and tok.head.lower_ in ctx.locative_preps) or place_gone_to(tok, ctx) \
        or place_moved_to_or_from(tok, ctx)


# the preposition of a place gone to ("flown to Algiers") or left ("his envoy from Quito")
MOVE_PREPS = {"to": "movement_words", "from": "from_words"}


def place_moved_to_or_from(tok: Token, ctx: Context) -> bool:
    """The object of "to" after a word of movement ("flown to Algiers", "a visit to Muscat",
    "sent a team to Algiers") or of "from" after a word of leaving or recalling ("recalled its
    ambassador from Quito", "withdrew from Kabul"): a place gone to or from (places/cues.txt
    movement_words, from_words), not a partner; "an appeal to Moscow" stays the state."""
    prep = tok.head
    words = MOVE_PREPS.get(prep.lower_)
    if tok.dep_ != "pobj" or words is None or prep.head is prep:
        return False
    mover = prep.head
    if mover.pos_ in {"NOUN", "PROPN"} and mover.dep_ in {"dobj", "nsubjpass", "nsubj"} and mover.head.pos_ == "VERB":
        mover = mover.head  # "sent a crisis team to Algiers", "recalled its ambassador from Quito"
    return mover.lemma_.lower() in ctx.place_cues[words] or prep.head.lemma_.lower() in ctx.place_cues[words]


# "Budapest’s foreign minister", "Seoul’s unification ministry": up to two lower-case words, then a noun
_OWNED_NOUN = re.compile(r"[’']s\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)\b")


def capital_owns_office(m: Mention, ctx: Context) -> bool:
    """A capital owning an office or a state institution ("Budapest’s foreign minister said",
    "Seoul’s unification ministry"): the capital is named as the seat of the state's
    government, an entity apart, as our corpus lists it; the office stands for the state.
    A capital owning an act ("Moscow’s cynical offer") is not this rule's."""
    entry = m.entry
    owned = _OWNED_NOUN.match(ctx.text, m.end)
    if entry is None or owned is None or m.zone not in BODY_ZONES or not is_capital(m.text, entry):
        return False
    words = owned.group(1).split()
    institutions = ctx.nouns.get("institution", {})
    return any(ctx.is_head_title(w) or w in institutions or " ".join(words[k - 1:k + 1]) in institutions
               for k, w in enumerate(words))


def place_gone_to(tok: Token, ctx: Context) -> bool:
    """The object of a visit verb ("visited Asmara", "left Kabul"): the place gone to or from."""
    return tok.dep_ == "dobj" and tok.head.lemma_.lower() in ctx.visit_verbs


def mention_head(m: Mention, ctx: Context) -> Token | None:
    """The mention's root token, lifted out of a coordination ("Moscow and Beijing": Moscow's
    place in its clause), or None when the mention crosses token bounds the parse cannot span."""
    span = ctx.nlp.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    return tok


def demonym_of(text: str, ctx: Context) -> str:
    """The state (ISO3) of the first demonym among a mention's words ("senior Kenyan official": KEN)."""
    words = text.split()
    for i in range(len(words)):
        for width in (2, 1):
            entry = ctx.demonym_entry(" ".join(words[i:i + width])) if i + width <= len(words) else None
            if entry is not None:
                return entry.kb_id
    return ""


def in_dateline(m: Mention, ctx: Context) -> bool:
    """A name in a wire or release dateline ("Geneva/Sana’a, 14 May 2024 –") is where the
    story was filed from, never one acting, whatever the parser makes of it."""
    info = ctx.doc.document
    return info is not None and any(s <= m.start and m.end <= e for s, e in info.datelines)


def is_capital(text: str, entry: KBEntry) -> bool:
    """A metonym that is also the state's capital or a big city of it ("Moscow", "Port
    Vila"), so it may be a mere place; "the Kremlin" or "the White House" never are."""
    place = find_place(text, entry.country or None)
    return (place is not None
            and (place.population >= CAPITAL_MIN_POPULATION or is_national_capital(text, entry.country))
            and (not entry.country or place.country == entry.country))


def actor_use(m: Mention, ctx: Context) -> bool:
    """A place name used as the one acting: subject, possessor, or partner of "with",
    "between", "against"..., not a location ("to Moscow", "in Beijing")."""
    tok = mention_head(m, ctx)
    if tok is None:
        return False
    if place_gone_to(tok, ctx):
        return False  # "to visit Beijing", "left Kabul": the place gone to or from
    if tok.dep_ in {"nsubj", "nsubjpass", "poss", "agent", "dobj"}:
        return True
    nxt = ctx.text[m.end:m.end + 2]
    if nxt.startswith(("’s", "'s")):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_USE_PREPS and tok.head.lower_ != "from"
