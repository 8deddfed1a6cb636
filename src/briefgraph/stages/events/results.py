"""Results: the toll of an event told by a participle clause is part of that event.

"Police fired tear gas at the crowd, injuring 30 people" is one event (the firing)
whose result is 30 injured, not a second attack by the police on 30 people. Each
rule of RESULT_FOLDS names a draft that only states the result of another draft of
its sentence; such drafts are dropped, and the magnitudes stage then gives their
numbers to the event whose clause holds them (the main event). When the main event
has no target or only a place ("attacked a police station in Jamundí, wounding three
officers"), the victims of the toll become its target. Other folds: a participle of the
same type (", burning dozens of homes" after the attack), a coordinated act or a purpose of the
same source with no target of its own ("to meet X and visit affected communities", "rallied to
reject the result").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .coding import YIELD_ROOT, plover_type, root
from .syntax import is_purpose

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .context import Context
    from .drafts import Draft

ResultFold = Callable[["Context", "Draft", list["Draft"]], str | None]
PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "acl")
PLACE_TYPES = ("GPE", "LOC", "FAC")


def toll_participle(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """", killing two" / ", injuring 30 people" / ", leaving three dead" / ", forcing
    hundreds to flee" after another event's verb: the toll of that event (words:
    clauses.txt `toll_verbs`, `consequence_verbs`)."""
    trigger = draft.trigger
    if draft.kind != "verb" or trigger.tag_ != "VBG" or trigger.dep_ not in PARTICIPLE_DEPS:
        return None
    if trigger.lemma_.lower() not in ctx.clause_words("toll_verbs") | ctx.clause_words("consequence_verbs"):
        return None
    if any(trigger.i < t.i and t.lower_ in ("by", "with") for t in trigger.children):
        return None
    if main_of(draft, drafts) is not None:
        return "the toll of the event it follows (\", killing two\")"
    return None


def main_of(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The draft whose trigger (or light verb) the draft's participle hangs on."""
    return draft_at(draft.trigger.head, draft, drafts)


def draft_at(token: Token, draft: Draft, drafts: list[Draft]) -> Draft | None:
    """Another draft whose trigger or light verb is this token."""
    return next((o for o in drafts if o is not draft and token.i in (o.trigger.i, o.anchor.i)), None)


def same_type(ctx: Context, main: Draft, draft: Draft) -> bool:
    """Whether two drafts have the same PLOVER type."""
    codes = ctx.know.patterns.codes
    return plover_type(codes, main.coding) == plover_type(codes, draft.coding)


def coordinated_repeat(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"were pushed and kicked by officers", "shot and killed a boy": a verb coordinated
    with another's that has no object of its own (the two share their object or passive
    subject), by the same source, of the same PLOVER type and on the same target (or
    none), tells the same event again ("shut shops and blocked roads" are two)."""
    trigger = draft.trigger
    if draft.kind != "verb" or trigger.dep_ != "conj":
        return None
    main = main_of(draft, drafts)
    if main is None or main.kind != "verb" or main.source.id != draft.source.id \
            or any(c.dep_ in ("dobj", "dative") for c in main.trigger.children):
        return None
    if main.target is not None and draft.target is not None and main.target.id != draft.target.id:
        return None
    if not same_type(ctx, main, draft):
        return None
    return "the same event told again by a coordinated verb (\"pushed and kicked\")"


def same_type_participle(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"attacked a village, killing 11 civilians and burning dozens of homes", "began exercises,
    deploying armoured units": a participle clause with no subject of its own after an event of
    the same source and PLOVER type tells more of that event, not a second one."""
    trigger = draft.trigger
    if draft.kind != "verb" or trigger.tag_ != "VBG" or trigger.dep_ not in PARTICIPLE_DEPS \
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        return None
    main = participle_main(draft, drafts)
    if main is None or main.source.id != draft.source.id or main.trigger.i > trigger.i:
        return None
    if not same_type(ctx, main, draft) or own_people_act(ctx, main, draft):
        return None
    return "more of the event of the same type it follows (\", burning dozens of homes\")"


def own_people_act(ctx: Context, main: Draft, draft: Draft) -> bool:
    """"Police raided a market in Kano, arresting 50 traders": a participle of an act done only to
    people (clauses.txt `people_act_codes`: arrest, expulsion, abduction) on people of its own, after
    an act of another code, is an event of its own (generic README: ", detaining at least 27 people")."""
    codes = ctx.clause_words("people_act_codes")
    own = next((c for c in codes if draft.coding.cameo.startswith(c)), None)
    return own is not None and not main.coding.cameo.startswith(own) \
        and draft.target is not None and draft.target.type not in PLACE_TYPES


def participle_main(draft: Draft, drafts: list[Draft]) -> Draft | None:
    """The draft a participle clause hangs on, through the participles it is coordinated with
    (", killing 11 and burning homes": "burning" hangs on "killing", which hangs on the event)."""
    node = draft.trigger
    while node.dep_ == "conj" and node.head.tag_ == "VBG" and node.head.i != node.i:
        node = node.head
    return draft_at(node.head, draft, drafts)


def untargeted_conjunct(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"to meet Vanuatu's deputy prime minister and visit affected communities": a verb with no
    target coordinated with one of the same source and PLOVER type that has one adds no event
    (what it is done to is no actor)."""
    trigger = draft.trigger
    if draft.kind != "verb" or trigger.dep_ != "conj" or draft.target is not None:
        return None
    main = next((o for a in trigger.ancestors if (o := draft_at(a, draft, drafts)) is not None), None)
    if main is None or main.kind != "verb" or main.source.id != draft.source.id or main.target is None:
        return None
    if not same_type(ctx, main, draft):
        return None
    return "a coordinated act of the same type on no actor (\"meet X and visit communities\")"


def untargeted_purpose(ctx: Context, draft: Draft, drafts: list[Draft]) -> str | None:
    """"Thousands of protesters rallied outside the palace to reject the result": a purpose
    with no target of an act of the same source tells what that act was for, not an event of
    its own."""
    trigger = draft.trigger
    if draft.kind != "verb" or draft.target is not None or not is_purpose(trigger):
        return None
    main = main_of(draft, drafts)
    if main is None or main.source.id != draft.source.id:
        return None
    return "what the act it hangs on was for (\"rallied to reject the result\")"


RESULT_FOLDS: tuple[ResultFold, ...] = (toll_participle, coordinated_repeat, same_type_participle,
                                        untargeted_conjunct, untargeted_purpose)


def fold_results(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts of a sentence without those that only state another's result; the
    victims of a folded toll (not those of a consequence) become the target of a main
    event that has none but a place."""
    kept = []
    for draft in drafts:
        if not any(fold(ctx, draft, drafts) for fold in RESULT_FOLDS):
            kept.append(draft)
            continue
        main = main_of(draft, drafts) or participle_main(draft, drafts)
        repeat = draft.kind == "verb" and (draft.trigger.dep_ == "conj" or same_type_participle(ctx, draft, drafts))
        victims = draft.target if repeat or draft.trigger.lemma_.lower() in ctx.clause_words("toll_verbs") else None
        if main is not None and repeat:  # the date and place said with either verb
            main.clause = sorted({t.i: t for t in (*main.clause, *draft.clause)}.values(), key=lambda t: t.i)
            main.start, main.end = min(main.start, draft.start), max(main.end, draft.end)
            main.location = main.location or draft.location
        if main is not None and victims is not None and victims.type not in PLACE_TYPES \
                and (main.target is None or (main.target.type in PLACE_TYPES and not hits_an_area(ctx, main))):
            main.target = victims
        if main is not None and repeat and yielded_to_by(ctx, draft):
            main.target = draft.target  # ", giving in to a demand from the unions": made to the unions
    return kept


def yielded_to_by(ctx: Context, draft: Draft) -> bool:
    """"reinstated fuel subsidies for fishermen, giving in to a demand from the fishing unions": a
    yielding participle (clauses.txt `yield_verbs`) folded into the concession it tells more of names
    whom the concession is made to (targets.yielded_to), before whom the main verb's object names."""
    trigger = draft.trigger
    return draft.target is not None and draft.target.type not in PLACE_TYPES and trigger.tag_ == "VBG" \
        and root(draft.coding) == YIELD_ROOT and trigger.lemma_.lower() in ctx.clause_words("yield_verbs")


def hits_an_area(ctx: Context, draft: Draft) -> bool:
    """"shelled residential districts of Omdurman, killing 12 civilians": what the event hit
    is a populated area (clauses.txt `area_nouns`), so the place named with it is its target."""
    areas = ctx.clause_words("area_nouns")
    hit = [c for c in draft.trigger.children if c.dep_ == "dobj"
           or (c.dep_ == "prep" and c.lower_ in ("on", "against"))]
    hit += [p for c in hit if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
    return any(t.lemma_.lower() in areas or t.lower_ in areas for t in hit)
