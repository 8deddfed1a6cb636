"""The acting tokens of a trigger: a verb's subjects, and when it has none the
subjects it inherits (SUBJECT_RULES, tried in order). An event noun's sources are in
noun_sources.py (NOUN_SOURCE_RULES)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...records import actor_at
from .arguments import actor_of
from .coding import root, verb_coding
from .syntax import (
    agents,
    children,
    conjuncts,
    coordinated,
    end_char,
    in_list,
    is_hedge,
    is_means,
    is_purpose,
    is_reason,
    prep_objects,
    stranded_agents,
)

if TYPE_CHECKING:
    from ...knowledge.patterns import Coding
    from .context import Context

MAX_DEPTH = 3  # how many heads a subject is inherited through
AID_ROOT = "07"

Subjects = tuple[list[Token], bool]  # the acting tokens, and whether the verb is passive
SubjectRule = Callable[["Context", Token, int], "Subjects | None"]


def is_receipt(ctx: Context, verb: Token, coding: Coding) -> bool:
    """"received vaccines", "drew praise", "faced criticism": an act (clauses.txt
    `received_roots`) told by a verb of receiving it (`receipt_verbs`)."""
    return verb.lemma_.lower() in ctx.clause_words("receipt_verbs") \
        and root(coding) in ctx.clause_words("received_roots")


def givers_of_receipt(ctx: Context, verb: Token, coding: Coding) -> list[Token]:
    """"Namibia received vaccines from the COVAX facility", "Hungary faced criticism from the
    Commission": an act received is done by the actors of its "from" phrase, to the receiver;
    none when the verb is no receipt or names no giver."""
    if not is_receipt(ctx, verb, coding):
        return []
    return [t for t in verb.subtree if t.dep_ == "pobj" and t.head.lower_ == "from"
            and actor_of(ctx, t) is not None]


def receipt_without_giver(ctx: Context, verb: Token, coding: Coding) -> bool:
    """"Israel drew condemnation over the strikes": praise, criticism, a demand or a threat
    received from no one named is no act of the receiver's (aid received stays one)."""
    return is_receipt(ctx, verb, coding) and root(coding) != AID_ROOT \
        and not givers_of_receipt(ctx, verb, coding)


def subjects(ctx: Context, verb: Token, depth: int = 0) -> Subjects:
    """The acting tokens of a verb (conjuncts expanded) and whether it is passive."""
    passive_subjects = children(verb, "nsubjpass")
    if passive_subjects or (not children(verb, "nsubj", "csubj") and children(verb, "auxpass")):
        return coordinated(agents(verb) or shared_agents(verb) or stranded_agents(verb)), True
    own = children(verb, "nsubj", "csubj")
    if not own:  # a subject the parser left loose: "Qatar's emir, Sheikh Hamad, launched"
        own = [c for c in children(verb, "dep") if c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
    if not own:
        own = misread_subject(verb)
    if own:
        return _own_subjects(ctx, verb, own), False
    if depth > MAX_DEPTH:
        return [], False
    for rule in SUBJECT_RULES:
        found = rule(ctx, verb, depth)
        if found is not None:
            return found
    return [], False


def misread_subject(verb: Token) -> list[Token]:
    """"Nauru severed ties with Taipei", parsed with "Nauru" as an adverbial noun: a name
    right before a verb that has no subject, and names no time, is its subject."""
    before = verb.doc[verb.i - 1] if verb.i > 0 else None
    if before is None or before.head.i != verb.i or before.dep_ != "npadvmod" or before.pos_ != "PROPN" \
            or before.ent_type_ in ("DATE", "TIME"):
        return []
    return [before]


def shared_agents(verb: Token) -> list[Token]:
    """"were pushed and kicked by officers", "was pulled out and beaten by a mob":
    coordinated passive participles share the "by" agent the parser hung on one of them."""
    linked = [c for c in verb.children if c.dep_ == "conj" and c.tag_ == "VBN" and not children(c, "nsubjpass")]
    if verb.dep_ == "conj" and verb.head.tag_ == "VBN" and not children(verb, "nsubjpass"):
        linked.append(verb.head)
    return [a for v in linked for a in agents(v)]


def _own_subjects(ctx: Context, verb: Token, own: list[Token]) -> list[Token]:
    out: list[Token] = []
    outside = [s for s in own if not ctx.in_dateline(s)]
    for subject in own:
        if subject.lower_ in ctx.shared_words("relative_pronouns") and verb.dep_ == "relcl":
            out.append(verb.head)  # "Egypt, which backs the army, and Qatar": Egypt only
            continue
        found = past_dateline(ctx, subject)
        if found is subject and outside and subject not in outside:
            continue  # the dateline's place beside the sentence's own subject: it filed the story
        for conjunct in conjuncts(found):
            out.extend(members(ctx, conjunct))
    return out


def past_dateline(ctx: Context, subject: Token) -> Token:
    """"KASSALA, Sudan (AP) — Sudan and Eritrea agreed": a subject the parser found inside the
    story's dateline (the place that filed it) stands for the first name after the dateline that
    it heads through appositions and conjuncts, the sentence's own subject (whose conjuncts are
    then expanded); else the subject itself."""
    if not ctx.in_dateline(subject):
        return subject
    queue = [subject]
    while queue:
        token = queue.pop(0)
        linked = [c for c in token.children if c.dep_ in ("appos", "conj")]
        after = next((c for c in linked if not ctx.in_dateline(c) and c.pos_ in ("PROPN", "NOUN")), None)
        if after is not None:
            return after
        queue += linked
    return subject


def members(ctx: Context, token: Token) -> list[Token]:
    """"Negotiators for X and Y", "the presidents of X and Y": the coordinated actors a group
    noun is made of each act; a group of one ("envoys from Cuba") stays the token, which
    `actor_of` resolves."""
    if in_list(token, ctx.clause_words("group_nouns")):
        for child in children(token, "prep"):
            if child.lower_ in ctx.clause_words("member_preps"):
                for pobj in children(child, "pobj"):
                    if len(found := conjuncts(of_parties(pobj))) > 1:
                        return found
    return titled_people(ctx, token) or [token]


def of_parties(pobj: Token) -> Token:
    """"heads of state of Ghana and Togo": a group's "of" object that coordinates nothing but is
    itself "of" coordinated names stands for them; else the object itself."""
    if any(c.dep_ == "conj" for c in pobj.children):
        return pobj
    inner = [p for c in children(pobj, "prep") if c.lower_ == "of" for p in children(c, "pobj")]
    return next((p for p in inner if any(c.dep_ == "conj" for c in p.children)), pobj)


def titled_people(ctx: Context, token: Token) -> list[Token]:
    """"Vice Minister of Public Security Lin Haifeng and Police Minister Daniel Tovua signed",
    parsed with the first title as the subject and the second person as a conjunct of the
    first name: a title that names no actor, over coordinated people, is those people."""
    if token.pos_ != "PROPN" or actor_at(ctx.actors, token.idx, end_char(token)) is not None:
        return []
    for name in token.subtree:
        people = conjuncts(name)
        if len(people) > 1 and all(_person(ctx, p) for p in people):
            return people
    return []


def _person(ctx: Context, token: Token) -> bool:
    found = actor_at(ctx.actors, token.idx, end_char(token))
    return found is not None and found.type == "PERSON"


# ---- a verb with no subject of its own: whose subject it inherits ----

def from_head_verb(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"agreed to release", "met and agreed": the head verb's subject."""
    if verb.dep_ in ("xcomp", "conj") and verb.head.pos_ in ("VERB", "AUX") and not is_complement(verb.head):
        return subjects(ctx, verb.head, depth + 1)
    return None


def through_adjective(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"Syria is willing to withdraw", "would be prepared to release" (a participle the parser
    made the complement of "be"): the subject of the adjective's verb."""
    if verb.dep_ == "xcomp" and (verb.head.pos_ == "ADJ" or is_complement(verb.head)) \
            and verb.head.head.pos_ in ("VERB", "AUX"):
        return subjects(ctx, verb.head.head, depth + 1)
    return None


def is_complement(token: Token) -> bool:
    """"would be prepared": a participle the parser made an adjectival complement."""
    return token.dep_ == "acomp"


def from_gerund_head(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"..., accusing Israel of ...": the subject of the verb the gerund hangs on."""
    if verb.dep_ == "advcl" and verb.tag_ == "VBG":
        return subjects(ctx, reported_doer_verb(ctx, verb) or verb.head, depth + 1)
    return None


def reported_doer_verb(ctx: Context, gerund: Token) -> Token | None:
    """"X will restore funding, the congress president announced, yielding to demands from Y": a
    gerund of a material act hung on a report verb that follows what it reports is done by the
    reported clause's doer, not by the speaker (who only says, blames or cites: clauses.txt
    `speech_act_roots`, "the army said, blaming jihadists")."""
    report = gerund.head
    if report.lemma_.lower() not in ctx.clause_words("report_verbs") | ctx.clause_words("threat_report_verbs"):
        return None
    reported = [c for c in children(report, "ccomp") if c.i < report.i]
    coding = verb_coding(ctx.know.patterns, gerund)
    if not reported or coding is None or root(coding) in ctx.clause_words("speech_act_roots"):
        return None
    return reported[0]


def means_gerund(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"violated the ceasefire by shelling Maarat al-Numan": a gerund after "by" hung on a verb
    tells how that verb's act was done, by the same doer."""
    return subjects(ctx, verb.head.head, depth + 1) if is_means(verb) else None


def reason_gerund(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"Police charged 40 farmers for blocking the motorway", "praised Oman for brokering the
    exchange": a gerund after "for" (syntax.is_reason) is done by whom the act is done to."""
    if not is_reason(verb) or is_said_reason(ctx, verb.head.head):
        return None
    doers = [t for t in coordinated(reason_doers(verb.head.head)) if actor_of(ctx, t) is not None]
    return (doers, False) if doers else None


def is_said_reason(ctx: Context, head: Token) -> bool:
    """"blamed the UN for stalling the talks", "praised Chile for ratifying", "charged 40 farmers
    for blocking": the reason of an act done by speaking (clauses.txt `speech_act_roots`: praise,
    blame, accusation, appeal) is the speaker's claim, not a deed told as done."""
    act = head if head.pos_ == "VERB" else head.head
    coding = verb_coding(ctx.know.patterns, act)
    return coding is not None and root(coding) in ctx.clause_words("speech_act_roots")


def reason_doers(head: Token) -> list[Token]:
    """Whom an act with a "for" reason is done to: the object the reason hangs on, the verb's
    object ("fined 30 traders"), its passive subject ("were jailed for"), or the "against" object
    of its object ("filed charges against 120 farmers")."""
    if head.pos_ != "VERB":
        return [head]
    done_to = children(head, "nsubjpass") or children(head, "dobj")
    return [t for o in done_to for t in prep_objects(o, ("against",))] + done_to


def from_purpose_head(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"sent observers to investigate": the sender investigates."""
    return subjects(ctx, verb.head, depth + 1) if is_purpose(verb) else None


def hung_on_subject_noun(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """A sentence the parser hung on its subject noun (a participle with no agent)."""
    head = verb.head
    if verb.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in ("NOUN", "PROPN") and not children(verb, "agent"):
        return conjuncts(head), False
    return None


def participle_agent(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"drones launched by Russia": the agent of a past participle on a noun."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return coordinated(agents(verb)), True
    return None


def participle_noun(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"boats heading to the shoal": the noun does it; "a statement applauding X":
    the statement's author does."""
    if verb.dep_ != "acl":
        return None
    noun, governor = verb.head, verb.head.head
    if noun.pos_ not in ("NOUN", "PROPN"):
        return [], False
    if noun.lemma_.lower() not in ctx.clause_words("message_nouns"):
        return [noun], False
    if noun.dep_ in ("dobj", "attr") and governor.pos_ in ("VERB", "AUX"):
        return subjects(ctx, governor, depth + 1)
    return [], False


def hedged_subject(ctx: Context, verb: Token, depth: int) -> Subjects | None:
    """"Armed men believed to be jihadists abducted 50 women", parsed with "believed" as the
    main verb: the hedge's subject does what follows its "to be" complement."""
    for hedge in verb.ancestors:
        if hedge.pos_ == "VERB" and in_list(hedge, ctx.clause_words("hedge_verbs")) and is_hedge(hedge) \
                and any(c.lemma_ == "be" and c.i < verb.i for c in children(hedge, "xcomp")):
            return coordinated([s for s in children(hedge, "nsubj", "nsubjpass") if s.i < hedge.i]), False
    return None


SUBJECT_RULES: tuple[SubjectRule, ...] = (
    hedged_subject,
    from_head_verb,
    through_adjective,
    from_gerund_head,
    means_gerund,
    reason_gerund,
    from_purpose_head,
    hung_on_subject_noun,
    participle_agent,
    participle_noun,
)
