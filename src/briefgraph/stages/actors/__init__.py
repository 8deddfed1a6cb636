"""Actors stage: every person, organisation, state, place and group the text names
becomes one canonical actor, with every mention's offsets.

The rooms, in the order a document goes through them:

    context.py      the document's zones (body, headings, title, tags), token helpers
    mentions.py     spaCy's named entities, cut and cleaned ...
    ner_fixes.py    ... and fixed by the rules of NER_FIXES (possessives cut off, places
                    joined or glued to a name split, demonyms, things dropped)
    ner_titles.py   the rules of NER_FIXES where titles meet names (titles cut off,
                    persons glued to a title cut out, title runs that are no organisation)
    acronyms.py     names defined by an acronym in brackets after them ("Caribbean
                    Development Bank (CDB)"): one organisation, whatever pieces spaCy made
    kb_mentions.py  knowledge-base names and metonyms found in the text
    phrases.py      demonyms and states with what follows (STATE_PHRASE_RULES:
                    "the Russian government", "Pakistan’s Foreign Office", "Palestinians")
    groups.py       collective groups and agents ("Iran-backed militias", "Burundian militiamen")
    generic.py      generic actors from agents.tsv ("Police", "a Russian official", "20 people")
    generic_rules.py  the rules of GENERIC_RULES: which tokens head a generic actor at all
    overlaps.py     one mention per stretch of text; what to keep outside the body
    keys.py         knowledge-base links (LINK_RULES) and the typed key of each mention
    clustering.py   mentions into clusters: MERGE_RULES (surnames, acronyms, ...)
    rescan.py       later mentions of the names found, acronyms in brackets
    build.py        clusters into actors: type, name, aliases, country, code, coordinates
    roles.py        roles and affiliation from titles and appositions; members of groups

Everything the stage knows comes from the `Knowledge` it is built with
(`knowledge.actors`: knowledge base, nouns, agents, titles); it reads no environment
and keeps no state between documents. Text in the page header, headings and
related-reading titles is headline-cased and misleads spaCy: there only
knowledge-base names, names the body also uses, and authors are kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...knowledge import Knowledge
from ...records import Actor, Analysis
from .acronyms import bracket_defined_mentions
from .build import build_actors
from .clustering import MERGE_RULES, cluster_mentions
from .context import Context
from .datelines import dateline_place_mentions
from .generic import generic_mentions, yield_to_names
from .home import bare_government_mentions
from .kb_mentions import kb_mentions
from .mentions import (
    dashed_place_pairs,
    misread_place_mentions,
    ner_mentions,
    org_head_name_mentions,
    org_noun_name_mentions,
    quote_author_mentions,
    region_name_mentions,
    titled_name_mentions,
)
from .model import Mention
from .ner_fixes import NER_FIXES
from .overlaps import described_names, keep_in_zone, resolve_overlaps
from .phrases import STATE_PHRASE_RULES, phrase_mentions
from .rescan import rescan

__all__ = ["MENTION_FINDERS", "MERGE_RULES", "NER_FIXES", "STATE_PHRASE_RULES", "build", "find_actors"]

MentionFinder = Callable[[Context], list[Mention]]

# Where candidate mentions come from, in order (the order breaks ties between equal spans).
MENTION_FINDERS: tuple[MentionFinder, ...] = (bracket_defined_mentions, dateline_place_mentions, ner_mentions,
                                               kb_mentions, phrase_mentions, titled_name_mentions,
                                               quote_author_mentions, region_name_mentions, misread_place_mentions,
                                               dashed_place_pairs, org_noun_name_mentions, org_head_name_mentions,
                                               generic_mentions)


def build(knowledge: Knowledge) -> Callable[[Analysis], dict[str, Any]]:
    """The actors stage for this knowledge (knowledge base, nouns, agents, titles)."""
    return lambda doc: find_actors(doc, knowledge)


def find_actors(doc: Analysis, knowledge: Knowledge) -> dict[str, Any]:
    """The document's actors, ids in order of first mention. Without a spaCy parse
    there are none, and a diagnostic says so; a failing rule raises."""
    if doc.nlp is None:
        return {"actors": [], "diagnostics": ["no spaCy parse of the document: no actors"]}
    return {"actors": actors_of(Context(doc, knowledge.actors, knowledge.quotes.strong_verbs))}


def actors_of(ctx: Context) -> list[Actor]:
    candidates = yield_to_names([m for finder in MENTION_FINDERS for m in finder(ctx)])
    mentions = resolve_overlaps(candidates)
    mentions = [m for m in mentions if keep_in_zone(m, mentions, ctx)]
    mentions = described_names(mentions, ctx)
    mentions = sorted(mentions + bare_government_mentions(mentions, ctx), key=lambda m: (m.start, m.end))
    clusters = cluster_mentions(mentions, ctx)
    rescan(clusters, ctx)
    return build_actors(clusters, ctx)
