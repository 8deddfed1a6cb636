"""stages/events/targets.py: whom an act is aimed at, and each rule of VERB_TARGET_RULES on its own
(sentences written for these tests)."""

from __future__ import annotations

from briefgraph.stages.events import targets
from events_fixtures import (
    analysed,
    context_of,
    events_of,
    every_rule_test,
    extra_actors,
    find,
    pipeline_events,
    texts,
    token,
)

RULE_TUPLES = {
    "VERB_TARGET_RULES": targets.VERB_TARGET_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


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


def test_answered_actor():
    with extra_actors(Protesters=("NORP", []), troops=("NORP", []), soldiers=("NORP", [])):
        assert _verb_targets(targets.answered_actor, "Protesters hurled stones at soldiers, and troops responded "
                             "with rubber bullets.", "responded") == ["Protesters"], "the answer is done to them"
        assert _verb_targets(targets.answered_actor, "Protesters hurled stones at soldiers.", "hurled") == []


def test_harmed_meanwhile():
    found = _verb_targets(targets.harmed_meanwhile, "Five protesters were wounded when police fired live rounds "
                          "in Nairobi on Tuesday.", "fired")
    assert found == ["protesters"], f"the act in the clause of time is done to the wounded: {found}"
    found = _verb_targets(targets.harmed_meanwhile, "Two villagers were killed after troops shelled a village in "
                          "Idlib province on Friday.", "shelled")
    assert found == ["villagers"], found
    with extra_actors(traders=("NORP", [])):
        found = _verb_targets(targets.harmed_meanwhile, "Five people were injured when police charged traders "
                              "in Patna on Thursday.", "charged")
    assert found == [], f"the people the act names come first: {found}"
    found = _verb_targets(targets.harmed_meanwhile, "Five protesters were arrested when police fired tear gas "
                          "in Nairobi on Tuesday.", "fired")
    assert found == [], f"only a passive of harm: {found}"


def test_harmed_meanwhile_in_the_pipeline():
    events = pipeline_events("Dozens of students were hurt when riot police stormed a campus in Dhaka on Monday.")
    assert events == [("riot police", "ASSAULT", "Dozens of students")], f"not the town: {events}"


def test_yielded_to():
    with extra_actors(farmers=("NORP", []), unions=("NORP", [])):
        assert "farmers" in _verb_targets(targets.yielded_to, "Bowing to weeks of protests by farmers, Egypt "
                                          "scrapped the fuel tax.", "Bowing"), "the pressure came from farmers"
        assert "unions" in _verb_targets(targets.yielded_to, "Egypt restored the subsidies, giving in to a demand "
                                         "from the unions.", "giving"), "the demand came from the unions"
        assert _verb_targets(targets.yielded_to, "Egypt scrapped the fuel tax after protests by farmers.",
                             "scrapped") == [], "only a participle of yielding names whom it yields to"


def test_joining_a_partners_operations_cooperates_with_the_partner():
    found = events_of(analysed("Egypt joined Sudan's military campaign against Hezbollah."))
    assert find(found, "Egypt", "COOPERATE")[3] == "Sudan", f"joined with Sudan, not against Hezbollah: {found}"
    found = events_of(analysed("Qatar joined Egypt's lawsuit against Israel."))
    assert find(found, "Qatar", "ACCUSE")[3] == "Israel", f"a lawsuit joined is still against Israel: {found}"


def test_shared_object():
    assert _verb_targets(targets.shared_object, "Police beat and arrested dozens of protesters.",
                         "beat") == ["dozens", "protesters"], "'beat and arrested X': X is beaten too"
    assert _verb_targets(targets.shared_object, "Police beat the men and arrested their leader.", "beat") == [], \
        "a verb with an object of its own shares none"
    assert _verb_targets(targets.shared_object, "Soldiers arrested and beat dozens of villagers.", "arrested") == \
        ["dozens", "villagers"], "either order of the two verbs"
    assert _verb_targets(targets.shared_object, "Police withdrew and soldiers arrested the men.", "withdrew") == [], \
        "a verb joined to one with a subject of its own shares nothing"


def test_site_state():
    events = pipeline_events("Vilnius closed its consulate in Kaliningrad and ordered Russian consular staff out.")
    assert ("Lithuania", "SANCTION", "Russia") in events and not [e for e in events if e[2] == "Kaliningrad"], \
        f"a consulate closed in another state's city is aimed at that state: {events}"
    events = pipeline_events("The Governments of Ghana and Germany today signed an agreement under which Germany "
                             "will provide a grant for a new water treatment plant at Kpong.")
    assert ("Germany", "AID", "Ghana") in events, f"a site no gazetteer places is in the other state named: {events}"
    events = pipeline_events("Israeli troops shelled Rafah, Egypt said.")
    assert ("Israel", "ASSAULT", "Rafah") in events, f"force keeps the place it hit (rule 9): {events}"


def test_made_by_names_no_target():
    assert "Russian" not in _verb_targets(targets.names_inside_objects,
                                          "Gunmen attacked the Russian-made helicopter near Gao.", "attacked"), \
        "'the Russian-made helicopter': its maker, not whom the attack is aimed at"
    ctx = context_of("The Chinese-built port was attacked by militants on Sunday.")
    assert "Chinese" not in texts(targets.passive_targets(ctx, token(ctx, "attacked"), False))
    assert "Chinese" not in texts(targets.force_targets(ctx, token(ctx, "attacked")))
    assert "Houthi" in _verb_targets(targets.names_inside_objects,
                                     "Israel struck the Houthi-controlled port of Hodeidah.", "struck"), \
        "a controller is no maker"
