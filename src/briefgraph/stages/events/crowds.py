"""Crowd violence: what rioters, protesters or a crowd of civilians destroy, or attack
with nobody named, is a riot (CAMEO 145, PROTEST), as conflict data code mob violence
("a mob set fire to a police station", "protesters smashed the windows of a bank");
what they do to people stays ASSAULT ("a mob beat a man to death"), unless those people
are a crowd too ("counter-protesters and demonstrators clashed": a riot). A strike of theirs
aimed at nobody is a labour strike (CAMEO 143, PROTEST), not a military one. The place a riot
happened in is its location, not its target. The force state forces use on a crowd with
nobody named ("Riot police used tear gas to clear the last tractors") is aimed at the
protesters the story told of just before (`policed_crowds`); a fight verb with an armed or
protesting side is a fight (`fight_coding`). Word lists: knowledge/events/clauses.txt."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from typing import TYPE_CHECKING

from spacy.tokens import Token

from ...knowledge.patterns import Coding
from ...records import Actor
from ..affiliation import generic_agent, placed_agent, state_institution
from .coding import plover_type
from .targets import PLACE_TYPES

if TYPE_CHECKING:
    from .context import Context
    from .drafts import Draft

RIOT = "145"
LABOUR_STRIKE = "143"
FORCE_ROOTS = ("18", "19")


def of_category(ctx: Context, actor: Actor | None, list_name: str) -> bool:
    """Whether the actor's conflict-data category is in a list of clauses.txt (written
    with "_" for a space: "state_forces")."""
    return actor is not None and (category(ctx, actor) or "").replace(" ", "_") in ctx.clause_words(list_name)


def category(ctx: Context, actor: Actor) -> str | None:
    """The actor's category, or that of the generic phrase of a group the actors stage coded
    with the state after it ("Protesters in Chile": protesters), or of a state's institution
    named by nationality ("Kenyan police": state forces); the affiliation stage sets both later."""
    if actor.category:
        return actor.category
    found = placed_agent(actor, ctx.know.generic) or state_institution(actor, ctx.know.generic)
    return found.category if found is not None else None


def strikers(ctx: Context, actor: Actor) -> bool:
    """Whether the actor may strike (clauses.txt `strike_categories`) by its category, or by
    the category of the generic phrase its name ends with when the actors stage left it none
    ("Railway workers": workers, civilians)."""
    if of_category(ctx, actor, "strike_categories"):
        return True
    phrase = generic_agent(actor, ctx.know.generic) if not actor.category else None
    return phrase is not None and (phrase.category or "").replace(" ", "_") in ctx.clause_words("strike_categories")


def crowd_coding(ctx: Context, source: Actor, target: Actor | None, coding: Coding,
                 trigger: Token | None = None) -> Coding | None:
    """The riot coding of a crowd's violent act, or None when it keeps its own."""
    storming = crowd_storming(ctx, trigger, coding)
    if of_category(ctx, source, "crowd_categories"):
        codes = ctx.clause_words("crowd_riot_codes")
    elif of_category(ctx, source, "property_categories"):
        codes = ctx.clause_words("property_codes") | ({coding.cameo} if storming else set())
    else:
        return None
    if coding.cameo not in codes:
        return None
    if storming and (target is None or target.type != "PERSON"):
        return Coding(RIOT, None, coding.source)
    on_people = target is not None and target.type not in PLACE_TYPES and not is_property(ctx, coding) \
        and not of_category(ctx, target, "crowd_categories")
    return None if on_people else Coding(RIOT, None, coding.source)


def weak_riot(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> bool:
    """"Looters ransacked supermarkets in Soweto": a weak coding with no target is dropped, but a
    crowd's looting or wrecking (clauses.txt `loot_verbs`, `storm_verbs`) that crowd_coding makes a
    riot is done at large ("protesters tried to break through" stays no event)."""
    if trigger.lemma_.lower() not in ctx.clause_words("loot_verbs") | ctx.clause_words("storm_verbs"):
        return False
    return crowd_coding(ctx, source, None, coding, trigger) is not None


def crowd_storming(ctx: Context, trigger: Token | None, coding: Coding) -> bool:
    """"Angry depositors stormed a bank branch", "villagers stormed the police station": a crowd
    forcing its way into premises (clauses.txt `storm_verbs`, coded as an attack, CAMEO 19) is a
    riot by civilians as by protesters, whosever the premises are; a person stormed is attacked."""
    return trigger is not None and coding.cameo[:2] == "19" \
        and trigger.lemma_.lower() in ctx.clause_words("storm_verbs")


FIGHT = "190"


def fight_coding(ctx: Context, trigger: Token, sides: tuple[Actor | None, ...], coding: Coding) -> Coding | None:
    """"Protesters clashed with police over the results": a fight verb with an armed or
    protesting side (clauses.txt `fight_verbs`, `fighting_categories`) is a fight (CAMEO 190),
    not the verbal quarrel a pattern for ministers gives; None when it keeps its coding."""
    if trigger.lemma_.lower() not in ctx.clause_words("fight_verbs") or coding.cameo[:2] in ("18", "19", "20"):
        return None
    if not any(of_category(ctx, a, "fighting_categories") for a in sides):
        return None
    return Coding(FIGHT, None, coding.source)


def strike_coding(ctx: Context, source: Actor, target: Actor | None, trigger: Token,
                  coding: Coding) -> Coding | None:
    """"Nurses began their strike", "teachers struck": a strike coded as force, by protesters
    or civilians and aimed at nobody, is a labour strike (CAMEO 143)."""
    if trigger.lower_ not in ctx.clause_words("strike_words") or coding.cameo[:2] not in FORCE_ROOTS:
        return None
    if not strikers(ctx, source):
        return None
    if target is not None and target.type not in PLACE_TYPES:
        return None
    return Coding(LABOUR_STRIKE, None, coding.source)


def protest_refusal(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Dock workers refused to unload the ship in protest at the war": a refusal (CAMEO 12) by
    protesters or civilians (`strike_categories`) that it or its complement says is done in
    protest (clauses.txt `protest_nouns`) is their protest, a refusal to work (CAMEO 143), no
    rejection of anyone's."""
    if not coding.cameo.startswith("12") or not of_category(ctx, source, "strike_categories"):
        return None
    protests = ctx.clause_words("protest_nouns")
    refused = [c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")]
    told = [*(c for c in trigger.children if c.dep_ == "prep"), *(t for c in refused for t in c.subtree)]
    if any(t.dep_ == "pobj" and t.head.lower_ == "in" and t.lemma_.lower() in protests
           for p in told for t in p.subtree):
        return Coding(LABOUR_STRIKE, None, coding.source)
    return None


HIJACK = "181"  # abduct, hijack (ASSAULT)


def hijack_coding(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Gunmen seized a bus near Kano", "pirates seized a tanker": a seizure (CAMEO 171) of a
    vehicle (clauses.txt `vehicle_nouns`) by an armed group (`hijacker_categories`) is a hijacking
    (181, ASSAULT); a navy or coast guard seizing a boat stays a seizure (COERCE)."""
    if not coding.cameo.startswith("171") or not of_category(ctx, source, "hijacker_categories"):
        return None
    vehicles = ctx.clause_words("vehicle_nouns")
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in vehicles for c in trigger.children):
        return None
    return Coding(HIJACK, None, coding.source)


SEIZURE = "171"  # seize or damage property (COERCE)
SEIZURES = frozenset({SEIZURE, "1711"})  # and confiscation (1712, destruction, is ASSAULT)


def armed_looting(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Gunmen looted shops in Zamfara", "soldiers plundered homes in Tigray": looting (clauses.txt
    `loot_verbs`) by state forces or an armed group (`looter_categories`), however the patterns code
    it (a riot 145, an attack 190, destruction 1712), is a seizure of property (171, COERCE); rioters'
    or residents' looting stays a riot."""
    if trigger.lemma_.lower() not in ctx.clause_words("loot_verbs") or coding.cameo in SEIZURES:
        return None
    if not of_category(ctx, source, "looter_categories"):
        return None
    return Coding(SEIZURE, None, coding.source)


SEARCH_RAID = "170"  # coerce, not specified (COERCE)


def raid_coding(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Police raided a market in Kano", "soldiers raided a village in Tillaberi": a raid
    (clauses.txt `search_raid_verbs`) coded as an attack (CAMEO 19) by state forces
    (`force_categories`) is a search raid (170, COERCE), as the generic and sentence gold code
    it; an armed group's raid stays an attack ("bandits raided a village")."""
    if coding.cameo[:2] != "19" or trigger.lemma_.lower() not in ctx.clause_words("search_raid_verbs"):
        return None
    if not of_category(ctx, source, "force_categories"):
        return None
    return Coding(SEARCH_RAID, None, coding.source)


BLOCKADE = "191"
ROAD_BLOCKADE = "144"  # a crowd's blockade of roads, ports or runways (PROTEST)


def crowd_siege(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Hundreds of villagers besieged the governor's office", "protesters blockaded the parliament":
    a siege (191, clauses.txt `siege_verbs`) by a crowd or plain people (`crowd_categories`,
    `property_categories`) is their blockade (144, PROTEST); an army's or rebels' stays a siege."""
    if coding.cameo != BLOCKADE or trigger.lemma_.lower() not in ctx.clause_words("siege_verbs"):
        return None
    if not (of_category(ctx, source, "crowd_categories") or of_category(ctx, source, "property_categories")):
        return None
    return Coding(ROAD_BLOCKADE, None, coding.source)


def forces_blockade(ctx: Context, source: Actor, coding: Coding) -> Coding | None:
    """"Soldiers set up roadblocks around the town", "police barricaded the road to the airport", "the
    navy mounted a blockade": a blockade (144) by the state or its forces (`of_state`) is no protest
    but a restriction of movement (191, COERCE; corpus/generic README: roadblocks, lockdowns, kettling)."""
    if not coding.cameo.startswith(ROAD_BLOCKADE) or not of_state(ctx, source):
        return None
    return Coding(BLOCKADE, None, coding.source)


SANCTIONS = "172"  # impose administrative sanctions (COERCE)


def state_shutdown(ctx: Context, source: Actor, trigger: Token, coding: Coding) -> Coding | None:
    """"Police locked up the market stalls in Harare", "Authorities closed the shops": a shutdown
    (143) of premises (clauses.txt `shutdown_objects`) by the state, its forces (`force_categories`)
    or its officials (a generic role of `state_roles`) is no strike but a restriction imposed
    (172, COERCE); traders closing their own shops stay on strike."""
    if not coding.cameo.startswith(LABOUR_STRIKE) or not of_state(ctx, source):
        return None
    premises = ctx.clause_words("shutdown_objects")
    if not any(c.dep_ == "dobj" and c.lemma_.lower() in premises for c in trigger.children):
        return None
    return Coding(SANCTIONS, None, coding.source)


def of_state(ctx: Context, actor: Actor) -> bool:
    """A state (a GPE acting), its forces (`force_categories`) or officials named by a generic
    phrase of a role in clauses.txt `state_roles` ("authorities", "officials": GOV)."""
    if actor.type == "GPE" or of_category(ctx, actor, "force_categories"):
        return True
    phrase = generic_agent(actor, ctx.know.generic)
    return phrase is not None and phrase.role.lower() in ctx.clause_words("state_roles")


EASE_DISSENT = "082"  # a protest ended (patterns-conflict.txt: "ended their sit-in", "called off the march")


def policing_coding(ctx: Context, source: Actor, target: Actor | None, coding: Coding) -> Coding | None:
    """"A march by 5,000 nurses was stopped by riot police", "Police halted a rally by opposition
    supporters": state forces (`force_categories`) ending the protest of people who may hold one
    (`strike_categories`: protesters, civilians, rioters) restrict it (CAMEO 191, COERCE); the
    yielding the pattern reads for a crowd ending its own protest ("Nurses ended their march":
    CONCEDE) is not theirs. None when the coding stays."""
    if coding.cameo != EASE_DISSENT or not of_category(ctx, source, "force_categories"):
        return None
    if target is None or not of_category(ctx, target, "strike_categories"):
        return None
    return Coding(BLOCKADE, None, coding.source)


MILITARY_EASING = "0872"  # easing a military blockade or restrictions (RETREAT)


def forces_easing(ctx: Context, coding: Coding, doers: list[Token]) -> Coding:
    """"The Israeli army lifted its restrictions": administrative restrictions (CAMEO 081, a
    concession) eased by armed forces (clauses.txt `military_nouns` as the doer's head) are a
    military easing (0872, RETREAT; sentences README rule 1)."""
    if not coding.cameo.startswith("081") or not doers:
        return coding
    if not any(t.lemma_.lower() in ctx.clause_words("military_nouns") for t in doers):
        return coding
    return Coding(MILITARY_EASING, None, coding.source, coding.weak)


def is_property(ctx: Context, coding: Coding) -> bool:
    """A coding of damage to property (set fire, torch, loot)."""
    return coding.cameo in ctx.clause_words("property_codes")


def riot_target(target: Actor | None) -> Actor | None:
    """A riot's target: a group or institution, never the place it happened in."""
    return None if target is not None and target.type in PLACE_TYPES else target


def named_for_crowds(ctx: Context, draft: Draft) -> bool:
    """"Kenyan riot police fired tear gas": a protest noun inside the very mention of the state
    forces (`force_categories`) it would be the act of names what those forces police ("riot
    police", "anti-riot squad"), not a protest of theirs."""
    if draft.kind != "noun" or plover_type(ctx.know.patterns.codes, draft.coding) != "PROTEST":
        return False
    if not of_category(ctx, draft.source, "force_categories"):
        return False
    at = draft.trigger.idx
    return any(start <= at < end for start, end, actor in ctx.mentions if actor.id == draft.source.id)


def policed_protest(ctx: Context, draft: Draft, drafts: list[Draft]) -> bool:
    """"Police arrested 30 people in a protest in Harare", "soldiers shot two men at a rally": a
    protest noun hung by a preposition on an act of state forces (`force_categories`), whose
    subject the noun took for its own, is the protest they acted at, not one of theirs ("police
    officers staged a protest", "a strike by police officers" stay theirs)."""
    codes = ctx.know.patterns.codes
    if draft.kind != "noun" or plover_type(codes, draft.coding) != "PROTEST" or draft.trigger.dep_ != "pobj":
        return False
    if not of_category(ctx, draft.source, "force_categories"):
        return False
    act = draft.trigger.head.head
    return any(d is not draft and d.trigger.i == act.i and d.source.id == draft.source.id
               and plover_type(codes, d.coding) != "PROTEST" for d in drafts)


# how many sentences back a protest may be told for the force that follows to be aimed at it
CROWD_SENTENCES_BACK = 2


def policed_crowds(ctx: Context, drafts: list[Draft]) -> list[Draft]:
    """The drafts, state forces' force with no target but a place (clauses.txt `force_categories`,
    `crowd_force_types`) aimed at the protesters of the nearest protest (or act of protesters,
    `crowd_categories`) told in its sentence or the CROWD_SENTENCES_BACK before it; unchanged
    without one."""
    codes = ctx.know.patterns.codes
    protests = sorted((d for d in drafts if d.kind != "quote" and (
        plover_type(codes, d.coding) == "PROTEST" or of_category(ctx, d.source, "crowd_categories"))),
        key=lambda d: d.trigger.i)
    starts = [s.start for s in ctx.nlp.sents]
    out = []
    for draft in drafts:
        crowd = None
        if uses_force(ctx, draft):
            protest = nearest_protest(ctx, draft, protests, starts)
            crowd = protest.source if protest is not None else crowd_in_sentence(ctx, draft, drafts)
        out.append(replace(draft, target=crowd) if crowd is not None else draft)
    return out


def crowd_in_sentence(ctx: Context, draft: Draft, drafts: list[Draft]) -> Actor | None:
    """"officers used pepper spray only after protesters tried to break through": with no
    protest told near it, the crowd (`crowd_categories`) its own sentence names, when the
    story tells of that crowd acting or acted on elsewhere."""
    sent = draft.trigger.sent
    told = {a.id for d in drafts if d is not draft for a in (d.source, d.target) if a is not None}
    for start, _end, actor in ctx.mentions:
        if sent.start_char <= start < sent.end_char and actor.id != draft.source.id and actor.id in told \
                and of_category(ctx, actor, "crowd_categories"):
            return actor
    return None


def uses_force(ctx: Context, draft: Draft) -> bool:
    """Force with no target named (or only the place it was used in: "fired tear gas in Lima"),
    by state forces (`force_categories`, `crowd_force_types`)."""
    plover = plover_type(ctx.know.patterns.codes, draft.coding) or ""
    return riot_target(draft.target) is None and of_category(ctx, draft.source, "force_categories") and \
        plover.lower() in ctx.clause_words("crowd_force_types")


def nearest_protest(ctx: Context, draft: Draft, protests: list[Draft], starts: list[int]) -> Draft | None:
    """The latest protest by another actor from CROWD_SENTENCES_BACK sentences before the draft's
    to the end of its sentence."""
    here = bisect_right(starts, draft.trigger.i) - 1
    first = starts[max(0, here - CROWD_SENTENCES_BACK)]
    end = draft.trigger.sent.end
    for other in reversed(protests):
        i = other.trigger.i
        if first <= i < end and other.source.id != draft.source.id:
            return other
    return None
