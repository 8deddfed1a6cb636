"""The second look: names spaCy missed the second time round ("Bogdanov received ..."
after "Mikhail Bogdanov", "Hamas" where spaCy saw none) and acronyms in brackets
right after a mention ("Pakistan’s Foreign Office (FO)") join their cluster."""

from __future__ import annotations

import re

from .acronyms import acronym_fits
from .build import actor_type, is_actor
from .context import Context, initials
from .model import Cluster, Mention

BRACKET_ACRONYM = re.compile(r" ?\(([A-Z][A-Z.&]{1,7})\)")


def rescan(clusters: list[Cluster], ctx: Context) -> None:
    """Add the later mentions of each actor's names to its cluster, in place."""
    taken = sorted(m.span for c in clusters for m in c.mentions)
    wanted = wanted_names(clusters, ctx)
    add_bracket_acronyms(clusters, ctx, taken, wanted)
    if wanted:
        _scan(clusters, ctx, taken, wanted)
    for c in clusters:
        c.mentions.sort(key=lambda m: (m.start, m.end))


def wanted_names(clusters: list[Cluster], ctx: Context) -> dict[str, Cluster]:
    """The names (and persons' surnames) to look for, each with the first actor's cluster
    that has it."""
    wanted: dict[str, Cluster] = {}
    for c in clusters:
        if not is_actor(c, ctx):
            continue
        creating = [m for m in c.mentions if m.kind in {"ner", "name"}]
        if not creating:
            continue
        names = {m.text for m in creating}
        if actor_type(c, ctx) == "PERSON":
            names |= {n.split()[-1] for n in list(names) if len(n.split()) >= 2}
        for name in sorted(names):
            if len(name) >= 3 and name[:1].isupper() and not ctx.is_title_word(name):
                wanted.setdefault(name, c)
    return wanted


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < te and ts < e for ts, te in spans)


def add_bracket_acronyms(clusters: list[Cluster], ctx: Context, taken: list[tuple[int, int]],
                         wanted: dict[str, Cluster]) -> None:
    """An acronym in brackets right after a name, matching its initials or its entry."""
    for c in clusters:
        for m in list(c.mentions):
            bracket = BRACKET_ACRONYM.match(ctx.text[m.end:m.end + 12])
            if not bracket or m.kind not in {"ner", "name"}:
                continue
            acr = bracket.group(1)
            if not (acr.replace(".", "") in initials(m.text) or acronym_fits(m.text, acr)
                    or (c.entry is not None and ctx.kb.lookup(acr) is c.entry)):
                continue
            s, e = m.end + bracket.start(1), m.end + bracket.end(1)
            if not _overlaps(s, e, taken):
                c.mentions.append(Mention(s, e, acr, m.label, "ner", m.zone))
                taken.append((s, e))
                wanted.setdefault(acr, c)


def _scan(clusters: list[Cluster], ctx: Context, taken: list[tuple[int, int]], wanted: dict[str, Cluster]) -> None:
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(n) for n in sorted(wanted, key=len, reverse=True))
                         + r")(?![\w-])")
    added: list[tuple[int, int]] = []
    for match in pattern.finditer(ctx.text):
        s, e = match.span()
        zone = ctx.zone_at(s)
        if zone == "tags" or _overlaps(s, e, taken) or _overlaps(s, e, added):
            continue
        if inside_longer_name(ctx, s, e):
            continue
        c = wanted[match.group(1)]
        c.mentions.append(Mention(s, e, match.group(1), actor_type(c, ctx), "ner", zone))
        added.append((s, e))


def inside_longer_name(ctx: Context, s: int, e: int) -> bool:
    """A capitalised word right before (not a title, not a sentence's first word) or
    right after: the match is part of a longer name."""
    line = ctx.line_before(s)
    prev = re.search(r"(?:^|[\s(])([A-Z][\w.’'-]*) \Z", line)
    sentence_start = re.search(r"(?:^|[.!?:;\"“”]\s*)\S+ \Z", line)
    if prev and not ctx.is_title_word(prev.group(1)) and prev.group(1)[-1] not in ".!?:;" and not sentence_start:
        return True
    return bool(re.match(r"\s[A-Z]", ctx.text[e:e + 2]))
