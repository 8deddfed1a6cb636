"""Places stage: each event gets the place the text gives it, resolved offline to a
gazetteer entry (briefgraph.places), or no place: never a guess.

Where the place comes from, in order (the location's `how`):

  clause     a place in a locative slot that hangs on the event's own words: "met in
             Doha", "talks near the Paracel Islands", "travelled to Nairobi", "struck
             Kharkiv region", "an attack on Odesa"
  sentence   a locative place of the same sentence that the event shares: "met X in
             Iasi, and the two ministers agreed ...", "Under the deal reached in Doha, ...";
             else the sentence's only place, when it names one place and no other
             ("Police in Kano arrested 31 people after a mob beat a man to death")
  narrative  the place a paragraph opens with ("In Addis Ababa, ...") for the rest of
             that paragraph, or the place a section heading names ("Raids in Balti ..."),
             or else the only place of the sentence just before, in the same paragraph
  dateline   the place a wire story was filed from ("MOSCOW (Reuters) -")
  document   the story's place: the place (never a state) of its first event the text
             places in that event's own sentence, the lede's place; it beats the dateline
             when in the dateline's country ("PEMBA, Mozambique - Insurgents attacked a
             village in Cabo Delgado province ...": the rest happened in Cabo Delgado)

A place hung on a subject ("officials in Accra said") or inside another clause
("bridges destroyed by floods in Attapeu") is not the event's. The words the stage
reads places by are data: knowledge/places/cues.txt.

Modules: place_mentions (the text's place names, resolved) with place_spans, place_named
and place_qualifier; this module (the event's clause and sentence) with place_choice,
place_participants and place_sole; place_fallbacks (narrative, dateline, document);
place_mention (the Mention record).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from spacy.tokens import Span, Token

from ..knowledge import Knowledge
from ..knowledge.wordlists import WordLists
from ..places import DocumentCountries, gazetteer, place_key
from ..places.small import small_place_country, spelled_country
from ..records import Analysis, Event, Location
from .place_choice import (
    inner_places,
    most_specific,
    off_path,
    off_route,
    route_of,
    town_before,
    unknown_mention,
)
from .place_fallbacks import datelines, fallback_location, narrative_places
from .place_mention import Mention as _Mention
from .place_mentions import country_mentions, place_mentions
from .place_misread import misread_names
from .place_named import document_country
from .place_participants import participant_place, speaker_places
from .place_qualifier import place_noun as is_place_noun
from .place_qualifier import qualifier as span_qualifier
from .place_qualifier import state_code as state_code_of
from .place_sole import sole_place
from .place_spans import PLACE_LABELS

# dependencies that leave the event's clause when climbing from a place towards it
CLAUSE_CUTS = ("relcl", "ccomp", "advcl", "parataxis", "csubj", "agent", "acl", "appos", "nsubj", "nsubjpass",
               "conj")
SENTENCE_CUTS = ("relcl", "ccomp", "parataxis", "csubj", "agent", "appos", "nsubj", "nsubjpass")


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The places stage for this knowledge (its cue words)."""
    return lambda doc: find_places(doc, knowledge)


def find_places(doc: Analysis, knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Every event's `location` (or None), from its clause, sentence, narrative or dateline."""
    if doc.nlp is None or not doc.events:
        return {"events": doc.events}
    finder = PlaceFinder(doc, (knowledge or Knowledge.default()).place_cues)
    return {"events": [replace(event, location=finder.location_of(event)) for event in doc.events]}


class PlaceFinder:
    """The document's place mentions and the event's place; the public methods are the
    `Finder` interface the place_* modules use (place_finder.py)."""

    def __init__(self, doc: Analysis, cues: WordLists):
        self.doc = doc
        self.nlp = doc.nlp
        self.gaz = gazetteer()
        self.cues = cues
        self.named = country_mentions(self)
        self.mentions = place_mentions(self)
        self.by_root = {m.root.i: m for m in self.mentions if m.root is not None}
        self._starts = [m.start for m in self.mentions]
        self._unknown_by_sent: dict[int, list[Any]] = {}
        self._unknown_mentions_by_sent: dict[int, list[_Mention]] = {}
        self._tokens_by_actor: dict[str, list[int]] = {}
        self.story: Location | bool | None = None
        self.datelines = datelines(self)
        self.narrative = narrative_places(self)

    def context(self, text: str, qualifier: str | None = None) -> DocumentCountries:
        key = place_key(text)
        return DocumentCountries(Counter(c for k, c in self.named if k != key), qualifier)

    def qualifier(self, span: Span) -> str | None:
        return span_qualifier(self.gaz, self.cues, span)

    def place_noun(self, token: Token) -> bool:
        return is_place_noun(self.cues, token)

    def state_code(self, name: str) -> str | None:
        return state_code_of(self.gaz, name)

    # ---- slots: where a place hangs as a place ----
    def attachment(self, root: Token) -> Token | None:
        """The word a place mention is the place of ("met" in "met in Doha"), or None
        when the mention is not in a place slot (a subject, an actor, a modifier)."""
        node = root
        while node.dep_ == "conj" and node.head.i != node.i:  # "Belgrade and Pristina"
            node = node.head
        route = route_of(node, self.cues)  # "on the road between Gao and Ménaka"
        if route is None and node.dep_ == "compound" and node.head.i != node.i:  # "the Wagah crossing"
            node = node.head
        through_noun = route is not None
        if route is not None:
            node = route
        elif node.dep_ == "pobj" and node.head.lower_ == "of" and self.place_noun(node.head.head):
            node, through_noun = node.head.head, True  # "the port of Tadjourah", "districts of Omdurman"
        head = node.head
        if node.dep_ == "pobj":
            prep = head.lower_
            if prep in self.cues["locative_preps"] or (through_noun and prep in self.cues["place_noun_preps"]):
                return head.head  # "in Doha", "on the outskirts of Kharkiv"
            if (prep == "into" and head.head.pos_ == "VERB") or \
                    (prep == "to" and head.head.lemma_.lower() in self.cues["movement_words"]):  # "allowed into X"
                return head.head
            if prep == "to" and head.head.lower_ in self.cues["proximity_words"] and head.head.head.i != head.head.i:
                return head.head.head  # "moved artillery closer to the Lachin corridor"
            if prep in self.cues["place_object_preps"] and head.head.lemma_.lower() in self.cues["place_object_words"]:
                return head.head
            if prep == "from" and head.head.lemma_.lower() in self.cues["from_words"]:
                return head.head
            return None
        if node.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.cues["place_object_words"]:
            return head
        return None

    def _event_words(self, trigger: Any) -> dict[int, int]:
        """The trigger and the words it hangs from up to its clause's verb, with how
        many steps up each is ("talks" in "held talks": held is one step up)."""
        words = {trigger.i: 0}
        node, steps = trigger, 0
        while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i and node.dep_ not in CLAUSE_CUTS[:7]:
            node, steps = node.head, steps + 1
            words[node.i] = steps
        return words

    def _climb(self, start: Any, goals: dict[int, int], cuts: tuple[str, ...]) -> int | None:
        """Steps from `start` up to one of `goals` without crossing a `cuts` dependency."""
        node, steps = start, 0
        while True:
            if node.i in goals:
                return steps + goals[node.i]
            if node.dep_ in cuts or node.head.i == node.i:
                return None
            node, steps = node.head, steps + 1

    def _where(self, trigger: Any) -> _Mention | None:
        """"a visit to Havana, where she met ...": the place a `where` clause hangs on."""
        node = trigger
        while node.head.i != node.i and node.dep_ not in ("relcl", "advcl"):
            node = node.head
        if node.dep_ in ("relcl", "advcl") and any(c.lower_ == "where" for c in node.children):
            return self.by_root.get(node.head.i)
        return None

    def on_source(self, mention: _Mention, source_tokens: set[int]) -> bool:
        """"Police in Lima said they had arrested ...": a place hung on the event's own
        source is where it acts."""
        node = mention.root
        while node.dep_ in ("conj", "compound") and node.head.i != node.i:  # "villagers in Mae Sot district"
            node = node.head
        if node.dep_ == "poss" and node.head.pos_ == "NOUN":  # "Doctors in Kathmandu's public hospitals"
            node = node.head
        if node.dep_ == "pobj" and node.head.lower_ == "of" and self.place_noun(node.head.head):
            node = node.head.head  # "Police in the northern town of Zurmi"
        return node.dep_ == "pobj" and node.head.lower_ in ("in", "at") and node.head.head.i in source_tokens

    def _in_sentence(self, trigger: Any, source_tokens: set[int]) -> Location | None:
        sent = trigger.sent
        event_words = self._event_words(trigger)
        root = sent.root
        clause, sentence, owners = [], [], []
        where = self._where(trigger)
        if where is not None:
            return where.location("clause")
        unknown = self.unknown_mentions(sent)
        for mention in [*self.sentence_mentions(sent), *unknown]:
            distance = abs(mention.start - trigger.idx)
            if self.on_source(mention, source_tokens):
                clause.append((1, distance, mention))
                continue
            attach = self.attachment(mention.root)
            steps = self._climb(attach, event_words, CLAUSE_CUTS) if attach is not None else None
            if steps is None:  # "students occupying a building in Belgrade refused ..."
                steps = participant_place(mention.root, event_words, self.cues)
                if steps is not None and self._owner(mention):
                    owners.append((steps, distance, mention))
                    continue
            if steps is not None:
                clause.append((steps, distance, mention))
                continue
            if attach is None:
                continue
            if (self._climb(attach, {root.i: 0}, SENTENCE_CUTS) is not None and self._shares_sentence(trigger, root)) \
                    or self._shares_subject(trigger, attach):
                sentence.append((0, distance, mention))
        if not clause:
            clause = [(2, 0, m) for m in speaker_places(self, trigger)]
        if clause:
            chosen = most_specific(inner_places(off_path(off_route(clause, self.cues), self.cues)))
            chosen = town_before(chosen, self.sentence_mentions(sent))  # "in Owo, Ondo state"
            return self._unknown_inside(chosen).location("clause")
        if sentence:
            return min(inner_places(sentence), key=lambda c: c[:2])[2].location("sentence")
        if owners:  # "Nigeria's army killed ...": the owner state, when the sentence names no other place
            return min(owners, key=lambda c: c[:2])[2].location("clause")
        return None

    def _owner(self, mention: _Mention) -> bool:
        """"Rwanda's troops", "Venezuela's armed forces": a state named as the owner of a
        participant is the event's place only when the sentence names no other (but
        "Syria's northern villages" is a place)."""
        node = mention.root
        while node.dep_ in ("conj", "compound") and node.head.i != node.i:
            node = node.head
        return mention.place.kind == "country" and node.dep_ == "poss" and not self.place_noun(node.head)

    def _shares_subject(self, trigger: Any, attach: Any) -> bool:
        """"Fighters set fire to a clinic and abducted two nurses in Batibo": verbs joined by
        "and" under one subject share the place one of them names (not when the other
        verb has a subject of its own)."""
        def top(node: Any) -> Any:
            while node.pos_ not in ("VERB", "AUX") and node.head.i != node.i:
                node = node.head
            while node.dep_ == "conj" and not any(c.dep_.startswith("nsubj") for c in node.children):
                node = node.head
            return node
        verb = top(trigger)
        return verb.pos_ in ("VERB", "AUX") and top(attach).i == verb.i and attach.i != verb.i and \
            self._climb(attach, {verb.i: 0}, tuple(c for c in SENTENCE_CUTS if c != "conj")) is not None

    def _unknown_place(self, trigger: Any) -> _Mention | None:
        """A place the gazetteer does not know that the event's clause names ("the attack
        on Quirimba", "clashed near Woldiya"): the event's place, with the country the text
        ties it to or the one the document names most, and no point (never a guessed one);
        then neither the narrative's nor the dateline's place is its."""
        words = self._event_words(trigger)
        mentions = self.sentence_mentions(trigger.sent)
        misread = [s for s in misread_names(self, trigger.sent)
                   if not any(m.start < s.end_char and s.start_char < m.end for m in mentions)]
        for ent in [*self.unknown_place_ents(trigger.sent), *misread]:
            attach = self.attachment(ent.root)
            if attach is not None and self._climb(attach, words, CLAUSE_CUTS) is not None:
                return unknown_mention(ent, self.unknown_country(ent))
        return None

    def unknown_country(self, name: Span, alone: str | None = None) -> str | None:
        """The country of a place the gazetteer lacks: the one the text ties it to, else the one the
        document names most, else `alone`, else that of the small towns of its name (places/small.py), else
        that of the places it is another spelling of ("Jisr al-Shughur"), in a country the document names
        or is filed from (its datelines), if it names or has any."""
        context = self.context(name.text)
        named = context + Counter(m.place.country for _, m in self.datelines if m.place.country)
        return self.qualifier(name) or document_country(context) or alone or small_place_country(name.text, named) \
            or spelled_country(self.gaz.lookup_spelling(name.text), named)

    def unknown_mentions(self, sent: Span) -> list[_Mention]:
        """The places of the sentence the gazetteer lacks (NER places and misread names no
        resolved mention covers), as mentions without a point, in the country the text ties
        them to or the one the document names most; once per sentence."""
        if sent.start not in self._unknown_mentions_by_sent:
            mentions = self.sentence_mentions(sent)
            names = [*(ent for ent in self.unknown_place_ents(sent) if not self._known_name(ent)), *(
                s for s in misread_names(self, sent) if not any(m.start < s.end_char and s.start_char < m.end
                                                                  for m in mentions))]
            countries = {m.place.country for m in mentions}
            alone = countries.pop() if len(countries) == 1 else None  # the one state the sentence's places are in
            self._unknown_mentions_by_sent[sent.start] = [
                unknown_mention(name, self.unknown_country(name, alone)) for name in names]
        return self._unknown_mentions_by_sent[sent.start]

    def _known_name(self, span: Any) -> bool:
        """Whether the gazetteer knows the name, with or without its article ("Italy" of
        "Italy's foreign ministry", a state's name inside an organisation's, is no unknown place)."""
        words = span[1:] if len(span) > 1 and span[0].lower_ == "the" else span
        return bool(self.gaz.lookup(words.text)) or self.gaz.demonym_country(words.text) is not None

    def _unknown_inside(self, mention: _Mention) -> _Mention:
        """"a mine near Morowali in Central Sulawesi": a place the gazetteer lacks that the
        known place is named as the container of is the more precise place, in the
        container's country."""
        root = mention.root
        if root is None or root.dep_ != "pobj" or root.head.lower_ not in ("in", "of"):
            return mention
        prep = root.head
        for ent in self.unknown_place_ents(root.sent):
            if ent.root.i == prep.head.i or ent.end == prep.i:  # hung on it, or right before "in"
                return unknown_mention(ent, mention.place.country)
        return mention

    def unknown_place_ents(self, sent: Span) -> list[Span]:
        """The sentence's place entities that no resolved mention covers, once per sentence."""
        if sent.start not in self._unknown_by_sent:
            mentions = self.sentence_mentions(sent)
            self._unknown_by_sent[sent.start] = [
                ent for ent in sent.ents if ent.label_ in PLACE_LABELS
                and not any(m.start < ent.end_char and ent.start_char < m.end for m in mentions)]
        return self._unknown_by_sent[sent.start]

    def sentence_mentions(self, sent: Span) -> list[_Mention]:
        """The place mentions that start in the sentence, in order."""
        lo = bisect_left(self._starts, sent.start_char)
        hi = bisect_left(self._starts, sent.end_char)
        return self.mentions[lo:hi]

    def _shares_sentence(self, trigger: Any, root: Any) -> bool:
        """Whether the event belongs to the sentence's main line (not to a clause
        describing something else: a relative clause, a reported speech). A participle
        on the main verb's subject is the subject's own act ("planes carrying aid landed
        in Benghazi")."""
        if trigger.dep_ == "acl" and trigger.tag_ == "VBG" and trigger.head.dep_ == "nsubj" \
                and trigger.head.head.i == root.i:
            return True
        return self._climb(trigger, {root.i: 0}, ("relcl", "acl", "appos", "parataxis")) is not None

    # ---- the event's place ----
    def trigger(self, event: Event) -> Token | None:
        start, end = event.evidence.start, event.evidence.end
        span = self.nlp.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        words = [t for t in span if t.text == event.trigger] or [t for t in span if t.lower_ == event.trigger.lower()]
        return words[0] if words else None

    def _source_tokens(self, event: Event, sent: Any) -> set[int]:
        actor = next((a for a in self.doc.actors if a.id == event.source), None)
        if actor is None:
            return set()
        indices = self._actor_tokens(actor)
        tokens = {self.nlp[i] for i in indices[bisect_left(indices, sent.start):bisect_left(indices, sent.end)]}
        # "Riot police in Diyarbakir": the noun the source's name is part of
        return {t.i for t in tokens} | {t.head.i for t in tokens if t.dep_ in ("compound", "amod", "poss")}

    def _actor_tokens(self, actor: Any) -> list[int]:
        """The sorted indices of the tokens that start inside one of the actor's mentions,
        found once per actor by each mention's span."""
        if actor.id not in self._tokens_by_actor:
            indices: set[int] = set()
            for start, end in actor.mentions:
                span = self.nlp.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    indices.update(t.i for t in span if start <= t.idx < end)
            self._tokens_by_actor[actor.id] = sorted(indices)
        return self._tokens_by_actor[actor.id]

    def location_of(self, event: Event) -> Location | None:
        trigger = self.trigger(event)
        found = self.own_sentence(event, trigger) if trigger is not None else None
        return found if found is not None else fallback_location(self, event, trigger)

    def own_sentence(self, event: Event, trigger: Token) -> Location | None:
        """The place the event's own sentence gives it (how "clause" or "sentence")."""
        found = self._in_sentence(trigger, self._source_tokens(event, trigger.sent))
        if found is not None:
            return found
        unknown = self._unknown_place(trigger)
        if unknown is not None:
            return unknown.location("clause")  # a place the gazetteer lacks is still the event's
        sole = sole_place(self, trigger)
        return sole.location("sentence") if sole is not None else None
