"""Coding a trigger: the pattern dictionary's CAMEO code (and PLOVER type) for a
verb or an event noun given the words of its clause, and the CAMEO roots the
other rooms reason with."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.codes import CodeTables
from ...knowledge.patterns import Coding, PatternDictionary
from .syntax import (
    SUBJECT_DEPS,
    children,
    clause,
    context_forms,
    forms,
    has_to_infinitive,
    merged,
    modal_perfect,
    noun_forms,
)

if TYPE_CHECKING:
    from .context import Context

SMALL_CLAUSE_POS = ("ADJ", "NOUN")  # heads of a verbless complement: "found X guilty", "declared X persona non grata"
CONTEXT_WINDOW = 12  # context words a pattern may match, after a verb / around a noun
# "will support" is an intent (03); "will attack" a threat (13), as CAMEO codes them.
INTENT_OF_ROOT = MappingProxyType({"05": "032", "06": "031", "07": "033", "08": "035", "14": "133",
                                   "18": "138", "19": "138", "20": "138"})
# a bare future of these keeps its type ("will give aid": AID, planned); a stated intent is 03x
OWN_TYPE_WHEN_PLANNED = ("04", "05", "06", "07", "08")
MEET_INTENT = "036"  # "would meet": an intent to meet
PLACE_TARGET_ROOTS = ("08", "14", "15", "16", "17", "18", "19", "20")  # "shelled positions in Kharkiv"
FORCE_ROOTS = ("17", "18", "19", "20")
PROTEST_ROOT = "14"
COOPERATE_ROOT = "06"  # material cooperation: "agreed to mount joint patrols" plans it (modality.agreed_jointly)
SYMMETRIC_ROOTS = ("03", "04", "06", "19")  # coordinated actors that do these do them to each other
SIGN_AGREEMENT = "057"  # "X and Y signed an accord": with each other too
DEMAND_ROOT = "10"  # the CAMEO root of a demand
YIELD_ROOT = "08"  # the CAMEO root of a concession
EMBEDDING_ROOTS = ("02", "03", "10", "12", "13")  # what these demand, offer or threaten did not happen
OBLIGATION = Coding("100", None, "obligation")  # "X said Y must ...": X demands it of Y
WISH = Coding("100", None, "wish")  # "X wants Y to ...": X asks it of Y
STATEMENT = Coding("010", None, "quote")
JOINT_ACTION = Coding("062", None, "joint action")  # "X and Y jointly hunted militants": they cooperate
SHOW_OF_FORCE = "150"  # drills, war games: alone a show of force, put on by two actors their cooperation
# "will not release the hostages until ...": a refusal (CAMEO 12), asserted, not a negated yield
# (its codes: clauses.txt `refusal_codes`)
REFUSAL = "refusal"  # the source of a refusal's coding: its event is not negated
# adverbs of phrasal verbs the parser may read as adverbs ("walked out", "pulled back")
PARTICLES = frozenset({"out", "off", "up", "down", "away", "back", "over"})
OBJECT_DEPS = ("dobj", "dative")


def root(coding: Coding) -> str:
    """The two-digit CAMEO root of a coding."""
    return coding.cameo[:2]



def is_symmetric(coding: Coding) -> bool:
    """An act two sides do to each other (`SYMMETRIC_ROOTS`, or signing an accord)."""
    return root(coding) in SYMMETRIC_ROOTS or coding.cameo == SIGN_AGREEMENT

def plover_type(codes: CodeTables, coding: Coding) -> str | None:
    """The coding's PLOVER type: its pattern's, else the table's for its code."""
    return coding.plover or codes.plover_of(coding.cameo)


def of_types(ctx: Context, coding: Coding, types: str) -> bool:
    """The coding's PLOVER type is in the clauses.txt list `types` (written in lower case)."""
    kind = plover_type(ctx.know.patterns.codes, coding)
    return kind is not None and kind.lower() in ctx.clause_words(types)


def is_event_noun(patterns: PatternDictionary, token: Token, wholes: Collection[str] = ()) -> bool:
    """A noun some pattern codes (`wholes`: hyphenated words read whole, syntax.noun_forms)."""
    # "March 23", "the May strikes": a month is a date, not a march
    return token.pos_ in ("NOUN", "PROPN") and token.ent_type_ not in ("DATE", "TIME") \
        and patterns.has_trigger("noun", noun_forms(token, wholes))


def verb_coding(patterns: PatternDictionary, verb: Token) -> Coding | None:
    """The coding of a verb by the words after it in its clause (its subject,
    adverbs, agent and "according to" left out)."""
    if verb.pos_ != "VERB":
        return None
    skipped = {t.i for c in verb.children if (c.dep_ in SUBJECT_DEPS + ("advmod", "npadvmod", "agent")
               and not is_particle(verb, c) and not is_pattern_adverb(patterns, verb, c))
               or (c.dep_ == "prep" and c.lower_ == "according") for t in c.subtree}
    context = [frozenset(context_forms(t)) for t in merged(clause(verb), controlled_objects(verb))
               if t.i > verb.i and t.i not in skipped and not t.is_punct][:CONTEXT_WINDOW]
    return patterns.code("verb", forms(verb), [*passive_object_words(verb), *context][:CONTEXT_WINDOW])


def is_particle(verb: Token, token: Token) -> bool:
    """"walked out on Monday", "stayed away from the summit", "handed the bodies back to Russia":
    an adposition the parser made an adverb, right after the verb or after its object, bare or
    heading only its own prepositional phrase, is the verb's particle, one of its words for the
    patterns ("walk out", "stay away from", "hand back"), not an adverb."""
    if token.dep_ != "advmod" or token.lower_ not in PARTICLES or token.i <= verb.i:
        return False
    if any(c.dep_ != "prep" for c in token.children):
        return False
    objects = {t.i for c in verb.children if c.dep_ in OBJECT_DEPS for t in c.subtree}
    return all(i in objects for i in range(verb.i + 1, token.i))


def is_pattern_adverb(patterns: PatternDictionary, verb: Token, token: Token) -> bool:
    """"held the journalists overnight", "kept him incommunicado", "set cars ablaze": an adverb after
    the verb that one of the verb's patterns names among its words (how someone is held, the state an
    act leaves its object in) is one of its words for the patterns, not an adverb left out; not when
    the verb's object is an act ("held talks with students overnight": a meeting). Particles
    (`PARTICLES`) are judged by `is_particle` alone."""
    return token.dep_ == "advmod" and token.i > verb.i and token.lower_ not in PARTICLES \
        and patterns.names_word("verb", forms(verb), token.lower_) \
        and not any(c.dep_ == "dobj" and is_event_noun(patterns, c) for c in verb.children)


def controlled_objects(verb: Token) -> list[Token]:
    """"allowed a food convoy to enter", "found the minister guilty": the parser makes the object
    of the verb the subject of its infinitive or of a verbless complement (a clause cut from the
    verb's); for the patterns it is the verb's object, and the verbless complement its words."""
    out: list[Token] = []
    for comp in children(verb, "ccomp"):
        if comp.pos_ in SMALL_CLAUSE_POS:
            out.extend(comp.subtree)
        elif has_to_infinitive(comp):
            out.extend(t for s in children(comp, "nsubj") for t in s.subtree)
    return out


def passive_object_words(verb: Token) -> list[frozenset[str]]:
    """A passive's subject is its object for the patterns: "ties were cut" codes as "cut ties",
    and so is the noun a passive participle describes: "a move welcomed by X" as "welcome move"."""
    patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
    words = [frozenset(context_forms(t)) for p in patients for t in p.subtree
             if not t.is_punct and t.dep_ not in ("relcl", "acl") and t.head.dep_ not in ("relcl", "acl")]
    noun = summing_up_noun(verb) or relative_object(verb)
    if noun is not None:
        words += [frozenset(forms(t)) for t in (*children(noun, "compound", "amod"), noun)]
    return words


def relative_object(verb: Token) -> Token | None:
    """"The agreement, which Bangladesh and Myanmar signed in Naypyitaw": the noun a relative
    clause describes, when the relative pronoun is the clause verb's object (else None)."""
    if verb.dep_ != "relcl" or verb.head.pos_ != "NOUN":
        return None
    pronouns = ("which", "that")
    return verb.head if any(c.dep_ == "dobj" and c.lower_ in pronouns for c in verb.children) else None


def summing_up_noun(participle: Token) -> Token | None:
    """"India upgraded its mission, a move welcomed by the Taliban": the noun after a comma that
    sums up the clause before it, which the passive participle describes (else None)."""
    noun = participle.head
    if participle.dep_ != "acl" or participle.tag_ != "VBN" or noun.pos_ != "NOUN" or noun.head.pos_ != "VERB":
        return None
    start = noun.left_edge.i
    return noun if start > 0 and noun.doc[start - 1].text == "," and noun.head.i < start else None


def noun_coding(patterns: PatternDictionary, noun: Token, wholes: Collection[str] = ()) -> Coding | None:
    """The coding of an event noun by the words of its phrase around it, and the verb it
    is the object of ("staged a strike" is a walkout, "launched a strike" an attack);
    `wholes` as for is_event_noun."""
    context = [frozenset(forms(t)) for t in clause(noun) if t.i != noun.i and not t.is_punct
               and abs(t.i - noun.i) <= CONTEXT_WINDOW]
    governor = governing_verb(noun)
    if governor is not None:
        context.insert(0, frozenset(forms(governor)))
    return patterns.code("noun", noun_forms(noun, wholes), context)


# Modifiers that make a noun after "on" some other act ("on air strikes", "on a drone strike").
KIND_DEPS = ("amod", "compound", "nmod", "poss", "nummod")


def walkout_on(ctx: Context, noun: Token) -> Coding | None:
    """"nurses have been on strike", "teachers remained on strike", "workers on strike": a noun
    of clauses.txt `walkouts_on` (strike=143) that is the bare object of "on" (no modifier: "air
    strikes", "a hunger strike" keep their own patterns) is a walkout."""
    code = code_table(ctx.clause_words("walkouts_on")).get(noun.lower_)
    if code is None or noun.dep_ != "pobj" or noun.head.lower_ != "on" or children(noun, *KIND_DEPS):
        return None
    return Coding(code, "PROTEST", "clauses.txt walkouts_on")


def governing_verb(noun: Token) -> Token | None:
    """The verb whose object (or passive subject) the noun is: "staged a strike", "a
    sit-in was staged"."""
    if noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ == "VERB":
        return noun.head
    return None


def intent_coding(coding: Coding, conditional: bool) -> Coding:
    """A planned event is an intent to do it (CAMEO 03) or a threat (13)."""
    if root(coding) == "04" and conditional:
        coding = Coding(MEET_INTENT, None, coding.source, coding.weak)
    if root(coding) in INTENT_OF_ROOT:
        coding = Coding(INTENT_OF_ROOT[root(coding)], None, coding.source, coding.weak)
    return coding


@lru_cache(maxsize=32)
def code_table(entries: frozenset[str]) -> Mapping[str, str]:
    """A table of CAMEO codes from a word list of `CODE=CODE` entries (clauses.txt
    `refusal_codes`, `threat_codes`)."""
    return MappingProxyType(dict(e.split("=", 1) for e in entries))


def by_code(table: Mapping[str, str], cameo: str) -> str | None:
    """The table's entry for the longest prefix of the code (three digits, then the root)."""
    return table.get(cameo[:3]) or table.get(cameo[:2])


def refusal_coding(ctx: Context, anchor: Token, coding: Coding) -> Coding | None:
    """"Azerbaijan will not return the soldiers", "said it would not release them": a
    negated future of a material act (cooperation, aid, yielding) is a refusal of it."""
    refused = by_code(code_table(ctx.clause_words("refusal_codes")), coding.cameo)
    if refused is None or not any(c.dep_ == "neg" for c in anchor.children):
        return None
    futures = ctx.shared_words("future_aux") | {"would"}
    if not any(c.dep_ == "aux" and c.lower_ in futures for c in anchor.children):
        return None
    return Coding(refused, None, REFUSAL, coding.weak)


def threat_coding(ctx: Context, anchor: Token, coding: Coding) -> Coding | None:
    """"Washington may suspend aid to Cairo, an official said": a hostile act that a
    speaker says its doer could or would do is a threat (CAMEO 13) of the doer."""
    threat = by_code(code_table(ctx.clause_words("threat_codes")), coding.cameo)
    if threat is None or any(c.dep_ == "neg" for c in anchor.children):
        return None
    if not any(c.dep_ == "aux" and c.lower_ in ctx.clause_words("threat_modals") for c in anchor.children):
        return None
    if modal_perfect(anchor) is not None:
        return None  # "would have stormed parliament had police not ...", "may have struck": a past, no threat
    head = anchor
    while head.dep_ in ("conj", "xcomp") and head.head.i != head.i:
        head = head.head
    speaker = reporting_verb(ctx, head)
    if speaker is None:
        return None
    if speaker.lemma_.lower() in ctx.clause_words("decision_report_verbs"):
        return None  # "announced it would prohibit all aid": a decision, the act itself (planned)
    experts = ctx.shared_words("expert_roles")  # "Kenya could impose sanctions, analysts said": an opinion
    if any(c.dep_ in SUBJECT_DEPS and c.lemma_.lower() in experts for c in speaker.children):
        return None
    return Coding(threat, None, "threat", coding.weak)


# Where the parser hangs a trailing report verb on the clause it reports ("X could cut aid to Y if the
# treaty lapses, an official said": "said" an advcl of "cut" when it misreads "lapses" as a noun).
TRAILING_REPORT_DEPS = ("advcl", "parataxis")


def reporting_verb(ctx: Context, head: Token) -> Token | None:
    """The report verb (clauses.txt `report_verbs`, `threat_report_verbs`) the clause headed by
    `head` is the complement of, or, the parse turned round, a report verb with a subject of its
    own hung on it after it ("..., a State Department official said")."""
    speakers = ctx.clause_words("report_verbs") | ctx.clause_words("threat_report_verbs")
    if head.dep_ == "ccomp":
        return head.head if head.head.lemma_.lower() in speakers else None
    return next((c for c in head.children if c.dep_ in TRAILING_REPORT_DEPS and c.i > head.i
                 and c.lemma_.lower() in speakers and any(s.dep_ in SUBJECT_DEPS for s in c.children)), None)


EXPEL_ENVOYS = Coding("166", "SANCTION", "deadline")  # envoys given a time to leave: relations reduced
EXPEL_PEOPLE = Coding("174", "COERCE", "deadline")  # anyone else given a time to leave: expelled


ULTIMATUM = Coding("139", "THREATEN", "deadline")  # a time given someone to do anything else: an ultimatum


def departure_deadline(ctx: Context, verb: Token, coding: Coding) -> Coding:
    """"Rwanda gave Belgian diplomats two days to leave", "gave the journalists 24 hours to leave the
    country": a time (clauses.txt `deadline_units`) given someone to leave (`deadline_verbs`,
    `departure_verbs`) expels them: envoys (`envoy_nouns`) as reduced relations (166), anyone else as
    deported (174). A time given to do anything else ("gave Kabul 48 hours to explain") is an
    ultimatum (139). The parser hangs the infinitive on the verb or on the time noun."""
    acts = deadline_acts(ctx, verb)
    if not acts:
        return coding
    units = ctx.clause_words("deadline_units")
    people = [t for t in children(verb, "dative", "dobj") if t.lemma_.lower() not in units]
    if not people:
        return coding
    if not any(v.lemma_.lower() in ctx.clause_words("departure_verbs") for v in acts):
        return ULTIMATUM
    envoys = ctx.clause_words("envoy_nouns")
    return EXPEL_ENVOYS if any(p.lower_ in envoys for p in people) else EXPEL_PEOPLE


def deadline_acts(ctx: Context, verb: Token) -> list[Token]:
    """The to-infinitives that a time given by `verb` is for ("gave X two days to leave": leave)."""
    if verb.lemma_.lower() not in ctx.clause_words("deadline_verbs"):
        return []
    units = ctx.clause_words("deadline_units")
    given = children(verb, "dative", "dobj", "npadvmod")  # the time, or the time hung on whom it is given
    times = [t for h in given for t in (h, *children(h, "npadvmod")) if t.lemma_.lower() in units]
    if not times:
        return []
    return [v for h in (verb, *times) for v in children(h, "advcl", "xcomp", "relcl", "acl") if has_to_infinitive(v)]


def deadline_departures(ctx: Context, verb: Token) -> list[Token]:
    """The verbs of leaving that a time given by `verb` is for ("gave X two days to leave": leave)."""
    return [v for v in deadline_acts(ctx, verb) if v.lemma_.lower() in ctx.clause_words("departure_verbs")]
