"""Actors stage: every person, organisation, state, place and group the text names
becomes one canonical actor, with every mention's offsets.

It starts from spaCy's named entities and the knowledge base (stages/actors_kb.py),
and fixes spaCy's known faults with rules over data files, not special cases:
entities split at line breaks, titles and possessives cut off names, names inside
quotes (operation names) dropped, a person glued after a title or a place
("Special Envoy for the Middle East Mikhail Bogdanov") cut out. Then it adds what
spaCy does not give as names: the state behind a demonym used as an actor ("the
Russian government", "Ukrainian forces"), metonyms ("the Kremlin", a capital that
acts), collective groups ("Palestinian factions", "Iran-backed militias"). Mentions
are merged into actors within the document (surnames, acronyms, "Islamic Jihad"
for "Palestinian Islamic Jihad", "Central Command" for "US Central Command"), and
each actor gets roles and affiliation (stages/actors_roles.py), country, CAMEO-style
code and, for places, coordinates.

Text in the page header, headings and related-reading titles is headline-cased and
misleads spaCy: there only knowledge-base names, names the body also uses, and
authors ("by Seth J. Frantzman") are kept.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..knowledge import Knowledge
from ..knowledge.kb import (
    KBEntry,
    KnowledgeBase,
    agents,
    find_place,
    is_place_name,
    name_key,
    nouns,
    title_words,
)
from ..records import Actor, Analysis
from .actors_roles import assign_group_members, assign_roles

NER_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "LOC", "NORP": "NORP"}
FACILITY_LABELS = {"EVENT", "LAW", "PRODUCT", "WORK_OF_ART"}  # kept only when named as a facility ("Tower 22")
BODY_ZONES = {"body", "expert-analysis"}
STRIP_CHARS = " \t\n\"'“”‘’«»()[]{},.:;!?–—-*•|/_"
QUOTE_OPEN = "“\"‘'«"
QUOTE_CLOSE = "”\"’'»"
CONNECTORS = {"of", "the", "and", "for", "in", "on", "de", "du", "la", "al", "el", "bin", "ben", "ibn", "van",
              "von", "der", "da", "di", "&", "at"}
NAME_PARTICLES = {"al", "el", "bin", "ben", "ibn", "van", "von", "der", "de", "da", "di", "la", "le", "abu", "abd"}
LOWER_NAME_PREFIX = re.compile(r"^(?:al|el|ad|ar|as|an|at|az)-", re.IGNORECASE)
BACKED = re.compile(r"^(?:backed|led|aligned|allied|sponsored|funded|supported|affiliated)$", re.IGNORECASE)
ACRONYM = re.compile(r"^[A-Z][A-Z.&]{1,7}$")
POSSESSIVE = ("’s", "'s", "’", "'")
ACTOR_USE_PREPS = {"with", "between", "against", "by", "toward", "towards", "from"}
GROUP_STOP = {"multiple", "several", "various", "many", "some", "other", "these", "those", "all", "both", "most",
              "numerous", "two", "three", "four", "five", "dozens", "hundreds"}
AGENT_PLACE_PREPS = {"in", "from", "throughout", "across", "inside"}
AGENT_MAX_MODIFIERS = 4
HOLDER_PARTICIPLES = {"held", "controlled", "occupied", "led", "backed", "run", "linked", "allied"}
STATE_SECTORS = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG"}  # "<agent> in <State>" of these is the state acting
# a singular agent noun that names a person ("businessman", "lawyer"), not a body ("embassy")
PERSON_NOUN = re.compile(r"(?:man|men|er|or|ist|ant|ent|ian|ee|eer|ard|ive|ary|at)$")
CAPITAL_MIN_POPULATION = 100_000  # a metonym naming a smaller town ("White House", Tennessee) is no city
# Priority of a kind of mention when two claim the same span (higher wins).
KIND_PRIORITY = {"name": 3, "metonym": 3, "organ": 2, "group": 2, "ner": 1, "demonym": 0}


@dataclass
class Mention:
    start: int
    end: int
    text: str
    label: str  # PERSON | ORG | GPE | LOC | GROUP | NORP (spaCy's or the rule's guess)
    kind: str  # ner | name | metonym | demonym | organ | group
    zone: str
    entry: KBEntry | None = None
    sector: str = ""
    group_key: str = ""
    owner: str = ""  # "FDD" of "FDD's Long War Journal"
    country: str = ""  # ISO3 of the state a group belongs to ("Burundian militiamen", "rebels in Chad")
    titled: bool = False  # a title was cut off the front: a person
    author: bool = False  # "by NAME" in a related-reading line, or "NAME, Title" under a quote
    cue: str = ""  # "org" | "place" | "facility" from the words around it
    cluster: int = -1

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass
class Cluster:
    mentions: list[Mention] = field(default_factory=list)
    entry: KBEntry | None = None
    city: bool = False  # a capital that is only a place in this document

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The actors stage for this knowledge (knowledge base, nouns, titles)."""
    return lambda doc: find_actors(doc, knowledge)


def find_actors(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    """The document's actors, ids in order of first mention."""
    if doc.nlp is None:
        return {"actors": []}
    return {"actors": _find_actors(doc, knowledge.actors.kb)}


def _find_actors(doc: Analysis, kb: KnowledgeBase) -> list[Actor]:
    ctx = Context(doc, kb)
    candidates = ctx.ner_mentions() + ctx.kb_mentions() + ctx.phrase_mentions() + ctx.titled_name_mentions()
    mentions = _resolve_overlaps(candidates)
    mentions = [m for m in mentions if ctx.keep_in_zone(m, mentions)]
    clusters = _cluster(mentions, ctx)
    _rescan(clusters, ctx)
    return _build_actors(clusters, ctx)


class Context:
    """The document, its zones and token helpers, shared by the rules."""

    def __init__(self, doc: Analysis, kb: KnowledgeBase):
        self.doc = doc
        self.kb = kb
        self.nlp = doc.nlp
        self.text = doc.nlp.text
        self.zones = self._zones()
        self.titles = title_words()
        self.nouns = nouns()
        self.agents = agents()

    # -- zones -------------------------------------------------------------------------------
    def _zones(self) -> list[tuple[int, int, str]]:
        zones: list[tuple[int, int, str]] = []
        info = self.doc.document
        if info is None:
            return [(0, len(self.text), "body")]
        for section in info.sections:
            kind = section.kind or "body"
            start = section.start
            if section.heading and kind != "header":
                head_end = self.text.find("\n", start)
                head_end = section.end if head_end < 0 or head_end > section.end else head_end
                if self.text[start:head_end].strip() == section.heading.strip():
                    zones.append((start, head_end, "heading"))
                    start = head_end
            zones.append((start, section.end, "title" if kind == "header" else kind))
        return zones

    def zone_at(self, offset: int) -> str:
        for start, end, kind in self.zones:
            if start <= offset < end:
                return kind
        return "title" if self.doc.document is not None and self.doc.document.sections else "body"

    def keep_in_zone(self, m: Mention, mentions: list[Mention]) -> bool:
        """Outside the body only knowledge-base names, authors and names the body uses."""
        if m.zone in BODY_ZONES:
            return True
        if m.zone == "tags":
            return False
        if m.entry is not None and m.kind in {"name", "metonym"}:
            return True
        if m.label == "PERSON" and _person_context(m, self):
            m.author = True  # "Carl Jensen, FDD Research Fellow" under a quote
        if m.author:
            return True  # "by Seth J. Frantzman"
        key = name_key(m.text)
        return any(o.zone in BODY_ZONES and name_key(o.text) == key for o in mentions)

    # -- helpers -----------------------------------------------------------------------------
    def clean_span(self, start: int, end: int) -> tuple[int, int]:
        """Trim spaces, quotes, brackets, a leading "the" and a trailing possessive."""
        text = self.text
        while True:
            before = (start, end)
            while start < end and text[start] in STRIP_CHARS:
                start += 1
            while end > start and text[end - 1] in STRIP_CHARS and text[end - 1] != ".":
                end -= 1
            for suffix in ("’s", "'s"):
                if text[start:end].endswith(suffix):
                    end -= len(suffix)
            low = text[start:end].lower()
            for article in ("the ", "a ", "an "):
                if low.startswith(article) and end - start > len(article) + 1:
                    start += len(article)
                    break
            if end > start and text[end - 1] == "." and not _keeps_dot(text[start:end]):
                end -= 1
            if (start, end) == before:
                return start, end

    def tokens_in(self, start: int, end: int) -> list[Any]:
        span = self.nlp.char_span(start, end, alignment_mode="contract")
        if span is None:
            return []
        return [t for t in span if not t.is_space]

    def tokens_before(self, start: int) -> list[Any]:
        """Tokens ending at or before `start` on the same line, nearest last."""
        line_start = self.text.rfind("\n", 0, start) + 1
        return self.tokens_in(line_start, start)

    def quoted(self, start: int, end: int) -> bool:
        """The whole span sits inside quotation marks: a name of a thing, not an actor."""
        before = self.text[max(0, start - 1):start]
        after = self.text[end:end + 1]
        return bool(before) and before in QUOTE_OPEN and bool(after) and after in QUOTE_CLOSE + ",."

    def is_title_word(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.titles

    def is_head_title(self, word: str) -> bool:
        entry = self.titles.get(word.lower().rstrip("."))
        return entry is not None and entry.head

    def demonym_entry(self, text: str) -> KBEntry | None:
        return self.kb.by_demonym.get(name_key(text))

    def state_of(self, text: str) -> KBEntry | None:
        """The state a name, metonym or demonym denotes ("US", "Kremlin", "Russian")."""
        key = name_key(text)
        entry = self.kb.by_name.get(key) or self.kb.by_metonym.get(key) or self.kb.by_demonym.get(key)
        return entry if entry is not None and entry.is_state() else None

    def cue_around(self, start: int, end: int) -> str:
        """What the words next to a name say it is: "the militant group X", "X region"."""
        before = self.text[max(0, start - 40):start].lower()
        after = self.text[end:end + 30].lower()
        words_before = re.findall(r"[a-z]+", before)[-2:]
        words_after = re.findall(r"[a-z]+", after)[:2]
        for kind in ("org", "place", "facility"):
            table = self.nouns.get(kind, {})
            for n in (2, 1):
                tail = " ".join(words_before[-n:])
                if len(words_before) >= n and (tail in table or (tail.endswith(" of") and tail[:-3] in table)):
                    return kind
            if words_before[-2:-1] and words_before[-1:] == ["of"] and words_before[-2] in table:
                return kind
            if kind != "org" and words_after and (words_after[0] in table or " ".join(words_after) in table):
                return kind
        return ""

    # -- spaCy entities ----------------------------------------------------------------------
    def ner_mentions(self) -> list[Mention]:
        out: list[Mention] = []
        facility = self.nouns.get("facility", {})
        for ent in self.nlp.ents:
            label = NER_LABELS.get(ent.label_)
            if label is None and ent.label_ in FACILITY_LABELS:
                words = [w.lower() for w in re.findall(r"[A-Za-z]+", ent.text)]
                if words and (words[0] in facility or words[-1] in facility) and ent.text[:1].isupper():
                    label = "LOC"
            if label is None and ent.label_ not in {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY",
                                                    "PERCENT"} and ent.text[:1].isupper():
                # a place spaCy took for something else ("the port of Odesa" as a LANGUAGE)
                if self.cue_around(ent.start_char, ent.end_char) == "place" and _is_city(ent.text):
                    label = "GPE"
            if label is None:
                continue
            pos = ent.start_char
            for piece in re.split(r"(\n|\(|\))", self.text[ent.start_char:ent.end_char]):
                s, e = self.clean_span(pos, pos + len(piece))
                pos += len(piece)
                if piece in {"\n", "(", ")"}:
                    continue
                if e - s < 2 or not any(c.isalpha() for c in self.text[s:e]):
                    continue
                if self.quoted(s, e) and self.kb.lookup(self.text[s:e]) is None:
                    continue
                out.extend(self._fix_entity(s, e, label))
        return self._join_place_pairs(out)

    def _join_place_pairs(self, mentions: list[Mention]) -> list[Mention]:
        """"Sistan and Baluchestan province": spaCy's two places joined by "and" before a
        place noun are one place."""
        place = self.nouns.get("place", {})
        out: list[Mention] = []
        for m in mentions:
            prev = out[-1] if out else None
            if (prev is not None and prev.label in {"GPE", "LOC"} and m.label in {"GPE", "LOC"}
                    and self.text[prev.end:m.start] == " and "
                    and (m.text.split()[-1].lower() in place
                         or (re.match(r"\s+([a-z]+)", self.text[m.end:m.end + 20]) or [None, ""])[1] in place)):
                out[-1] = Mention(prev.start, m.end, self.text[prev.start:m.end], "GPE", "ner", prev.zone, cue="place")
                continue
            out.append(m)
        return out

    def _fix_entity(self, start: int, end: int, label: str) -> list[Mention]:
        text = self.text[start:end]
        zone = self.zone_at(start)
        # an inner possessive: "FDD’s Long War Journal" -> FDD + Long War Journal (owned by FDD)
        match = re.search(r"[’']s\s+", text)
        if match and label in {"ORG", "GPE", "LOC"}:
            owner_end = start + match.start()
            rest_start = start + match.end()
            owner = self.text[start:owner_end]
            owner_entry = self.kb.lookup(owner)
            parts = [Mention(start, owner_end, owner, (owner_entry.type if owner_entry and owner_entry.type
                                                        else "ORG"), "ner", zone, entry=owner_entry)]
            rest = self._fix_entity(rest_start, end, label)
            for m in rest:
                m.owner = m.owner or owner
            return parts + rest
        tokens = self.tokens_in(start, end)
        if not tokens:
            return []
        # a demonym is not a name ("the southern Ukrainian region"): the phrase rules see it
        if self.demonym_entry(text) is not None and self.kb.lookup(text) is None:
            return []
        # only title words ("Defense" of "Defense Secretary", "National Security" adviser)
        # or a word that alone is never an actor ("the South")
        if all(self.is_title_word(t.text) or not t.is_alpha for t in tokens) or (
                len(tokens) == 1 and tokens[0].lower_ in self.nouns.get("not-actor", {})):
            return []
        # a name ending in "Treaty", "Agreement", "War": a thing, not an actor
        if tokens[-1].lower_ in self.nouns.get("not-actor-head", {}) and self.kb.lookup(text) is None:
            return []
        # a portfolio inside a title: "Under Secretary for Terrorism and Financial Intelligence"
        if label in {"ORG", "PERSON", "NORP"} and self.kb.lookup(text) is None and self._in_title(start):
            return []
        # "<Person> regime": the organisation around a person ("the Assad regime")
        nxt = re.match(r"\s+([a-z]+)\b", self.text[end:end + 20])
        if label == "PERSON" and nxt and nxt.group(1) in self.nouns.get("person-org", {}):
            e2 = end + nxt.end()
            return [Mention(start, e2, self.text[start:e2], "ORG", "ner", zone, cue="org")]
        # titles glued in front: "Rear Admiral Shamkhani", "President Putin", "Brig"
        i = 0
        stripped_head = False
        while i < len(tokens) and (self.is_title_word(tokens[i].text) or tokens[i].text in {".", "-"} or
                                   (i + 1 < len(tokens) and self.demonym_entry(tokens[i].text) is not None
                                    and self.is_title_word(tokens[i + 1].text))):
            stripped_head = stripped_head or self.is_head_title(tokens[i].text)
            i += 1
        if i and stripped_head and label in {"PERSON", "ORG", "NORP"}:
            if i >= len(tokens):
                return []
            rest = tokens[i:]
            if all(t.text[:1].isupper() for t in rest) and not self._has_org_word(rest):
                s, e = self.clean_span(rest[0].idx, end)
                return [Mention(s, e, self.text[s:e], "PERSON", "ner", zone, titled=True)]
        # a person glued after a title or a place: "... for the Middle East Mikhail Bogdanov",
        # "the Council of Ministers of Jordan Ayman Example"
        if label in {"PERSON", "ORG"} and len(tokens) >= 3:
            cut = self._person_cut(tokens)
            if cut is not None:
                person = tokens[cut:]
                s, e = person[0].idx, end
                out = [Mention(s, e, self.text[s:e], "PERSON", "ner", zone, titled=True)]
                head = tokens[:cut]
                while head and head[-1].lower_ in CONNECTORS:
                    head = head[:-1]
                # keep an organisation the person was glued to, without a trailing "of <State>"
                if label == "ORG" and head and self._has_org_word(head):
                    k = len(head)
                    for j in range(len(head) - 1, 0, -1):
                        if head[j - 1].lower_ == "of" and self.state_of(
                                self.text[head[j].idx:head[-1].idx + len(head[-1].text)]):
                            k = j - 1
                            break
                    hs, he = self.clean_span(head[0].idx, head[k - 1].idx + len(head[k - 1].text))
                    if he > hs:
                        out.insert(0, Mention(hs, he, self.text[hs:he], "ORG", "ner", zone))
                return out
        if label == "PERSON" and len(tokens) == 1 and self.is_title_word(tokens[0].text):
            return []
        glued = self._place_glued_to_name(tokens, zone) if label in {"GPE", "LOC"} else None
        if glued:
            return glued
        m = Mention(start, end, text, label, "ner", zone)
        m.author = label == "PERSON" and bool(re.search(r"\bby\s+$", self.text[max(0, start - 4):start], re.I))
        m.cue = self.cue_around(start, end)
        return [m]

    def _place_glued_to_name(self, tokens: list[Any], zone: str) -> list[Mention] | None:
        """"the Middle East Arman" + "Zhaksylykov": the tagger ran a place into the first
        name of the person after it; split into the place and the person (when a title
        comes before)."""
        doc = tokens[0].doc
        after = []
        j = tokens[-1].i + 1
        while j < len(doc) and len(after) < 2 and doc[j].pos_ == "PROPN" and doc[j].ent_type_ in ("", "PERSON") \
                and doc[j].text[:1].isupper():
            after.append(doc[j])
            j += 1
        before = doc[max(0, tokens[0].i - 8):tokens[0].i]
        if not after or not any(self.is_title_word(t.text) for t in before):
            return None
        for k in range(len(tokens) - 1, 0, -1):
            place = tokens[:k]
            rest = tokens[k:]
            words = [t for t in place if t.lower_ != "the"]
            if not words or not all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest):
                continue
            ps, pe = words[0].idx, place[-1].idx + len(place[-1].text)
            if self.kb.lookup(self.text[ps:pe]) is None:
                continue
            ns, ne = rest[0].idx, after[-1].idx + len(after[-1].text)
            return [Mention(ps, pe, self.text[ps:pe], "LOC", "ner", zone, cue="place"),
                    Mention(ns, ne, self.text[ns:ne], "PERSON", "ner", zone, titled=True)]
        return None

    def _in_title(self, start: int) -> bool:
        """The words before `start` are "<head title word> for/of" (with capitalised words
        and "and" between): the name is a portfolio of a title, not an actor."""
        line = self.text[self.text.rfind("\n", 0, start) + 1:start]
        words = re.findall(r"[\w’'.-]+", line)
        k = len(words) - 1
        while k >= 0 and (words[k][:1].isupper() or words[k] in {"and", "&"}) and not self.is_head_title(words[k]):
            k -= 1
        if k >= 1 and words[k] in {"for", "of"} and self.is_head_title(words[k - 1]):
            return True
        return False

    def _has_org_word(self, tokens: list[Any]) -> bool:
        sector = self.nouns.get("sector", {})
        org = self.nouns.get("org", {})
        return any(t.lower_ in sector or t.lower_ in org for t in tokens)

    def _person_cut(self, tokens: list[Any]) -> int | None:
        """Index where a trailing personal name starts after a title word or a known
        place/organisation name inside one spaCy entity, or None."""
        best = None
        for j in range(len(tokens) - 1):
            ends_title = self.is_head_title(tokens[j].text)
            ends_known = False
            for k in range(max(0, j - 4), j + 1):
                piece = self.text[tokens[k].idx:tokens[j].idx + len(tokens[j].text)]
                if self.kb.searchable.get(name_key(piece)) and len(piece) > 2:
                    ends_known = True
                    break
            if ends_title or ends_known:
                best = j + 1
        if best is None:
            return None
        rest = tokens[best:]
        if not 2 <= len(rest) <= 4 or best == 0:
            return None
        if any(not (t.text[:1].isupper() or t.lower_ in NAME_PARTICLES) or self.is_title_word(t.text)
               for t in rest):
            return None
        if self._has_org_word(rest) or self.kb.lookup(self.text[rest[0].idx:rest[-1].idx + len(rest[-1].text)]) \
                and self.kb.lookup(self.text[rest[0].idx:rest[-1].idx + len(rest[-1].text)]).type not in {
                    "", "PERSON"}:
            return None
        return best

    # -- knowledge-base names ----------------------------------------------------------------
    def kb_mentions(self) -> list[Mention]:
        out: list[Mention] = []
        tokens = [t for t in self.nlp if not t.is_space]
        i = 0
        while i < len(tokens):
            first = name_key(tokens[i].text)
            if not first or first.split()[0] not in self.kb.first_words:
                i += 1
                continue
            found = None
            for j in range(min(len(tokens), i + 8) - 1, i - 1, -1):
                if tokens[j].text in POSSESSIVE or "\n" in self.text[tokens[i].idx:tokens[j].idx]:
                    continue
                s, e = tokens[i].idx, tokens[j].idx + len(tokens[j].text)
                surface = self.text[s:e]
                key = name_key(surface)
                kind = self.kb.searchable.get(key)
                if kind and self._case_ok(surface, key):
                    found = (j, s, e, kind, key)
                    break
            if found is None:
                i += 1
                continue
            j, s, e, kind, key = found
            s, e = self.clean_span(s, e)
            entry = self.kb.by_name.get(key) if kind == "name" else self.kb.by_metonym.get(key)
            if entry is not None and e > s:
                label = entry.type or "ORG"
                out.append(Mention(s, e, self.text[s:e], label, kind, self.zone_at(s), entry=entry,
                                   cue=self.cue_around(s, e)))
            i = j + 1
        return out

    def _case_ok(self, surface: str, key: str) -> bool:
        """A knowledge-base name in the text is capitalised as a name ("US", not "us")."""
        letters = [c for c in surface if c.isalpha()]
        if not letters:
            return False
        if not (surface[0].isupper() or surface[0].isdigit() or LOWER_NAME_PREFIX.match(surface)):
            return False
        forms = self._forms(key)
        if forms and all(f.replace(".", "").isupper() for f in forms):
            return surface.replace(".", "").replace(" ", "").isupper()
        if surface.isupper() and len(letters) > 6 and not any(f.isupper() for f in forms):
            return False  # a shouted headline word, not the name
        return True

    def _forms(self, key: str) -> list[str]:
        entry = self.kb.by_name.get(key) or self.kb.by_metonym.get(key)
        if entry is None:
            return []
        return [n for n in [*entry.names(), *entry.metonyms] if name_key(n) == key]

    # -- demonyms, organs of states, groups ---------------------------------------------------
    def titled_name_mentions(self) -> list[Mention]:
        """Names spaCy leaves untagged after a title ("… Special Envoy for the Middle
        East Mikhail Bogdanov met …"): two or three capitalised proper nouns, outside
        every entity, with a title word among the few words before them."""
        out: list[Mention] = []
        covered = {i for ent in self.nlp.ents for i in range(ent.start, ent.end)}
        tokens = list(self.nlp)
        i = 0
        while i < len(tokens):
            j = i
            while (j < len(tokens) and j - i < 3 and tokens[j].pos_ == "PROPN" and tokens[j].text[:1].isupper()
                   and tokens[j].text.isalpha() and tokens[j].i not in covered
                   and not self.is_title_word(tokens[j].text)):
                j += 1
            run = tokens[i:j]
            after = tokens[j] if j < len(tokens) else None
            before = [t for t in tokens[max(0, i - 8):i] if t.sent == tokens[i].sent]
            joined = i > 0 and tokens[i - 1].lower_ in CONNECTORS | {"at", "in", "on", "to", "with", "from"}
            if (len(run) >= 2 and not joined and (after is None or after.pos_ != "PROPN")
                    and any(self.is_title_word(t.text) for t in before)
                    and self.kb.lookup(" ".join(t.text for t in run)) is None):
                s0, e0 = run[0].idx, run[-1].idx + len(run[-1].text)
                out.append(Mention(s0, e0, self.text[s0:e0], "PERSON", "ner", self.zone_at(s0), titled=True))
            i = max(j, i + 1)
        return out

    def phrase_mentions(self) -> list[Mention]:
        out: list[Mention] = []
        organ = self.nouns.get("organ", {})
        group = self.nouns.get("group", {})
        tokens = [t for t in self.nlp if not t.is_space]
        n = len(tokens)
        for i, tok in enumerate(tokens):
            low = tok.lower_
            # collective groups: walk left from a group noun over its modifiers
            m = None
            if low in group and tok.text.islower():
                m = self._group_phrase(tokens, i, group[low])
            if m is None and (low in self.agents or low in group or low in self.nouns.get("organ", {})):
                m = self._agent_phrase(tokens, i)
            if m is not None:
                out.append(m)
            if not tok.text[:1].isupper() or tok.lower_ == "the":
                continue
            # a demonym or a state's name, possibly two words ("South Korean", "Saudi Arabian")
            for width in (2, 1):
                if i + width > n:
                    continue
                last = tokens[i + width - 1]
                s, e = tok.idx, last.idx + len(last.text)
                if "\n" in self.text[s:e] or last.text in POSSESSIVE or not re.search(r"[A-Za-z]", last.text):
                    continue
                surface = self.text[s:e]
                entry = self.demonym_entry(surface)
                is_name = False
                if entry is None:
                    entry = self.state_of(surface)
                    is_name = entry is not None
                if entry is None:
                    continue
                nxt = tokens[i + width] if i + width < n else None
                after = i + width + (1 if nxt is not None and nxt.text in POSSESSIVE and is_name else 0)
                inst = self._institution(tokens, after)
                if inst is not None:
                    e2, noun = inst
                    out.append(Mention(s, e2, self.text[s:e2], "ORG", "ner", self.zone_at(s), cue="org",
                                       sector=noun.sector))
                    break
                if is_name and nxt is not None and nxt.text in POSSESSIVE:
                    org = self._owned_org(tokens, i + width + 1, surface)
                    if org is not None:
                        out.append(org)
                    break
                led = tokens[i + width + 2] if i + width + 2 < n and nxt is not None and nxt.text == "-" \
                    and tokens[i + width + 1].lower_ == "led" else None
                if led is not None and (led.lower_ in organ or led.lower_ in ("coalition", "alliance")):
                    # "Vietnamese-led forces", "the Saudi-led coalition": the leading state acts
                    e2 = led.idx + len(led.text)
                    out.append(Mention(s, e2, self.text[s:e2], entry.type or "GPE", "organ", self.zone_at(s),
                                       entry=entry, sector=organ[led.lower_].sector if led.lower_ in organ else ""))
                    break
                head = last.head
                if not is_name and head.i > last.i and head.lower_ in self.nouns.get("act", {}) \
                        and head.text.islower() and last.dep_ in {"amod", "compound", "nmod"}:
                    # "an Indian proposal", "Palestinian riots": the state is the one acting
                    out.append(Mention(s, e, surface, entry.type or "GPE", "organ", self.zone_at(s), entry=entry))
                    break
                if nxt is not None and nxt.lower_ in organ and nxt.text.islower():
                    noun = organ[nxt.lower_]
                    e2 = nxt.idx + len(nxt.text)
                    out.append(Mention(s, e2, self.text[s:e2], entry.type or "GPE", "organ", self.zone_at(s),
                                       entry=entry, sector=noun.sector))
                elif not is_name:
                    org = self._owned_org(tokens, i + width, "")
                    people = self._people(tokens, i, width, entry)
                    if org is not None:  # "South Korean Joint Chiefs of Staff"
                        out.append(Mention(s, org.end, self.text[s:org.end], "ORG", "ner", self.zone_at(s)))
                    elif people is not None:
                        out.append(people)
                    else:
                        out.append(Mention(s, e, surface, "GPE", "demonym", self.zone_at(s), entry=entry))
                break
        return out

    def _people(self, tokens: list[Any], i: int, width: int, entry: KBEntry) -> Mention | None:
        """A nationality as the people acting: the plural demonym heading its phrase
        ("Palestinians blamed Israel", "more than 100 Israelis") or a demonym before a
        capitalised plural people's name ("Iraqi Kurds"); a GROUP of that state. A demonym
        modifying a noun ("Israeli soldiers") is no group of its own."""
        last = tokens[i + width - 1]
        nxt = tokens[i + width] if i + width < len(tokens) else None
        s = tokens[i].idx
        surface = self.text[s:last.idx + len(last.text)]
        plural_form = not any(name_key(d) == name_key(surface) for d in entry.demonyms)
        if plural_form and last.pos_ in {"NOUN", "PROPN"} and last.dep_ not in {"amod", "compound", "nmod"} \
                and not (nxt is not None and nxt.pos_ in {"NOUN", "PROPN"} and "\n" not in last.whitespace_):
            return Mention(s, last.idx + len(last.text), surface, "GROUP", "group", self.zone_at(s),
                           group_key=f"{entry.kb_id}|person", country=entry.kb_id)
        if (not plural_form and nxt is not None and "\n" not in last.whitespace_ and nxt.text[:1].isupper()
                and re.fullmatch(r"[A-Z][a-z]+s", nxt.text) and nxt.pos_ in {"NOUN", "PROPN"}
                and self.kb.lookup(nxt.text) is None and self.demonym_entry(nxt.text) is None
                and self.state_of(nxt.text) is None):
            after = tokens[i + width + 1] if i + width + 1 < len(tokens) else None
            if after is None or not (after.text[:1].isupper() and after.pos_ == "PROPN"):
                e = nxt.idx + len(nxt.text)
                return Mention(s, e, self.text[s:e], "GROUP", "group", self.zone_at(s),
                               group_key=f"{entry.kb_id}|{nxt.lower_}", country=entry.kb_id)
        return None

    def _state_before(self, tokens: list[Any], j: int) -> tuple[int, KBEntry] | None:
        """A demonym or state name of one or two words ending at token j-1: (first index, state)."""
        for width in (2, 1):
            k = j - width
            if k < 0 or not tokens[k].text[:1].isupper():
                continue
            surface = self.text[tokens[k].idx:tokens[j - 1].idx + len(tokens[j - 1].text)]
            if "\n" in surface:
                continue
            entry = self.demonym_entry(surface) or self.state_of(surface)
            if entry is not None:
                return k, entry
        return None

    def _state_after(self, tokens: list[Any], k: int) -> tuple[int, KBEntry] | None:
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
            if not all(t.text[:1].isupper() for t in run):
                continue
            end = run[-1].idx + len(run[-1].text)
            surface = self.text[run[0].idx:end]
            state = self.state_of(surface)
            nxt = tokens[k + width] if k + width < len(tokens) else None
            if state is not None and self.kb.lookup(surface) is state and not (
                    nxt is not None and nxt.text in POSSESSIVE):
                return end, state
        return None

    def _agent_phrase(self, tokens: list[Any], i: int) -> Mention | None:
        """People or forces named by an agent noun with the state they belong to, as
        PETRARCH-style coders read them: "Burundian militiamen", "Egyptian warships",
        "students throughout Indonesia", "Rebels in the Ivory Coast", or with a capitalised
        qualifier and no state ("Yoruba leaders"): a GROUP coded with the state and the
        agent's sector. "<Demonym> soldiers" and the like stay the state acting (organ
        nouns), "<Demonym> army" its institution."""
        head = tokens[i]
        low = head.lower_
        group_noun = self.nouns.get("group", {}).get(low)
        agent = self.agents.get(low)
        if low in self.nouns.get("institution", {}) or head.pos_ not in {"NOUN", "PROPN"}:
            return None
        if head.text[:1].isupper() and not (head.is_sent_start and head.text[1:].islower()):
            return None
        if head.dep_ in {"compound", "amod", "nmod"}:
            return None  # a modifier: "rebel leaders", "police station"
        # "rebel-held territory", "militia-controlled areas": the singular names the group
        holder = i + 2 < len(tokens) and tokens[i + 1].text == "-" and tokens[i + 2].lower_ in HOLDER_PARTICIPLES
        if agent is not None and not agent.plural and group_noun is None and not holder and (
                not PERSON_NOUN.search(low) or self.is_title_word(low)):
            return None  # "the French embassy" is a body; "the Iranian president" a title of a person
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.text[:1].isupper() and nxt.pos_ == "PROPN" and "\n" not in head.whitespace_:
            return None  # "Yoruba leader Gani Adams": a title before a name
        j = i
        anchor: Any = None
        state: KBEntry | None = None
        while j - 1 >= 0 and i - j < AGENT_MAX_MODIFIERS and not head.is_sent_start:
            prev = tokens[j - 1]
            if "\n" in prev.whitespace_ or prev.lower_ in GROUP_STOP or prev.like_num:
                break
            before = self._state_before(tokens, j)
            if before is not None:
                j, state = before
                anchor = tokens[j]
                # "dual Russian-Israeli citizens": more states joined by hyphens, then adjectives
                while j - 2 >= 0 and tokens[j - 1].text == "-" and self._state_before(tokens, j - 1) is not None:
                    j = self._state_before(tokens, j - 1)[0]
                while j - 1 >= 0 and tokens[j - 1].pos_ == "ADJ" and tokens[j - 1].text.islower() and \
                        tokens[j - 1].lower_ not in GROUP_STOP and "\n" not in tokens[j - 1].whitespace_:
                    j -= 1
                break
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
            if prev.text == "-" or BACKED.match(prev.text) or (
                    prev.pos_ in {"ADJ", "NOUN"} and prev.text.islower()) or (
                    prev.tag_ == "VBN" and prev.text.islower()):
                j -= 1
                continue
            break
        end = head.idx + len(head.text)
        after = self._state_after(tokens, i + 1)
        if state is None and after is not None:
            end, state = after
        elif after is not None and after[1] is state:
            end = after[0]
        if state is None and anchor is None:
            return None
        # lower-case modifiers belong to the phrase only after a qualifier: "Russian civilian advisers"
        start = tokens[j].idx if anchor is not None else head.idx
        if "\n" in self.text[start:end]:
            return None
        organ = self.nouns.get("organ", {}).get(low)
        zone = self.zone_at(start)
        sector = group_noun.sector if group_noun is not None else (agent.sector if agent is not None else "")
        if organ is not None or (sector in STATE_SECTORS and after is not None and anchor is None):
            if state is None or after is None or anchor is not None:
                return None  # "Israeli soldiers" is the state acting: the demonym rule sees it
            # "Security forces in Guinea", "Envoys from Venezuela": the state acting
            return Mention(start, end, self.text[start:end], state.type or "GPE", "organ", zone, entry=state,
                           sector=organ.sector if organ is not None else sector)
        cls = group_noun.cls if group_noun is not None else (agent.cls if agent is not None else low)
        anchor_key = state.kb_id if state is not None else name_key(anchor.text)
        return Mention(start, end, self.text[start:end], "GROUP", "group", zone, group_key=f"{anchor_key}|{cls}",
                       sector=sector, country=state.kb_id if state is not None else "")

    def _institution(self, tokens: list[Any], k: int) -> tuple[int, Any] | None:
        """A state's own institution in lower case after its name or demonym ("army",
        "foreign ministry"), heading its phrase (not "military operations")."""
        table = self.nouns.get("institution", {})
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

    def _owned_org(self, tokens: list[Any], k: int, owner: str) -> Mention | None:
        """"Pakistan’s Foreign Office", "Iran’s Supreme National Security Council": a state's
        organisation that spaCy may miss, named by capitalised words with an organisation noun."""
        sector = self.nouns.get("sector", {})
        run: list[Any] = []
        while k < len(tokens) and len(run) < 8:
            tok = tokens[k]
            if "\n" in self.text[tokens[k - 1].idx:tok.idx]:
                break
            if tok.text[:1].isupper() or (run and tok.lower_ in {"of", "the", "and", "for"}):
                run.append(tok)
                k += 1
                continue
            break
        while run and run[-1].lower_ in {"of", "the", "and", "for"}:
            run.pop()
        if not run or not any(t.lower_ in sector for t in run if t.text[:1].isupper()):
            return None
        if any(self.is_head_title(t.text) for t in run):
            return None  # "Russian Defense Minister Sergei Shoigu" is a title and a person
        s, e = run[0].idx, run[-1].idx + len(run[-1].text)
        return Mention(s, e, self.text[s:e], "ORG", "ner", self.zone_at(s), owner=owner)

    def _group_phrase(self, tokens: list[Any], i: int, noun: Any) -> Mention | None:
        head = tokens[i]
        j = i
        anchor = None
        while j - 1 >= 0:
            prev = tokens[j - 1]
            if "\n" in prev.whitespace_ or prev.lower_ in GROUP_STOP or prev.like_num:
                break
            if prev.pos_ in {"DET", "ADP", "PRON", "CCONJ", "SCONJ", "AUX", "PART", "NUM"} and prev.text != "-":
                break
            if prev.pos_ == "VERB" and not BACKED.match(prev.text):
                break
            if prev.pos_ == "PUNCT" and prev.text != "-":
                break
            if prev.text[:1].isupper() or prev.text == "-" or BACKED.match(prev.text) or prev.pos_ in {
                    "ADJ", "NOUN", "PROPN"}:
                if prev.text[:1].isupper() and anchor is None:
                    anchor = prev
                elif prev.text[:1].isupper():
                    anchor = prev
                j -= 1
                continue
            break
        if anchor is None or j == i:
            return None
        start, end = tokens[j].idx, head.idx + len(head.text)
        if "\n" in self.text[start:end]:
            return None
        words = self.text[start:end]
        state = self.state_of(anchor.text)
        backed = bool(re.search(r"-\s*(?:backed|led|aligned|allied|sponsored|funded|supported)", words, re.I))
        anchor_key = state.kb_id if state is not None else name_key(anchor.text)
        key = f"{anchor_key}{'-backed' if backed else ''}|{noun.cls}"
        entry = None
        return Mention(start, end, words, "GROUP", "group", self.zone_at(start), entry=entry, group_key=key,
                       sector=noun.sector)


def _keeps_dot(text: str) -> bool:
    """"U.S." and "Co." keep their final dot; a sentence's full stop does not belong to a name."""
    return bool(re.search(r"(?:\b[A-Z]\.)+$|\b(?:Co|Inc|Ltd|Corp|Jr|Sr|St)\.$", text))


def _resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: the longest wins, then the surer kind; a
    knowledge-base name over exactly spaCy's span lends its entry to it."""
    exact: dict[tuple[int, int], Mention] = {}
    for m in candidates:
        if m.kind in {"name", "metonym"}:
            exact.setdefault(m.span, m)
    for m in candidates:
        if m.kind == "ner" and m.span in exact:
            kbm = exact[m.span]
            kbm.cue = kbm.cue or m.cue
            kbm.titled = kbm.titled or m.titled
            kbm.author = kbm.author or m.author
            kbm.owner = kbm.owner or m.owner
    order = sorted(candidates, key=lambda m: (-(m.end - m.start), -KIND_PRIORITY.get(m.kind, 0), m.start))
    end_of_text = max((m.end for m in candidates), default=0)
    occupied = bytearray(end_of_text + 1)
    kept: list[Mention] = []
    kept_containers: list[Mention] = []
    for m in order:
        nested = m.kind == "name" and m.entry is not None and any(
            g.start <= m.start and m.end <= g.end for g in kept_containers)
        if nested:  # "Iran" of "Iran-backed militias", "Sudan" of "Sudan's army" name the state too
            kept.append(m)
            continue
        if any(occupied[m.start:m.end]):
            continue
        occupied[m.start:m.end] = b"\x01" * (m.end - m.start)
        kept.append(m)
        if m.kind == "group" or (m.kind == "ner" and m.cue == "org" and m.sector):
            kept_containers.append(m)
    kept.sort(key=lambda m: (m.start, m.end))
    return kept


# -- clustering ----------------------------------------------------------------------------------

class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _country_key(text: str, ctx: Context) -> str:
    """Name key with a leading state name or demonym replaced by its ISO3 code:
    "British Maritime Trade Operations" and "UK Maritime Trade Operations" agree."""
    words = name_key(text).split()
    for n in (3, 2, 1):
        if len(words) > n:
            state = ctx.state_of(" ".join(words[:n]))
            if state is not None:
                return " ".join([state.kb_id, *words[n:]])
    return " ".join(words)


def _initials(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'’]*", text)
    caps = [w for w in words if w[0].isupper()]
    out = {"".join(w[0] for w in caps).upper()}
    out.add("".join(w[0] for w in words).upper())
    return {o for o in out if len(o) >= 2}


def _actor_use(m: Mention, ctx: Context) -> bool:
    """A place name used as the one acting: subject, possessor, or partner of "with",
    "between", "against"..., not a location ("to Moscow", "in Beijing")."""
    span = ctx.nlp.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    tok = span.root
    while tok.dep_ == "conj" and tok.head is not tok:
        tok = tok.head
    if tok.dep_ in {"nsubj", "nsubjpass", "poss", "agent", "dobj"}:
        return True
    nxt = ctx.text[m.end:m.end + 2]
    if nxt.startswith(("’s", "'s")):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ACTOR_USE_PREPS and tok.head.lower_ != "from"


def _cluster(mentions: list[Mention], ctx: Context) -> list[Cluster]:
    kb = ctx.kb
    # knowledge-base links for spaCy names (petrarch.csv only for names of two words or more)
    for m in mentions:
        if m.kind == "ner" and m.entry is None:
            entry = kb.lookup(m.text)
            if entry is None and re.search(r" [a-z]+$", m.text):  # "IRNA news" (agency)
                entry = kb.lookup(re.sub(r"(?: [a-z]+)+$", "", m.text))
                entry = entry if entry is not None and entry.core and entry.type in {"", "ORG"} else None
            if entry is None:  # "US Centcom": the name without its state, of an entry of that state
                key = _country_key(m.text, ctx)
                if re.match(r"^[A-Z]{3} ", key):
                    bare = kb.by_name.get(key[4:])
                    if bare is not None and bare.core and bare.country == key[:3]:
                        entry = bare
            if entry is not None and (entry.core or len(m.text.split()) >= 2):
                if not (m.label == "PERSON" and entry.type and entry.type != "PERSON") or entry.core:
                    m.entry = entry
    # capitals: the state when the document makes them act anywhere, else the city
    capital_acts: dict[str, bool] = {}
    for m in mentions:
        if m.kind == "metonym" and m.entry is not None and _is_capital(m.text, m.entry):
            key = name_key(m.text)
            capital_acts[key] = capital_acts.get(key, False) or (m.zone in BODY_ZONES and _actor_use(m, ctx))
    keys: list[str] = []
    city_keys: set[str] = set()
    for m in mentions:
        if m.kind == "group":
            keys.append("group:" + m.group_key)
        elif m.kind == "metonym" and name_key(m.text) in capital_acts and not capital_acts[name_key(m.text)]:
            keys.append("name:" + _country_key(m.text, ctx))
            city_keys.add(keys[-1])
        elif m.entry is not None:
            keys.append("kb:" + m.entry.kb_id)
        else:
            keys.append("name:" + _country_key(m.text, ctx))
    uniq = list(dict.fromkeys(keys))
    index = {k: i for i, k in enumerate(uniq)}
    uf = _Union(len(uniq))
    members: dict[int, list[Mention]] = {}
    for m, k in zip(mentions, keys, strict=True):
        members.setdefault(index[k], []).append(m)

    def label_of(i: int) -> str:
        ms = members[i]
        entry = next((m.entry for m in ms if m.entry is not None), None)
        if entry is not None and entry.type:
            return entry.type
        if any(m.titled for m in ms):
            return "PERSON"
        votes: dict[str, int] = {}
        for m in ms:
            votes[m.label] = votes.get(m.label, 0) + 1
        return max(sorted(votes), key=lambda lab: votes[lab])

    def names_of(i: int) -> list[str]:
        return [m.text for m in members[i] if m.kind in {"ner", "name", "metonym"}]

    # a surname or a shorter name that ends a fuller person's name: "Bogdanov" -> "Mikhail Bogdanov"
    people = [i for i in members if label_of(i) == "PERSON" and any(len(n.split()) >= 2 for n in names_of(i))]
    by_suffix: dict[str, set[int]] = {}  # "bogdanov" -> clusters of "Mikhail Bogdanov"
    for j in people:
        for full in names_of(j):
            words = name_key(full).split()
            for k in range(1, len(words)):
                by_suffix.setdefault(" ".join(words[k:]), set()).add(j)
    for i in members:
        if any(m.kind == "group" for m in members[i]) or uniq[i] in city_keys:
            continue
        names = names_of(i)
        if not names or any(m.entry is not None and m.entry.type not in {"", "PERSON"} for m in members[i]):
            continue
        if not all(len(n.split()) <= 2 for n in names):
            continue
        targets = {uf.find(j) for n in names for j in by_suffix.get(name_key(n), ()) if j != i}
        if len(targets) == 1 and label_of(i) in {"PERSON", "ORG", "NORP", "GPE"}:
            uf.union(targets.pop(), i)
    # acronyms: defined "Palestinian Islamic Jihad (PIJ)" or matching a name's initials
    for i in members:
        for m in members[i]:
            if m.kind not in {"ner", "name"} or not ACRONYM.match(m.text.replace(" ", "")):
                continue
            acr = m.text.replace(".", "").upper()
            defined = _defined_by(m, mentions, ctx)
            if defined is not None:
                uf.union(index[keys[mentions.index(defined)]], i)
                continue
            targets = {uf.find(j) for j in members if j != i and label_of(j) in {"ORG", "GPE"}
                       and any(acr in _initials(n) for n in names_of(j) if len(n.split()) >= 2)}
            if len(targets) == 1 and (m.entry is None or all(x.entry is None for x in members[next(iter(
                    targets))])):
                uf.union(targets.pop(), i)
    # organisations named with and without their state or a leading qualifier:
    # "Central Command" / "US Central Command", "Islamic Jihad" / "Palestinian Islamic Jihad"
    orgs = [i for i in members if label_of(i) == "ORG" and uniq[i].startswith(("name:", "kb:"))]
    sector_words = ctx.nouns.get("sector", {})

    def org_keys(i: int) -> set[str]:
        out = set()
        for m in members[i]:
            if m.kind not in {"ner", "name", "metonym"}:
                continue
            key = _country_key(m.text, ctx)
            state = ctx.state_of(m.owner) if m.owner else None
            if state is not None and not re.match(r"^[A-Z]{3} ", key):
                key = f"{state.kb_id} {key}"
            out.add(key)
        return out

    for i in orgs:
        if any(m.entry is not None for m in members[i]):
            continue
        keys_i = org_keys(i)
        bare_i = {re.sub(r"^[A-Z]{3} ", "", k) for k in keys_i}
        states_i = {k[:3] for k in keys_i if re.match(r"^[A-Z]{3} ", k)}
        targets = set()
        for j in orgs:
            if j == i:
                continue
            for kj in org_keys(j):
                bare_j = re.sub(r"^[A-Z]{3} ", "", kj)
                if kj in keys_i:
                    continue
                state_j = kj[:3] if re.match(r"^[A-Z]{3} ", kj) else ""
                if states_i and state_j and state_j not in states_i:
                    continue  # "Egyptian foreign ministry" is not "Sudan's foreign ministry"
                if any(len(b.split()) >= 2 and (bare_j == b or kj.endswith(" " + b)) for b in bare_i):
                    targets.add(uf.find(j))
                # "the Georgian ministry" after "Georgia's Foreign Ministry"
                if any(len(b.split()) == 1 and b in sector_words and kj[:3] in states_i and kj.endswith(" " + b)
                       for b in bare_i):
                    targets.add(uf.find(j))
        if len(targets) == 1:
            uf.union(targets.pop(), i)
    # a company or body called by its first word: "Greywater" after "Greywater Maritime Ltd."
    for i in members:
        names = names_of(i)
        if not names or any(len(n.split()) > 1 for n in names) or label_of(i) not in {"PERSON", "ORG"}:
            continue
        if any(m.entry is not None for m in members[i]):
            continue
        word = name_key(names[0])
        targets = {uf.find(j) for j in orgs if j != i and any(
            name_key(n).startswith(word + " ") for n in names_of(j))}
        if len(targets) == 1:
            uf.union(targets.pop(), i)
    # places spelled two ways: "Sistan-Baluchistan" / "Sistan and Baluchestan"
    places = [i for i in members if label_of(i) in {"GPE", "LOC"} and uniq[i].startswith("name:")]
    for a in range(len(places)):
        for b in range(a + 1, len(places)):
            i, j = places[a], places[b]
            ki = _place_key(names_of(i))
            kj = _place_key(names_of(j))
            if ki and kj and len(ki) > 6 and difflib.SequenceMatcher(None, ki, kj).ratio() >= 0.88:
                uf.union(i, j)

    groups: dict[int, Cluster] = {}
    for i in members:
        root = uf.find(i)
        cluster = groups.setdefault(root, Cluster())
        cluster.mentions.extend(members[i])
        cluster.city = cluster.city or uniq[i] in city_keys
    out = []
    for cluster in groups.values():
        cluster.mentions.sort(key=lambda m: (m.start, m.end))
        entries = [m.entry for m in cluster.mentions if m.entry is not None and m.kind != "demonym"]
        if cluster.city:
            cluster.entry = None
        else:
            cluster.entry = entries[0] if entries else None
        out.append(cluster)
    return out


def _rescan(clusters: list[Cluster], ctx: Context) -> None:
    """Find the names spaCy missed the second time round: "Bogdanov received ..." after
    "Mikhail Bogdanov", "Hamas" where spaCy saw none."""
    taken = sorted(m.span for c in clusters for m in c.mentions)
    wanted: dict[str, Cluster] = {}
    for c in clusters:
        if not _is_actor(c, ctx):
            continue
        creating = [m for m in c.mentions if m.kind in {"ner", "name"}]
        if not creating:
            continue
        kind = _actor_type(c, ctx)
        names = {m.text for m in creating}
        if kind == "PERSON":
            names |= {n.split()[-1] for n in list(names) if len(n.split()) >= 2}
        for name in sorted(names):
            if len(name) >= 3 and name[:1].isupper() and not ctx.is_title_word(name):
                wanted.setdefault(name, c)
    # an acronym in brackets right after a mention: "Pakistan’s Foreign Office (FO)"
    for c in clusters:
        for m in list(c.mentions):
            bracket = re.match(r" ?\(([A-Z][A-Z.&]{1,7})\)", ctx.text[m.end:m.end + 12])
            if bracket and m.kind in {"ner", "name"} and (
                    bracket.group(1).replace(".", "") in _initials(m.text)
                    or (c.entry is not None and ctx.kb.lookup(bracket.group(1)) is c.entry)):
                s, e = m.end + bracket.start(1), m.end + bracket.end(1)
                if not any(s < te and ts < e for ts, te in taken):
                    c.mentions.append(Mention(s, e, bracket.group(1), m.label, "ner", m.zone))
                    taken.append((s, e))
                    wanted.setdefault(bracket.group(1), c)
    if not wanted:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True))
                         + r")(?![\w-])")
    added: list[tuple[int, int]] = []
    for match in pattern.finditer(ctx.text):
        s, e = match.span()
        zone = ctx.zone_at(s)
        if zone == "tags" or any(s < te and ts < e for ts, te in taken) or any(s < te and ts < e for ts, te in added):
            continue
        line = ctx.text[ctx.text.rfind("\n", 0, s) + 1:s]
        prev = re.search(r"(?:^|[\s(])([A-Z][\w.’'-]*) \Z", line)
        sentence_start = re.search(r"(?:^|[.!?:;\"“”]\s*)\S+ \Z", line)
        if prev and not ctx.is_title_word(prev.group(1)) and prev.group(1)[-1] not in ".!?:;" and not sentence_start:
            continue  # part of a longer capitalised name
        if re.match(r"\s[A-Z]", ctx.text[e:e + 2]):
            continue
        c = wanted[match.group(1)]
        label = _actor_type(c, ctx)
        c.mentions.append(Mention(s, e, match.group(1), label, "ner", zone))
        added.append((s, e))
    for c in clusters:
        c.mentions.sort(key=lambda m: (m.start, m.end))


def _place_key(names: list[str]) -> str:
    if not names:
        return ""
    key = name_key(max(names, key=len))
    key = re.sub(r"\b(?:and|province|region|governorate|district|oblast)\b", " ", key)
    return re.sub(r"\s+", "", key)


def _is_capital(text: str, entry: KBEntry) -> bool:
    """A metonym that is also a big city of the state ("Moscow", "Washington"), so it
    may be a mere place; "the Kremlin" or "the White House" never are."""
    place = find_place(text, entry.country or None)
    return (place is not None and place.population >= CAPITAL_MIN_POPULATION
            and (not entry.country or place.country == entry.country))


def _is_city(text: str) -> bool:
    return is_place_name(text)


def _defined_by(m: Mention, mentions: list[Mention], ctx: Context) -> Mention | None:
    """The name an acronym in brackets right after it defines: "Central Command (CENTCOM)"."""
    before = ctx.text[max(0, m.start - 3):m.start]
    if not before.endswith("(") and not before.endswith("( "):
        return None
    acr = m.text.replace(".", "").upper()
    for other in mentions:
        if other.end <= m.start and m.start - other.end <= 3 and other is not m:
            if acr in _initials(other.text) or (m.entry is not None and m.entry is other.entry):
                return other
    return None


# -- actors --------------------------------------------------------------------------------------

def _build_actors(clusters: list[Cluster], ctx: Context) -> list[Actor]:
    kept = [c for c in clusters if _is_actor(c, ctx)]
    # demonym mentions only attach to a state already present
    states = {c.entry.kb_id: c for c in kept if c.entry is not None and c.entry.is_state()}
    final: list[Cluster] = []
    for c in kept:
        creating = [m for m in c.mentions if m.kind != "demonym"]
        if not creating:
            if c.entry is not None and c.entry.kb_id in states and states[c.entry.kb_id] is not c:
                states[c.entry.kb_id].mentions.extend(c.mentions)
            continue
        final.append(c)
    def first_mention(c: Cluster) -> tuple[int, int]:
        m = min((m for m in c.mentions if m.kind != "demonym"), key=lambda m: (m.start, m.end))
        return m.start, m.end - m.start

    final.sort(key=lambda c: (first_mention(c), c.first))
    actors: list[Actor] = []
    for n, c in enumerate(final, start=1):
        c.mentions.sort(key=lambda m: (m.start, m.end))
        actors.append(_make_actor(f"a{n}", c, ctx))
    assign_roles(actors, final, ctx)
    assign_group_members(actors, ctx.text)
    return actors


def _is_actor(c: Cluster, ctx: Context) -> bool:
    creating = [m for m in c.mentions if m.kind != "demonym"]
    if not creating and c.entry is None:
        return False
    if c.entry is None and all(m.label == "NORP" for m in creating) and not any(m.kind == "group" for m in creating):
        if not any(m.cue in {"place", "org"} or _is_city(m.text) for m in creating):
            return False
    if c.entry is None and not any(m.zone in BODY_ZONES or m.author for m in creating):
        return False
    names = [m.text for m in creating]
    if creating and all(not re.search(r"[A-Z]", n) for n in names):
        return False
    if c.entry is None and _common_word_place(creating, ctx):
        return False
    return True


def _common_word_place(creating: list[Mention], ctx: Context) -> bool:
    """spaCy's one-word "places" that are everyday words of this very text ("Post",
    "Media", "Central" when "post", "media", "central" also occur in lower case)."""
    if not all(m.label in {"GPE", "LOC"} and len(m.text.split()) == 1 and not m.cue for m in creating):
        return False
    word = creating[0].text
    if _is_city(word) or word.isupper():
        return False
    return re.search(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", ctx.text) is not None


def _make_actor(actor_id: str, c: Cluster, ctx: Context) -> Actor:
    entry = c.entry
    names = [m for m in c.mentions if m.kind in {"ner", "name", "metonym", "organ", "group"}]
    actor_type = _actor_type(c, ctx)
    if entry is not None and entry.is_state():
        name = entry.name
    elif actor_type == "GROUP":
        name = names[0].text if names else c.mentions[0].text
    else:
        proper = [m for m in names if m.kind in {"ner", "name"}] or names or c.mentions
        name = max(proper, key=lambda m: (len(m.text.split()), len(m.text), -m.start)).text
    aliases: list[str] = []
    seen = {name_key(name)}
    for m in names:
        for alias in ([m.text, f"{m.owner}'s {m.text}"] if m.owner else [m.text]):
            key = name_key(alias)
            if key and key not in seen:
                seen.add(key)
                aliases.append(_tidy(alias))
    mentions = sorted({m.span for m in c.mentions})
    country = _country(c, ctx)
    code = _code(c, actor_type, country)
    lat = lon = None
    if actor_type in {"GPE", "LOC"} and not (entry is not None and entry.is_state()):
        for candidate in [name, *aliases]:
            place = find_place(candidate, country)
            if place is not None:
                lat, lon = place.lat, place.lon
                country = country or place.country
                break
    return Actor(id=actor_id, name=_tidy(name), type=actor_type, aliases=aliases, roles=[], affiliation=None,
                 country=country or None, code=code or None, mentions=[tuple(s) for s in mentions],
                 kb_id=entry.kb_id if entry is not None else None, lat=lat, lon=lon)


def _tidy(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip()


def _actor_type(c: Cluster, ctx: Context) -> str:
    if c.entry is not None and c.entry.type:
        return c.entry.type
    if c.city:
        return "GPE"
    creating = [m for m in c.mentions if m.kind != "demonym"]
    if any(m.kind == "group" for m in creating):
        return "GROUP"
    if any(m.titled for m in creating):
        return "PERSON"
    cues = [m.cue for m in creating if m.cue]
    names = [m.text for m in creating]
    if any(_person_context(m, ctx) for m in creating if m.kind == "ner"):
        return "PERSON"
    longest = max(names, key=len)
    last_word = longest.split()[-1].lower() if longest.split() else ""
    if "facility" in cues or last_word in ctx.nouns.get("facility", {}):
        return "LOC"
    if "place" in cues:
        return "GPE"
    if "org" in cues:
        return "ORG"
    votes: dict[str, int] = {}
    for m in creating:
        lab = m.label if m.label != "NORP" else "ORG"
        votes[lab] = votes.get(lab, 0) + (2 if len(m.text.split()) > 1 else 1)
    label = max(sorted(votes), key=lambda lab: votes[lab])
    if label in {"ORG", "PERSON"} and _is_city(longest) and "PERSON" not in [
            m.label for m in creating if len(m.text.split()) > 1] and not any(
            w.lower() in ctx.nouns.get("sector", {}) or w.lower() in ctx.nouns.get("org", {}) for w in longest.split()):
        return "GPE"
    if all(m.label in {"NORP", "LOC"} for m in creating) and _is_city(longest):
        return "GPE"
    if label == "GPE" and re.fullmatch(r"[A-Z]{2,5}", longest) and not _is_city(longest):
        return "ORG"  # "RT", "UPI": spaCy's GPE for an acronym that is no place
    return label


def _person_context(m: Mention, ctx: Context) -> bool:
    """A two- or three-word name right after a title ("envoy Petra Lindqvist") or before
    an apposition with one (", the EU's special representative,") names a person."""
    words = m.text.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() for w in words):
        return False
    if any(w.lower() in ctx.nouns.get("sector", {}) or w.lower() in ctx.nouns.get("org", {}) for w in words):
        return False
    line = ctx.text[ctx.text.rfind("\n", 0, m.start) + 1:m.start]
    before = re.findall(r"[\w.’'-]+", line)
    if before and ctx.is_head_title(before[-1]):
        return True
    after = re.match(r",\s*([^,;\n]{0,80})", ctx.text[m.end:m.end + 100])
    if not after or ctx.is_title_word(words[-1]):
        return False
    following = re.findall(r"[\w.’'-]+", after.group(1))[:6]
    for word in following:
        if word.lower() in {"who", "whose", "which", "that", "said", "says", "and"}:
            return False
        if ctx.is_head_title(word):
            return True
    return False


def _country(c: Cluster, ctx: Context) -> str:
    if c.entry is not None and c.entry.country:
        return c.entry.country
    for m in c.mentions:
        if m.kind == "group" and m.country:
            return m.country
        if m.kind in {"organ", "group"} and m.entry is not None:
            return m.entry.country
        if m.owner:
            state = ctx.state_of(m.owner)
            if state is not None:
                return state.kb_id
        key = _country_key(m.text, ctx)
        if re.match(r"^[A-Z]{3} ", key):
            return key[:3]
        of = re.search(r"\bof (.+)$", m.text)
        if of:
            state = ctx.state_of(of.group(1))
            if state is not None:
                return state.kb_id
        before = ctx.text[max(0, m.start - 30):m.start]
        poss = re.search(r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)[’']s\s+$", before)
        if poss:
            state = ctx.state_of(poss.group(1))
            if state is not None:
                return state.kb_id
    return ""


def _code(c: Cluster, actor_type: str, country: str) -> str:
    entry = c.entry
    if entry is not None and entry.is_state():
        gov = any((m.kind == "metonym" and not c.city) or (m.kind == "organ" and m.sector == "GOV")
                  for m in c.mentions)
        return entry.kb_id + ("GOV" if gov else "")
    if entry is not None and entry.code:
        return entry.code
    if actor_type == "ORG" and country:
        sectors = nouns().get("sector", {})
        words = name_key(max((m.text for m in c.mentions), key=len)).split()
        for n in (2, 1):
            for k in range(len(words) - n + 1):
                noun = sectors.get(" ".join(words[k:k + n]))
                if noun is not None and noun.sector:
                    return country + noun.sector
    if actor_type == "GROUP" and country:
        sector = next((m.sector for m in c.mentions if m.sector), "")
        if "-backed" in (c.mentions[0].group_key or ""):
            return ""
        if sector:
            return country + sector
        return country if any(m.country for m in c.mentions) else ""  # "Palestinians": the people
    return ""
