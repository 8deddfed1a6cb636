"""From candidate mentions to one mention per stretch of text, and only the mentions
worth keeping in each zone of the document."""

from __future__ import annotations

import re
from dataclasses import replace

from ...knowledge.kb import name_key
from .context import BODY_ZONES, Context, person_context
from .model import KIND_PRIORITY, Mention


def resolve_overlaps(candidates: list[Mention]) -> list[Mention]:
    """One mention per stretch of text: the longest wins, then the surer kind; a
    knowledge-base name over exactly spaCy's span takes spaCy's cues."""
    _lend_ner_cues(candidates)
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


# "The U.N. refugee agency, UNHCR,": up to three lower-case words after a name, a comma, the named one
DESCRIPTION_GAP = re.compile(r"((?:\s+[a-z][\w-]*){1,3}),\s+(?:the\s+)?")


def described_names(mentions: list[Mention], ctx: Context) -> list[Mention]:
    """An organisation's name that only qualifies the description of another organisation
    named in apposition right after it ("The U.N. refugee agency, UNHCR, urged ...", "the
    U.N. nuclear watchdog, the IAEA,"): the description, its last word a noun of
    organisations (nouns.csv "org"), is a mention of the named one, not of its own."""
    org_nouns = ctx.nouns.get("org", {})
    out = list(mentions)
    for k, (m, named) in enumerate(zip(mentions, mentions[1:], strict=False)):
        gap = DESCRIPTION_GAP.fullmatch(ctx.text, m.end, named.start)
        if gap is None or m.label != "ORG" or named.label != "ORG" or m.names_a_state \
                or m.kind not in {"ner", "name"} or gap.group(1).split()[-1] not in org_nouns:
            continue
        out[k] = replace(m, end=gap.end(1), text=named.text, kind=named.kind, entry=named.entry, cue="org",
                         written=ctx.text[m.start:gap.end(1)])
    return out


def _lend_ner_cues(candidates: list[Mention]) -> None:
    """A knowledge-base name over exactly spaCy's span takes what the NER rules saw
    (cue, title, author, owner)."""
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


def keep_in_zone(m: Mention, mentions: list[Mention], ctx: Context) -> bool:
    """Outside the body only knowledge-base names, authors and names the body uses."""
    if m.zone in BODY_ZONES:
        return True
    if m.zone == "tags" or opens_body_name(m, mentions, ctx):
        return False
    if m.entry is not None and m.kind in {"name", "metonym"}:
        return True
    if m.label == "PERSON" and person_context(m, ctx):
        m.author = True  # "Carl Jensen, FDD Research Fellow" under a quote
    if m.author:
        return True  # "by Seth J. Frantzman"
    key = name_key(m.text)
    return any(o.zone in BODY_ZONES and name_key(o.text) == key for o in mentions)


def opens_body_name(m: Mention, mentions: list[Mention], ctx: Context) -> bool:
    """A name outside the body that only opens a longer name the body uses ("Mediterranean"
    of "... Mediterranean Policy Lab Flash Brief" under related reading, where the body names
    "the Mediterranean Policy Lab"): a piece of that name, not a mention of its own."""
    return any(o.zone in BODY_ZONES and o.end - o.start > m.end - m.start and " " in o.text
               and ctx.text.startswith(o.text, m.start) for o in mentions)
