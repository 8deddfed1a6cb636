"""Roles and affiliation of the actors, read from the words around a name:
titles before it ("Russian Deputy Foreign Minister and Special Envoy for the
Middle East Mikhail Bogdanov") and an apposition after it ("Ivana Stradner, FDD
Research Fellow"; "Joe Truzman, Senior Research Analyst at FDD's Long War
Journal"). A state or organisation named in those words becomes the person's
affiliation (an actor id) and country; the role's head word gives the CAMEO sector
when the knowledge base has no code for the person.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from ...records import Actor
from .context import Context
from .groups import STATE_SECTORS
from .model import Cluster

CHUNK_CONNECTORS = frozenset({"and", "for", "of", "the", "&", "-", ".", "on", "to"})
SPLIT_PREPS = frozenset({"of", "at", "for", "with", "to"})
MAX_APPOSITION_TOKENS = 16


def assign_roles(actors: list[Actor], clusters: list[Cluster], ctx: Context) -> None:
    """Fill roles, affiliation, country and code of the actors in place."""
    spans: list[tuple[int, int, Actor]] = []
    for actor in actors:
        for start, end in actor.mentions:
            spans.append((start, end, actor))
    spans.sort(key=lambda s: (s[0], -s[1]))
    by_id = {a.id: a for a in actors}
    for actor, cluster in zip(actors, clusters, strict=True):
        if actor.type == "PERSON":
            for m in cluster.mentions:
                if m.kind in {"ner", "name"}:
                    _before_name(actor, m.start, ctx, spans)
                    _after_name(actor, m.end, ctx, spans)
            if not actor.code and actor.country:
                sector = _role_sector(actor.roles, ctx)
                if sector:
                    actor.code = actor.country + sector
                elif actor.affiliation and by_id[actor.affiliation].code and by_id[actor.affiliation].type == "ORG":
                    actor.code = by_id[actor.affiliation].code
        elif actor.type == "ORG" and actor.affiliation is None:
            owner = next((m.owner for m in cluster.mentions if m.owner), "")
            if owner:
                target = next((a for a in actors if a is not actor and owner.replace("’", "'") in a.names()), None)
                if target is not None:
                    actor.affiliation = target.id
            if actor.affiliation is None and actor.country and (actor.code or "")[3:6] in STATE_SECTORS:
                state = next((a for a in actors if a is not actor and a.kb_id == actor.country), None)
                if state is not None:
                    actor.affiliation = state.id


_MEMBERS_CUE = re.compile(r"\s*(?:,\s*)?(?:including|such as|among them|notably|namely)\s+", re.IGNORECASE)
_MEMBERS_END = re.compile(r"[.;:()\n]|,\s*(?:from|in|who|which|that|to|for)\b")


def assign_group_members(actors: list[Actor], text: str) -> None:
    """A group named with its members ("14 Palestinian groups, including Fatah,
    Hamas, and Palestinian Islamic Jihad") becomes each member's affiliation, so
    what is done to the group is found for the member too (timelines, networks)."""
    spans = sorted((start, end, a) for a in actors for start, end in a.mentions)
    for group in actors:
        if group.type != "GROUP":
            continue
        for _, end in group.mentions:
            cue = _MEMBERS_CUE.match(text, end)
            if not cue:
                continue
            stop = _MEMBERS_END.search(text, cue.end())
            limit = stop.start() if stop else len(text)
            for m_start, m_end, member in spans:
                if cue.end() <= m_start and m_end <= limit and member is not group and member.type != "PERSON":
                    _affiliate(member, group)


def _actor_in(spans: list[tuple[int, int, Actor]], start: int, end: int) -> list[tuple[int, int, Actor]]:
    return [s for s in spans if s[0] >= start and s[1] <= end]


def _before_name(actor: Actor, start: int, ctx: Context, spans: list[tuple[int, int, Actor]]) -> None:
    """Title words right before a name, in the same sentence and line."""
    tokens = ctx.tokens_before(start)
    chunk: list[Token] = []
    for n, tok in enumerate(reversed(tokens)):
        if "\n" in ctx.text[tok.idx:start]:
            break
        word = tok.text
        if word == ".":  # "Brig. Gen." keeps its dots; a full stop ends the chunk
            left = tokens[len(tokens) - n - 2] if len(tokens) - n - 2 >= 0 else None
            if left is None or not (ctx.is_title_word(left.text) or re.fullmatch(r"[A-Z]", left.text)):
                break
        if ctx.is_title_word(word) or word[:1].isupper() or word.lower() in CHUNK_CONNECTORS or word in {"’s", "'s"}:
            chunk.insert(0, tok)
            continue
        break
    while chunk and (chunk[0].lower_ in CHUNK_CONNECTORS or chunk[0].text in {"’s", "'s"}):
        chunk = chunk[1:]
    if not chunk or not any(ctx.is_head_title(t.text) for t in chunk):
        return
    chunk = _take_affiliation(actor, chunk, ctx, spans)
    for role in _split_roles(chunk, ctx):
        if role not in actor.roles:
            actor.roles.append(role)


def _after_name(actor: Actor, end: int, ctx: Context, spans: list[tuple[int, int, Actor]]) -> None:
    """An apposition after a name: ", FDD Research Fellow", ", the deputy governor of X"."""
    rest = ctx.text[end:end + 200]
    match = re.match(r"\s*,\s*", rest)
    if not match:
        return
    start = end + match.end()
    stop = re.search(r"[,;()\n“”\"]|\.(?:\s|$)", ctx.text[start:start + 200])
    stop_at = start + (stop.start() if stop else min(200, len(ctx.text) - start))
    tokens = [t for t in ctx.tokens_in(start, stop_at)]
    if not tokens or len(tokens) > MAX_APPOSITION_TOKENS:
        return
    while tokens and tokens[0].lower_ in {"the", "a", "an"}:
        tokens = tokens[1:]
    heads = [i for i, t in enumerate(tokens) if ctx.is_head_title(t.text)]
    if not heads or heads[0] > 6:
        return
    if any(t.pos_ in {"VERB", "AUX"} and not ctx.is_title_word(t.text) for t in tokens[:heads[0] + 1]):
        return
    split = next((i for i, t in enumerate(tokens) if i > heads[0] and t.lower_ in SPLIT_PREPS), len(tokens))
    role_part, org_part = tokens[:split], tokens[split + 1:]
    role_part = _take_affiliation(actor, role_part, ctx, spans)
    if org_part:
        inside = _actor_in(spans, org_part[0].idx, org_part[-1].idx + len(org_part[-1].text))
        inside = [s for s in inside if s[2] is not actor]
        if inside:
            orgs = [s for s in inside if s[2].type == "ORG"]
            target = (orgs or inside)[-1][2]
            _affiliate(actor, target)
    for role in _split_roles(role_part, ctx):
        if role not in actor.roles:
            actor.roles.append(role)


def _take_affiliation(actor: Actor, chunk: list[Token], ctx: Context,
                      spans: list[tuple[int, int, Actor]]) -> list[Token]:
    """Cut a leading state/organisation ("Russian", "Pentagon", "FDD") off a title
    chunk, recording it; returns the rest."""
    if not chunk:
        return chunk
    begin = chunk[0].idx
    first_title = next((i for i, t in enumerate(chunk) if ctx.is_head_title(t.text)), len(chunk))
    # an actor mention at the start of the chunk
    limit = chunk[first_title - 1].idx + len(chunk[first_title - 1].text) if first_title else begin
    inside = [s for s in _actor_in(spans, begin, limit) if s[2] is not actor]
    cut_end = None
    if inside:
        s, e, target = max(inside, key=lambda x: x[1])
        _affiliate(actor, target)
        cut_end = e
    # a demonym or state name ("Russian", "US") even when no actor holds it
    for width in (2, 1):
        if len(chunk) > width:
            piece = ctx.text[chunk[0].idx:chunk[width - 1].idx + len(chunk[width - 1].text)]
            state = ctx.state_of(piece)
            if state is not None:
                if not actor.country:
                    actor.country = state.kb_id
                cut_end = max(cut_end or 0, chunk[width - 1].idx + len(chunk[width - 1].text))
                break
    if cut_end is None:
        return chunk
    rest = [t for t in chunk if t.idx >= cut_end]
    while rest and (rest[0].text in {"’s", "'s"} or rest[0].lower_ in CHUNK_CONNECTORS):
        rest = rest[1:]
    return rest


def _affiliate(actor: Actor, target: Actor) -> None:
    if target is actor:
        return
    if actor.affiliation is None:
        actor.affiliation = target.id
    if not actor.country and target.country:
        actor.country = target.country


def _split_roles(chunk: list[Token], ctx: Context) -> list[str]:
    """"Deputy Foreign Minister and Special Envoy for the Middle East" -> two roles;
    "spokesman Brig. Gen." -> "spokesman", "Brig. Gen."."""
    parts: list[list[Token]] = [[]]
    for i, tok in enumerate(chunk):
        if tok.lower_ == "and":
            parts.append([])
            continue
        parts[-1].append(tok)
        nxt = chunk[i + 1] if i + 1 < len(chunk) else None
        if (nxt is not None and ctx.is_head_title(tok.text) and tok.text.islower() and ctx.is_title_word(nxt.text)
                and nxt.text[:1].isupper()):
            parts.append([])
    roles = []
    for part in parts:
        while part and part[0].lower_ in CHUNK_CONNECTORS:
            part = part[1:]
        while part and part[-1].lower_ in CHUNK_CONNECTORS - {"."}:
            part = part[:-1]
        if not part or not any(ctx.is_title_word(t.text) for t in part):
            continue
        text = ctx.text[part[0].idx:part[-1].idx + len(part[-1].text)]
        text = re.sub(r"\s+", " ", text).strip(" ,")
        if text:
            roles.append(text)
    return roles


def _role_sector(roles: list[str], ctx: Context) -> str:
    for role in roles:
        for word in reversed(re.findall(r"[A-Za-z]+", role)):
            entry = ctx.titles.get(word.lower())
            if entry is not None and entry.head and entry.sector:
                return entry.sector
    return ""
