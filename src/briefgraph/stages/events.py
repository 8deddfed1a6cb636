"""Events stage: each action one actor does to or about another becomes an event
with its CAMEO code, PLOVER type, Goldstein weight, date, place and evidence.

From the dependency parse of each sentence it finds trigger words (verbs, and
event nouns such as "talks" or "strike"), codes them with the pattern dictionary
(stages/events_patterns.py, knowledge/events/), and turns the trigger's subject
and object spans into actor ids with `records.actor_at`. An event needs a source
actor; the target may be null. Quotes give statement events (CAMEO 01) from
their speaker. Clauses inside experts' opinions (their block quotes, or an
"Expert Analysis" section) are not coded as facts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ..knowledge import Knowledge, data_path, read_data_lines
from ..knowledge.codes import goldstein_of, plover_of
from ..knowledge.patterns import Coding
from ..records import Actor, Analysis, Event, Evidence, Location, Quote, TimeExpr, actor_at, section_at
from .times import narrative_time_at

log = logging.getLogger(__name__)

SKIPPED_SECTIONS = ("header", "related", "tags")
SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
CUT_DEPS = ("relcl", "acl", "ccomp", "advcl", "parataxis", "appos")
CONTEXT_WINDOW = 12
# "will support" is an intent (03); "will attack" a threat (13), as CAMEO codes them.
INTENT_OF_ROOT = {"05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
                  "18": "138", "19": "138", "20": "138"}
PRONOUNS_PERSON = {"he", "him", "his", "she", "her", "hers"}
PRONOUNS_OTHER = {"it", "its", "they", "them", "their", "theirs"}
RELATIVE_PRONOUNS = {"that", "which", "who", "whom", "whose"}
PRONOUNS_SPEAKER = {"we", "our", "us", "i", "my", "me"}
# Roots whose target may be the place acted on ("shelled positions in Kharkiv").
PLACE_TARGET_ROOTS = ("08", "14", "15", "16", "17", "18", "19", "20")
SYMMETRIC_ROOTS = ("03", "04", "06", "19")  # coordinated actors that do these do them to each other
DIRECTED_PREPS = ("to", "against", "toward", "towards", "at")  # the actors named inside their objects are aimed at
EMBEDDING_ROOTS = ("02", "03", "10", "12", "13")
LATE = object()  # in a target list: the candidates after it are guesses, not for weak codings


@lru_cache(maxsize=1)
def demonym_states() -> dict[str, str]:
    """Demonym (lower case) -> ISO alpha-3 code, from the shared knowledge file
    actors/demonyms.csv: "Russian drone attack" is an attack by the Russian state
    when the document names that state as an actor."""
    states: dict[str, str] = {}
    for line in read_data_lines(data_path("actors/demonyms.csv")):
        code, _, names = line.partition(",")
        if len(code) == 3 and code.isupper():
            for name in names.split("|"):
                states.setdefault(name.strip().lower(), code)
    return states


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The events stage for this knowledge (patterns, clause words)."""
    return lambda doc: find_events(doc, knowledge)


def find_events(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    """Events of one document, ids e1, e2, ... in text order."""
    if doc.nlp is None or not doc.actors:
        return {"events": []}
    finder = _EventFinder(doc, knowledge)
    drafts: list[_Draft] = []
    for sent in doc.nlp.sents:
        drafts.extend(finder.sentence_events(sent))
    drafts.extend(finder.statement_events(drafts))
    return {"events": finder.finish(drafts)}


@dataclass
class _Draft:
    source: Actor
    target: Actor | None
    coding: Coding
    trigger: Any  # spaCy Token
    kind: str
    clause: list[Any]
    negated: bool = False
    modality: str = "asserted"
    location: Location | None = None
    start: int = 0
    end: int = 0
    date: str | None = None
    extra: dict = field(default_factory=dict)


class _EventFinder:
    def __init__(self, doc: Analysis, knowledge: Knowledge):
        self.doc = doc
        self.words = knowledge.clauses
        self.patterns = knowledge.patterns
        self.actors = doc.actors
        self.by_id = {a.id: a for a in doc.actors}
        self.mentions = sorted((s, e, a) for a in doc.actors for s, e in a.mentions)
        self.datelines = doc.document.datelines if doc.document else []
        self.quotes = sorted(doc.quotes, key=lambda q: q.start)
        sections = doc.document.sections if doc.document else []
        self.has_body = any(s.kind not in SKIPPED_SECTIONS for s in sections)
        # a time with no value still counts inside its clause: it makes the date unknown, never a guess
        self.times = sorted((t for t in doc.times if self._time_usable(t)), key=lambda t: t.start)
        self.narrative_times = [t for t in self.times if t.value and self._dates_the_narrative(t)]

    # ---- where a clause may be coded ----
    def _time_usable(self, time: TimeExpr) -> bool:
        return self._section_kind(time.start)[0] not in SKIPPED_SECTIONS

    def _dates_the_narrative(self, time: TimeExpr) -> bool:
        """A time hung on a noun ("the agreement signed on 5/27/1998") dates that
        thing, not the story: it does not carry over to later clauses."""
        if self.doc.nlp is None:
            return True
        span = self.doc.nlp.char_span(time.start, time.end, alignment_mode="expand")
        if span is None:
            return True
        return not any(node.dep_ in ("acl", "relcl", "appos") for node in span.root.ancestors)

    def _section_kind(self, offset: int) -> tuple[str, bool]:
        section = section_at(self.doc.document, offset)
        if section is None:
            return "body", False
        if section.kind == "header" and not self.has_body:
            return "body", False  # a one-sentence document is all "title": it is the text
        heading = (section.heading or "").strip().strip(":").lower()
        return section.kind, section.kind == "expert-analysis" or heading in self.words["expert_headings"]

    def _quote_at(self, offset: int) -> Quote | None:
        for quote in self.quotes:
            if quote.start <= offset < quote.end:
                return quote
        return None

    def _is_expert_quote(self, quote: Quote) -> bool:
        if quote.kind == "block" or self._section_kind(quote.start)[1]:
            return True
        speaker = self.by_id.get(quote.speaker or "")
        if speaker is None:
            return False
        roles = " ".join(speaker.roles).lower()
        return any(re.search(rf"\b{re.escape(w)}", roles) for w in self.words["expert_roles"])

    # ---- sentences ----
    def sentence_events(self, sent: Any) -> list[_Draft]:
        kind, expert = self._section_kind(sent.start_char)
        if kind in SKIPPED_SECTIONS or expert:
            return []
        drafts: list[_Draft] = []
        light_nouns: set[int] = set()
        for token in sent:
            if token.pos_ == "VERB" and token.dep_ not in ("amod", "compound"):
                drafts.extend(self._verb_events(token, light_nouns))
        for token in sent:
            if token.pos_ in ("NOUN", "PROPN") and self.patterns.has_trigger("noun", _forms(token)):
                drafts.extend(self._noun_events(token, token.i in light_nouns))
        for token in sent:
            drafts.extend(self._obligation_events(token))
        drafts = self._without_embedded(drafts)
        kept = []
        for draft in drafts:
            if self._in_condition(draft.extra.get("anchor", draft.trigger)):
                continue  # "until Israel ends the war", "if Hamas runs": a condition, not a fact
            quote = self._quote_at(draft.trigger.idx)
            if quote is not None:
                if self._is_expert_quote(quote) or quote.kind == "partial":
                    continue  # an opinion, or a characterisation quoted inside reported speech
                draft.modality = "reported" if draft.modality == "asserted" else draft.modality
            kept.append(draft)
        return kept

    def _obligation_events(self, verb: Any) -> list[_Draft]:
        """"X said Y must reach an agreement": X demands it of Y (CAMEO 100)."""
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self.words["report_verbs"]:
            return []
        if not any(c.lower_ in self.words["obligation_aux"] for c in verb.children if c.dep_ == "aux"):
            return []
        sources, _ = self._subjects(verb.head)
        targets = _flatten([_conjuncts(c) for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
        clause = sorted({*self._clause(verb.head), *self._clause(verb)}, key=lambda t: t.i)
        return self._drafts(verb.head, "verb", Coding("100", None, "obligation"), sources, targets, clause)

    def _without_embedded(self, drafts: list[_Draft]) -> list[_Draft]:
        """Drop events that are only the content of another: what is demanded,
        offered, promised, rejected or threatened did not happen."""
        embedding = [d for d in drafts if d.coding.cameo[:2] in EMBEDDING_ROOTS]
        nouns = self.words["embedding_nouns"]
        out = []
        for draft in drafts:
            anchor = draft.extra.get("anchor", draft.trigger)
            inside = any(e is not draft and e.trigger.i not in (anchor.i, draft.trigger.i)
                         and _complement_of(anchor, e.trigger) for e in embedding)
            if not inside:
                inside = any(a.lemma_.lower() in nouns and a.pos_ == "NOUN" for a in anchor.ancestors
                             if a.sent == anchor.sent)
            if not inside:
                out.append(draft)
        return out

    def _is_event_noun(self, token: Any) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and self.patterns.has_trigger("noun", _forms(token))

    def _verb_events(self, verb: Any, light_nouns: set[int]) -> list[_Draft]:
        head_coding = self._verb_coding(verb.head) if verb.dep_ == "xcomp" else None
        if head_coding is not None and not head_coding.weak:
            return []  # "agreed to release": the head's pattern coded it
        coding = self._verb_coding(verb)
        light = any(f in self.words["light_verbs"] for f in _forms(verb))
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        if verb.dep_ in ("relcl", "acl") and (self._is_event_noun(verb.head) or light):
            if self._is_event_noun(verb.head):
                return []  # "strikes that targeted X", "the attack launched by Y": the noun's event
        event_objects = self._event_objects(objects)
        if light and event_objects:
            light_nouns.update(o.i for o in event_objects)
            return []  # "conducted strikes", "held talks": the noun is the event
        if coding is None:
            return []
        sources, passive = self._subjects(verb)
        sources = [t for t in sources if not self._is_event_noun(t)]
        targets = self._verb_targets(verb, passive, place=coding.cameo[:2] in PLACE_TARGET_ROOTS)
        if coding.cameo[:2] in ("17", "18", "19", "20"):
            targets += [LATE, *self._fallback_targets(verb)]
        if _is_purpose(verb):
            head_coding = self._verb_coding(verb.head)
            if head_coding is not None and _plover(head_coding) == _plover(coding):
                return []  # "visited Niamey to discuss": one consultation
            targets += [LATE, *self._verb_targets(verb.head, False)]  # "sent observers to Bosnia to investigate"
        clause = self._clause(verb)
        return self._drafts(verb, "verb", coding, sources, targets, clause)

    def _event_objects(self, objects: list[Any]) -> list[Any]:
        """Event nouns among a verb's objects, or inside them: "launched a mediation
        effort", "launched ten days of war games"."""
        found = [o for o in objects if self._is_event_noun(o)]
        for obj in objects:
            for child in obj.children:
                if child.dep_ == "compound" and self._is_event_noun(child):
                    found.append(child)
                elif child.dep_ == "prep" and child.lower_ == "of":
                    found.extend(p for p in child.children if p.dep_ == "pobj" and self._is_event_noun(p))
        return found

    def _fallback_targets(self, verb: Any) -> list[Any]:
        """For force: the place it hit ("in a Houthi-controlled area") or any actor
        named inside the object ("drones belonging to the Houthis")."""
        out = []
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in self.words["location_preps"]:
                out.extend(t for c in child.children if c.dep_ == "pobj" for t in c.subtree
                           if t.pos_ in ("PROPN", "NOUN", "ADJ"))
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass"):
                out.extend(t for t in child.subtree if t.i != child.i and t.pos_ in ("PROPN", "NOUN", "ADJ"))
        return out

    def _verb_coding(self, verb: Any) -> Coding | None:
        if verb.pos_ != "VERB":
            return None
        skipped = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS + ("advmod", "npadvmod", "agent")
                   or (c.dep_ == "prep" and c.lower_ == "according") for t in c.subtree}
        context = [frozenset(_forms(t)) for t in self._clause(verb, keep_xcomp=True)
                   if t.i > verb.i and t.i not in skipped and not t.is_punct][:CONTEXT_WINDOW]
        return self.patterns.code("verb", _forms(verb), context)

    def _noun_events(self, noun: Any, from_light_verb: bool) -> list[_Draft]:
        context = [frozenset(_forms(t)) for t in self._clause(noun) if t.i != noun.i and not t.is_punct
                   and abs(t.i - noun.i) <= CONTEXT_WINDOW]
        coding = self.patterns.code("noun", _forms(noun), context)
        if coding is None:
            return []
        sources: list[Any] = []
        targets: list[Any] = []
        extra_clause: list[Any] = []
        agentive_of = noun.lemma_.lower() in self.words["noun_of_agent"] or noun.lower_ in self.words["noun_of_agent"]
        for child in noun.children:
            if child.dep_ == "poss":
                sources.append(child)
            elif child.dep_ in ("amod", "compound", "nmod"):
                actor = self._actor_of(child)
                if actor is not None and actor.type != "LOC":  # "the Africa bombings" happened there
                    sources.append(child)
            elif child.dep_ == "prep" and (child.lower_ == "by" or (child.lower_ == "of" and agentive_of)):
                sources.extend(_flatten([_conjuncts(c) for c in child.children if c.dep_ == "pobj"]))
        for child in noun.children:
            if child.dep_ in ("acl", "relcl"):
                lemma = child.lemma_.lower()
                if lemma == "target":
                    targets.extend(_flatten([_conjuncts(c) for c in child.children if c.dep_ == "dobj"]))
                    extra_clause += self._clause(child)
                elif lemma in self.words["light_verbs"]:
                    if not sources:  # "the attack launched by Pakistan", "the talks he held"
                        found, _ = self._subjects(child)
                        sources.extend(t for t in found if t.i != noun.i)
                    targets.extend(self._prep_objects(child, self.words["noun_target_preps"]))
                    extra_clause += self._clause(child)
        clause = self._clause(noun)
        governor = noun.head if noun.dep_ in ("dobj", "attr") and noun.head.pos_ == "VERB" else None
        if governor is None and noun.dep_ in ("compound", "pobj") and from_light_verb:
            carrier = noun.head if noun.dep_ == "compound" else noun.head.head  # effort / days
            if carrier.dep_ in ("dobj", "attr") and carrier.head.pos_ == "VERB":
                governor = carrier.head
        if not sources and governor is not None and from_light_verb:
            sources, _ = self._subjects(governor)
            clause = sorted({*clause, *self._clause(governor)}, key=lambda t: t.i)
        if not sources:
            return []
        if extra_clause:
            clause = sorted({*clause, *extra_clause}, key=lambda t: t.i)
        targets = self._prep_objects(noun, self.words["noun_target_preps"] - ({"of"} if agentive_of else set())) \
            + targets
        if governor is not None and from_light_verb:
            targets += self._prep_objects(governor, self.words["noun_target_preps"])
            targets += self._condition_subjects(governor)
        if noun.dep_ == "nsubj" and noun.head.pos_ == "VERB":  # "the attacks killed X"
            targets += _flatten([_conjuncts(c) for c in noun.head.children if c.dep_ in ("dobj", "dative")])
        targets += [LATE] + [t for t in noun.subtree if t.i > noun.i and t.pos_ in ("PROPN", "NOUN", "ADJ")]
        if governor is not None and from_light_verb:
            targets += self._late_targets(governor, place=coding.cameo[:2] in PLACE_TARGET_ROOTS)
        anchor = governor if governor is not None and from_light_verb else noun
        return self._drafts(noun, "noun", coding, sources, targets, clause, anchor=anchor)

    def _prep_objects(self, head: Any, preps: frozenset[str]) -> list[Any]:
        return _flatten([_conjuncts(c) for child in head.children if child.dep_ == "prep" and child.lower_ in preps
                         for c in child.children if c.dep_ == "pobj"])

    # ---- the parts of a clause ----
    def _subjects(self, verb: Any, depth: int = 0) -> tuple[list[Any], bool]:
        """The acting tokens of a verb (conjuncts expanded) and whether it is passive."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if passive_subjects or (not subjects and any(c.dep_ == "auxpass" for c in verb.children)):
            agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
            return _flatten([_conjuncts(a) for a in agents]), True
        if not subjects:  # a subject the parser left loose: "Qatar's emir, Sheikh Hamad, launched"
            subjects = [c for c in verb.children if c.dep_ == "dep" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
        if subjects:
            out = []
            for subject in subjects:
                if subject.lower_ in ("that", "which", "who") and verb.dep_ == "relcl":
                    out.append(verb.head)  # "Egypt, which backs the army, and Qatar": Egypt only
                    continue
                out.extend(self._members(c) for c in _conjuncts(subject))
            return _flatten(out), False
        if depth > 3:
            return [], False
        if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX"):
            return self._subjects(verb.head, depth + 1)
        if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.head.pos_ in ("VERB", "AUX"):
            return self._subjects(verb.head.head, depth + 1)  # "Syria is willing to withdraw"
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            return self._subjects(verb.head, depth + 1)
        if _is_purpose(verb):
            return self._subjects(verb.head, depth + 1)  # "sent observers to investigate": the sender
        if verb.dep_ == "acl" and verb.head.dep_ == "ROOT" and verb.head.pos_ in ("NOUN", "PROPN") and not any(
                c.dep_ == "agent" for c in verb.children):
            return _conjuncts(verb.head), False  # a sentence the parser hung on its subject noun
        if verb.dep_ == "acl":
            if verb.tag_ == "VBN":
                agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
                return _flatten([_conjuncts(a) for a in agents]), True
            governor = verb.head.head
            if verb.head.pos_ not in ("NOUN", "PROPN"):
                return [], False
            if verb.head.lemma_.lower() not in self.words["message_nouns"]:
                return [verb.head], False  # "boats heading to the shoal": the boats head there
            if verb.head.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
                return self._subjects(governor, depth + 1)  # "a statement applauding X": its author
        return [], False

    def _members(self, token: Any) -> list[Any]:
        """"Negotiators for X and Y": the coordinated actors a group noun is made of
        each act; a group of one ("envoys from Cuba") stays the token, which
        `_actor_of` resolves."""
        if token.lower_ in self.words["group_nouns"] or token.lemma_.lower() in self.words["group_nouns"]:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and any(c.dep_ == "conj" for c in pobj.children):
                            return _conjuncts(pobj)
        return [token]

    def _verb_targets(self, verb: Any, passive: bool, place: bool = False) -> list[Any]:
        if passive:
            passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                passive_subjects = [verb.head]
            elif not passive_subjects and verb.dep_ == "conj":  # "... who entered and are wanted"
                passive_subjects = [t for t in self._subjects(verb.head)[0]]
            inside = [t for s in passive_subjects for t in s.subtree if t.pos_ == "PROPN"]
            return _flatten([_conjuncts(s) for s in passive_subjects]) + inside + self._late_targets(verb, place)
        targets: list[Any] = []
        for child in verb.children:
            if child.dep_ in ("dobj", "dative") or (child.dep_ == "npadvmod" and child.pos_ == "NUM"):
                targets.extend(_conjuncts(child))
                for grand in child.children:
                    if grand.dep_ == "poss":
                        targets.append(grand)
                    elif grand.dep_ == "prep" and (grand.lower_ in self.words["noun_target_preps"]
                                                   or grand.lower_ in ("of", "by")):
                        for pobj in grand.children:
                            if pobj.dep_ == "pobj":
                                targets.extend(_conjuncts(pobj))
                                targets.extend(self._acl_agents(pobj))
                    elif grand.dep_ == "acl":
                        targets.extend(self._acl_agents(child))
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in self.words["target_preps"] and child.lower_ != "according":
                targets.extend(_flatten([_conjuncts(c) for c in child.children if c.dep_ == "pobj"]))
        if verb.dep_ == "relcl" and not any(c.dep_ in ("dobj", "dative") for c in verb.children) and not any(
                c.lower_ in RELATIVE_PRONOUNS for c in verb.children if c.dep_ in SUBJECT_DEPS):
            targets.insert(0, verb.head)  # "the citizens it captured"
        for child in verb.children:
            if child.dep_ == "xcomp":
                targets.extend(t for t in self._verb_targets(child, False) if t is not LATE)
            elif child.dep_ == "ccomp":
                targets.extend(c for c in child.children if c.dep_ in ("nsubj", "nsubjpass"))
        inside = [t for c in verb.children if c.dep_ in ("dobj", "dative") for t in c.subtree if t.pos_ == "PROPN"]
        inside += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in DIRECTED_PREPS
                   for p in c.children if p.dep_ == "pobj"
                   for t in p.subtree if t.pos_ == "PROPN" and t.i != p.i]  # "to West Africans ordered out of Nigeria"
        return targets + self._condition_subjects(verb) + inside + self._late_targets(verb, place)

    def _late_targets(self, head: Any, place: bool) -> list[Any]:
        """Last resort: the place named with the event ("in West Darfur"), then any
        actor named after the trigger in its phrase ("to demand reforms by X")."""
        out = []
        for child in head.children if place else ():
            if child.dep_ == "prep" and child.lower_ in self.words["location_preps"]:
                out.extend(c for c in child.children if c.dep_ == "pobj")
        phrase = self._clause(head)
        for child in head.children:  # purpose: "staged demonstrations to demand reforms by X"
            if child.dep_ in ("advcl", "xcomp") and any(a.lower_ == "to" for a in child.children if a.dep_ == "aux"):
                phrase += self._clause(child)
        attributions = {t.i for c in head.children if c.dep_ == "prep" and (
            c.lower_ == "according" or (not place and c.lower_ in self.words["location_preps"])) for t in c.subtree}
        out.extend(t for t in sorted(phrase, key=lambda t: t.i)
                   if t.i > head.i and t.pos_ in ("PROPN", "NOUN", "ADJ") and t.i not in attributions)
        return [LATE, *out]

    def _condition_subjects(self, verb: Any) -> list[Any]:
        """"... unless the Kremlin closes its base", "until Israel ends the war": the
        actor a conditional threat or demand is aimed at."""
        return [c for child in verb.children if child.dep_ == "advcl"
                and any(m.lower_ in ("until", "unless", "if") for m in child.children if m.dep_ == "mark")
                for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]

    def _acl_agents(self, noun: Any) -> list[Any]:
        """"drones launched by Russia": the agent of a participle hung on a noun."""
        return [p for acl in noun.children if acl.dep_ == "acl" for agent in acl.children
                if agent.dep_ == "agent" for p in agent.children if p.dep_ == "pobj"]

    def _clause(self, head: Any, keep_xcomp: bool = True) -> list[Any]:
        """The head's subtree without the clauses hung under it (relative clauses,
        complements, coordinated verbs), sorted by position."""
        out, stack = [], [head]
        while stack:
            token = stack.pop()
            out.append(token)
            for child in token.children:
                if child.dep_ in CUT_DEPS or (child.dep_ == "xcomp" and not keep_xcomp):
                    continue
                if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and token.pos_ in ("VERB", "AUX"):
                    continue
                stack.append(child)
        return sorted(out, key=lambda t: t.i)

    # ---- actors ----
    def _actor_of(self, token: Any, depth: int = 0, target: bool = False) -> Actor | None:
        """The actor a token (the head of a subject or object) stands for. A state
        adjective makes the state the actor of its troops, drones and strikes, and
        the target in anything done to its people or land ("Israeli citizens")."""
        if token.lower_ in RELATIVE_PRONOUNS and token.pos_ in ("PRON", "DET"):
            if token.head.dep_ != "relcl":
                return None  # a relative pronoun the parse did not hang on its noun
            token = token.head.head  # "the crimes that ...": the noun the clause hangs on
        if token.lower_ in PRONOUNS_OTHER | PRONOUNS_PERSON | PRONOUNS_SPEAKER and (
                token.pos_ == "PRON" or token.text.islower()):  # "us", not "US"
            return self._antecedent(token)
        if token.pos_ == "PRON":
            return None  # "those who bomb", "this": no actor to resolve to
        in_dateline = any(s <= token.idx < e for s, e in self.datelines)
        actor = None if in_dateline else actor_at(self.actors, token.idx, token.idx + len(token.text))
        if actor is not None:
            return actor
        if depth > 2:
            return None
        described = self._described(token)
        if described is not None:
            return described
        person = self._person_in(token)
        if person is not None:
            return person  # "Deputy Foreign Minister and Special Envoy ... Mikhail Bogdanov"
        if token.lower_ in self.words["group_nouns"] or token.lemma_.lower() in self.words["group_nouns"]:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in ("of", "for", "from"):  # "envoys from Cuba"
                    for pobj in child.children:
                        if pobj.dep_ == "pobj" and (found := self._actor_of(pobj, depth + 1)):
                            return found
        for child in token.children:
            if child.dep_ == "appos" and (found := self._actor_of(child, depth + 1)):
                return found
        modifiers = [c for c in token.children if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < token.i]
        for child in reversed(modifiers):
            found = actor_at(self.actors, child.left_edge.idx, child.idx + len(child.text))
            if found is not None:
                return found
        if target or self._acts_for_state(token):  # "Iranian strikes", "Israeli troops"; not "French workers"
            for child in reversed(modifiers):
                found = self._state_of_demonym(child)
                if found is not None:
                    return found
        return self._state_of_demonym(token) if depth == 0 else None

    def _described(self, token: Any) -> Actor | None:
        """"the bloc", "the organization", "the militia": a bare definite description
        stands for the nearest organisation or group named before it, within the
        sentence and the two before (knowledge/events/clauses.txt, description_nouns)."""
        if token.pos_ not in ("NOUN", "PROPN") or not token.text.islower() \
                or token.lower_ not in self.words["description_nouns"]:
            return None
        children = list(token.children)
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in children) or any(
                c.dep_ in ("compound", "amod", "poss", "nmod", "prep", "acl", "relcl", "appos") for c in children):
            return None
        start_char = _window_start(token, 2)
        best = None
        for m_start, m_end, actor in self.mentions:
            if m_start >= start_char and m_end <= token.idx and actor.type in ("ORG", "GROUP") \
                    and not (actor.code or "").endswith("MED"):
                best = actor
        return best

    def _acts_for_state(self, token: Any) -> bool:
        return token.lemma_.lower() in self.words["state_agents"] or token.lower_ in self.words["state_agents"] \
            or self._is_event_noun(token)

    def _state_of_demonym(self, token: Any) -> Actor | None:
        """The document's actor for the state a demonym names ("Iranian" -> Iran)."""
        states_by_name = demonym_states()
        code = states_by_name.get(token.lower_)
        if code is None and token.lower_.endswith("s"):  # "Palestinians", "Israelis"
            code = states_by_name.get(token.lower_[:-1])
        if code is None:
            return None
        states = [a for a in self.actors if a.country == code and a.type == "GPE"]
        states.sort(key=lambda a: (a.kb_id != code, a.id))
        return states[0] if states else None

    def _person_in(self, token: Any) -> Actor | None:
        """The last person named inside a noun phrase whose head is a title."""
        found = None
        for t in self._clause(token):
            if t.i == token.i:
                continue
            actor = actor_at(self.actors, t.idx, t.idx + len(t.text))
            if actor is not None and actor.type == "PERSON":
                found = actor
        return found

    def _antecedent(self, pronoun: Any) -> Actor | None:
        """The actor a pronoun stands for: the last compatible actor mentioned
        before it in this or the previous sentence, preferring subjects and objects."""
        start = _window_start(pronoun, 1)
        person = pronoun.lower_ in PRONOUNS_PERSON
        if pronoun.lower_ in PRONOUNS_SPEAKER:
            quote = self._quote_at(pronoun.idx)
            return self.by_id.get(quote.speaker) if quote and quote.speaker else None
        singular = pronoun.lower_ in ("it", "its")
        # "the citizens it captured": the relative clause's own noun is not what "it" stands for
        modified = pronoun.head.head if pronoun.head.dep_ == "relcl" else None
        best, best_rank = None, None
        for m_start, m_end, actor in self.mentions:
            if m_start < start or m_end > pronoun.idx:
                continue
            if person != (actor.type == "PERSON") or (singular and actor.type == "GROUP"):
                continue
            if modified is not None and m_start <= modified.idx < m_end:
                continue
            span = pronoun.doc.char_span(m_start, m_end, alignment_mode="expand")
            head_dep = span.root.dep_ if span is not None else ""
            rank = (head_dep in ("nsubj", "nsubjpass", "dobj", "pobj", "appos", "ROOT", "conj"), m_start)
            if best_rank is None or rank > best_rank:
                best, best_rank = actor, rank
        return best

    def _with_coordinated_modifiers(self, tokens: list[Any]) -> list[Any]:
        """"Armenian and Azerbaijani delegations": each state stands for its delegation."""
        out = []
        for token in tokens:
            out.append(token)
            if actor_at(self.actors, token.idx, token.idx + len(token.text)) is not None:
                continue
            for child in token.children:
                if child.dep_ in ("amod", "compound") and any(c.dep_ == "conj" for c in child.children):
                    out.extend(c for c in _conjuncts(child) if self._actor_of(c, depth=1) or self._state_of_demonym(c))
        return out

    def _location(self, clause: list[Any]) -> Location | None:
        """The first place named after in/at/to/near in the clause ("to Moscow")."""
        preps = self.words["location_preps"] | {"to"}
        for token in clause:
            if token.dep_ == "pobj" and token.head.lower_ in preps:
                for start, end, actor in self.mentions:
                    if start <= token.idx < end and actor.type in ("GPE", "LOC"):
                        name = self.doc.text[start:end]
                        exact = name == actor.name  # an alias ("Moscow" for Russia) has not the state's point
                        return Location(name, actor.country, actor.lat if exact else None,
                                        actor.lon if exact else None)
        return None

    # ---- building events ----
    def _drafts(self, trigger: Any, kind: str, coding: Coding, sources: list[Any], targets: list[Any],
                clause: list[Any], anchor: Any = None) -> list[_Draft]:
        anchor = anchor if anchor is not None else trigger
        negated = _negated(anchor) or _negated(trigger)
        modality = self._modality(anchor)
        if modality == "planned" and coding.cameo[:2] == "04" and self._conditional_future(anchor):
            coding = Coding("036", None, coding.source, coding.weak)  # "would meet": an intent to meet
        if modality == "planned" and coding.cameo[:2] in INTENT_OF_ROOT:
            cameo = INTENT_OF_ROOT[coding.cameo[:2]]
            coding = Coding(cameo, None, coding.source, coding.weak)
        start = min(t.idx for t in clause)
        last = max(clause, key=lambda t: t.idx)
        end = last.idx + len(last.text)
        drafts = []
        seen = set()
        source_actors = [a for a in (self._actor_of(t) for t in self._with_coordinated_modifiers(sources))
                         if a is not None]
        for source in source_actors:
            if source.id in seen:
                continue
            seen.add(source.id)
            target = None
            partner = next((a for a in source_actors if a.id != source.id), None) \
                if coding.cameo[:2] in SYMMETRIC_ROOTS else None
            for token in targets:
                if token is LATE:
                    if coding.weak:
                        break
                    if partner is not None:
                        target = partner  # before guesses: "X and Y resumed talks in Caracas"
                        break
                    continue
                if partner is not None and token.dep_ == "pobj" and token.head.lower_ in self.words["location_preps"]:
                    continue  # "X and Y resumed talks in Caracas": the place, not the other party
                candidate = self._actor_of(token, target=True)
                if candidate is not None and candidate.id != source.id:
                    target = candidate
                    break
            if target is None and coding.cameo[:2] in SYMMETRIC_ROOTS:  # "Iran and Saudi Arabia agreed"
                target = next((a for a in source_actors if a.id != source.id), None)
            if target is None and coding.weak:
                continue
            location = self._location(clause)
            drafts.append(_Draft(source, target, coding, trigger, kind, clause, negated, modality,
                                 location, start, end, extra={"anchor": anchor}))
        return drafts

    def _conditional_future(self, verb: Any) -> bool:
        return any(c.lower_ in ("would", "could") for c in verb.children if c.dep_ == "aux") or (
            verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "ADJ"))

    def _in_condition(self, token: Any) -> bool:
        for node in [token, *token.ancestors]:
            if node.dep_ == "advcl":
                marks = [m.lower_ for m in node.children if m.dep_ == "mark"]
                if any(m in self.words["conditional_marks"] for m in marks):
                    return True
                if not marks and node.tag_ in ("VBN", "VBG"):
                    return False  # "the war, sparked by Hamas's massacre": a description, not a condition
            if node.dep_ in ("ROOT", "ccomp", "relcl", "acl", "appos"):
                return False
        return False

    def _modality(self, verb: Any) -> str:
        lowers = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
        head = verb
        while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
            head = head.head
        reported = head.dep_ == "ccomp" and head.head.lemma_.lower() in self.words["report_verbs"]
        if reported and "would" in lowers:
            return "planned"  # "said they would meet": the future seen from the past
        if self._in_condition(verb) or lowers & self.words["hypothetical_aux"]:
            return "hypothetical"
        if lowers & self.words["future_aux"]:
            return "planned"
        if verb.dep_ == "xcomp" and (verb.head.lemma_.lower() in self.words["plan_verbs"]
                                     or verb.head.lower_ in self.words["plan_adjectives"]):
            return "planned"
        if verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "go" and any(
                c.lower_ in self.words["future_aux"] for c in verb.head.children):
            return "planned"
        if reported:
            return "reported"
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ == "according":
                return "reported"
        return "asserted"

    def statement_events(self, drafts: list[_Draft]) -> list[_Draft]:
        """One statement event (CAMEO 010) per speaker and sentence of quotes, unless an
        event of that speaker already covers the quote."""
        out: list[_Draft] = []
        done: set[tuple[str, int]] = set()
        doc = self.doc.nlp
        for quote in self.quotes:
            speaker = self.by_id.get(quote.speaker or "")
            if speaker is None:
                continue
            kind, _ = self._section_kind(quote.start)
            if kind in SKIPPED_SECTIONS:
                continue
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            sent = span[0].sent
            if (speaker.id, sent.start) in done:
                continue
            if any(d.source.id == speaker.id and d.trigger.sent.start == sent.start for d in drafts):
                continue  # the quote is part of an event of its speaker ("criticized X for “...”")
            done.add((speaker.id, sent.start))
            cue = next((t for t in sent if t.lower_ == (quote.cue or "").lower()), None)
            trigger = cue if cue is not None else sent.root
            clause = [t for t in doc[sent.start:span.end]]
            coding = Coding("010", None, "quote")
            draft = _Draft(speaker, None, coding, trigger, "quote", clause, False, "asserted", None,
                           sent.start_char, max(quote.end, sent.end_char))
            draft.extra["quote"] = quote
            out.append(draft)
        return out

    def finish(self, drafts: list[_Draft]) -> list[Event]:
        drafts.sort(key=lambda d: (d.start, d.trigger.idx, d.source.id))
        events: list[Event] = []
        seen: set[tuple] = set()
        seen_untargeted: set[tuple] = set()
        for draft in drafts:
            plover = draft.coding.plover if draft.coding.plover else plover_of(draft.coding.cameo)
            if plover == "none":
                plover = None
            key = (draft.source.id, draft.target.id if draft.target else None, draft.coding.cameo, draft.trigger.idx)
            if key in seen:
                continue
            seen.add(key)
            again = (draft.source.id, plover, draft.trigger.lemma_.lower())
            if draft.kind == "noun" and draft.target is None and again in seen_untargeted:
                continue  # "the attack", "the strikes" again: a re-mention, not a new event
            seen_untargeted.add(again)
            date = self._date(draft)
            log.debug("event %r coded %s (%s) by %s", draft.trigger.text, draft.coding.cameo, plover,
                      draft.coding.source)
            events.append(Event(
                id=f"e{len(events) + 1}", source=draft.source.id,
                target=draft.target.id if draft.target else None, plover=plover, cameo=draft.coding.cameo,
                negated=draft.negated, modality=draft.modality, date=date, location=draft.location,
                trigger=draft.trigger.text,
                evidence=Evidence(draft.start, draft.end, self.doc.text[draft.start:draft.end]),
                goldstein=goldstein_of(draft.coding.cameo)))
        return events

    def _date(self, draft: _Draft) -> str | None:
        offsets = {t.idx for t in draft.clause}
        for time in self.times:
            if time.text.split()[0].lower() in self.words["duration_words"]:
                continue  # "within two months" bounds a plan, it does not date the clause
            if time.start in offsets or any(time.start <= o < time.end for o in offsets):
                return time.value
        return self._narrative_time(draft.start)

    def _narrative_time(self, offset: int) -> str | None:
        found = narrative_time_at(self.narrative_times, offset, self.doc.document, months=True)
        return found.value if found else None


def _forms(token: Any) -> list[str]:
    """The lemma and the word, and for an inflected verb the stems its ending may
    hide: the lemmatiser turns "staged" into "stag"."""
    forms = [token.lemma_.lower(), token.lower_]
    word = token.lower_
    if token.tag_ in ("VBD", "VBN") and word.endswith("ed") and len(word) > 4:
        forms += [word[:-1], word[:-2]]
    elif token.tag_ == "VBG" and word.endswith("ing") and len(word) > 5:
        forms += [word[:-3], word[:-3] + "e"]
    return list(dict.fromkeys(forms))


def _plover(coding: Coding) -> str | None:
    return coding.plover or plover_of(coding.cameo)


def _is_purpose(verb: Any) -> bool:
    """An infinitive of purpose hung on a verb: "sent observers to investigate",
    "in order to end"."""
    return verb.dep_ == "advcl" and verb.head.pos_ == "VERB" and verb.tag_ == "VB" \
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
        and not any(c.dep_ in SUBJECT_DEPS or (c.dep_ == "mark" and c.lower_ != "in") for c in verb.children)


def _window_start(token: Any, sentences_back: int) -> int:
    """Character offset where the window of the token's sentence and the
    `sentences_back` sentences before it begins."""
    start = token.sent.start
    for _ in range(sentences_back):
        if start > 0:
            start = token.doc[start - 1].sent.start
    return token.doc[start].idx


def _conjuncts(token: Any) -> list[Any]:
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(_conjuncts(child))
    return out


def _flatten(items: list) -> list:
    out = []
    for item in items:
        if isinstance(item, list):
            out.extend(item)
        else:
            out.append(item)
    return out


def _complement_of(token: Any, head: Any) -> bool:
    """Whether `token` lies in what `head` demands, offers or rejects: below it
    through an object or complement, not through a coordinated verb."""
    node = token
    while node.head.i != node.i:
        if node.head.i == head.i:
            return node.dep_ not in ("conj", "cc", "nsubj", "nsubjpass", "punct", "advmod", "npadvmod")
        node = node.head
    return False


def _negated(token: Any) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in token.head.children)
