"""Events stage: each action one actor does to or about another becomes an event
with its CAMEO code, PLOVER type, Goldstein weight, date, place and evidence.

From the dependency parse of each sentence it finds trigger words (verbs, and
event nouns such as "talks" or "strike"), codes them with the pattern dictionary
(knowledge/patterns.py, knowledge/events/), and turns the trigger's subject and
object into actor ids. An event needs a source actor; the target may be null. The one
exception is an incident (incidents.py): harm or force told in the passive with no doer, its
source null, which the pipeline's last stage moves out of `events` into the record's `incidents`.
Quotes give statement events (CAMEO 01) from their speaker. Clauses inside
experts' opinions (their block quotes, or an "Expert Analysis" section) are not
coded as facts.

The rooms, in the order a sentence goes through them:
  sections   where a clause may be coded (skipped sections, expert opinion)
  triggers   which tokens are events (TRIGGER_FINDERS)
  verb_vetoes  why a coded verb is no trigger of its own (VERB_VETOES)
  draft_filters  which drafts did not happen as a fact (DRAFT_FILTERS)
  coding     pattern lookup, CAMEO roots, PLOVER
  subjects   a verb's acting tokens (SUBJECT_RULES); noun_sources: an event noun's (NOUN_SOURCE_RULES)
  targets    a trigger's target candidates (VERB_TARGET_RULES, NOUN_TARGET_RULES)
  arguments  which actor a token stands for (ACTOR_RULES); pronouns: what a pronoun stands for
  modality   asserted, reported, planned, hypothetical; conditions; acts that did not happen
             as told (NOT_FACTS: denied, not allowed, a participle describing its noun, a dateline's place)
  results    a participle clause's toll folded into the event it follows (RESULT_FOLDS)
  agentless  an agentless passive arrest or release lent the doer told before (SOURCE_FINDERS)
  requests   an act done at another's request: the asker's request, forces sent as its protection
  complaints a state's protest: an official complaint aimed at whoever last acted against it
  referents  a reaction to an earlier act ("welcomed the move") aimed at its doer (REFERENT_FINDERS)
  retold     an event told again ("claimed the attack", the protest in more detail) dropped (RE_MENTIONS)
  pairs      an act aimed at "both sides" given the document's main state (PAIR_FINDERS)
  described  an act still with no target aimed at the body, office or people its object describes
             ("expel the papal nuncio"): a new actor, in the record only with its event
  crowds     crowd violence as riots; state forces' force on a crowd aimed at its protesters
  gatherings a crowd gathering ("protesters massed outside the court") as its demonstration
  drafts     one draft per source; finishing into records.Event (dates: the date)
  learned    a trained model's keep/drop of each draft (knowledge/events/candidate-model.json)
  statements a quote's statement event
  incidents  harm and force told with no doer ("were wounded"): events with no source
  syntax     helpers over spaCy tokens; context: the knowledge and document the rules read
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...knowledge import Knowledge
from ...records import Analysis
from .agentless import agentless_drafts, sides_of_noun
from .complaints import state_complaints
from .context import Context, EventKnowledge
from .crowds import policed_crowds
from .dates import scheduled_meetings
from .described import used_described
from .drafts import Draft, finish
from .gatherings import crowd_gatherings
from .incidents import incident_events
from .learned import screen
from .modality import facts
from .pairs import aim_at_pairs
from .place_referents import sharpen_places
from .referents import refer_to_acts
from .requests import requested_acts
from .results import fold_results
from .retold import without_re_mentions
from .sections import codable_sentence
from .statements import statement_events
from .triggers import sentence_events

__all__ = ["build", "document_drafts", "find_events"]


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, list[Any]]]:
    """The events stage for this knowledge (patterns, clause words, demonyms)."""
    know = EventKnowledge.of(knowledge)
    return lambda doc: _find_events(doc, know)


def find_events(doc: Analysis, knowledge: Knowledge) -> dict[str, list[Any]]:
    """Events of one document, ids e1, e2, ... in text order."""
    return _find_events(doc, EventKnowledge.of(knowledge))


def _find_events(doc: Analysis, know: EventKnowledge) -> dict[str, list[Any]]:
    if doc.nlp is None or not doc.actors:
        return {"events": []}
    ctx, drafts = document_drafts(doc, know)
    events = finish(ctx, screen(ctx, drafts))
    events += incident_events(ctx, drafts, len(events) + 1)
    described = used_described(ctx, events)
    return {"events": events, "actors": [*doc.actors, *described]} if described else {"events": events}


def document_drafts(doc: Analysis, know: EventKnowledge) -> tuple[Context, list[Draft]]:
    """The rules' drafts of a parsed document with actors, before the learned layer."""
    ctx = Context.of(doc, know)
    drafts: list[Draft] = []
    for sent in ctx.nlp.sents:
        if codable_sentence(ctx, sent):
            drafts.extend(fold_results(ctx, facts(ctx, crowd_gatherings(ctx, sent, sentence_events(ctx, sent)))))
            drafts.extend(agentless_drafts(ctx, sent, drafts))
    drafts.extend(sides_of_noun(ctx, drafts))
    drafts = sharpen_places(ctx, without_re_mentions(ctx, drafts))
    for step in (refer_to_acts, requested_acts, state_complaints, scheduled_meetings, policed_crowds, aim_at_pairs):
        drafts = step(ctx, drafts)
    drafts.extend(statement_events(ctx, drafts))
    return ctx, drafts
