"""Generic actors: people and forces the text names by what they are, not by a name
("Police", "riot police", "a Russian official", "Kenyan police", "20 people",
"unidentified armed men"), found from the agent phrases of knowledge/actors/agents.tsv
on the parse: the phrase's head noun with its modifiers. Each becomes a mention of kind
"agent" (type GROUP, PERSON for one person), keyed so that one group of one country is
one actor in a document; a nationality word or a state's possessive gives its country.

The rules of generic_rules.GENERIC_RULES decide, in order, whether a token heads a
generic actor at all."""

from __future__ import annotations

from spacy.tokens import Token

from ...knowledge.generic_agents import PROTESTERS, GenericAgent
from .context import Context
from .generic_rules import GENERIC_RULES, MODIFIER_DEPS, Head, is_named, nationality
from .model import GroupKey, Mention

SEPARATE_CATEGORIES = frozenset({"civilians"})  # one actor per concept, not per role
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM", "VERB", "ADV"})
OBJECT_DEPS = frozenset({"dobj", "ccomp", "xcomp", "attr"})


def find_heads(ctx: Context) -> list[Head]:
    heads = []
    for tok in ctx.nlp:
        if tok.pos_ not in {"NOUN", "PROPN"} or not tok.text[:1].isalpha():
            continue
        head = owners_body(ctx, tok)
        if head is None:
            found = form_ending_at(ctx, tok)
            if found is None:
                head = unnamed_protesters(ctx, tok)
                if head is None:
                    continue
            else:
                n, agent = found
                head = Head(tok, agent, tok.i - n + 1)
        if all(rule(ctx, head) for rule in GENERIC_RULES):
            heads.append(head)
    return heads


def form_ending_at(ctx: Context, tok: Token) -> tuple[int, GenericAgent] | None:
    """The longest generic form (up to three words of its sentence) that ends at `tok`: its
    length in words and its agent."""
    return ctx.generic.longest_ending(words_ending_at(ctx, tok))


def words_ending_at(ctx: Context, tok: Token) -> list[str]:
    """The lower-case words of the form window (three words of its sentence) ending at `tok`."""
    return [t.lower_ for t in ctx.nlp[max(tok.i - 2, tok.sent.start):tok.i + 1]]


def unnamed_protesters(ctx: Context, tok: Token) -> Head | None:
    """"Marketeers protested in Lusaka", "Relatives of missing students demonstrated": a plural
    common noun no agent list names, the subject of a verb of gatherings.txt
    `unnamed_protest_verbs` with no object ("Tests demonstrated that ..." names no crowd), is a
    generic group of protesters (the role and category of the agent "protesters")."""
    verb = tok.head
    protesters = ctx.generic.forms.get(PROTESTERS)
    if protesters is None or tok.tag_ != "NNS" or tok.dep_ != "nsubj" or verb.pos_ != "VERB" or tok.ent_type_:
        return None
    if verb.lemma_.lower() not in ctx.generic.gatherings.get("unnamed_protest_verbs", frozenset()) \
            or any(c.dep_ in OBJECT_DEPS for c in verb.children):
        return None
    agent = GenericAgent(tok.lower_, tok.lemma_.lower(), protesters.role, protesters.category, True, False)
    return Head(tok, agent, tok.i)


def owners_body(ctx: Context, tok: Token) -> Head | None:
    """"The farmers' union", "women's groups", "the students' association": a body
    (group_bodies.txt) named by the people it is of, a generic group in the possessive, is a
    generic actor of their role and category (GenericAgents.owners, which the affiliation stage
    reads on the actor's name too), the phrase from the owners to the body."""
    for child in tok.children:
        if child.dep_ != "poss" or child.i >= tok.i or not child.text[:1].isalpha():
            continue
        found = ctx.generic.owners(tok.lower_, words_ending_at(ctx, child))
        if found is not None:
            return Head(tok, found[1], child.i - found[0] + 1)
    return None


def phrase_start(head: Head) -> int:
    """The first token of the phrase: the form widened left over the head's adjacent
    modifiers ("unidentified", "Kenyan", "20", "striking garment")."""
    first = head.first
    doc = head.token.doc
    while first - 1 >= head.token.sent.start:
        step = hyphen_step(head, first)
        prev = doc[first - step]
        if prev.pos_ not in MODIFIER_POS or is_named(prev) or "\n" in prev.whitespace_:
            break
        if not any(a.i == head.token.i for a in prev.ancestors) or prev.dep_ not in MODIFIER_DEPS | {"advmod"}:
            break
        first -= step
    if first - 1 >= head.token.sent.start and doc[first].lower_ in {"least", "most"} and doc[first - 1].lower_ == "at":
        first -= 1  # "at least 27 people"
    return first


def hyphen_step(head: Head, first: int) -> int:
    """2 when the token before `first` is a hyphen joining a word to it ("stone-throwing youths":
    the phrase takes "stone-" with "throwing"), else 1."""
    doc = head.token.doc
    hyphen = doc[first - 1]
    joined = hyphen.tag_ == "HYPH" and not hyphen.whitespace_ and first - 2 >= head.token.sent.start
    return 2 if joined and not doc[first - 2].whitespace_ else 1


def national_start(ctx: Context, head: Head) -> int:
    """With a nationality word the phrase starts at it ("two Armenian soldiers" ->
    "Armenian soldiers"), so a state's own phrase rules, which read the same span,
    win the tie (resolve_overlaps) and keep "Armenian soldiers" the state acting."""
    first = phrase_start(head)
    for tok in head.token.doc[first:head.first]:
        entry = ctx.demonym_entry(tok.text)
        if entry is not None and entry.is_state() and not tok.text.islower():
            return tok.i
    return first


def count_start(ctx: Context, head: Head, first: int) -> int:
    """"hundreds of students", "a crowd of about 200 villagers": the phrase starts at the
    count or crowd it is "of" (so the events stage finds the actor at that word)."""
    tok = head.token
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "of" or prep.head.lower_ not in ctx.generic.gatherings["count_heads"]:
        return first
    count = prep.head
    if count.i >= tok.i or any(is_named(t) for t in tok.doc[count.i:tok.i]):
        return first
    start = count.i
    while start - 1 >= tok.sent.start and tok.doc[start - 1].dep_ in {"nummod", "amod", "quantmod"} \
            and tok.doc[start - 1].head.i == count.i:
        start -= 1
    return start


def generic_mentions(ctx: Context) -> list[Mention]:
    """The generic actor mentions of the document (MENTION_FINDERS)."""
    out: list[Mention] = []
    for head in find_heads(ctx):
        country = nationality(ctx, head) or ""
        first = count_start(ctx, head, national_start(ctx, head) if country else phrase_start(head))
        start = ctx.nlp[first].idx
        end = head.token.idx + len(head.token.text)
        agent = head.agent
        label = "PERSON" if agent.singular else "GROUP"
        key = GroupKey(country, group_class(agent))
        core = (ctx.nlp[head.first].idx, end)
        out.append(Mention(start, end, ctx.text[start:end], label, "agent", ctx.zone_at(start), sector=agent.role,
                           group_key=key, country=country, category=agent.category or "", core=core))
    return join_nationals(out)


def group_class(agent: GenericAgent) -> str:
    """The class one actor of a document stands for: forces and armed groups by their role
    ("police ... officers" are one), civilians by what they are ("herders attacked
    farmers": two groups of one role)."""
    if agent.category in SEPARATE_CATEGORIES:
        return f"agent:{agent.role}:{agent.category}:{agent.concept}"
    return f"agent:{agent.role}:{agent.category or ''}"


def yield_to_names(candidates: list[Mention]) -> list[Mention]:
    """A generic mention gives way to any other mention that overlaps it ("students
    throughout Indonesia", "Burundian militiamen", "Hamas fighters"), unless that one lies
    inside the generic words themselves ("Riot" of "Riot police" tagged as a person,
    "Police" as an organisation), is a nationality word ("Kenyan" of "Kenyan students"), or is
    the state read as acting from its nationality word alone (`nationality_as_act`)."""
    others = [m for m in candidates if m.kind not in {"agent", "demonym"}]
    out = []
    for m in candidates:
        if m.kind == "agent" and any(
                o.start < m.end and m.start < o.end and not (m.core[0] <= o.start and o.end <= m.core[1])
                and not nationality_as_act(m, o) for o in others):
            continue
        out.append(m)
    return out


def nationality_as_act(generic: Mention, other: Mention) -> bool:
    """"Kenyan riot police": the actors stage reads "Kenyan" before the act noun "riot" as the
    state acting (as in "Kenyan riots"), but the act noun only modifies the generic head: a state
    mention of the nationality words alone, inside the generic phrase before its head words,
    gives way to the generic actor."""
    return other.kind == "organ" and generic.country != "" and generic.start <= other.start \
        and other.end <= generic.core[0]


def join_nationals(mentions: list[Mention]) -> list[Mention]:
    """"Kenyan police ... the police": a mention with no country joins the one group of
    its kind that has one in the document."""
    by_kind: dict[str, set[str]] = {}
    for m in mentions:
        assert m.group_key is not None
        if m.country:
            by_kind.setdefault(m.group_key.cls, set()).add(m.country)
    for m in mentions:
        assert m.group_key is not None
        states = by_kind.get(m.group_key.cls, set())
        if not m.country and len(states) == 1:
            m.group_key = GroupKey(next(iter(states)), m.group_key.cls)
    return mentions
