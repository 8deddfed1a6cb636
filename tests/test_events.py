"""Events stage: one test per construction of the issue, on sentences written for
these tests. The text goes through the real structure and parse stages; the
actors, times and quotes are attached by hand (tests/events_fixtures.py) so that
these tests exercise the events stage alone."""

from __future__ import annotations

import pytest

from briefgraph.errors import KnowledgeError
from briefgraph.knowledge import Knowledge
from briefgraph.knowledge.codes import goldstein_of, plover_of
from briefgraph.stages.events import build, find_events
from events_fixtures import ACTOR_TYPES, analysed, events_of, find


def test_passive_agent_is_the_source():
    doc = analysed("The Egyptian delegation was received by Ethiopia in Addis Ababa on Tuesday.")
    event = find(events_of(doc), "Ethiopia", "CONSULT")
    assert event[3] == "Egypt", f"the passive subject should be the target: {event}"


ONE = "a lone sentence tells the act once, the first-named's with the second"


def test_coordinated_subjects_each_act_toward_the_other():
    doc = analysed("Egypt and Sudan agreed to resume flights between their capitals. The flights had stopped "
                   "in April. Airlines said bookings would open next week.")
    found = events_of(doc)
    assert find(found, "Egypt", "AGREE")[3] == "Sudan", found
    assert find(found, "Sudan", "AGREE")[3] == "Egypt", f"in a story each side's part is told: {found}"
    found = events_of(analysed("Egypt and Sudan agreed to resume flights between their capitals."))
    assert [(e[0], e[3]) for e in found if e[1] == "AGREE"] == [("Egypt", "Sudan")], \
        f"a lone sentence tells the act once, the first-named's with the second: {found}"


def test_negation_is_kept_on_the_event():
    doc = analysed("Turkey did not condemn Hamas for the rocket fire.")
    event = find(events_of(doc), "Turkey", "ACCUSE")
    assert event[3] == "Hamas" and event[4] is True, f"'did not condemn' must be negated: {event}"


def test_future_tense_is_planned():
    doc = analysed("Qatar will host Hamas negotiators in Doha next week.")
    event = find(events_of(doc), "Qatar", "CONSULT")
    assert event[3] == "Hamas" and event[5] == "planned", f"'will host' must be planned: {event}"


def test_prepositional_object_is_the_target():
    doc = analysed("Hezbollah launched rockets at Israel overnight, the army said.")
    event = find(events_of(doc), "Hezbollah", "ASSAULT")
    assert event[3] == "Israel", f"'at Israel' should be the target: {event}"


def test_event_noun_with_light_verb_and_possessor():
    doc = analysed("Egypt held talks with Ethiopia on Monday. Israel's strikes on Hezbollah continued.")
    found = events_of(doc)
    assert find(found, "Egypt", "CONSULT")[3] == "Ethiopia", found
    assert find(found, "Israel", "ASSAULT")[3] == "Hezbollah", found


def test_quote_gives_a_statement_event_from_its_speaker():
    text = "Foreign Minister Sameh Shoukry spoke in Cairo. “We are ready for a fair deal,” Shoukry said."
    doc = analysed(text, quotes=[("We are ready for a fair deal,", "Sameh Shoukry", "direct")])
    statements = [e for e in events_of(doc) if e[2] == "01"]
    assert statements and statements[0][0] == "Sameh Shoukry" and statements[0][1] is None, statements


def test_expert_opinion_quote_is_not_coded_as_fact():
    opinion = ("Hamas attacked Israel last year because it wants to derail every round of these talks. "
               "Cairo has little leverage left, and the talks will fail.")
    text = ("Egypt Hosts Sudan Talks\n\nLatest Developments\n\nEgypt held talks with Sudan on Monday in Cairo.\n\n"
            f"Expert Analysis\n\n“{opinion}” Lina Haddad, Senior Fellow at the Regional Policy Institute\n\n"
            "Background\n\nSudan welcomed the talks.")
    doc = analysed(text, quotes=[(opinion, "Lina Haddad", "block")], roles={"Lina Haddad": ["Senior Fellow"]})
    sections = [(s.heading, s.kind) for s in doc.document.sections]
    assert ("Expert Analysis", "body") in sections, f"test text should have an Expert Analysis section: {sections}"
    found = events_of(doc)
    assert not [e for e in found if e[0] == "Hamas"], f"an expert's opinion is not a fact: {found}"
    assert find(found, "Lina Haddad", None)[2] == "01", found


def test_reported_clause_is_reported():
    doc = analysed("Sudan said Ethiopia attacked its border posts.")
    event = find(events_of(doc), "Ethiopia", "ASSAULT")
    assert event[5] == "reported", f"a clause that Sudan reports is 'reported': {event}"


def test_conditional_clause_is_not_an_event_but_the_threat_is():
    doc = analysed("Turkey threatened to expel Israeli diplomats if Israel attacked Hamas again.")
    found = events_of(doc)
    assert find(found, "Turkey", "THREATEN")
    assert not [e for e in found if e[0] == "Israel"], f"the condition did not happen: {found}"


def test_date_is_the_clause_time_else_the_narrative_time():
    text = ("On March 3, Egypt hosted Sudan in Cairo. Ethiopia then criticized Egypt. "
            "On March 5, Sudan praised Ethiopia.")
    doc = analysed(text, times=[("March 3", "2024-03-03"), ("March 5", "2024-03-05")], published="2024-03-10")
    found = events_of(doc)
    assert find(found, "Egypt", "CONSULT")[6] == "2024-03-03", found
    assert find(found, "Ethiopia", "ACCUSE")[6] == "2024-03-03", f"narrative time expected: {found}"
    assert find(found, "Sudan", "SUPPORT")[6] == "2024-03-05", found


def test_a_month_moves_the_narrative_and_an_unknown_clause_time_is_no_date():
    text = ("On March 3, Egypt hosted Sudan in Cairo. In January, Ethiopia had criticized Egypt. "
            "Sudan then praised Ethiopia. Two days later, Egypt condemned Ethiopia.")
    doc = analysed(text, times=[("March 3", "2024-03-03"), ("January", "2024-01"), ("Two days later", None)],
                   published="2024-03-10")
    found = events_of(doc)
    assert find(found, "Sudan", "SUPPORT")[6] == "2024-01", f"the story moved to January: {found}"
    assert find(found, "Egypt", "ACCUSE")[6] is None, f"a clause time with no value is no date, not a guess: {found}"


def test_it_in_a_relative_clause_is_not_the_noun_it_modifies():
    extra = {"Yemeni fishermen": ("GROUP", []), "Eritrea": ("GPE", [])}
    ACTOR_TYPES.update(extra)
    try:
        doc = analysed("On Monday, Eritrea agreed to release the Yemeni fishermen it detained in March.")
    finally:
        for name in extra:
            ACTOR_TYPES.pop(name)
    found = events_of(doc)
    assert [e for e in found if e[0] == "Eritrea"], f"Eritrea's release should be coded: {found}"
    assert not [e for e in found if e[0] == "Yemeni fishermen"], f"the fishermen did not detain anyone: {found}"


def test_no_source_actor_no_event():
    doc = analysed("The talks were postponed because of the weather.")
    assert events_of(doc) == []


def test_event_record_fields():
    doc = analysed("Egypt condemned Israel on Sunday.")
    (event,) = [e for e in find_events(doc, Knowledge.default())["events"] if e.plover == "ACCUSE"]
    assert event.id == "e1" and event.trigger == "condemned"
    assert doc.text[event.evidence.start:event.evidence.end] == event.evidence.text
    assert "condemned Israel" in event.evidence.text
    assert event.goldstein is not None and event.goldstein < 0, "condemning is conflictual on the Goldstein scale"


def test_user_pattern_overrides_shipped_coding(tmp_path):
    doc = analysed("Egypt condemned Israel on Sunday.")
    assert find(events_of(doc), "Egypt", "ACCUSE")
    patterns = tmp_path / "mine.txt"
    patterns.write_text("# my coding\nverb condemn = 172 COERCE\n", encoding="utf-8")
    event = find(events_of(doc, Knowledge.load(patterns=[patterns])), "Egypt", "COERCE")
    assert event[2] == "17", f"the user entry should win: {event}"
    assert find(events_of(doc), "Egypt", "ACCUSE"), "the shipped knowledge is untouched by the user's"


def test_user_pattern_can_void_a_trigger(tmp_path):
    patterns = tmp_path / "mine.txt"
    patterns.write_text("verb condemn * Israel = none\n", encoding="utf-8")
    knowledge = Knowledge.load(patterns=[patterns])
    assert events_of(analysed("Egypt condemned Israel on Sunday."), knowledge) == []


def test_user_patterns_reach_the_whole_pipeline(tmp_path):
    import briefgraph

    patterns = tmp_path / "mine.txt"
    patterns.write_text("verb condemn = 172 COERCE\n", encoding="utf-8")
    record = briefgraph.extract_text("Egypt condemned Israel on Sunday.", published="2024-03-04",
                                     knowledge=Knowledge.load(patterns=[patterns]))
    coded = [(e["trigger"], e["plover"]) for e in record["events"]]
    assert ("condemned", "COERCE") in coded, f"extract_text(knowledge=...) should code with the user file: {coded}"


def test_build_gives_the_stage_function():
    run = build(Knowledge.default())
    doc = analysed("Egypt condemned Israel on Sunday.")
    assert run(doc) == find_events(doc, Knowledge.default()), "build(knowledge)(doc) is find_events(doc, knowledge)"


def test_malformed_pattern_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("verb meet = 040\nverb greet = hello\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match=r"bad\.txt:2"):
        Knowledge.load(patterns=[bad])


def test_shipped_tables_cover_every_root():
    codes = Knowledge.default().patterns.codes
    for root in [f"{i:02d}" for i in range(1, 21)]:
        assert codes.goldstein_of(root) is not None, f"no Goldstein weight for root {root}"
    assert codes.plover_of("043") == "CONSULT"
    assert codes.plover_of("0841") == "RETREAT"
    assert codes.plover_of("010") is None, "statements have no PLOVER type"
    assert codes.goldstein_of("1823") == -10.0
    assert goldstein_of("1823") == -10.0 and plover_of("043") == "CONSULT", "the store's tables are the same"


def test_output_is_deterministic():
    text = "Egypt and Sudan agreed to resume flights. Hezbollah launched rockets at Israel."
    knowledge = Knowledge.default()
    assert find_events(analysed(text), knowledge) == find_events(analysed(text), knowledge)


def test_what_is_demanded_did_not_happen():
    doc = analysed("Egypt demanded that Israel withdraw its troops, and Sudan condemned Hamas.")
    found = events_of(doc)
    assert find(found, "Egypt", "REQUEST")[3] == "Israel", found
    assert find(found, "Sudan", "ACCUSE")[3] == "Hamas", f"a coordinated clause is not demanded: {found}"
    assert not [e for e in found if e[0] == "Israel"], f"the demanded withdrawal did not happen: {found}"


def test_state_adjective_is_the_source_of_an_event_noun():
    doc = analysed("Turkey said an Israeli air strike on Hezbollah positions killed four fighters.")
    event = find(events_of(doc), "Israel", "ASSAULT")
    assert event[3] == "Hezbollah", event
    # "Ethiopian" is no mention of Ethiopia here: the demonym table maps it to the state
    doc = analysed("Sudan said an Ethiopian drone strike hit Khartoum. Ethiopia denied it.")
    assert "Ethiopian" not in [doc.text[s:e] for a in doc.actors for s, e in a.mentions]
    event = find(events_of(doc), "Ethiopia", "ASSAULT")
    assert event[3] == "Sudan", event


def test_relative_clause_subject_is_its_noun_not_its_coordination():
    doc = analysed("Egypt, which backed Sudan in May, and Qatar, which hosted Hamas, met in Doha.")
    found = events_of(doc)
    assert find(found, "Egypt", "SUPPORT")[3] == "Sudan", found
    assert not [e for e in found if e[0] == "Qatar" and e[3] == "Sudan"], f"Qatar does not back Sudan: {found}"


def test_whole_pipeline_codes_events():
    from conftest import analyse_text

    doc = analyse_text("Ministers Meet\n\nLatest Developments\n\nOn March 4, 2024, Egypt hosted Sudan's "
                       "foreign minister in Cairo. The next day, Ethiopia criticized the meeting.",
                       published="2024-03-06")
    names = {a.id: a.name for a in doc.actors}
    coded = [(names.get(e.source), e.plover, e.date) for e in doc.events]
    assert ("Egypt", "CONSULT", "2024-03-04") in coded, coded


def test_us_the_country_is_not_a_pronoun():
    ACTOR_TYPES["United States"] = ("GPE", ["US"])
    try:
        doc = analysed("Turkey demanded that the US halt arms sales to Israel.")
    finally:
        del ACTOR_TYPES["United States"]
    assert find(events_of(doc), "Turkey", "REQUEST")[3] == "United States"


def test_generated_dictionary_is_up_to_date():
    """patterns-petrarch.txt and cameo-plover.txt are what tools/build_event_patterns.py makes."""
    import importlib.util
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    shared = root.parent / "shared" / "data"
    if not (shared / "petrarch2" / "CAMEO.2.0.txt").exists():
        pytest.skip("the reference data (../shared/data) is not beside this checkout")
    spec = importlib.util.spec_from_file_location("build_event_patterns", root / "tools" / "build_event_patterns.py")
    tool = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tool)
    shipped = root / "src" / "briefgraph" / "knowledge" / "events"
    assert tool.build_petrarch(shared / "petrarch2" / "CAMEO.2.0.txt") == \
        (shipped / "patterns-petrarch.txt").read_text(encoding="utf-8"), "rerun tools/build_event_patterns.py"
    assert tool.build_plover(shared / "plover" / "CAMEO2PLOVER-2021.txt") == \
        (shipped / "cameo-plover.txt").read_text(encoding="utf-8"), "rerun tools/build_event_patterns.py"


def test_purpose_infinitive_inherits_the_subject_and_the_place():
    doc = analysed("Egypt sent observers to Sudan on Monday to investigate the killings.")
    found = events_of(doc)
    event = find(found, "Egypt", "ACCUSE")
    assert event[3] == "Sudan", f"'sent ... to Sudan to investigate': Sudan is investigated: {found}"


def test_purpose_infinitive_of_the_same_type_is_one_event():
    doc = analysed("Egypt's foreign minister visited Khartoum to discuss the border with Sudan.")
    consults = [e for e in events_of(doc) if e[0] == "Egypt" and e[1] == "CONSULT"]
    assert len(consults) == 1, f"'visited ... to discuss' is one consultation: {consults}"


def test_inflected_verb_the_lemmatiser_gets_wrong_still_codes():
    doc = analysed("Thousands of Egyptian students staged demonstrations to demand reforms by Israel.")
    protests = [e for e in events_of(doc) if e[1] == "PROTEST"]
    assert protests, f"'staged demonstrations' (lemma 'stag') is a protest: {events_of(doc)}"


def test_actor_named_inside_a_directed_object_is_the_target():
    doc = analysed("Egypt opened its border to refugees fleeing from Sudan.")
    event = find(events_of(doc), "Egypt", "AID")
    assert event[3] == "Sudan", f"the refugees from Sudan: {event}"


def test_wire_dateline_place_is_not_the_source():
    """samples/balkans-kosovo-serbia-crossing.txt opens "BRUSSELS (Reuters) - The European
    Union's envoy ... will visit Belgrade": the parser makes BRUSSELS the subject."""
    from pathlib import Path

    import briefgraph
    from briefgraph.stages.structure import dateline_spans

    text = (Path(__file__).parent.parent / "samples" / "balkans-kosovo-serbia-crossing.txt").read_text()
    assert dateline_spans(text) == [(0, 21)], dateline_spans(text)
    record = briefgraph.extract_text(text, published="2025-03-04")
    names = {a["id"]: a["name"] for a in record["actors"]}
    visits = [(names[e["source"]], names.get(e["target"])) for e in record["events"] if e["trigger"] == "visit"]
    assert visits and visits[0][0] == "European Union", f"the dateline city filed the story, it did not act: {visits}"


def test_members_of_a_group_noun_talk_to_each_other_not_to_the_place():
    doc = analysed("Negotiators for the Egyptian government and Hamas resumed talks in Doha on Monday.")
    found = events_of(doc)
    assert find(found, "Egypt", "CONSULT")[3] == "Hamas", f"the other party, not the host city: {found}"
    assert not [e for e in found if e[0] == "Hamas" and e[1] == "CONSULT"], f"{ONE}: {found}"


def test_the_bloc_stands_for_the_organisation_named_before():
    import briefgraph
    record = briefgraph.extract_text(
        "The African Union suspended Niger after the coup. In February the bloc condemned Niger "
        "for detaining the president.", published="2024-03-01")
    names = {a["id"]: a["name"] for a in record["actors"]}
    accusations = [(names[e["source"]], names.get(e["target"])) for e in record["events"] if e["plover"] == "ACCUSE"]
    assert ("African Union", "Niger") in accusations, f"'the bloc' is the African Union: {accusations}"


def test_future_with_a_typographic_apostrophe_is_planned():
    """knowledge/words.txt future_aux has "’ll" beside "'ll" (the events stage's own list had only "'ll")."""
    for text in ("Qatar said it'll host Hamas negotiators.", "Qatar said it’ll host Hamas negotiators."):
        event = find(events_of(analysed(text)), "Qatar", "CONSULT")
        assert event[5] == "planned", f"'ll is the future whatever the apostrophe: {text!r} -> {event}"


def test_experts_say_heading_is_opinion():
    """knowledge/words.txt opinion_headings has "experts say" (the quotes stage's opinion headings have it too)."""
    text = ("Egypt Hosts Sudan Talks\n\nLatest Developments\n\nEgypt held talks with Sudan on Monday in Cairo.\n\n"
            "Experts Say\n\nHamas attacked Israel to derail the talks.")
    found = events_of(analysed(text))
    assert find(found, "Egypt", "CONSULT")
    assert not [e for e in found if e[0] == "Hamas"], f"a section of experts' views is not coded as fact: {found}"


def test_a_forward_looking_section_is_opinion():
    """knowledge/words.txt opinion_headings has a brief's forward-looking headings ("What It Means", "Outlook",
    "What to Watch"): its authors' guesses, not acts; the events of "Latest Developments" and "Background" stay."""
    for heading in ("What It Means", "Outlook", "What to Watch", "Why It Matters"):
        text = ("Egypt Hosts Sudan Talks\n\nLatest Developments\n\nEgypt held talks with Sudan on Monday in Cairo.\n\n"
                f"{heading}\n\nHamas could attack Israel to derail the talks.\n\n"
                "Background\n\nIsrael struck Hamas positions in Gaza in January.")
        found = events_of(analysed(text))
        assert find(found, "Egypt", "CONSULT") and find(found, "Israel", "ASSAULT"), f"facts stay: {found}"
        assert not [e for e in found if e[0] == "Hamas"], f"{heading!r} holds guesses, not acts: {found}"


def test_bare_future_keeps_its_type_a_stated_intent_is_agree():
    found = events_of(analysed("Qatar will send aid to Sudan."))
    event = find(found, "Qatar", "AID")
    assert event[3] == "Sudan" and event[5] == "planned", f"'will send aid': AID, planned: {found}"
    found = events_of(analysed("Qatar said it would send aid to Sudan."))
    assert find(found, "Qatar", "AGREE")[3] == "Sudan", f"'said it would send': Qatar's stated intent: {found}"
    found = events_of(analysed("Qatar is willing to send aid to Sudan."))
    assert find(found, "Qatar", "AGREE")[3] == "Sudan", f"'willing to send': an intent: {found}"


def test_reciprocal_clause_makes_coordinated_actors_each_others_targets():
    found = events_of(analysed("Egypt and Sudan restored diplomatic ties."))
    assert find(found, "Egypt", "SUPPORT")[3] == "Sudan", found
    assert not [e for e in found if e[0] == "Sudan" and e[1] == "SUPPORT"], f"{ONE}: {found}"
    found = events_of(analysed("Egypt and Sudan praised the ruling."))
    assert find(found, "Egypt", "SUPPORT")[3] is None, f"no reciprocal word, no partner target: {found}"


def test_agents_of_a_passive_are_not_each_others_partners():
    found = events_of(analysed("Egypt and Sudan met in Cairo on Monday."))
    assert find(found, "Egypt", "CONSULT")[3] == "Sudan", found
    found = events_of(analysed("Navy ships began drills on Monday, expected to be joined by Egypt and Sudan."))
    pairs = [(e[0], e[3]) for e in found]
    assert ("Egypt", "Sudan") not in pairs and ("Sudan", "Egypt") not in pairs, \
        f"coordinated agents of a passive act on its subject, not on each other: {found}"
