"""Events-stage behaviour that is no rule of a tuple: coding with particles, negation, place targets,
repression tactics, protest phrasings and the parse helpers, each on a sentence written for it,
through the real structure and parse stages (tests/events_fixtures.py). The rules of each tuple are
tested in the file of their module (test_events_triggers, _draft_filters, _subjects, _targets,
_noun_targets, _arguments, _attributions: test_every_rule_has_a_test there)."""

from __future__ import annotations

from briefgraph.knowledge import Knowledge
from briefgraph.stages.events import arguments, subjects, target_choice, triggers
from briefgraph.stages.events.coding import is_event_noun
from briefgraph.stages.events.syntax import proper_nouns_below
from events_fixtures import (
    actor_by_rule,
    analysed,
    coded,
    coded_events,
    context_of,
    events_of,
    extra_actors,
    pipeline_events,
    texts,
    token,
)


def test_a_particle_read_as_an_adverb_codes_with_its_verb():
    ctx = context_of("Dockers in Mombasa walked out on Thursday.")
    assert coded(ctx, "walked") is not None and coded(ctx, "walked").cameo == "143", \
        "'walked out' (the parser makes 'out' an adverb) is a walkout"
    ctx = context_of("Dockers in Mombasa walked quickly.")
    assert coded(ctx, "walked") is None or coded(ctx, "walked").cameo != "143", "a plain adverb is no particle"


def test_a_particle_heading_its_phrase_or_after_the_object_codes_with_its_verb():
    for text, verb, cameo in (("Mali stayed away from the summit in Abuja.", "stayed", "125"),
                              ("The delegates kept away from the conference with Kenya.", "kept", "125"),
                              ("Ukraine handed the bodies of 50 soldiers back to Russia.", "handed", "0842")):
        ctx = context_of(text)
        assert coded(ctx, verb) is not None and coded(ctx, verb).cameo == cameo, \
            f"'{verb}' with its particle heading a phrase or after the object: {text}"
    ctx = context_of("Mali stayed in Abuja far away from the summit.")
    assert coded(ctx, "stayed") is None or coded(ctx, "stayed").cameo != "125", \
        "an adverb after other words of the clause is no particle"


def test_passive_object_words():
    ctx = context_of("Diplomatic ties with Chile were cut by Peru on Monday.")
    active = context_of("Peru cut diplomatic ties with Chile on Monday.")
    passive, own = coded(ctx, "cut"), coded(active, "cut")
    assert own is not None and passive is not None, "both voices of 'cut ties' are coded"
    assert passive.cameo == own.cameo, \
        f"'ties were cut' codes as 'cut ties' ({own.cameo}), not {passive.cameo}"


def test_neither_actor():
    from briefgraph.stages.events.syntax import neither_actor
    ctx = context_of("Neither Japan nor Canada rejected the plan.")
    assert neither_actor(token(ctx, "rejected")), "'Neither Japan nor Canada rejected': negated"
    ctx = context_of("Japan and Canada rejected the plan.")
    assert not neither_actor(token(ctx, "rejected")), "'Japan and Canada rejected' is not negated"


def test_hyphen_first():
    from briefgraph.stages.events.syntax import context_forms, forms, hyphen_first
    ctx = context_of("Police broke up the sit-in outside the ministry.")
    assert hyphen_first(token(ctx, "in")) == "sit", "the tokeniser splits 'sit-in': its last token is the word"
    assert "sit-in" in context_forms(token(ctx, "in")) and "sit-in" not in forms(token(ctx, "in"))
    ctx = context_of("Police broke up the sit - in outside the ministry.")
    assert hyphen_first(token(ctx, "in")) is None, "a spaced dash joins no word"
    events = coded_events("Riot police broke up a sit-in by nurses in Tunis.")
    assert ("Riot police", "ASSAULT", "175", "nurses") in events, f"'break up * sit-in' (175): {events}"


def test_noun_forms_read_listed_hyphenated_nouns_whole():
    from briefgraph.stages.events.syntax import noun_forms
    ctx = context_of("A sit-in by nurses outside the ministry ended.")
    assert "sit-in" in noun_forms(token(ctx, "in"), {"sit-in"}), "a listed hyphenated noun is read whole"
    assert "sit-in" not in noun_forms(token(ctx, "in"), {"walk-out"}), "an unlisted one keeps its last part"
    events = coded_events("A week-long sit-in by teachers outside parliament in Accra ended on Friday.")
    assert any(e[1:3] == ("PROTEST", "141") and e[0] == "teachers" for e in events), f"the sit-in is a PROTEST: {events}"
    events = coded_events("The cease-fire between the clans collapsed in Baidoa.")
    assert not any(e[1] == "PROTEST" for e in events), f"no gathering noun, no protest: {events}"


def test_counterfactual():
    from briefgraph.stages.events.syntax import counterfactual
    ctx = context_of("Had the storm passed, Chile would have met Peru in Lima.")
    assert counterfactual(token(ctx, "met")), "'would have met': it did not happen"
    ctx = context_of("Chile has met Peru in Lima.")
    assert not counterfactual(token(ctx, "met")), "'has met' happened"


def test_modal_perfect():
    from briefgraph.stages.events.syntax import counterfactual, modal_perfect
    ctx = context_of("Russia may have struck the depot in Odesa, officials said.")
    assert modal_perfect(token(ctx, "struck")) == "may", "'may have struck': a past told with a modal"
    assert not counterfactual(token(ctx, "struck")), "'may have struck' may have happened: no counterfactual"
    ctx = context_of("Had the storm passed, Chile would've met Peru in Lima.")
    assert counterfactual(token(ctx, "met")), "'would've met': the contracted perfect"
    ctx = context_of("Chile will meet Peru in Lima.")
    assert modal_perfect(token(ctx, "meet")) is None, "a plain future is no modal perfect"


def test_place_beside_people():
    ctx = context_of("Chilean police fired tear gas at students in Valparaiso.")
    place = token(ctx, "Valparaiso")
    assert target_choice.place_beside_people(ctx, place, [token(ctx, "students")]), \
        "the students are what the police fired at; Valparaiso is where"
    assert not target_choice.place_beside_people(ctx, place, [token(ctx, "gas")]), \
        "with no people named, the place may still be the target"


def test_place_of_people_act():
    with extra_actors(**{"Anambas Islands": ("LOC", []), "Rafah": ("LOC", [])}):
        found = events_of(analysed("Egypt seized a Turkish fishing boat off the Anambas Islands and arrested its crew."))
        assert "Anambas Islands" not in [e[3] for e in found], \
            f"an arrest is never aimed at the place its people were seized near: {found}"
        found = events_of(analysed("Israel stopped a convoy bound for Rafah and detained its drivers."))
        assert "Rafah" not in [e[3] for e in found if e[1] == "COERCE"], \
            f"'its drivers' of a convoy bound for Rafah are no place: {found}"
        found = events_of(analysed("Egypt detained two Turkish sailors in Cairo."))
        assert ("Egypt", "COERCE", "17", "Turkey") in [e[:4] for e in found], \
            f"a nationality still stands for its state: {found}"
        found = events_of(analysed("Egypt arrested 30 over an attack on a church in Rafah."))
        assert "Rafah" in [e[3] for e in found], f"a place in the arrest's own clause stays: {found}"
        found = events_of(analysed("Israel shelled a convoy near Rafah."))
        assert "Rafah" in [e[3] for e in found], f"an attack may still be aimed at a place: {found}"


def test_own_forces_moved():
    for text in ("Sudan deployed thousands of troops to the border.",
                 "About 40,000 reservists were called up by Venezuela on Sunday."):
        found = pipeline_events(text)
        moves = [e for e in found if e[1] == "MOBILIZE"]
        assert moves and all(e[2] is None for e in moves), f"the forces a state moves are no target: {found}"
    found = pipeline_events("Sudanese troops attacked Ethiopian troops near the border.")
    assert any(e[1] == "ASSAULT" and e[2] is not None for e in found), \
        f"an attack on forces keeps its target (only shows of force skip them): {found}"
    found = pipeline_events("Eritrea's withdrawal of troops from Tigray was confirmed by the African Union.")
    assert [e for e in found if e[1] == "RETREAT" and e[2] == "Tigray"], \
        f"troops pulled out are the doer's own, the place left is the target: {found}"


def test_repression_tactics_are_coded_175():
    ctx = context_of("Chilean police fired tear gas at students in Valparaiso.")
    coding = coded(ctx, "fired")
    assert coding is not None and coding.cameo == "175", \
        f"tear gas is a tactic of violent repression (CAMEO 175), got {coding}"


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


def test_pronoun_skips_a_place_describing_a_group_and_its_own_subject():
    with extra_actors(Police=("NORP", []), Lagos=("GPE", []), Jayapura=("GPE", []), police=("NORP", []),
                      students=("NORP", [])):
        assert actor_by_rule(arguments.pronoun_antecedent, "Police in Lagos said they had arrested 17 people.",
                      "they") == "Police", "'Police in Lagos': Lagos says where the police are"
        assert actor_by_rule(arguments.pronoun_antecedent, "students staged a rally in Jayapura, and police arrested "
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


def test_own_side_announced():
    found = pipeline_events("A senior Iranian commander warned that Tehran would strike American bases if the "
                            "blockade continued.")
    assert any(e[1] == "THREATEN" and e[2] == "United States" for e in found), \
        f"a threat is aimed at whom its own side's announced act hits, not at its own side: {found}"
    found = pipeline_events("Baghdad would expel the Turkish ambassador if the shelling continued, a senior Iraqi "
                            "official warned.")
    assert not any(e[1] == "THREATEN" and e[2] == "Baghdad" for e in found), f"not at its own capital: {found}"
    found = pipeline_events("Iran warned that Israel would pay a heavy price for the strike.")
    assert ("Iran", "THREATEN", "Israel") in found, f"another side announced stays the target: {found}"
