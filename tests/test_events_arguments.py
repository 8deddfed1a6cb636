"""Who and whom of an event (stages/events/arguments.py, subjects.py, coding.py): each rule of
ACTOR_RULES on its own, and through the whole pipeline the doers of a report verb's gerund, an act
summed up by a noun after a comma, a relative clause's object. Sentences written for each."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.stages.events import arguments
from briefgraph.stages.events.arguments import Ask
from briefgraph.stages.events.context import demonym_states
from briefgraph.stages.events.targets import LATE, Late
from events_fixtures import (
    actor_by_rule,
    analysed,
    context_of,
    events_of,
    every_rule_test,
    extra_actors,
    find,
    pipeline_events,
    token,
)

RULE_TUPLES = {
    "ACTOR_RULES": arguments.ACTOR_RULES,
}


test_every_rule_has_a_test = every_rule_test(__name__, RULE_TUPLES)


def test_more_of_the_same():
    with extra_actors(**{"police": ("GROUP", []), "supporters": ("GROUP", []), "Maputo": ("GPE", [])}):
        ctx = context_of("The police fired at supporters in Maputo, wounding eight, and detained dozens more.")
        found = arguments.more_of_the_same(ctx, Ask(token(ctx, "dozens")))
        assert found is not None and found.name == "supporters", "'dozens more': more of the supporters"
        assert arguments.more_of_the_same(ctx, Ask(token(ctx, "eight"))) is None, "no 'more' after it"


def test_pronoun_antecedent():
    assert actor_by_rule(arguments.pronoun_antecedent, "Sameh Shoukry arrived on Monday. He met Hamas.", "He") == \
        "Sameh Shoukry", "'he': the person named before"
    assert actor_by_rule(arguments.pronoun_antecedent, "Egypt arrived on Monday. He met Hamas.", "He") == "NOBODY", \
        "'he' with no person before stands for nobody"
    assert actor_by_rule(arguments.pronoun_antecedent, "Egypt condemned Israel.", "Egypt") is None, "not a pronoun"


def test_other_pronoun():
    assert actor_by_rule(arguments.other_pronoun, "Those who attacked Egypt fled.", "Those") == "NOBODY", \
        "'those who ...' resolves to no actor"


def test_named_actor():
    assert actor_by_rule(arguments.named_actor, "Egypt condemned Israel.", "Egypt") == "Egypt"
    with extra_actors(CAIRO=("GPE", [])):
        found = actor_by_rule(arguments.named_actor, "CAIRO (Reuters) - Egypt condemned Israel.", "CAIRO")
    assert found is None, "a wire dateline's place filed the story, it is no actor of it"


def test_too_deep():
    assert actor_by_rule(arguments.too_deep, "Egypt condemned Israel.", "Egypt", depth=arguments.MAX_DEPTH + 1) == "NOBODY"
    assert actor_by_rule(arguments.too_deep, "Egypt condemned Israel.", "Egypt", depth=arguments.MAX_DEPTH) is None


def test_definite_description():
    with extra_actors(**{"African Union": ("ORG", []), "Niger": ("GPE", [])}):
        found = actor_by_rule(arguments.definite_description,
                       "The African Union suspended Niger after the coup. The bloc condemned Niger.", "bloc")
    assert found == "African Union", "'the bloc' stands for the organisation named before"


def test_kind_description():
    def kind_actor(text: str, name: str, code: str) -> str | None:
        with extra_actors(**{name: ("ORG", []), "Nigeria": ("GPE", [])}):
            ctx = context_of(text)
        next(a for a in ctx.actors if a.name == name).code = code
        found = arguments.kind_description(ctx, arguments.Ask(token(ctx, "group")))
        return found.name if found is not None else None

    text = "Human Rights Watch said soldiers killed 12 villagers. The rights group urged Nigeria to open an inquiry."
    assert kind_actor(text, "Human Rights Watch", "NGOHRI") == "Human Rights Watch", \
        "'the rights group' stands for the rights organisation named before"
    assert kind_actor(text.replace("The rights", "A rights"), "Human Rights Watch", "NGOHRI") is None, \
        "'a rights group' is another body"
    assert kind_actor(text.replace("Human Rights Watch", "World Bank"), "World Bank", "IGOWBK") is None, \
        "a bank is no rights group"


def test_named_head_description():
    with extra_actors(**{"Kyrgyz Foreign Ministry": ("ORG", []), "Kazakhstan": ("GPE", []),
                         "Estonian Defence Forces": ("ORG", [])}):
        found = actor_by_rule(arguments.named_head_description,
                              "The Kyrgyz Foreign Ministry said the talks failed. The ministry summoned "
                              "Kazakhstan's envoy.", "ministry")
        assert found == "Kyrgyz Foreign Ministry", "'the ministry' stands for the ministry named before"
        found = actor_by_rule(arguments.named_head_description,
                              "The Estonian Defence Forces said drills began. The ministry thanked the "
                              "forces.", "ministry")
        assert found is None, "no organisation named before ends in 'ministry'"
    assert arguments.head_word("Ministry of Defence") == "ministry"


def test_compass_short_name():
    with extra_actors(**{"North Korea": ("GPE", []), "South Korea": ("GPE", [])}):
        text = "North Korea fired two missiles on Sunday. South Korea condemned the North for the launch."
        assert actor_by_rule(arguments.compass_short_name, text, "North", nth=1) == "North Korea", \
            "'the North': the state named before whose name begins with the word"
        assert find(events_of(analysed(text)), "South Korea", "ACCUSE")[3] == "North Korea"
    assert actor_by_rule(arguments.compass_short_name, "Hamas fighters in the North attacked Israel.", "North") is None, \
        "no actor named with the word"


def test_titled_person():
    assert actor_by_rule(arguments.titled_person, "Deputy Foreign Minister and Special Envoy Sameh Shoukry met Hamas.",
                  "Minister") == "Sameh Shoukry", "a title heading a phrase that names its holder"


def test_titled_person_not_in_a_place_phrase():
    with extra_actors(**{"Malam Kura": ("PERSON", [])}):
        found = actor_by_rule(arguments.titled_person, "The attack on the army base at Malam Kura was repelled.", "base")
    assert found is None, f"a name in the head's place phrase says where it is, it holds no title: {found}"


def test_titled_person_no_possessed_act():
    found = actor_by_rule(arguments.titled_person, "Egypt condemned Israel's detention of the envoy Omar Farouk.",
                          "detention")
    assert found is None, f"an act whose possessor is its doer holds no title: {found}"
    events = pipeline_events("Turkey denounced Israel's arrest of the writer Lina Haddad.")
    assert ("Turkey", "ACCUSE", "Israel") in events, f"the blame goes to the act's doer: {events}"


def test_group_of():
    assert actor_by_rule(arguments.group_of, "Envoys from Qatar met Hamas.", "Envoys") == "Qatar", "'envoys from Qatar'"


def test_apposition():
    assert actor_by_rule(arguments.apposition, "Its ally, Egypt, condemned Israel.", "ally") == "Egypt", \
        "'its ally, Egypt'"


def test_named_apposition():
    with extra_actors(**{"Pavel Sorokin": ("PERSON", [])}):
        found = actor_by_rule(arguments.named_apposition,
                       "Germany granted asylum to a dissident journalist, Pavel Sorokin, last year.", "journalist")
    assert found == "Pavel Sorokin", f"a common noun with a name in apposition stands for the named: {found}"


def test_named_modifier():
    assert actor_by_rule(arguments.named_modifier, "The Hamas delegation arrived in Cairo.", "delegation") == "Hamas", \
        "'the Hamas delegation'"
    assert actor_by_rule(arguments.named_modifier, "Beijing-backed hackers targeted Taiwan.", "hackers") is None, \
        "'Beijing-backed hackers' are not Beijing's own (clauses.txt maker_participles)"
    assert actor_by_rule(arguments.named_modifier, "Israel struck the Hamas-controlled ministry.", "ministry", target=True) == \
        "Hamas", "'the Hamas-controlled ministry' is Hamas's (control is no maker participle)"


def test_demonym_modifier():
    assert actor_by_rule(arguments.demonym_modifier, "Ethiopian drones hit Sudan, Ethiopia said.", "drones") == "Ethiopia", \
        "'Ethiopian drones' are the Ethiopian state's"
    assert actor_by_rule(arguments.demonym_modifier, "Ethiopian workers protested in Sudan, Ethiopia said.", "workers") is None, \
        "'Ethiopian workers' are not the state"
    assert actor_by_rule(arguments.demonym_modifier, "Sudan attacked Ethiopian workers, Ethiopia said.", "workers", target=True) == \
        "Ethiopia", "as a target, the state's people are the state"


def test_office_in_named():
    assert actor_by_rule(arguments.office_in_named, "A court in Moscow sentenced a U.S. journalist to prison.", "court") == \
        "Moscow", "a body 'in' a named place with no actor of its own stands for the place"
    with extra_actors(**{"University of Dhaka": ("ORG", [])}):
        assert actor_by_rule(arguments.office_in_named, "The rector of the University of Dhaka threatened the students.",
                      "rector") == "University of Dhaka", "an office 'of' a named organisation stands for it"
    assert actor_by_rule(arguments.office_in_named, "The district magistrate lifted the curfew.", "magistrate") is None, \
        "an office with no place, state or organisation named: no actor"
    assert actor_by_rule(arguments.office_in_named, "A bus in Moscow hit a U.S. journalist.", "bus") is None, \
        "a noun that is no body or office (offices.txt) stands for nothing"


def test_demonym_modifier_reads_bodies_and_offices_as_the_state():
    assert actor_by_rule(arguments.demonym_modifier, "An Egyptian court sentenced two Turkish tourists.", "court") == \
        "Egypt", "'an Egyptian court' (offices.txt) acts for Egypt, as 'Egyptian troops' do"


def test_demonym_itself():
    assert actor_by_rule(arguments.demonym_itself, "The Ethiopians protested in Sudan, Ethiopia said.", "Ethiopians") == "Ethiopia"
    assert actor_by_rule(arguments.demonym_itself, "The Ethiopians protested in Sudan, Ethiopia said.", "Ethiopians", depth=1) is None, \
        "only at the top level"


def test_demonyms_come_from_the_actor_knowledge_base():
    states = demonym_states(Knowledge.default().actors.kb)
    assert states["iranian"] == "IRN" and states["israeli"] == "ISR"
    assert states["congolese"] == "COG" and states["dominican"] == "DMA", \
        "a demonym two states share goes to the shorter-named state (as demonyms.csv's first row did)"


def test_late_mark_is_one_value():
    assert isinstance(LATE, Late)


def test_weapon_user():
    with extra_actors(police=("NORP", []), guards=("NORP", [])):
        assert actor_by_rule(arguments.weapon_user, "Students were injured by rubber bullets fired by police.",
                      "bullets") == "police", "'rubber bullets fired by police'"
        assert actor_by_rule(arguments.weapon_user, "Three protesters were wounded by gunfire from guards.",
                      "gunfire") == "guards", "'gunfire from guards'"
        assert actor_by_rule(arguments.weapon_user, "Egypt condemned Israel.", "Egypt") is None, "no weapon"


def test_counted_of():
    with extra_actors(**{"Papuan students": ("NORP", []), "police": ("NORP", [])}):
        assert actor_by_rule(arguments.counted_of, "Papuan students staged a rally, and police arrested 19 of them.",
                      "19") == "Papuan students", "'19 of them': the students, not the police"


def test_place_of():
    with extra_actors(Kharkiv=("GPE", []), Ukraine=("GPE", ["Ukrainian"])):
        assert actor_by_rule(arguments.place_of, "Turkish forces shelled the Ukrainian city of Kharkiv.", "city",
                      target=True) == "Kharkiv", "'the Ukrainian city of Kharkiv': Kharkiv, not Ukraine"
        assert actor_by_rule(arguments.place_of, "Turkish forces shelled the Ukrainian city.", "city",
                      target=True) is None, "a place noun with no 'of' name says nothing"


def test_a_material_gerund_of_a_report_verb_is_the_reported_doers():
    found = pipeline_events("Egypt will reopen the Rafah crossing, officials said, yielding to pressure from Qatar.")
    assert ("Egypt", "CONCEDE", "Qatar") in found, f"Egypt yields, not the officials who said so: {found}"


def test_a_speech_gerund_of_a_report_verb_stays_the_speakers():
    found = pipeline_events("Two Kenyan soldiers died when a bomb hit their truck, Kenya's army said, blaming al-Shabaab.")
    assert any(e[1] == "ACCUSE" and e[2] == "al-Shabaab" and e[0] != "al-Shabaab" for e in found), \
        f"blaming is the speaker's act: {found}"


def test_a_move_summed_up_after_a_comma_is_coded_with_its_noun():
    found = pipeline_events("Kenya expelled two Somali diplomats, a move welcomed by Ethiopia.")
    assert ("Ethiopia", "SUPPORT", "Kenya") in found, f"welcoming a move is support of its doer (051): {found}"
    found = pipeline_events("Drones launched by Russia hit Odesa overnight.")
    assert not any(e[0] == "Russia" and e[2] == "Drones" for e in found), f"a participle on a plain noun: {found}"


def test_a_relative_object_is_the_verbs_object() -> None:
    found = pipeline_events("The agreement, which Bangladesh and Myanmar signed in Naypyitaw, sets out a timetable.")
    assert ("Bangladesh", "SUPPORT", "Myanmar") in found, found


def test_office_holder():
    text = "Senegal's Prime Minister Ousmane Sonko visited Paris. France thanked the prime minister."
    with extra_actors(**{"Ousmane Sonko": ("PERSON", [])}):
        found = actor_by_rule(arguments.office_holder, text, "minister", roles={"Ousmane Sonko": ["Prime Minister"]})
    assert found == "Ousmane Sonko", \
        "'the prime minister': the prime minister named before (office_holders.py)"
