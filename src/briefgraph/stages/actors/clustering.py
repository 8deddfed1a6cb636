"""Mentions into clusters, one cluster per actor: mentions with one key (keys.py:
the same knowledge-base entry, the same name, the same group) start as one cluster,
then the merge rules of `MERGE_RULES` join clusters, in order. A rule joins a
cluster to another only when exactly one candidate fits, so an ambiguous surname or
acronym stays apart."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable

from ...knowledge.kb import name_key
from .acronyms import acronym_fits
from .context import Context, initials
from .keys import Clustering, cluster_keys, link_names
from .model import Cluster, CountryKey, Mention

ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
# "AfDB": an acronym with lower-case letters, joined only to the name it follows in brackets
MIXED_ACRONYM = re.compile(r"^[A-Z][a-z]?[A-Z][A-Za-z&]{0,6}$")
PLACE_SIMILARITY = 0.88  # difflib ratio of two spellings of one place

MergeRule = Callable[[Clustering], None]


def cluster_mentions(mentions: list[Mention], ctx: Context) -> list[Cluster]:
    link_names(mentions, ctx)
    keys, city_keys = cluster_keys(mentions, ctx)
    state = Clustering(ctx, mentions, keys, city_keys)
    for rule in MERGE_RULES:
        rule(state)
    return state.clusters()


def _join_if_one(state: Clustering, targets: set[int], i: int) -> None:
    if len(targets) == 1:
        state.union(targets.pop(), i)


# -- surnames ------------------------------------------------------------------------------------

def surname_of_person(state: Clustering) -> None:
    """A surname or a shorter name that ends a fuller person's name: "Bogdanov" ->
    "Mikhail Bogdanov" (when only one person's name ends so)."""
    by_suffix = _person_name_suffixes(state)
    for i in state.members:
        if not _may_be_surname(state, i):
            continue
        names = state.names_of(i)
        targets = {state.find(j) for n in names for j in by_suffix.get(name_key(n), ()) if j != i}
        if len(targets) == 1 and state.label_of(i) in {"PERSON", "ORG", "NORP", "GPE"}:
            state.union(targets.pop(), i)


def _person_name_suffixes(state: Clustering) -> dict[str, set[int]]:
    """"bogdanov" -> clusters of "Mikhail Bogdanov": the word tails of persons' full names."""
    return _person_name_parts(state, lambda words: [" ".join(words[k:]) for k in range(1, len(words))])


def _person_name_parts(state: Clustering, parts: Callable[[list[str]], list[str]]) -> dict[str, set[int]]:
    """Each part (`parts` of its words) of a person's name of two words or more -> the person's
    clusters."""
    by_part: dict[str, set[int]] = {}
    for j in state.members:
        if state.label_of(j) != "PERSON":
            continue
        for full in state.names_of(j):
            words = name_key(full).split()
            if len(words) >= 2:
                for part in parts(words):
                    by_part.setdefault(part, set()).add(j)
    return by_part


def _may_be_surname(state: Clustering, i: int) -> bool:
    ms = state.members[i]
    if any(m.kind == "group" for m in ms) or state.is_city(i):
        return False
    names = state.names_of(i)
    if not names or any(m.entry is not None and m.entry.type not in {"", "PERSON"} for m in ms):
        return False
    return all(len(n.split()) <= 2 for n in names)



def given_name_of_person(state: Clustering) -> None:
    """A one-word name that opens exactly one person's fuller name and ends none: "Azlan"
    -> "Azlan Hamid", "Wanjiru" -> "Wanjiru Kamau", "Nguyen" -> "Nguyen Van Long" (names
    whose first word is the one used alone: given names, family names written first)."""
    by_prefix = _person_name_prefixes(state)
    suffixes = _person_name_suffixes(state)
    for i in state.members:
        names = state.names_of(i)
        if not _may_be_surname(state, i) or not names or any(len(n.split()) != 1 for n in names):
            continue
        if any(name_key(n) in suffixes for n in names):
            continue  # a surname (surname_of_person's), or the first word of one and the last of another
        own = state.find(i)
        targets = {state.find(j) for n in names for j in by_prefix.get(name_key(n), ()) if state.find(j) != own}
        if len(targets) == 1 and state.label_of(i) in {"PERSON", "ORG", "NORP", "GPE"}:
            state.union(targets.pop(), i)


def _person_name_prefixes(state: Clustering) -> dict[str, set[int]]:
    """"azlan" -> clusters of "Azlan Hamid": the first words of persons' full names."""
    return _person_name_parts(state, lambda words: words[:1])

# -- acronyms ------------------------------------------------------------------------------------

def acronym_of_name(state: Clustering) -> None:
    """An acronym defined in brackets after a name ("Palestinian Islamic Jihad (PIJ)")
    joins it; otherwise one matching the initials of exactly one organisation's or
    state's name does (unless both are different knowledge-base entries)."""
    for i in state.members:
        for m in state.members[i]:
            plain = ACRONYM.match(m.text.replace(" ", "")) is not None  # "AfDB" is only MIXED_ACRONYM
            if m.kind not in {"ner", "name"} or not (plain or MIXED_ACRONYM.match(m.text)):
                continue
            defined = defined_by(m, state.mentions, state.ctx)
            if defined is not None:
                state.union(state.cluster_of(defined), i)
                continue
            if not plain:
                continue
            targets = _initials_match(state, i, m.text.replace(".", "").upper())
            if len(targets) == 1 and (m.entry is None or all(
                    x.entry is None for x in state.members[next(iter(targets))])):
                state.union(targets.pop(), i)


def _initials_match(state: Clustering, i: int, acr: str) -> set[int]:
    return {state.find(j) for j in state.members if j != i and state.label_of(j) in {"ORG", "GPE"}
            and any(acr in initials(n) for n in state.names_of(j) if len(n.split()) >= 2)}


def acronym_headed_name(state: Clustering) -> None:
    """A name of an acronym and the words a longer name ends with ("IRGC Navy" beside "Islamic
    Revolutionary Guard Corps Navy", "UN Security Council" beside "United Nations Security
    Council") joins the one organisation or state whose name has those initials before that
    tail (unless both are different knowledge-base entries)."""
    for i in state.members:
        for m in state.members[i]:
            words = m.text.split()
            if m.kind not in {"ner", "name"} or len(words) < 2 or not ACRONYM.match(words[0]) \
                    or not all(w[:1].isupper() for w in words[1:]):
                continue
            acr, tail = words[0].replace(".", "").upper(), words[1:]
            targets = {state.find(j) for j in state.members if state.find(j) != state.find(i)
                       and state.label_of(j) in {"ORG", "GPE"}
                       and any(_initials_before_tail(n, acr, tail) for n in state.names_of(j))}
            if len(targets) == 1 and (m.entry is None or all(
                    x.entry is None for x in state.members[next(iter(targets))])):
                state.union(targets.pop(), i)


def _initials_before_tail(name: str, acr: str, tail: list[str]) -> bool:
    words = name.split()
    head = words[:-len(tail)]
    return len(head) >= 2 and name_key(" ".join(words[-len(tail):])) == name_key(" ".join(tail)) \
        and acr in initials(" ".join(head))


def defined_by(m: Mention, mentions: list[Mention], ctx: Context) -> Mention | None:
    """The name an acronym in brackets right after it defines: "Central Command (CENTCOM)"."""
    before = ctx.text[max(0, m.start - 3):m.start]
    if not before.endswith("(") and not before.endswith("( "):
        return None
    acr = m.text.replace(".", "").upper()
    for other in mentions:
        if other.end <= m.start and m.start - other.end <= 3 and other is not m:
            if acr in initials(other.text) or acronym_fits(other.text, m.text) \
                    or (m.entry is not None and m.entry is other.entry):
                return other
    return None


# -- organisations with and without their state ------------------------------------------------

def org_with_or_without_state(state: Clustering) -> None:
    """Organisations named with and without their state or a leading qualifier:
    "Central Command" / "US Central Command", "Islamic Jihad" / "Palestinian Islamic
    Jihad", "the Georgian ministry" / "Georgia's Foreign Ministry"; never across two
    states ("Egyptian foreign ministry" is not "Sudan's foreign ministry")."""
    orgs = _org_clusters(state)
    keys = {i: org_keys(state, i) for i in orgs}
    for i in orgs:
        if any(m.entry is not None for m in state.members[i]):
            continue
        targets = {state.find(j) for j in orgs if j != i and any(
            _org_key_fits(state, keys[i], kj) for kj in keys[j])}
        _join_if_one(state, targets, i)


def _org_clusters(state: Clustering) -> list[int]:
    return [i for i in state.members if state.label_of(i) == "ORG" and not state.is_group(i)]


def org_keys(state: Clustering, i: int) -> set[CountryKey]:
    """The names of an organisation's cluster as country keys; an owner state goes in
    front ("Sudan's army" -> SDN army)."""
    out = set()
    for m in state.members[i]:
        if m.kind not in {"ner", "name", "metonym"}:
            continue
        key = state.ctx.country_key(m.text)
        owner = state.ctx.state_of(m.owner) if m.owner else None
        out.add(key.with_state(owner.kb_id) if owner is not None else key)
    return out


def _org_key_fits(state: Clustering, keys_i: set[CountryKey], kj: CountryKey) -> bool:
    """Another cluster's name `kj` is a longer form of one of the names `keys_i`."""
    if kj in keys_i:
        return False
    states_i = {k.state for k in keys_i if k.state}
    if states_i and kj.state and kj.state not in states_i:
        return False
    sector_words = state.ctx.nouns.get("sector", {})
    for bare in {k.rest for k in keys_i}:
        size = len(bare.split())
        if size >= 2 and (kj.rest == bare or kj.ends_with_words(bare)):
            return True
        # "the Georgian ministry" after "Georgia's Foreign Ministry"
        if size == 1 and bare in sector_words and kj.state in states_i and kj.ends_with_words(bare):
            return True
    return False


# -- first words and spellings -------------------------------------------------------------------

def first_word_of_org(state: Clustering) -> None:
    """A company or body called by its first word: "Greywater" after "Greywater Maritime Ltd."."""
    orgs = _org_clusters(state)
    for i in state.members:
        names = state.names_of(i)
        if not names or any(len(n.split()) > 1 for n in names) or state.label_of(i) not in {"PERSON", "ORG"}:
            continue
        if any(m.entry is not None for m in state.members[i]):
            continue
        word = name_key(names[0])
        targets = {state.find(j) for j in orgs if j != i and any(
            name_key(n).startswith(word + " ") for n in state.names_of(j))}
        _join_if_one(state, targets, i)


def place_spelled_two_ways(state: Clustering) -> None:
    """Places spelled two ways: "Sistan-Baluchistan" / "Sistan and Baluchestan"."""
    places = [i for i in state.members if state.label_of(i) in {"GPE", "LOC"} and state.is_named(i)]
    for a in range(len(places)):
        for b in range(a + 1, len(places)):
            i, j = places[a], places[b]
            ki = place_key(state.names_of(i))
            kj = place_key(state.names_of(j))
            if ki and kj and len(ki) > 6 and difflib.SequenceMatcher(None, ki, kj).ratio() >= PLACE_SIMILARITY:
                state.union(i, j)


def place_key(names: list[str]) -> str:
    """The longest name without "and" and place nouns, spaces dropped."""
    if not names:
        return ""
    key = name_key(max(names, key=len))
    key = re.sub(r"\b(?:and|province|region|governorate|district|oblast)\b", " ", key)
    return re.sub(r"\s+", "", key)


MERGE_RULES: tuple[MergeRule, ...] = (
    surname_of_person,
    given_name_of_person,
    acronym_of_name,
    acronym_headed_name,
    org_with_or_without_state,
    first_word_of_org,
    place_spelled_two_ways,
)
