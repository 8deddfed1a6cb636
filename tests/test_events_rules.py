"""Each rule of the events stage's rule tuples on its own: one test per rule,
on a sentence written for it, through the real structure and parse stages
(tests/events_fixtures.py). A rule added to a tuple needs a test here
(test_every_rule_has_a_test)."""

from __future__ import annotations

import sys

from briefgraph.knowledge import Knowledge
from briefgraph.stages.events import (
    arguments,
    attributions,
    draft_filters,
    noun_targets,
    subjects,
    target_choice,
    targets,
    triggers,
)
from briefgraph.stages.events.arguments import NOBODY, Ask
from briefgraph.stages.events.coding import is_event_noun, verb_coding
from briefgraph.stages.events.context import demonym_states
from briefgraph.stages.events.noun_targets import NounUse
from briefgraph.stages.events.syntax import proper_nouns_below
from briefgraph.stages.events.targets import LATE, Late
from events_fixtures import analysed, context_of, events_of, extra_actors, find, token

RULE_TUPLES = {
    "VERB_VETOES": triggers.VERB_VETOES,
    "TRIGGER_FINDERS": triggers.TRIGGER_FINDERS,
    "DRAFT_FILTERS": draft_filters.DRAFT_FILTERS,
    "SUBJECT_RULES": subjects.SUBJECT_RULES,
    "NOUN_SOURCE_RULES": subjects.NOUN_SOURCE_RULES,
    "VERB_TARGET_RULES": targets.VERB_TARGET_RULES,
    "NOUN_TARGET_RULES": noun_targets.NOUN_TARGET_RULES,
    "ACTOR_RULES": arguments.ACTOR_RULES,
    "ATTRIBUTION_RULES": attributions.ATTRIBUTION_RULES,
}


def test_every_rule_has_a_test():
    module = sys.modules[__name__]
    missing = [f"{tuple_name}.{rule.__name__}" for tuple_name, rules in RULE_TUPLES.items() for rule in rules
               if not hasattr(module, f"test_{rule.__name__}")]
    assert not missing, f"rules without a test_<rule name> in {__name__}: {missing}"


def texts(tokens) -> list[str]:
    return [t.text if not isinstance(t, Late) else "LATE" for t in tokens]


def coded(ctx, word):
    return verb_coding(ctx.know.patterns, token(ctx, word))


def drafts_of(ctx, finder=triggers.verb_events):
    sent = next(iter(ctx.nlp.sents))
    return finder(ctx, sent, triggers.light_nouns(ctx, sent))


def test_a_particle_read_as_an_adverb_codes_with_its_verb():
    ctx = context_of("Dockers in Mombasa walked out on Thursday.")
    assert coded(ctx, "walked") is not None and coded(ctx, "walked").cameo == "143", \
        "'walked out' (the parser makes 'out' an adverb) is a walkout"
    ctx = context_of("Dockers in Mombasa walked quickly.")
    assert coded(ctx, "walked") is None or coded(ctx, "walked").cameo != "143", "a plain adverb is no particle"


# ---- VERB_VETOES: why a verb is no trigger ----

def test_coded_by_head():
    ctx = context_of("Egypt agreed to release the prisoners.")
    assert triggers.coded_by_head(ctx, token(ctx, "release"), coded(ctx, "release")), \
        "'agreed to release': the head's pattern codes the xcomp, it is no trigger of its own"
    assert triggers.coded_by_head(ctx, token(ctx, "agreed"), coded(ctx, "agreed")) is None, \
        "the head verb itself is not vetoed"


def test_describes_event_noun():
    ctx = context_of("The strikes targeting Hezbollah continued.")
    assert triggers.describes_event_noun(ctx, token(ctx, "targeting"), None), \
        "'strikes targeting X': the participle describes the noun's event"
    assert triggers.describes_event_noun(ctx, token(ctx, "continued"), None) is None


def test_light_verb_of_event():
    ctx = context_of("Egypt held talks with Ethiopia.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "held"), coded(ctx, "held")), \
        "'held talks': the light verb gives way to its event noun"
    ctx = context_of("Egypt condemned Israel.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "condemned"), coded(ctx, "condemned")) is None
    ctx = context_of("The attack on the border post was carried out by Hamas.")
    assert triggers.light_verb_of_event(ctx, token(ctx, "carried"), coded(ctx, "carried")), \
        "'the attack was carried out by X': a passive light verb gives way to its subject"
    found = [(d.kind, d.coding.cameo[:2], d.source.name) for d in drafts_of(ctx, triggers.noun_events)]
    assert found == [("noun", "19", "Hamas")], f"the attack is done by the light verb's agent: {found}"


def test_aim_of_a_protest():
    ctx = context_of("Egyptian students staged demonstrations in Cairo to demand reforms from Egypt.")
    assert triggers.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")), \
        "'staged demonstrations to demand': the demand is the protest's aim, one event"
    ctx = context_of("Egypt sent envoys to Khartoum to demand the release of the prisoners.")
    assert triggers.aim_of_a_protest(ctx, token(ctx, "demand"), coded(ctx, "demand")) is None, \
        "the purpose of no protest stays a demand"


def test_not_in_dictionary():
    ctx = context_of("Egypt condemned Israel.")
    verb = token(ctx, "condemned")
    assert triggers.not_in_dictionary(ctx, verb, None), "a verb no pattern codes is no trigger"
    assert triggers.not_in_dictionary(ctx, verb, coded(ctx, "condemned")) is None, "'condemn' is in the dictionary"


def test_restates_purpose_head():
    ctx = context_of("Egypt met Sudan in Cairo on Monday to discuss the border.")
    assert triggers.restates_purpose_head(ctx, token(ctx, "discuss"), coded(ctx, "discuss")), \
        "'met ... to discuss' is one consultation: the purpose is vetoed"
    ctx = context_of("Egypt sent observers to Sudan on Monday to investigate the killings.")
    assert triggers.restates_purpose_head(ctx, token(ctx, "investigate"), coded(ctx, "investigate")) is None, \
        "a purpose of another type than its head is an event of its own"


def test_permitted_by_head():
    ctx = context_of("Egypt opened the Rafah crossing on Monday to allow aid trucks into Gaza.")
    assert triggers.permitted_by_head(ctx, token(ctx, "allow"), coded(ctx, "allow")), \
        "'opened the crossing to allow trucks': the permission is what the opening lets happen, one event"
    ctx = context_of("Israel allowed aid trucks into Gaza on Monday.")
    assert triggers.permitted_by_head(ctx, token(ctx, "allowed"), coded(ctx, "allowed")) is None, \
        "a permission that is no purpose is an event of its own"


def test_aim_of_a_mobilization():
    ctx = context_of("Egypt called up 20,000 reservists to fight Hamas.")
    assert triggers.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")), \
        "'called up reservists to fight': the fight is the call-up's aim, no attack told"
    ctx = context_of("Egypt crossed the border to fight Hamas.")
    assert triggers.aim_of_a_mobilization(ctx, token(ctx, "fight"), coded(ctx, "fight")) is None, \
        "the purpose of an act that is no mobilization stays its own event"


def test_hedges_its_subject():
    ctx = context_of("Gunmen suspected to be bandits kidnapped 20 passengers in Zamfara.")
    assert triggers.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")), \
        "'gunmen suspected to be bandits': a hedge of what the gunmen are, no accusation"
    ctx = context_of("Police suspected the driver of smuggling.")
    assert triggers.hedges_its_subject(ctx, token(ctx, "suspected"), coded(ctx, "suspected")) is None, \
        "a suspicion with an object is no hedge"


# ---- TRIGGER_FINDERS ----

def test_verb_events():
    ctx = context_of("Egypt condemned Israel on Sunday.")
    found = [(d.trigger.text, d.source.name, d.target and d.target.name) for d in drafts_of(ctx)]
    assert found == [("condemned", "Egypt", "Israel")], f"one verb event expected: {found}"


def test_noun_events():
    ctx = context_of("Israel's strikes on Hezbollah continued.")
    found = [(d.trigger.text, d.source.name, d.target and d.target.name)
             for d in drafts_of(ctx, triggers.noun_events)]
    assert ("strikes", "Israel", "Hezbollah") in found, f"the event noun with its possessor: {found}"


def test_obligation_events():
    ctx = context_of("Turkey said Israel must withdraw.")
    found = [(d.coding.cameo, d.source.name, d.target and d.target.name)
             for d in drafts_of(ctx, triggers.obligation_events)]
    assert found == [("100", "Turkey", "Israel")], f"'said Y must': a demand of Y: {found}"


def test_joint_action_events():
    ctx = context_of("Egypt and Sudan jointly built a new border post.")
    found = sorted((d.coding.cameo, d.source.name, d.target and d.target.name)
                   for d in drafts_of(ctx, triggers.joint_action_events))
    assert found == [("062", "Egypt", "Sudan"), ("062", "Sudan", "Egypt")], \
        f"an uncoded action done jointly: cooperation with each other: {found}"
    ctx = context_of("Egypt and Sudan signed a joint statement.")
    assert drafts_of(ctx, triggers.joint_action_events) == [], "a coded verb keeps its own coding"
    ctx = context_of("Officers began joint patrols in the capital.")
    assert drafts_of(ctx, triggers.joint_action_events) == [], "no partner named: nothing coded"


# ---- DRAFT_FILTERS ----

def _draft(drafts, trigger):
    hits = [d for d in drafts if d.trigger.text == trigger]
    assert hits, f"no draft triggered by {trigger!r}: {[d.trigger.text for d in drafts]}"
    return hits[0]


def test_embedded_in_another():
    ctx = context_of("Egypt demanded that Israel withdraw its troops.")
    drafts = drafts_of(ctx)
    assert draft_filters.embedded_in_another(ctx, _draft(drafts, "withdraw"), drafts), \
        "what Egypt demands did not happen"
    assert draft_filters.embedded_in_another(ctx, _draft(drafts, "demanded"), drafts) is None, "the demand did"


def test_told_by_its_means():
    from events_fixtures import pipeline_events
    events = pipeline_events("Syrian government forces violated the Idlib ceasefire by shelling Maarat al-Numan.")
    assert [p for _, p, _ in events] == ["ASSAULT"], \
        f"a violation told through the shelling it was done by is that shelling's description: {events}"
    events = pipeline_events("Turkey violated the ceasefire.")
    assert [p for _, p, _ in events] == ["REJECT"], f"a violation told alone stays: {events}"


def test_in_a_condition():
    ctx = context_of("Turkey threatened to expel Israeli diplomats if Israel attacked Hamas again.")
    drafts = drafts_of(ctx)
    assert draft_filters.in_a_condition(ctx, _draft(drafts, "attacked"), drafts), "an 'if' clause did not happen"
    assert draft_filters.in_a_condition(ctx, _draft(drafts, "threatened"), drafts) is None, "the threat did"


def test_errand_of_who_went():
    ctx = context_of("Egyptian envoys who had gone to Khartoum to condemn Hamas were turned back.")
    drafts = drafts_of(ctx)
    errand = [d for d in drafts if d.trigger.text == "condemn"]
    assert errand and draft_filters.errand_of_who_went(ctx, errand[0], drafts), \
        "the errand of envoys described as going is no fact"
    ctx = context_of("Egypt sent observers to Sudan on Monday to investigate the killings.")
    drafts = drafts_of(ctx)
    assert not any(draft_filters.errand_of_who_went(ctx, d, drafts) for d in drafts), "a purpose of a main verb stays"


def test_ended_by_its_holder():
    ctx = context_of("Egypt ended its strike on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    strike = [d for d in drafts if d.trigger.text == "strike"]
    assert strike and draft_filters.ended_by_its_holder(ctx, strike[0], drafts), "what its holder ends is no event"
    ctx = context_of("Egypt did not end its strike.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert not any(draft_filters.ended_by_its_holder(ctx, d, drafts) for d in drafts), "a strike not ended goes on"


def test_told_by_its_verb():
    ctx = context_of("Egypt vowed to continue its protests on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert draft_filters.told_by_its_verb(ctx, _draft(drafts, "protests"), drafts), \
        "the protests the vow's own PROTEST tells are no second event"
    ctx = context_of("Egypt began its protests on Monday.")
    drafts = drafts_of(ctx, triggers.noun_events) + drafts_of(ctx)
    assert draft_filters.told_by_its_verb(ctx, _draft(drafts, "protests"), drafts) is None, \
        "a verb with no event of its own leaves the noun its event"


def test_holder_on():
    ctx = context_of("Egyptian doctors on strike marched in Cairo.")
    assert texts(triggers.holder_on(token(ctx, "strike"))) == ["doctors"], "'doctors on strike': the doctors"
    assert triggers.holder_on(token(ctx, "Cairo")) == [], "not after 'on'"


def test_protest_manner():
    ctx = context_of("Egyptian farmers dumped tomatoes on a highway near Cairo on Monday in protest at low prices.")
    assert texts(triggers.protest_manner(ctx, token(ctx, "protest"))) == ["farmers"], \
        "a protest the act was done in is its doer's"
    ctx = context_of("Egyptian farmers blocked roads near Cairo on Monday in a strike against low prices.")
    assert triggers.protest_manner(ctx, token(ctx, "strike")) == [], "a protest verb is the same event"
    ctx = context_of("Algeria recalled its ambassador from France in protest at the French decision.")
    assert triggers.protest_manner(ctx, token(ctx, "protest")) == [], "reduced relations are the protest itself"


def test_in_an_opinion_quote():
    text = "Egypt said that Israel had “attacked Sudan without cause” on Monday."
    ctx = context_of(text, quotes=[("attacked Sudan without cause", "Egypt", "partial")])
    drafts = drafts_of(ctx)
    assert draft_filters.in_an_opinion_quote(ctx, _draft(drafts, "attacked"), drafts), \
        "a characterisation quoted inside reported speech is not coded"
    ctx = context_of(text)
    drafts = drafts_of(ctx)
    assert draft_filters.in_an_opinion_quote(ctx, _draft(drafts, "attacked"), drafts) is None, "no quote, no veto"


# ---- SUBJECT_RULES: whose subject a verb without one inherits ----

def _subjects(rule, text, verb):
    ctx = context_of(text)
    found = rule(ctx, token(ctx, verb), 0)
    return (texts(found[0]), found[1]) if found is not None else None


def test_hedged_subject():
    assert _subjects(subjects.hedged_subject, "Armed men believed to be rebels abducted six traders in Ituri.",
                     "abducted") == (["men"], False), "'men believed to be rebels abducted': the men abduct"
    assert _subjects(subjects.hedged_subject, "Egypt agreed to release the prisoners.", "release") is None, \
        "no hedge above the verb"


def test_from_head_verb():
    assert _subjects(subjects.from_head_verb, "Egypt agreed to release the prisoners.", "release") == \
        (["Egypt"], False), "'agreed to release': the head verb's subject releases"


def test_through_adjective():
    assert _subjects(subjects.through_adjective, "Sudan is willing to withdraw its troops.", "withdraw") == \
        (["Sudan"], False), "'Sudan is willing to withdraw': Sudan withdraws"


def test_from_gerund_head():
    assert _subjects(subjects.from_gerund_head, "Egypt condemned Israel, accusing it of aggression.",
                     "accusing") == (["Egypt"], False), "', accusing ...': the subject of the verb it hangs on"
    assert _subjects(subjects.from_gerund_head, "Egypt will reopen the crossing, officials said, yielding to "
                     "pressure from Qatar.", "yielding") == (["Egypt"], False), \
        "a material act hung on a report verb after what it reports: the reported clause's doer"
    assert _subjects(subjects.from_gerund_head, "Egypt closed the crossing, officials said, blaming Hamas.",
                     "blaming") == (["officials"], False), "blaming hung on a report verb: the speaker's"


def test_means_gerund():
    assert _subjects(subjects.means_gerund, "Syria violated the ceasefire by shelling Idlib.", "shelling") \
        == (["Syria"], False), "'violated the ceasefire by shelling': the violator shells"
    assert _subjects(subjects.means_gerund, "Syria is used to shelling Idlib.", "shelling") is None


def test_from_purpose_head():
    assert _subjects(subjects.from_purpose_head, "Egypt sent observers to Sudan on Monday to investigate "
                     "the killings.", "investigate") == (["Egypt"], False), "'sent observers to investigate': the sender"


def test_hung_on_subject_noun():
    assert _subjects(subjects.hung_on_subject_noun, "Egypt, hosting talks with Hamas in Doha.", "hosting") == \
        (["Egypt"], False), "a sentence the parser hung on its subject noun: the noun acts"


def test_participle_agent():
    assert _subjects(subjects.participle_agent, "The drones launched by Hezbollah hit Israel.", "launched") == \
        (["Hezbollah"], True), "'drones launched by X': the agent, passive"


def test_participle_noun():
    assert _subjects(subjects.participle_noun, "Boats heading to the shoal were stopped.", "heading") == \
        (["Boats"], False), "'boats heading to the shoal': the boats head there"
    assert _subjects(subjects.participle_noun, "Egypt issued a statement applauding Sudan.", "applauding") == \
        (["Egypt"], False), "'a statement applauding X': the statement's author applauds"


# ---- NOUN_SOURCE_RULES: each child of an event noun ----

def _noun_sources(rule, text, noun, child):
    ctx = context_of(text)
    return texts(rule(ctx, token(ctx, noun), token(ctx, child)))


def test_possessor():
    assert _noun_sources(subjects.possessor, "Israel's strikes on Hezbollah continued.", "strikes", "Israel") == \
        ["Israel"], "'Israel's strikes': the possessor strikes"


def test_actor_modifier():
    assert _noun_sources(subjects.actor_modifier, "The Israeli strikes on Hezbollah continued.", "strikes",
                         "Israeli") == ["Israeli"], "'the Israeli strikes': the modifier names the actor"
    assert _noun_sources(subjects.actor_modifier, "The heavy strikes on Hezbollah continued.", "strikes",
                         "heavy") == [], "a modifier that names no actor is no source"


def test_by_phrase():
    assert _noun_sources(subjects.by_phrase, "The strikes by Israel on Hezbollah continued.", "strikes", "by") == \
        ["Israel"], "'strikes by Israel'"
    assert _noun_sources(subjects.by_phrase, "The strikes of Israel on Hezbollah continued.", "strikes", "of") == \
        [], "'of' is the agent only after visit, trip, tour"


def test_describes_a_weapon():
    ctx = context_of("Two students were wounded by rubber bullets fired by soldiers at the campus.")
    assert triggers.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")), \
        "'bullets fired by soldiers' names the weapon of the wounding, no second event"
    ctx = context_of("Soldiers fired rubber bullets at students on the campus.")
    assert triggers.describes_a_weapon(ctx, token(ctx, "fired"), coded(ctx, "fired")) is None, "the main verb"


# ---- VERB_TARGET_RULES ----

def _verb_targets(rule, text, verb, place=False):
    ctx = context_of(text)
    return texts(rule(ctx, token(ctx, verb), place))


def test_relative_clause_noun():
    assert _verb_targets(targets.relative_clause_noun, "Eritrea released the fishermen it detained in March.",
                         "detained") == ["fishermen"], "'the fishermen it detained': the noun is the object"


def test_objects():
    assert _verb_targets(targets.objects, "Egypt condemned Israel's attack on Sudan.", "condemned") == \
        ["attack", "Israel", "Sudan"], "the object, then its possessor and prepositional objects"


def test_recipient():
    found = _verb_targets(targets.recipient, "Kenya handed over three suspects to Somalia on Friday.", "handed")
    assert found == ["Somalia"], f"who receives what is handed over comes first: {found}"
    assert _verb_targets(targets.recipient, "Kenya arrested three suspects in Somalia.", "arrested") == [], \
        "only transfer verbs have a recipient"


def test_opened_to():
    found = _verb_targets(targets.opened_to, "Pakistan reopened the Torkham crossing to Afghan trucks.", "reopened")
    assert found[:2] == ["trucks", "Afghan"], f"whom a crossing is opened for (or their state) first: {found}"
    found = _verb_targets(targets.opened_to, "Uzbekistan opened the bridge to allow deliveries of grain to Kabul.",
                          "opened")
    assert "Kabul" in found, f"the target of the purpose of the opening: {found}"
    assert _verb_targets(targets.opened_to, "Kenya opened an investigation into the attack on Somalia.",
                         "opened") == [], "only passages (clauses.txt passage_nouns) opened"


def test_refuge_place():
    assert _verb_targets(targets.refuge_place, "Hundreds of Syrians sought asylum in Turkey last week.",
                         "sought") == ["Turkey"], "refuge is asked of the state where it is sought"
    assert _verb_targets(targets.refuge_place, "Hundreds of Syrians sought work in Turkey.", "sought") == [], \
        "only refuge (clauses.txt refuge_nouns)"


def test_journey_purpose():
    with extra_actors(**{"Abiy Ahmed": ("PERSON", [])}):
        found = _verb_targets(targets.journey_purpose,
                              "Sameh Shoukry travelled to Addis Ababa on Monday to meet Abiy Ahmed.", "travelled")
        assert "Ahmed" in found and "Ababa" not in found, f"whom the journey is for, not where it goes: {found}"
        ctx = context_of("Sameh Shoukry flew to Doha for talks with Hamas.")
        assert "Hamas" in texts(targets.journey_purpose(ctx, token(ctx, "flew"), False)), "'for talks with Hamas'"
        events = events_of(analysed("Sameh Shoukry travelled to Addis Ababa on Monday to meet Abiy Ahmed."))
        assert find(events, "Sameh Shoukry", "CONSULT")[3] == "Abiy Ahmed", events
    assert _verb_targets(targets.journey_purpose, "Egypt sent troops to Sudan to fight Hamas.", "sent") == [], \
        "only a journey's purpose"


def test_state_mission():
    with extra_actors(Protesters=("NORP", []), Russia=("GPE", ["Russian"])):
        found = _verb_targets(targets.state_mission, "Protesters rallied outside the Russian embassy against the war.",
                              "rallied", place=True)
        assert found == ["embassy"], f"a protest at a state's mission: {found}"
        events = events_of(analysed("Protesters rallied outside the Russian embassy against the occupation of Egypt."))
        assert find(events, "Protesters", "PROTEST")[3] == "Russia", events
    assert _verb_targets(targets.state_mission, "Egypt shelled positions outside the embassy.", "shelled") == [], \
        "only codings whose place may be the target"


def test_prepositional_objects():
    assert "Israel" in _verb_targets(targets.prepositional_objects, "Hezbollah launched rockets at Israel overnight.",
                                     "launched"), "'launched rockets at Israel'"


def test_reason_holder():
    found = _verb_targets(targets.reason_holder, "Sudan suspended the talks in protest at Ethiopia's decision.",
                          "suspended")
    assert found == ["Ethiopia"], f"an act done in protest at another's act is aimed at its doer: {found}"
    found = _verb_targets(targets.reason_holder, "Russia expelled two diplomats in retaliation for a move by Britain.",
                          "expelled")
    assert found == ["Britain"], f"the reason's 'by' agent: {found}"
    assert _verb_targets(targets.reason_holder, "Farmers dumped tomatoes in protest at low prices.", "dumped") == []


def test_message_addressee():
    found = _verb_targets(targets.message_addressee, "In a letter to Egypt, Sudan requested urgent talks on the dam.",
                          "requested")
    assert found == ["Egypt"], f"an act made in a letter is aimed at whom the letter is to: {found}"
    assert _verb_targets(targets.message_addressee, "In a village near Khartoum, Sudan requested aid.",
                         "requested") == [], "a place the act is made in is no message"


def test_controller_object():
    found = _verb_targets(targets.controller_object, "A court in Cairo ordered Omar Farouk to stand trial.", "stand")
    assert found == ["Farouk"], f"'ordered X to stand trial': done to the one made to do it: {found}"
    assert _verb_targets(targets.controller_object, "Egypt agreed to release the prisoners.", "release") == [], \
        "a head with no object controls nothing"


def test_complement_targets():
    assert "prisoners" in _verb_targets(targets.complement_targets, "Egypt agreed to release the prisoners.",
                                        "agreed"), "an xcomp's object"
    assert _verb_targets(targets.complement_targets, "Egypt demanded that Israel withdraw its troops.",
                         "demanded") == ["Israel"], "a ccomp's subject"


def test_announced_action_targets():
    assert _verb_targets(targets.complement_targets, "Hezbollah warned that it would strike Israel's ports.",
                         "warned")[1:3] == ["ports", "Israel"], "what the announced action would hit, after its subject"
    assert _verb_targets(targets.complement_targets, "Hezbollah said that it struck Israel's ports.",
                         "said") == ["it"], "a past action is not announced"
    events = events_of(analysed("Hezbollah warned that it would strike Israel's ports."))
    assert find(events, "Hezbollah", "THREATEN")[3] == "Israel", events


def test_conditioned_actor():
    assert _verb_targets(targets.conditioned_actor, "Turkey threatened sanctions unless Israel ends the war.",
                         "threatened") == ["Israel"], "'unless Israel ends the war': the threat is aimed at Israel"


def test_names_inside_objects():
    assert _verb_targets(targets.names_inside_objects, "Egypt opened its border to refugees fleeing from Sudan.",
                         "opened") == ["Sudan"], "a name inside a directed object"


def test_names_inside_objects_skip_a_destination():
    assert _verb_targets(targets.names_inside_objects, "Israel intercepted a ship bound for Egypt.",
                         "intercepted") == [], "'a ship bound for Egypt': Egypt is where it went"
    events = events_of(analysed("Israel intercepted a ship bound for Egypt on Monday."))
    # an interception of a ship is COERCE 191, which needs the one it is done to: no event rather than a guess
    assert all(e[3] is None for e in events), f"no guess at the destination either: {events}"


def test_held_objects():
    assert _verb_targets(targets.held_objects, "Soldiers broke up a protest by farmers on Monday.",
                         "broke") == ["farmers"], "done to a protest, done to those who hold it"
    assert _verb_targets(targets.held_objects, "Police dispersed a march by nurses outside the ministry.",
                         "dispersed") == ["nurses"], "a 'by' the parser hung on the active verb"
    assert _verb_targets(targets.held_objects, "The mayor banned a march that traders had organised.",
                         "banned") == ["traders"], "'a march that traders had organised': the traders"
    assert _verb_targets(targets.held_objects, "Police stopped a car near the border.", "stopped") == [], \
        "no event noun, no holder"


def test_event_holders_of_a_passive_subject():
    ctx = context_of("A march by unpaid teachers was broken up by police on Monday.")
    found = texts(targets.verb_targets(ctx, token(ctx, "broken"), True))
    assert "teachers" in found[:found.index("LATE")], f"the holders of the march are the patients: {found}"


def test_late_targets():
    found = _verb_targets(targets.late_targets, "Egypt shelled positions in Sudan.", "shelled", place=True)
    assert found[:1] == ["LATE"] and "Sudan" in found, f"guesses after LATE, the place among them: {found}"


# ---- NOUN_TARGET_RULES ----

def _noun_targets(rule, text, noun, governor=None, place=False):
    ctx = context_of(text)
    use = NounUse(token(ctx, noun), token(ctx, governor) if governor else None, place)
    return texts(rule(ctx, use))


def test_noun_prep_objects():
    assert _noun_targets(noun_targets.noun_prep_objects, "Israel's strikes on Hezbollah continued.", "strikes") == \
        ["Hezbollah"], "'strikes on Hezbollah'"


def test_described_by_verbs():
    assert _noun_targets(noun_targets.described_by_verbs, "The strikes targeting Hezbollah continued.", "strikes") == \
        ["Hezbollah"], "'strikes targeting Hezbollah'"


def test_light_verb_objects():
    assert _noun_targets(noun_targets.light_verb_objects, "Egypt held talks unless Hamas frees the hostages.", "talks",
                         governor="held") == ["Hamas"], "the light verb's condition names the target"
    assert _noun_targets(noun_targets.light_verb_objects, "Egypt held talks unless Hamas frees the hostages.",
                         "talks") == [], "no light verb, nothing"


def test_what_it_hit():
    assert _noun_targets(noun_targets.what_it_hit, "The strikes hit Hezbollah.", "strikes") == ["Hezbollah"], \
        "'the strikes hit X': X is the target"


def test_later_in_phrase():
    assert _noun_targets(noun_targets.later_in_phrase, "Israel's strikes on Hezbollah positions continued.",
                         "strikes") == ["LATE", "Hezbollah", "positions"], "guesses: names after the noun"


def test_light_verb_late():
    found = _noun_targets(noun_targets.light_verb_late, "Egypt held talks with Hamas.", "talks", governor="held")
    assert found[:1] == ["LATE"] and "Hamas" in found, f"the light verb's guesses: {found}"
    assert _noun_targets(noun_targets.light_verb_late, "Egypt held talks with Hamas.", "talks") == []


# ---- ACTOR_RULES: which actor a token stands for ----

def _actor(rule, text, word, depth=0, target=False, nth=0, **kwargs):
    ctx = context_of(text, **kwargs)
    verdict = rule(ctx, Ask(token(ctx, word, nth), depth, target))
    return "NOBODY" if verdict is NOBODY else (verdict.name if verdict is not None else None)


def test_more_of_the_same():
    with extra_actors(**{"police": ("GROUP", []), "supporters": ("GROUP", []), "Maputo": ("GPE", [])}):
        ctx = context_of("The police fired at supporters in Maputo, wounding eight, and detained dozens more.")
        found = arguments.more_of_the_same(ctx, Ask(token(ctx, "dozens")))
        assert found is not None and found.name == "supporters", "'dozens more': more of the supporters"
        assert arguments.more_of_the_same(ctx, Ask(token(ctx, "eight"))) is None, "no 'more' after it"


def test_pronoun_antecedent():
    assert _actor(arguments.pronoun_antecedent, "Sameh Shoukry arrived on Monday. He met Hamas.", "He") == \
        "Sameh Shoukry", "'he': the person named before"
    assert _actor(arguments.pronoun_antecedent, "Egypt arrived on Monday. He met Hamas.", "He") == "NOBODY", \
        "'he' with no person before stands for nobody"
    assert _actor(arguments.pronoun_antecedent, "Egypt condemned Israel.", "Egypt") is None, "not a pronoun"


def test_other_pronoun():
    assert _actor(arguments.other_pronoun, "Those who attacked Egypt fled.", "Those") == "NOBODY", \
        "'those who ...' resolves to no actor"


def test_named_actor():
    assert _actor(arguments.named_actor, "Egypt condemned Israel.", "Egypt") == "Egypt"
    with extra_actors(CAIRO=("GPE", [])):
        found = _actor(arguments.named_actor, "CAIRO (Reuters) - Egypt condemned Israel.", "CAIRO")
    assert found is None, "a wire dateline's place filed the story, it is no actor of it"


def test_too_deep():
    assert _actor(arguments.too_deep, "Egypt condemned Israel.", "Egypt", depth=arguments.MAX_DEPTH + 1) == "NOBODY"
    assert _actor(arguments.too_deep, "Egypt condemned Israel.", "Egypt", depth=arguments.MAX_DEPTH) is None


def test_definite_description():
    with extra_actors(**{"African Union": ("ORG", []), "Niger": ("GPE", [])}):
        found = _actor(arguments.definite_description,
                       "The African Union suspended Niger after the coup. The bloc condemned Niger.", "bloc")
    assert found == "African Union", "'the bloc' stands for the organisation named before"


def test_compass_short_name():
    with extra_actors(**{"North Korea": ("GPE", []), "South Korea": ("GPE", [])}):
        text = "North Korea fired two missiles on Sunday. South Korea condemned the North for the launch."
        assert _actor(arguments.compass_short_name, text, "North", nth=1) == "North Korea", \
            "'the North': the state named before whose name begins with the word"
        assert find(events_of(analysed(text)), "South Korea", "ACCUSE")[3] == "North Korea"
    assert _actor(arguments.compass_short_name, "Hamas fighters in the North attacked Israel.", "North") is None, \
        "no actor named with the word"


def test_titled_person():
    assert _actor(arguments.titled_person, "Deputy Foreign Minister and Special Envoy Sameh Shoukry met Hamas.",
                  "Minister") == "Sameh Shoukry", "a title heading a phrase that names its holder"


def test_titled_person_not_in_a_place_phrase():
    with extra_actors(**{"Malam Kura": ("PERSON", [])}):
        found = _actor(arguments.titled_person, "The attack on the army base at Malam Kura was repelled.", "base")
    assert found is None, f"a name in the head's place phrase says where it is, it holds no title: {found}"


def test_group_of():
    assert _actor(arguments.group_of, "Envoys from Qatar met Hamas.", "Envoys") == "Qatar", "'envoys from Qatar'"


def test_apposition():
    assert _actor(arguments.apposition, "Its ally, Egypt, condemned Israel.", "ally") == "Egypt", \
        "'its ally, Egypt'"


def test_named_apposition():
    with extra_actors(**{"Pavel Sorokin": ("PERSON", [])}):
        found = _actor(arguments.named_apposition,
                       "Germany granted asylum to a dissident journalist, Pavel Sorokin, last year.", "journalist")
    assert found == "Pavel Sorokin", f"a common noun with a name in apposition stands for the named: {found}"


def test_named_modifier():
    assert _actor(arguments.named_modifier, "The Hamas delegation arrived in Cairo.", "delegation") == "Hamas", \
        "'the Hamas delegation'"


def test_demonym_modifier():
    assert _actor(arguments.demonym_modifier, "Ethiopian drones hit Sudan, Ethiopia said.", "drones") == "Ethiopia", \
        "'Ethiopian drones' are the Ethiopian state's"
    assert _actor(arguments.demonym_modifier, "Ethiopian workers protested in Sudan, Ethiopia said.", "workers") is None, \
        "'Ethiopian workers' are not the state"
    assert _actor(arguments.demonym_modifier, "Sudan attacked Ethiopian workers, Ethiopia said.", "workers", target=True) == \
        "Ethiopia", "as a target, the state's people are the state"


def test_office_in_named():
    assert _actor(arguments.office_in_named, "A court in Moscow sentenced a U.S. journalist to prison.", "court") == \
        "Moscow", "a body 'in' a named place with no actor of its own stands for the place"
    with extra_actors(**{"University of Dhaka": ("ORG", [])}):
        assert _actor(arguments.office_in_named, "The rector of the University of Dhaka threatened the students.",
                      "rector") == "University of Dhaka", "an office 'of' a named organisation stands for it"
    assert _actor(arguments.office_in_named, "The district magistrate lifted the curfew.", "magistrate") is None, \
        "an office with no place, state or organisation named: no actor"
    assert _actor(arguments.office_in_named, "A bus in Moscow hit a U.S. journalist.", "bus") is None, \
        "a noun that is no body or office (offices.txt) stands for nothing"


def test_demonym_modifier_reads_bodies_and_offices_as_the_state():
    assert _actor(arguments.demonym_modifier, "An Egyptian court sentenced two Turkish tourists.", "court") == \
        "Egypt", "'an Egyptian court' (offices.txt) acts for Egypt, as 'Egyptian troops' do"


def test_demonym_itself():
    assert _actor(arguments.demonym_itself, "The Ethiopians protested in Sudan, Ethiopia said.", "Ethiopians") == "Ethiopia"
    assert _actor(arguments.demonym_itself, "The Ethiopians protested in Sudan, Ethiopia said.", "Ethiopians", depth=1) is None, \
        "only at the top level"


def test_demonyms_come_from_the_actor_knowledge_base():
    states = demonym_states(Knowledge.default().actors.kb)
    assert states["iranian"] == "IRN" and states["israeli"] == "ISR"
    assert states["congolese"] == "COG" and states["dominican"] == "DMA", \
        "a demonym two states share goes to the shorter-named state (as demonyms.csv's first row did)"


def test_late_mark_is_one_value():
    assert isinstance(LATE, Late)


# ---- coding: a passive's subject is its object for the patterns ----

def test_passive_object_words():
    ctx = context_of("Diplomatic ties with Chile were cut by Peru on Monday.")
    active = context_of("Peru cut diplomatic ties with Chile on Monday.")
    passive, own = coded(ctx, "cut"), coded(active, "cut")
    assert own is not None and passive is not None, "both voices of 'cut ties' are coded"
    assert passive.cameo == own.cameo, \
        f"'ties were cut' codes as 'cut ties' ({own.cameo}), not {passive.cameo}"


# ---- negation: "neither ... nor", and a past that did not happen ----

def test_neither_actor():
    from briefgraph.stages.events.syntax import neither_actor
    ctx = context_of("Neither Japan nor Canada rejected the plan.")
    assert neither_actor(token(ctx, "rejected")), "'Neither Japan nor Canada rejected': negated"
    ctx = context_of("Japan and Canada rejected the plan.")
    assert not neither_actor(token(ctx, "rejected")), "'Japan and Canada rejected' is not negated"


def test_counterfactual():
    from briefgraph.stages.events.syntax import counterfactual
    ctx = context_of("Had the storm passed, Chile would have met Peru in Lima.")
    assert counterfactual(token(ctx, "met")), "'would have met': it did not happen"
    ctx = context_of("Chile has met Peru in Lima.")
    assert not counterfactual(token(ctx, "met")), "'has met' happened"


# ---- targets: a place beside the people an event is done to is its location ----

def test_place_beside_people():
    ctx = context_of("Chilean police fired tear gas at students in Valparaiso.")
    place = token(ctx, "Valparaiso")
    assert target_choice.place_beside_people(ctx, place, [token(ctx, "students")]), \
        "the students are what the police fired at; Valparaiso is where"
    assert not target_choice.place_beside_people(ctx, place, [token(ctx, "gas")]), \
        "with no people named, the place may still be the target"


def test_repression_tactics_are_coded_175():
    ctx = context_of("Chilean police fired tear gas at students in Valparaiso.")
    coding = coded(ctx, "fired")
    assert coding is not None and coding.cameo == "175", \
        f"tear gas is a tactic of violent repression (CAMEO 175), got {coding}"


# ---- protest phrasings in patterns-core.txt (issue 11, round 3) ----

def test_protest_phrasings_are_coded():
    for text, verb in (("Farmers staged a sit-in outside the ministry.", "staged"),
                       ("Nurses walked off the job in the capital.", "walked"),
                       ("Dockers went on strike at the port.", "went"),
                       ("Opposition parties boycotted the vote.", "boycotted")):
        ctx = context_of(text)
        code = coded(ctx, verb)
        assert getattr(code, "plover", None) == "PROTEST", \
            f"{text!r}: {verb!r} should be coded PROTEST, got {code!r}"
    ctx = context_of("The ministry staged a review of the budget.")
    code = coded(ctx, "staged")
    assert code is None or getattr(code, "plover", None) != "PROTEST", \
        f"'staged a review' is no protest, got {code!r}"


def test_proper_nouns_below_follows_the_subtree():
    ctx = context_of("Egypt urged Qatar and the envoys of Sudan, who met Turkey in Ankara, to keep talking.")
    cache: dict = {}
    for tok in ctx.nlp:
        expected = [t for t in tok.subtree if t.pos_ == "PROPN"]
        assert proper_nouns_below(cache, tok) == expected, f"proper nouns below {tok.text!r} differ from its subtree"
    chain = context_of("Russia condemned Hamas (" * 300)
    verbs = [t for t in chain.nlp if t.text == "condemned"]
    assert len(proper_nouns_below({}, verbs[0].sent.root)) == len([t for t in verbs[0].sent if t.pos_ == "PROPN"]), \
        "a chain of 300 clauses must be walked without recursion"



def test_weapon_user():
    with extra_actors(police=("NORP", []), guards=("NORP", [])):
        assert _actor(arguments.weapon_user, "Students were injured by rubber bullets fired by police.",
                      "bullets") == "police", "'rubber bullets fired by police'"
        assert _actor(arguments.weapon_user, "Three protesters were wounded by gunfire from guards.",
                      "gunfire") == "guards", "'gunfire from guards'"
        assert _actor(arguments.weapon_user, "Egypt condemned Israel.", "Egypt") is None, "no weapon"


def test_counted_of():
    with extra_actors(**{"Papuan students": ("NORP", []), "police": ("NORP", [])}):
        assert _actor(arguments.counted_of, "Papuan students staged a rally, and police arrested 19 of them.",
                      "19") == "Papuan students", "'19 of them': the students, not the police"


def test_answered_actor():
    with extra_actors(Protesters=("NORP", []), troops=("NORP", []), soldiers=("NORP", [])):
        assert _verb_targets(targets.answered_actor, "Protesters hurled stones at soldiers, and troops responded "
                             "with rubber bullets.", "responded") == ["Protesters"], "the answer is done to them"
        assert _verb_targets(targets.answered_actor, "Protesters hurled stones at soldiers.", "hurled") == []


def test_pronoun_skips_a_place_describing_a_group_and_its_own_subject():
    with extra_actors(Police=("NORP", []), Lagos=("GPE", []), Jayapura=("GPE", []), police=("NORP", []),
                      students=("NORP", [])):
        assert _actor(arguments.pronoun_antecedent, "Police in Lagos said they had arrested 17 people.",
                      "they") == "Police", "'Police in Lagos': Lagos says where the police are"
        assert _actor(arguments.pronoun_antecedent, "students staged a rally in Jayapura, and police arrested "
                      "19 of them.", "them") == "students", "not the place, not the arresting police"


def test_shared_agents():
    ctx = context_of("Journalists were pushed and kicked by plainclothes officers.")
    assert texts(subjects.shared_agents(token(ctx, "pushed"))) == ["officers"], "the agent hung on 'kicked'"
    ctx = context_of("A team was attacked by a mob, and two constables were injured.")
    assert subjects.shared_agents(token(ctx, "injured")) == [], "a passive with its own subject keeps none"


def test_a_month_is_no_event_noun():
    ctx = context_of("The clash was the worst since March 23, when Egypt fired water cannon at Sudan.")
    patterns = Knowledge.default().patterns
    assert not is_event_noun(patterns, token(ctx, "March")), "'March 23' is a date"


def test_misplaced_agent():
    ctx = context_of("Riot police used water cannon and tear gas to break up a march by university students.")
    assert texts(triggers.misplaced_agent(token(ctx, "march"))) == ["students"], "'by' hung on 'break'"
    ctx = context_of("Egypt condemned the march.")
    assert triggers.misplaced_agent(token(ctx, "march")) == [], "no agent phrase"


def test_coordinated_partners_come_before_a_site():
    with extra_actors(**{"Wagah": ("LOC", [])}):
        found = events_of(analysed("Egypt and Sudan agreed to a ceasefire at the Wagah crossing on Monday."))
    targets_of_egypt = [e[3] for e in found if e[0] == "Egypt"]
    assert targets_of_egypt and "Wagah" not in targets_of_egypt, \
        f"a site named with a symmetric act is where it happened, not a party: {found}"


def test_misread_subject():
    ctx = context_of("Nauru severed ties with Taipei and switched recognition to Beijing.")
    verb = token(ctx, "severed")
    assert verb.doc[verb.i - 1].dep_ == "npadvmod", "the parse this rule repairs has changed: review the rule"
    assert texts(subjects.misread_subject(verb)) == ["Nauru"], "a name right before a subjectless verb"
    ctx = context_of("Egypt on Monday severed ties with Sudan.")
    assert subjects.misread_subject(token(ctx, "severed")) == [], "the object of a preposition is no subject"


def test_shared_object():
    assert _verb_targets(targets.shared_object, "Police beat and arrested dozens of protesters.",
                         "beat") == ["dozens", "protesters"], "'beat and arrested X': X is beaten too"
    assert _verb_targets(targets.shared_object, "Police beat the men and arrested their leader.", "beat") == [], \
        "a verb with an object of its own shares none"
    assert _verb_targets(targets.shared_object, "Soldiers arrested and beat dozens of villagers.", "arrested") == \
        ["dozens", "villagers"], "either order of the two verbs"
    assert _verb_targets(targets.shared_object, "Police withdrew and soldiers arrested the men.", "withdrew") == [], \
        "a verb joined to one with a subject of its own shares nothing"


# ---- ATTRIBUTION_RULES: who did an act its doer claims ----

def test_claimed_responsibility():
    ctx = context_of("Islamic State claimed responsibility for the bombing of a mosque in Peshawar.")
    doers = attributions.claimed_responsibility(ctx, token(ctx, "bombing"))
    assert [t.text for t in doers] == ["State"], f"who claims the bombing did it: {doers}"
    ctx = context_of("Kenya blamed Islamic State for the bombing of a mosque in Mandera.")
    assert attributions.claimed_responsibility(ctx, token(ctx, "bombing")) == [], \
        "blame laid by another is an accusation, not the act"



def test_place_of():
    with extra_actors(Kharkiv=("GPE", []), Ukraine=("GPE", ["Ukrainian"])):
        assert _actor(arguments.place_of, "Turkish forces shelled the Ukrainian city of Kharkiv.", "city",
                      target=True) == "Kharkiv", "'the Ukrainian city of Kharkiv': Kharkiv, not Ukraine"
        assert _actor(arguments.place_of, "Turkish forces shelled the Ukrainian city.", "city",
                      target=True) is None, "a place noun with no 'of' name says nothing"


def test_any_such_event():
    ctx = context_of("Egypt would answer any Israeli attack with force.")
    drafts = drafts_of(ctx, triggers.noun_events)
    attack = [d for d in drafts if d.trigger.text == "attack"]
    assert attack and draft_filters.any_such_event(ctx, attack[0], drafts), "'any attack' names a kind of event"
    ctx = context_of("Egypt condemned the Israeli attack.")
    drafts = drafts_of(ctx, triggers.noun_events)
    assert drafts and not any(draft_filters.any_such_event(ctx, d, drafts) for d in drafts), "'the attack' happened"


def test_wish_events():
    """Wanting another to act is a request of it; what is wanted did not happen."""
    found = events_of(analysed("Egypt wants Ethiopia to stop filling the reservoir."))
    assert find(found, "Egypt", "REQUEST")[3] == "Ethiopia", found
    assert not [e for e in found if e[0] == "Ethiopia"], f"what is wanted did not happen: {found}"
    found = events_of(analysed("Egypt wants to join the talks on the reservoir."))
    assert not [e for e in found if e[1] == "REQUEST"], f"wanting to act oneself asks nothing: {found}"
